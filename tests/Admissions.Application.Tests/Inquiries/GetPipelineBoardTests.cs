using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;

namespace Admissions.Application.Tests.Inquiries;

public sealed class GetPipelineBoardTests
{
    [Fact]
    public async Task The_admissions_team_sees_names_most_urgent_first_with_the_moves_the_stage_allows()
    {
        await using var host = await TestHost.StartAsync();
        var soon = (await host.CreateInquiryAsync(TestForms.Person(1, "Alex", "Lopez"))).InquiryId!.Value;
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var crisis = (await host.CreateInquiryAsync(TestForms.Person(2, "Jamie", "Carter", f => f.Urgency = Urgency.Crisis))).InquiryId!.Value;
        var closed = (await host.CreateInquiryAsync(TestForms.Person(3, "Riley", "Brooks"))).InquiryId!.Value;
        await host.SendAsync(host.Coordinator, new MoveInquiryStage(closed, InquiryStage.NotAdmitted, NotAdmittedReason.Unreachable));

        var board = await host.SendAsync(host.Coordinator, new GetPipelineBoard());

        Assert.True(board.ShowsNames);
        Assert.Equal(InquiryStageMachine.OpenStages.ToArray(), board.Columns.Select(c => c.Stage).ToArray());
        var column = board.Columns.Single(c => c.Stage == InquiryStage.New);
        Assert.Equal(2, column.Count);
        Assert.Equal(new[] { crisis, soon }, column.Cards.Select(c => c.InquiryId!.Value).ToArray());
        var card = column.Cards[0];
        Assert.Equal("Jamie Carter", card.Label);
        Assert.StartsWith("INQ-", card.Number);
        Assert.Equal(card.CreatedAt + TimeSpan.FromMinutes(5), card.SpeedToLeadDueAt);
        Assert.Equal(new[] { InquiryStage.Contacted }, card.AllowedMoves.ToArray());
        Assert.DoesNotContain(board.Columns.SelectMany(c => c.Cards), c => c.InquiryId == closed);
    }

    [Fact]
    public async Task Business_development_sees_initials_and_nothing_to_open_or_move()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateInquiryAsync(TestForms.Person(1, "Alex", "Lopez"));

        var board = await host.SendAsync(host.BusinessDevelopment, new GetPipelineBoard());

        Assert.False(board.ShowsNames);
        var card = Assert.Single(board.Columns.SelectMany(c => c.Cards));
        Assert.Equal("A.L.", card.Label);
        Assert.Null(card.InquiryId);
        Assert.Null(card.Number);
        Assert.Empty(card.AllowedMoves);
    }

    [Fact]
    public async Task A_column_shows_its_first_cards_and_counts_them_all()
    {
        await using var host = await TestHost.StartAsync();
        for (var n = 1; n <= 3; n++)
        {
            await host.CreateInquiryAsync(TestForms.Person(n, $"Person{n}", "Tester"));
        }

        var board = await host.SendAsync(host.Manager, new GetPipelineBoard(CardsPerColumn: 2));

        var column = board.Columns.Single(c => c.Stage == InquiryStage.New);
        Assert.Equal(3, column.Count);
        Assert.Equal(2, column.Cards.Count);
    }
}
