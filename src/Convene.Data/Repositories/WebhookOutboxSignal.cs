namespace Convene.Data.Repositories;

/// <summary>
/// Wakes the webhook delivery loop when outbox rows were committed. The loop calls <see cref="Reset"/> before it
/// looks for work and then waits on <see cref="Current"/>, so a commit made while it was looking is not missed.
/// </summary>
public sealed class WebhookOutboxSignal
{
    private TaskCompletionSource _pending = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when <see cref="Notify"/> is called after the last <see cref="Reset"/>.</summary>
    public Task Current => Volatile.Read(ref _pending).Task;

    public void Notify() => Volatile.Read(ref _pending).TrySetResult();

    public void Reset()
    {
        var current = Volatile.Read(ref _pending);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _pending, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }
    }
}
