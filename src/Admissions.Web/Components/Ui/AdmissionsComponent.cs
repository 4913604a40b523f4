using Admissions.Application.Common;
using Admissions.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Admissions.Web.Components.Ui;

/// <summary>Base for pages: sends requests and turns failures into a snackbar, keeping what was typed.</summary>
public abstract partial class AdmissionsComponent : ComponentBase
{
    [Inject]
    protected ISender Sender { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<AdmissionsComponent> Logger { get; set; } = default!;

    [Inject]
    private ICurrentUser SignedInUser { get; set; } = default!;

    [Inject]
    private IJSRuntime Browser { get; set; } = default!;

    /// <summary>Whether the signed-in person may send <typeparamref name="TRequest"/>: a button is shown only when its request would be accepted.</summary>
    protected bool Can<TRequest>() => Security.RequestPolicies.Allows<TRequest>(SignedInUser);

    /// <summary>Runs an action; on failure shows why and returns false. Input on the page is untouched.</summary>
    protected async Task<bool> TryAsync(Func<Task> action, string? success = null)
    {
        try
        {
            await action();
            if (success is not null)
            {
                Snackbar.Add(success, Severity.Success);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (ex is not UserErrorException)
            {
                LogFailure(Logger, GetType().Name, ex);
            }

            Snackbar.Add(UserErrorMessages.Describe(ex), ex is UserErrorException ? Severity.Warning : Severity.Error);
            OnFailed(ex);
            return false;
        }
    }

    /// <summary>
    /// For a Ctrl+Enter save: sends the focused field's whole text to the server once more and returns it as the browser
    /// holds it (null when no text field has focus). The round trip also lets the field's earlier keystrokes land, so the
    /// save never runs on what was typed a few keys ago, even on a slow connection or a busy server.
    /// </summary>
    protected async Task<string?> CommitTypingAsync() => await Browser.InvokeAsync<string?>("admissionsKeys.commitFocusedField");

    /// <summary>Focuses the field <paramref name="selector"/> finds, unless the person already has the cursor somewhere.</summary>
    protected async Task FocusIfIdleAsync(string selector) => await Browser.InvokeVoidAsync("admissionsKeys.focusIfIdle", selector);

    /// <summary>Lets a page react to a particular failure (e.g. a concurrency conflict).</summary>
    protected virtual void OnFailed(Exception exception)
    {
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure on {Page}")]
    private static partial void LogFailure(ILogger logger, string page, Exception exception);
}
