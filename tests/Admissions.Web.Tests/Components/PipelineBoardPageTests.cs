using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using Admissions.Web.Components.Pages.Pipeline;
using Admissions.Web.Tests.Support;
using Bunit;
using Moq;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class PipelineBoardPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly Guid _first = Guid.NewGuid();
    private readonly Guid _second = Guid.NewGuid();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private IRenderedComponent<PipelineBoardPage> Render()
    {
        var now = _page.Clock.GetUtcNow();
        PipelineCard Card(Guid id, string number, string name) =>
            new(id, number, name, InquiryStage.New, Urgency.Crisis, now.AddMinutes(-2), null, now.AddMinutes(3), now.AddMinutes(-2), [InquiryStage.Contacted]);
        var columns = InquiryStageMachine.OpenStages
            .Select(stage => stage == InquiryStage.New
                ? new PipelineColumn(stage, 2, [Card(_first, "INQ-2026-000041", "Sabrina Lubowitz"), Card(_second, "INQ-2026-000043", "Mateo Ibarra")])
                : new PipelineColumn(stage, 0, []))
            .ToList();
        _page.Sender.Setup(s => s.Send(It.IsAny<GetPipelineBoard>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PipelineBoard(columns, true));
        _page.Sender.Setup(s => s.Send(It.IsAny<MoveInquiryStage>(), It.IsAny<CancellationToken>())).ReturnsAsync("Contacted");
        var cut = _page.RenderPage<PipelineBoardPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=pipeline-card]").Count), Timeout);
        return cut;
    }

    private static AngleSharp.Dom.IElement Zone(IRenderedComponent<PipelineBoardPage> cut, InquiryStage stage) =>
        cut.Find($"[data-testid=column-{stage}] .pipeline-zone");

    [Fact]
    public void The_card_dragged_is_the_one_moved_and_only_to_a_column_its_stage_allows()
    {
        var cut = Render();

        cut.FindAll("[data-testid=pipeline-card]")[1].DragStart();
        Assert.Contains("pipeline-can-drop", Zone(cut, InquiryStage.Contacted).ClassName, StringComparison.Ordinal);
        Assert.Contains("pipeline-no-drop", Zone(cut, InquiryStage.Approved).ClassName, StringComparison.Ordinal);
        Zone(cut, InquiryStage.Approved).Drop();
        Assert.DoesNotContain("pipeline-no-drop", Zone(cut, InquiryStage.Approved).ClassName, StringComparison.Ordinal);
        _page.Sender.Verify(s => s.Send(It.IsAny<MoveInquiryStage>(), It.IsAny<CancellationToken>()), Times.Never);

        cut.FindAll("[data-testid=pipeline-card]")[1].DragStart();
        Zone(cut, InquiryStage.Contacted).Drop();

        cut.WaitForAssertion(() => _page.Sender.Verify(
            s => s.Send(It.Is<MoveInquiryStage>(c => c.InquiryId == _second && c.Target == InquiryStage.Contacted), It.IsAny<CancellationToken>()), Times.Once), Timeout);
        _page.Sender.Verify(s => s.Send(It.Is<MoveInquiryStage>(c => c.InquiryId == _first), It.IsAny<CancellationToken>()), Times.Never);
    }
}
