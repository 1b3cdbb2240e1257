using Convene.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddConveneCore();
builder.AddConveneAuth();
builder.AddConveneRooms();
builder.AddConveneOpenApi();

var app = builder.Build();
app.UseConveneErrors();
app.MapConveneApis();
await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can reach it.</summary>
public partial class Program;
