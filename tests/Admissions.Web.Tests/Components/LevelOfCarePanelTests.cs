using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Care;
using Admissions.Domain.Care;
using Admissions.Domain.Screening;
using Admissions.Domain.Security;
using Admissions.Web.Components.Pages.Inquiries.Care;
using Admissions.Web.Tests.Support;
using Bunit;
using Moq;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class LevelOfCarePanelTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly Guid _inquiryId = Guid.NewGuid();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    [Fact]
    public void A_clinician_asks_for_a_recommendation_and_sees_the_level_setting_reasons_and_warnings()
    {
        _page.SignInAs(Roles.Clinician);
        var screenings = new CareScreeningResults(20, null, SuicideRisk.Moderate, null, DualDiagnosis: false);
        var picture = new ClinicalPicture { AssessedAt = _page.Clock.GetUtcNow(), CiwaArTotal = 20, CssrsRisk = SuicideRisk.Moderate };
        var recommendation = LevelOfCareRules.Recommend(picture, new DimensionRatings(1, 1, 1, 1, 1, 1));
        _page.Sender.Setup(s => s.Send(It.Is<GetLevelOfCare>(q => q.InquiryId == _inquiryId), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LevelOfCareOverview(_inquiryId, [], screenings, ["Alcohol, daily, last use 6 h ago, prior seizures"]));
        _page.Sender.Setup(s => s.Send(It.Is<RecommendLevelOfCare>(q => q.InquiryId == _inquiryId), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LevelOfCareRecommendationView(recommendation, screenings));

        var cut = _page.RenderPage<LevelOfCarePanel>(p => p.Add(x => x.InquiryId, _inquiryId));
        Assert.Contains("20", cut.WaitForElement("[data-testid=care-screenings]", Timeout).TextContent, StringComparison.Ordinal);
        Assert.Equal("Alcohol, daily, last use 6 h ago, prior seizures", cut.Find("[data-testid=care-substances] li").TextContent);
        cut.Find("[data-testid=substance-use]");
        Assert.Equal(6, cut.FindAll("[data-testid^=rating-]").Count);

        cut.Find("[data-testid=recommend]").Click();

        var shown = cut.WaitForElement("[data-testid=recommendation]", Timeout);
        Assert.Contains("ASAM 3.7-WM", shown.TextContent, StringComparison.Ordinal);
        Assert.Contains(LevelsOfCare.Describe(LevelOfCare.WithdrawalManagement), shown.TextContent, StringComparison.Ordinal);
        Assert.Contains("CIWA-Ar 20 (severe)", cut.Find("[data-testid=recommendation-reasons]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Moderate suicide risk", cut.Find("[data-testid=recommendation-warning]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=accept]");
        Assert.True(cut.Find("[data-testid=override]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_coordinator_reads_the_history_without_the_decision_form()
    {
        _page.SignInAs(Roles.AdmissionsCoordinator);
        _page.Sender.Setup(s => s.Send(It.Is<GetLevelOfCare>(q => q.InquiryId == _inquiryId), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LevelOfCareOverview(_inquiryId, [], new CareScreeningResults(null, null, null, null, DualDiagnosis: true), []));

        var cut = _page.RenderPage<LevelOfCarePanel>(p => p.Add(x => x.InquiryId, _inquiryId));

        cut.WaitForElement("[data-testid=care-read-only]", Timeout);
        Assert.Empty(cut.FindAll("[data-testid=recommend]"));
        Assert.Equal("No substances recorded yet.", cut.Find("[data-testid=care-substances-empty]").TextContent);
    }
}
