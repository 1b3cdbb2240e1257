namespace Convene.Testing.Media;

/// <summary>Bounded waiting for something another thread does: polls every 10 ms until true or the timeout.</summary>
public static class Poll
{
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 >= deadline)
            {
                return condition();
            }

            await Task.Delay(10, cancellationToken);
        }

        return true;
    }
}
