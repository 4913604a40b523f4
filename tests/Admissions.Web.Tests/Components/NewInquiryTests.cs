using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Dashboards;
using Admissions.Application.Inquiries;
using Admissions.Application.Referrals;
using Admissions.Domain.Inquiries;
using Admissions.Web.Components.Pages.Inquiries;
using Admissions.Web.Tests.Support;
using Bunit;
using Moq;
using MudBlazor;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class NewInquiryTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly FacilityOption Oakland = new(Guid.CreateVersion7(), "Riverbend Oakland", "America/Los_Angeles");
    private static readonly FacilityOption Phoenix = new(Guid.CreateVersion7(), "Riverbend Phoenix", "America/Phoenix");
    private readonly PageTestContext _page = new();

    public NewInquiryTests() =>
        _page.Sender.Setup(s => s.Send(It.IsAny<GetIntakeFacilities>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IntakeFacilities([Oakland, Phoenix], Phoenix.Id));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private static string Text(IRenderedComponent<NewInquiry> cut) => cut.Find("form").TextContent;

    private static void Fill(IRenderedComponent<NewInquiry> cut)
    {
        cut.Find("[data-testid=caller-name]").Change("Dana Smith");
        cut.Find("[data-testid=caller-phone]").Change("(555) 201-4477");
        cut.Find("[data-testid=patient-first-name]").Change("Alex");
    }

    private static void Save(IRenderedComponent<NewInquiry> cut) => cut.Find("[data-testid=save-inquiry]").Click();

    [Fact]
    public void Saving_an_empty_form_shows_what_is_missing_and_sends_nothing()
    {
        var cut = _page.RenderPage<NewInquiry>();
        Assert.DoesNotContain("Enter the caller's name.", Text(cut), StringComparison.Ordinal);

        Save(cut);

        cut.WaitForAssertion(() =>
        {
            var text = Text(cut);
            Assert.Contains("Enter the caller's name.", text, StringComparison.Ordinal);
            Assert.Contains("Enter the prospective patient's first name.", text, StringComparison.Ordinal);
            Assert.Contains("Give at least one way to reach someone", text, StringComparison.Ordinal);
        }, Timeout);
        _page.Sender.Verify(s => s.Send(It.IsAny<CreateInquiry>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.EndsWith("/", _page.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_a_filled_form_creates_the_inquiry_and_opens_it()
    {
        var id = Guid.NewGuid();
        _page.Sender.Setup(s => s.Send(It.IsAny<CreateInquiry>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CreateInquiryResult(id, "INQ-2026-000042", []));
        var cut = _page.RenderPage<NewInquiry>();

        Fill(cut);
        Save(cut);

        cut.WaitForAssertion(() => Assert.EndsWith($"/inquiries/{id}", _page.Navigation.Uri, StringComparison.Ordinal), Timeout);
        _page.Sender.Verify(s => s.Send(
            It.Is<CreateInquiry>(c => c.Form.CallerName == "Dana Smith" && c.Form.CallerPhone == "(555) 201-4477"
                && c.Form.PatientFirstName == "Alex" && !c.AllowDuplicates),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public void A_possible_duplicate_is_shown_and_continue_creates_the_inquiry_anyway()
    {
        var existing = new DuplicateMatch(Guid.NewGuid(), "INQ-2026-000007", "Alex Smith", new DateOnly(1990, 4, 2), "(555) 201-4477",
            InquiryStage.Contacted, _page.Clock.GetUtcNow().AddDays(-2), "Jordan Patel", "same phone number");
        var id = Guid.NewGuid();
        _page.Sender.Setup(s => s.Send(It.Is<CreateInquiry>(c => !c.AllowDuplicates), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CreateInquiryResult(null, null, [existing]));
        _page.Sender.Setup(s => s.Send(It.Is<CreateInquiry>(c => c.AllowDuplicates), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CreateInquiryResult(id, "INQ-2026-000043", [existing]));
        var cut = _page.RenderPage<NewInquiry>();
        Assert.Empty(cut.FindAll("[data-testid=duplicate-warning]"));

        Fill(cut);
        Save(cut);

        var warning = cut.WaitForElement("[data-testid=duplicate-warning]", Timeout);
        Assert.Contains("INQ-2026-000007", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("Alex Smith", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("same phone number", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("Jordan Patel", warning.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/", _page.Navigation.Uri, StringComparison.Ordinal);

        cut.Find("[data-testid=continue-duplicate]").Click();

        cut.WaitForAssertion(() => Assert.EndsWith($"/inquiries/{id}", _page.Navigation.Uri, StringComparison.Ordinal), Timeout);
        _page.Sender.Verify(s => s.Send(It.Is<CreateInquiry>(c => c.AllowDuplicates && c.Form.CallerName == "Dana Smith"), It.IsAny<CancellationToken>()), Times.Once);
        _page.Sender.Verify(s => s.Send(It.Is<CreateInquiry>(c => !c.AllowDuplicates), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public void A_referral_can_be_attributed_to_an_active_organisation_and_is_saved_with_it()
    {
        var hospital = new ReferralOrganisationItem(Guid.NewGuid(), "St. Mary's Hospital ED", "Dana Whitfield", "(916) 555-0142", true);
        var retired = new ReferralOrganisationItem(Guid.NewGuid(), "Old Clinic", null, null, false);
        _page.Sender.Setup(s => s.Send(It.IsAny<ListReferralOrganisations>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new[] { retired, hospital });
        _page.Sender.Setup(s => s.Send(It.IsAny<CreateInquiry>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CreateInquiryResult(Guid.NewGuid(), "INQ-2026-000044", []));
        var cut = _page.RenderPage<NewInquiry>();
        Assert.Empty(cut.FindAll("[data-testid=referral-organisation]"));

        Fill(cut);
        Choose<InquirySource>(cut, Inquiry.DescribeSource(InquirySource.Referral));
        cut.Find("[data-testid=referral-source]").Change("ED social worker");
        cut.WaitForElement("[data-testid=referral-organisation]", Timeout);
        var organisations = cut.FindComponents<MudSelect<Guid?>>()
            .Single(c => Equals(c.Instance.UserAttributes.GetValueOrDefault("data-testid"), "referral-organisation"));
        cut.InvokeAsync(() => organisations.Instance.OpenMenu());
        _page.Popovers.WaitForAssertion(() => Assert.NotEmpty(_page.Popovers.FindAll(".mud-list-item")), Timeout);
        Assert.DoesNotContain(_page.Popovers.FindAll(".mud-list-item"), i => i.TextContent.Contains("Old Clinic", StringComparison.Ordinal));
        _page.Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == hospital.Name).Click();
        Save(cut);

        cut.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(
            It.Is<CreateInquiry>(c => c.Form.Source == InquirySource.Referral && c.Form.ReferralOrganisationId == hospital.Id
                && c.Form.ReferralSource == "ED social worker"),
            It.IsAny<CancellationToken>()), Times.Once), Timeout);
    }

    private void Choose<T>(IRenderedComponent<NewInquiry> cut, string text)
    {
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<T>>().Instance.OpenMenu());
        _page.Popovers.WaitForAssertion(() => Assert.Contains(_page.Popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == text), Timeout);
        _page.Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == text).Click();
    }

    [Fact]
    public void The_facility_starts_as_the_coordinators_own_and_goes_with_the_inquiry()
    {
        _page.Sender.Setup(s => s.Send(It.IsAny<CreateInquiry>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CreateInquiryResult(Guid.NewGuid(), "INQ-2026-000009", []));
        var cut = _page.RenderPage<NewInquiry>();

        cut.WaitForAssertion(() => Assert.Contains("Riverbend Phoenix", cut.Find("[data-testid=inquiry-facility-select]").TextContent, StringComparison.Ordinal), Timeout);
        Fill(cut);
        Save(cut);

        cut.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(
            It.Is<CreateInquiry>(c => c.Form.FacilityId == Phoenix.Id), It.IsAny<CancellationToken>()), Times.Once), Timeout);
    }
}
