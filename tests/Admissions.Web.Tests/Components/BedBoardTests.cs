using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Placement;
using Admissions.Domain.Care;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using Admissions.Web.Components.Pages.Placement;
using Admissions.Web.Tests.Support;
using Bunit;
using Mediator;
using Moq;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class BedBoardTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly List<GetBedBoard> _queries = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private BedBoard Board()
    {
        var today = new DateOnly(2026, 3, 10);
        var program = Guid.NewGuid();
        var inquiry = Guid.NewGuid();
        BoardBed[] beds =
        [
            new(Guid.NewGuid(), "D-1", BedState.Occupied, inquiry, "INQ-2026-000007", "S.R.", null, null, null),
            new(Guid.NewGuid(), "D-2", BedState.Reserved, Guid.NewGuid(), "INQ-2026-000011", "A.M.", _page.Clock.GetUtcNow().AddHours(20), "Casey Nguyen", null),
            new(Guid.NewGuid(), "D-3", BedState.Available, null, null, null, null, null, null),
            new(Guid.NewGuid(), "D-4", BedState.Cleaning, null, null, null, null, null, null),
            new(Guid.NewGuid(), "D-5", BedState.OutOfService, null, null, null, null, null, "Leaking sink"),
        ];
        return new BedBoard(today, today,
            [new ProgramCensus(program, "Medical Detox", "Riverbend", LevelOfCare.WithdrawalManagement, Population.Adults, 5, 1, 1, 1, 1, 1)],
            [new BoardUnit(Guid.NewGuid(), "Detox Unit", program, "Medical Detox", beds)],
            [new ProgramOption(program, "Medical Detox", LevelOfCare.WithdrawalManagement)]);
    }

    private IRenderedComponent<BedBoardPage> Render()
    {
        var board = Board();
        _page.Sender.Setup(s => s.Send(It.IsAny<GetBedBoard>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IQuery<BedBoard> query, CancellationToken _) =>
            {
                _queries.Add((GetBedBoard)query);
                return board;
            });
        var cut = _page.RenderPage<BedBoardPage>();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=bed-tile]").Count), Timeout);
        return cut;
    }

    [Fact]
    public void Shows_each_bed_in_its_state_with_the_inquiry_and_expiry_and_the_program_census()
    {
        var cut = Render();

        var tiles = cut.FindAll("[data-testid=bed-tile]");
        Assert.Equal(["Occupied", "Reserved", "Available", "Cleaning", "OutOfService"], tiles.Select(t => t.GetAttribute("data-state")));
        var links = cut.FindAll("[data-testid=bed-inquiry]");
        Assert.Equal(["INQ-2026-000007", "INQ-2026-000011"], links.Select(l => l.TextContent.Trim()));
        Assert.Contains("S.R.", tiles[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("until", Assert.Single(cut.FindAll("[data-testid=bed-expiry]")).TextContent, StringComparison.Ordinal);
        Assert.Contains("Leaking sink", tiles[4].TextContent, StringComparison.Ordinal);
        var census = Assert.Single(cut.FindAll("[data-testid=census-chip]")).TextContent;
        Assert.Contains("1/5 occupied", census, StringComparison.Ordinal);
        Assert.Contains("20%", census, StringComparison.Ordinal);

        // A coordinator reserves available beds and releases reserved ones; housekeeping is for managers.
        Assert.Single(cut.FindAll("[data-testid=reserve-bed]"));
        Assert.Single(cut.FindAll("[data-testid=release-bed]"));
        Assert.Equal((Guid?)null, _queries[0].ProgramId);
    }

    [Fact]
    public void Clinicians_see_the_board_without_reserve_or_release()
    {
        _page.SignInAs(Roles.Clinician);

        var cut = Render();

        Assert.Empty(cut.FindAll("[data-testid=reserve-bed]"));
        Assert.Empty(cut.FindAll("[data-testid=release-bed]"));
    }
}
