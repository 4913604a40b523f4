using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Common;
using Admissions.Application.Messaging;
using Admissions.Domain.Messaging;
using Admissions.Domain.Security;
using Admissions.Web.Components.Pages.Messaging;
using Admissions.Web.Tests.Support;
using Bunit;
using Mediator;
using Moq;
using MudBlazor;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class OutboxPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly List<ListOutboundMessages> _queries = [];

    public Task InitializeAsync()
    {
        _page.SignInAs(Roles.AdmissionsManager);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private OutboundMessageItem Item(MessageState state, MessageChannel channel = MessageChannel.Sms, string? error = null, int attempts = 1) => new(
        Guid.NewGuid(), channel, MessageAudience.Prospect, channel == MessageChannel.Sms ? "+15552014477" : "maria@example.org",
        channel == MessageChannel.Sms ? "" : "Checking in", MessageTemplates.Nurture7Days, Guid.NewGuid(), state, attempts,
        _page.Clock.GetUtcNow().AddHours(-2), _page.Clock.GetUtcNow().AddHours(1), state == MessageState.Sent ? _page.Clock.GetUtcNow().AddHours(-1) : null, error);

    private void Returns(params OutboundMessageItem[] rows) =>
        _page.Sender.Setup(s => s.Send(It.IsAny<ListOutboundMessages>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IQuery<PagedResult<OutboundMessageItem>> query, CancellationToken _) =>
            {
                _queries.Add((ListOutboundMessages)query);
                return new PagedResult<OutboundMessageItem>(rows, rows.Length);
            });

    private IRenderedComponent<OutboxPage> Render(int rows)
    {
        var cut = _page.RenderPage<OutboxPage>();
        cut.WaitForAssertion(() => Assert.Equal(rows, cut.FindAll("[data-testid=outbox-state]").Count), Timeout);
        return cut;
    }

    [Fact]
    public void Shows_each_message_with_its_state_attempts_and_error_and_only_the_actions_that_apply()
    {
        Returns(Item(MessageState.Failed, error: "Twilio answered 503", attempts: 5), Item(MessageState.Pending, MessageChannel.Email),
            Item(MessageState.Sent), Item(MessageState.Deferred, error: "Quiet hours for the recipient"), Item(MessageState.Cancelled, error: "Not sent: +15552014477 replied STOP on 2026-03-10."));

        var cut = Render(5);

        Assert.Equal(["Failed", "Pending", "Sent", "Deferred (quiet hours)", "Not sent"], cut.FindAll("[data-testid=outbox-state]").Select(c => c.TextContent.Trim()));
        Assert.Contains("mud-chip-color-error", cut.FindAll("[data-testid=outbox-state]")[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("Twilio answered 503", cut.FindAll("[data-testid=outbox-error]")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("replied STOP", cut.Markup, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=outbox-retry]"));
        Assert.Equal(2, cut.FindAll("[data-testid=outbox-cancel]").Count);
        Assert.Equal(5, cut.FindAll("[data-testid=outbox-view]").Count);
        Assert.Equal("5 attempts", cut.FindAll("[data-testid=outbox-attempts]")[0].TextContent.Trim());
        Assert.Contains("Checking in", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Mar 10, 9:30 AM", cut.FindAll("[data-testid=outbox-when]")[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_asks_first_and_then_retries_and_reloads()
    {
        var failed = Item(MessageState.Failed, error: "down");
        Returns(failed);
        var dialogs = _page.Context.Render<MudDialogProvider>();
        var cut = Render(1);
        var loads = _queries.Count;

        cut.Find("[data-testid=outbox-retry]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Retry this message?", dialogs.Markup, StringComparison.Ordinal), Timeout);
        _page.Sender.Verify(s => s.Send(It.IsAny<RetryOutboundMessage>(), It.IsAny<CancellationToken>()), Times.Never);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Retry").Click();

        cut.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(new RetryOutboundMessage(failed.Id), It.IsAny<CancellationToken>()), Times.Once), Timeout);
        cut.WaitForAssertion(() => Assert.True(_queries.Count > loads), Timeout);
    }

    [Fact]
    public void Cancelling_can_be_called_off_at_the_confirmation()
    {
        var pending = Item(MessageState.Pending);
        Returns(pending);
        var dialogs = _page.Context.Render<MudDialogProvider>();
        var cut = Render(1);

        cut.Find("[data-testid=outbox-cancel]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("will not be sent. This cannot be undone.", dialogs.Markup, StringComparison.Ordinal), Timeout);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep it").Click();
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Cancel this message?", dialogs.Markup, StringComparison.Ordinal), Timeout);
        _page.Sender.Verify(s => s.Send(It.IsAny<CancelOutboundMessage>(), It.IsAny<CancellationToken>()), Times.Never);

        cut.Find("[data-testid=outbox-cancel]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Cancel this message?", dialogs.Markup, StringComparison.Ordinal), Timeout);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel message").Click();
        cut.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(new CancelOutboundMessage(pending.Id), It.IsAny<CancellationToken>()), Times.Once), Timeout);
    }

    [Fact]
    public void Viewing_a_message_shows_its_body_and_the_file_the_outbox_wrote()
    {
        var sent = Item(MessageState.Sent, MessageChannel.Email);
        Returns(sent);
        _page.Sender.Setup(s => s.Send(It.IsAny<GetOutboundMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OutboundMessageDetail(sent, "Hi Maria,\n\nWe wanted to check in.", "INQ-2026-000042", $"{sent.Id:N}.eml",
                "Subject: Checking in\r\nTo: maria@example.org\r\n\r\nHi Maria,"));
        var dialogs = _page.Context.Render<MudDialogProvider>();
        var cut = Render(1);

        cut.Find("[data-testid=outbox-view]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("We wanted to check in.", dialogs.Find("[data-testid=outbox-body]").TextContent, StringComparison.Ordinal), Timeout);
        Assert.Contains("Subject: Checking in", dialogs.Find("[data-testid=outbox-file]").TextContent, StringComparison.Ordinal);
        Assert.Contains("INQ-2026-000042", dialogs.Find("[data-testid=outbox-detail]").TextContent, StringComparison.Ordinal);
        _page.Sender.Verify(s => s.Send(new GetOutboundMessage(sent.Id), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public void Choosing_a_state_asks_for_that_state_and_no_match_shows_the_empty_state()
    {
        Returns();
        var cut = _page.RenderPage<OutboxPage>();
        cut.WaitForAssertion(() => Assert.Contains("No messages match these filters.", cut.Markup, StringComparison.Ordinal), Timeout);
        Assert.Equal(new ListOutboundMessages(null, null, null) { Page = new(0, 25) }, _queries[0]);

        cut.InvokeAsync(() => cut.FindComponent<MudSelect<MessageState?>>().Instance.OpenMenu());
        _page.Popovers.WaitForAssertion(() => Assert.NotEmpty(_page.Popovers.FindAll(".mud-list-item")), Timeout);
        _page.Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "Failed").Click();

        cut.WaitForAssertion(() => Assert.Equal(MessageState.Failed, _queries[^1].State), Timeout);
    }

    [Fact]
    public void Recording_an_opt_out_shows_the_validation_message_under_the_field()
    {
        Returns();
        _page.Sender.Setup(s => s.Send(It.IsAny<RecordOptOut>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestValidationException(new Dictionary<string, string[]> { ["Address"] = ["Enter a 10-digit US phone number."] }));
        var dialogs = _page.Context.Render<MudDialogProvider>();
        var cut = _page.RenderPage<OutboxPage>();

        cut.Find("[data-testid=outbox-record-opt-out]").Click();
        dialogs.WaitForElement("[data-testid=opt-out-address]", Timeout).Input("12345");
        dialogs.Find("[data-testid=opt-out-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Enter a 10-digit US phone number.", dialogs.Markup, StringComparison.Ordinal), Timeout);
        _page.Sender.Verify(s => s.Send(It.Is<RecordOptOut>(c => c.Address == "12345" && c.Channel == MessageChannel.Sms), It.IsAny<CancellationToken>()), Times.Once);
    }
}
