using Convene.Server.Apis;
using Convene.Server.Hosting;
using Convene.Server.Recordings;
using Convene.Server.Realtime;
using Convene.Server.Web;
using Convene.Server.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddConveneCore();
builder.AddConveneAuth();
builder.AddConveneRooms();
builder.AddConveneMedia();
builder.AddConveneSignalling();
builder.AddConveneRecordings();
builder.AddConveneWebhooks();
builder.AddConveneOpenApi();

var app = builder.Build();
app.UseConveneErrors();
app.MapConveneApis();
app.MapSignallingEndpoint();
app.MapMeetingsApi();
app.MapRecordingsApi();
app.MapConveneWebComponent();
app.MapConfigApi();
app.MapAnalyticsApi();
app.MapWebhooksApi();
app.MapConveneWebApp();
await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can reach it.</summary>
public partial class Program;
