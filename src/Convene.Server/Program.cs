var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can reach it.</summary>
public partial class Program;
