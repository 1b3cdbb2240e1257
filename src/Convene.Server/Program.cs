using Convene.Server.Apis;
using Convene.Server.Hosting;
using Convene.Server.Recordings;
using Convene.Server.Realtime;
using Convene.Server.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddConveneCore();
builder.AddConveneAuth();
builder.AddConveneRooms();
builder.AddConveneMedia();
builder.AddConveneSignalling();
builder.AddConveneRecordings();
builder.AddConveneOpenApi();

var app = builder.Build();
app.UseConveneErrors();
app.MapConveneApis();
app.MapSignallingEndpoint();
app.MapMeetingsApi();
app.MapRecordingsApi();
app.MapConveneWebComponent();
app.MapConveneWebApp();
await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can reach it.</summary>
public partial class Program;
