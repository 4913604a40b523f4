using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Care;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Web.Components.Pages.Inquiries.Care;
using Admissions.Web.Tests.Support;
using Bunit;
using Moq;
using MudBlazor;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class SubstanceUseSectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly Guid _inquiryId = Guid.NewGuid();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private void Returns(ClinicalIntakeView view) =>
        _page.Sender.Setup(s => s.Send(It.Is<GetClinicalIntake>(q => q.InquiryId == _inquiryId), It.IsAny<CancellationToken>())).ReturnsAsync(view);

    private ClinicalIntakeView Empty(params SubstanceConcerns[] suggested) => new(_inquiryId, [], null, null, null, null, null, null, suggested);

    [Fact]
    public void With_nothing_recorded_it_says_so_and_offers_the_flagged_substances()
    {
        Returns(Empty(SubstanceConcerns.Alcohol, SubstanceConcerns.Fentanyl));

        var cut = _page.RenderPage<SubstanceUseSection>(p => p.Add(x => x.InquiryId, _inquiryId));

        Assert.Equal("No substances recorded yet.", cut.WaitForElement("[data-testid=substance-empty]", Timeout).TextContent.Trim());
        Assert.Equal(["Alcohol", "Fentanyl"], cut.FindAll("[data-testid=substance-suggestion]").Select(c => c.TextContent.Trim()));
        Assert.True(cut.Find("[data-testid=intake-save]").HasAttribute("disabled"));
    }

    [Fact]
    public void Removing_an_entry_asks_first_and_saving_sends_what_is_left_with_the_version_opened()
    {
        var last = _page.Clock.GetUtcNow().AddHours(-6);
        Returns(new ClinicalIntakeView(_inquiryId,
            [
                new SubstanceUse { Substance = SubstanceConcerns.Alcohol, Frequency = UseFrequency.Daily, LastUse = last, PriorSeizures = true },
                new SubstanceUse { Substance = SubstanceConcerns.Cannabis, Route = SubstanceRoute.Smoked },
            ],
            "Lisinopril", null, false, "v1", "Dr. Riley Brooks", last, []));
        var dialogs = _page.Context.Render<MudDialogProvider>();
        var cut = _page.RenderPage<SubstanceUseSection>(p => p.Add(x => x.InquiryId, _inquiryId));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=substance-row]").Count), Timeout);
        Assert.Contains("withdrawal seizures", cut.FindAll("[data-testid=substance-row]")[0].TextContent, StringComparison.Ordinal);

        cut.FindAll("[data-testid=substance-remove]")[1].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Remove Cannabis from the list?", dialogs.Markup, StringComparison.Ordinal), Timeout);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=substance-row]")), Timeout);
        cut.Find("[data-testid=intake-unsaved]");
        cut.Find("[data-testid=intake-save]").Click();

        cut.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(
            It.Is<SaveClinicalIntake>(c => c.InquiryId == _inquiryId && c.ExpectedVersion == "v1" && c.Medications == "Lisinopril" && c.Pregnant == false
                && c.Substances.Count == 1 && c.Substances[0].Substance == SubstanceConcerns.Alcohol && c.Substances[0].PriorSeizures),
            It.IsAny<CancellationToken>()), Times.Once), Timeout);
    }

    [Fact]
    public void A_suggested_substance_opens_the_dialog_and_a_future_last_use_is_refused_there()
    {
        Returns(Empty(SubstanceConcerns.Alcohol));
        var dialogs = _page.Context.Render<MudDialogProvider>();
        var cut = _page.RenderPage<SubstanceUseSection>(p => p.Add(x => x.InquiryId, _inquiryId));

        cut.WaitForElement("[data-testid=substance-suggestion]", Timeout).Click();
        dialogs.WaitForElement("[data-testid=substance-dialog]", Timeout);
        dialogs.Find("input[data-testid=substance-last-use-date]").Change("03/11/2026");
        dialogs.Find("[data-testid=substance-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("The last use of Alcohol cannot be in the future.",
            dialogs.Find("[data-testid=substance-errors]").TextContent, StringComparison.Ordinal), Timeout);
        Assert.Empty(cut.FindAll("[data-testid=substance-row]"));
    }
}
