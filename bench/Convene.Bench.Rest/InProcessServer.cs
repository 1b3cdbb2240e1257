namespace Convene.Bench.Rest;

/// <summary>The real server in this process on loopback (see <see cref="LoopbackServer{TEntryPoint}"/>).</summary>
internal sealed class InProcessServer(string apiKey) : LoopbackServer<Program>(apiKey, "convene-bench");
