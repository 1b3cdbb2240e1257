using System.Globalization;

namespace Convene.Bench.Rest;

/// <summary>Latencies of one operation (merged from every client) and the derived figures.</summary>
internal sealed class LatencyStats(string name)
{
    private readonly List<double> _milliseconds = [];

    public string Name => name;

    public int Errors { get; private set; }

    public TimeSpan Elapsed { get; set; }

    public int Count => _milliseconds.Count;

    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Count / Elapsed.TotalSeconds : 0;

    public void Merge(IEnumerable<double> samples, int errors)
    {
        lock (_milliseconds)
        {
            _milliseconds.AddRange(samples);
            Errors += errors;
        }
    }

    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        _milliseconds.Sort();
        var index = (int)Math.Ceiling(p / 100 * _milliseconds.Count) - 1;
        return _milliseconds[Math.Clamp(index, 0, _milliseconds.Count - 1)];
    }

    public string Format() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name,-22} {Count,8} req {RequestsPerSecond,9:F0} req/s   p50 {Percentile(50),6:F2} ms   p95 {Percentile(95),6:F2} ms   p99 {Percentile(99),6:F2} ms   errors {Errors}");
}
