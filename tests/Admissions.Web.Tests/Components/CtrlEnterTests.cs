using System.Diagnostics.CodeAnalysis;
using Admissions.Application.FollowUps;
using Admissions.Application.Safety;
using Admissions.Domain.FollowUps;
using Admissions.Web.Components.Pages.Work;
using Admissions.Web.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using MudBlazor;

namespace Admissions.Web.Tests.Components;

/// <summary>
/// Ctrl+Enter saves without leaving the field. On a busy server the field's last keystrokes may not have reached it
/// yet, so the save takes the text the browser holds (here "Emailed them the leaflet" against a server copy "Ema").
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class CtrlEnterTests : IAsyncLifetime
{
    private const string Typed = "Emailed them the leaflet";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly KeyboardEventArgs CtrlEnter = new() { Key = "Enter", CtrlKey = true };
    private readonly PageTestContext _page = new();
    private readonly Guid _taskId = Guid.NewGuid();
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public Task InitializeAsync()
    {
        _dialogs = _page.Context.Render<MudDialogProvider>();
        _page.Context.JSInterop.Setup<string?>("admissionsKeys.commitFocusedField").SetResult(Typed);
        _page.Sender.Setup(s => s.Send(It.IsAny<CompleteTask>(), It.IsAny<CancellationToken>())).ReturnsAsync(Unit.Value);
        _page.Sender.Setup(s => s.Send(It.IsAny<PushSafetyCall>(), It.IsAny<CancellationToken>())).ReturnsAsync(Unit.Value);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private IElement Field(string testId) => _dialogs.Find($"textarea[data-testid={testId}], input[data-testid={testId}], [data-testid={testId}] textarea, [data-testid={testId}] input");

    private async Task ShowAsync<TDialog>(DialogParameters parameters, string field)
        where TDialog : IComponent
    {
        var service = _page.Context.Services.GetRequiredService<IDialogService>();
        await _dialogs.InvokeAsync(() => service.ShowAsync<TDialog>("Dialog", parameters));
        _dialogs.WaitForElement($"[data-testid={field}]", Timeout);
    }

    [Fact]
    public async Task Completing_a_task_takes_the_outcome_the_browser_holds_not_the_servers_older_copy()
    {
        await ShowAsync<CompleteTaskDialog>(new DialogParameters<CompleteTaskDialog>
        {
            { d => d.TaskId, _taskId }, { d => d.TaskTitle, "Send the family the visiting hours" }, { d => d.Kind, FollowUpKind.Callback },
        }, "task-outcome");
        Field("task-outcome").Input("Ema");

        await Field("task-outcome").KeyDownAsync(CtrlEnter);

        _dialogs.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(
            It.Is<CompleteTask>(c => c.TaskId == _taskId && c.Outcome == Typed), It.IsAny<CancellationToken>()), Times.Once), Timeout);
        _page.Sender.Verify(s => s.Send(It.Is<CompleteTask>(c => c.Outcome != Typed), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Pushing_a_safety_call_takes_the_reason_the_browser_holds()
    {
        await ShowAsync<PushSafetyCallDialog>(new DialogParameters<PushSafetyCallDialog>
        {
            { d => d.TaskId, _taskId }, { d => d.TaskTitle, "Safety call" },
        }, "push-reason");
        Field("push-reason").Input("Ema");

        await Field("push-reason").KeyDownAsync(CtrlEnter);

        _dialogs.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(
            It.Is<PushSafetyCall>(c => c.TaskId == _taskId && c.Reason == Typed && c.Minutes == 10), It.IsAny<CancellationToken>()), Times.Once), Timeout);
    }
}
