namespace Admissions.Web.Security;

/// <summary>
/// What a page must do before its person is signed out (by the idle timeout in the browser, or because the session
/// ended on the server): typically save a draft of an unsaved form. A page registers a callback for as long as it is
/// open (<c>@implements IDisposable</c>, <c>_hook = Hooks.Register(SaveDraftAsync)</c>, <c>_hook.Dispose()</c>); the callbacks
/// run while the person is still signed in, together, for at most <see cref="Limit"/>. A callback that touches the
/// component should go through <c>InvokeAsync</c>.
/// </summary>
public sealed partial class SignOutHooks(ILogger<SignOutHooks> logger)
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly List<Func<CancellationToken, Task>> _callbacks = [];

    public IDisposable Register(Func<CancellationToken, Task> beforeSignOut)
    {
        lock (_gate)
        {
            _callbacks.Add(beforeSignOut);
        }

        return new Registration(this, beforeSignOut);
    }

    public async Task RunAsync()
    {
        Func<CancellationToken, Task>[] callbacks;
        lock (_gate)
        {
            callbacks = [.. _callbacks];
        }

        if (callbacks.Length == 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await Task.WhenAll(callbacks.Select(c => RunOneAsync(c, timeout.Token))).WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            LogTimedOut(logger, callbacks.Length);
        }
    }

    private async Task RunOneAsync(Func<CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        try
        {
            await callback(cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(logger, ex);
        }
    }

    private void Remove(Func<CancellationToken, Task> callback)
    {
        lock (_gate)
        {
            _callbacks.Remove(callback);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page's save before sign-out failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pages took too long to save before sign-out ({Count} callbacks); signing out anyway")]
    private static partial void LogTimedOut(ILogger logger, int count);

    private sealed class Registration(SignOutHooks hooks, Func<CancellationToken, Task> callback) : IDisposable
    {
        public void Dispose() => hooks.Remove(callback);
    }
}
