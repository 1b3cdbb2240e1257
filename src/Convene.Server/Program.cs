using Convene.Server.Apis;
using Convene.Server.Hosting;
using Convene.Server.Recordings;

var builder = WebApplication.CreateBuilder(args);
builder.AddConveneCore();
builder.AddConveneAuth();
builder.AddConveneRooms();
builder.AddConveneRecordings();
builder.AddConveneOpenApi();

var app = builder.Build();
app.UseConveneErrors();
app.MapConveneApis();
app.MapRecordingsApi();
await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can reach it.</summary>
public partial class Program;
