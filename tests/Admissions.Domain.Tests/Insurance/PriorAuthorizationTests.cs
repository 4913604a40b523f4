using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Insurance;

namespace Admissions.Domain.Tests.Insurance;

public class PriorAuthorizationTests
{
    private static readonly DateOnly Admission = new(2026, 12, 31);
    private static readonly DateTimeOffset At = new(2026, 12, 30, 18, 0, 0, TimeSpan.Zero);
    private static readonly Actor Reviewer = new("ur-1", "Uma Reviewer");

    private static PriorAuthorization Requested() => PriorAuthorization.Request(
        new InsurancePolicy { InquiryId = Guid.NewGuid(), PayerId = Guid.NewGuid(), PayerName = "Aetna" },
        LevelOfCare.Residential, "RT", Admission, 12, "F10.20", AuthorizationChannel.Portal, "UM1", Reviewer, At);

    private static AuthorizationDecision Certified(int days, DateOnly from, DateOnly to, DateOnly? review = null) =>
        new(AuthorizationStatus.Certified, "CERT-1", days, from, to, review, null, null);

    [Fact]
    public void Days_that_do_not_run_from_the_first_to_the_last_approved_day_are_refused()
    {
        var authorization = Requested();

        var error = Assert.Throws<DomainRuleException>(() =>
            authorization.RecordDecision(Certified(6, Admission, new DateOnly(2027, 1, 11)), Reviewer, At));

        Assert.Equal("6 approved days from 12/31/2026 end on 01/05/2027, not 01/11/2027.", error.Message);
        Assert.Equal(AuthorizationStatus.Requested, authorization.Status);
        Assert.Empty(authorization.Reviews);
    }

    [Fact]
    public void A_certification_needs_its_days_and_both_days()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Requested().RecordDecision(new AuthorizationDecision(AuthorizationStatus.Partial, "C", 5, Admission, null, null, null, null), Reviewer, At));

        Assert.Equal("A certification needs the approved days and the first and last approved day.", error.Message);
    }

    [Theory]
    [InlineData(AuthorizationStatus.Denied, "A decision of \"not certified\" has no approved days.")]
    [InlineData(AuthorizationStatus.Pended, "A decision of \"pended\" has no approved days.")]
    public void A_denial_or_a_pend_with_approved_days_is_refused(AuthorizationStatus status, string message)
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Requested().RecordDecision(new AuthorizationDecision(status, null, 14, Admission, Admission.AddDays(13), null, null, "No"), Reviewer, At));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(12)]
    public void The_next_review_falls_inside_the_covered_period(int offset)
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Requested().RecordDecision(Certified(12, Admission, Admission.AddDays(11), Admission.AddDays(offset)), Reviewer, At));

        Assert.Equal("The next review must fall inside the covered period, 12/31/2026 to 01/11/2027.", error.Message);
    }

    [Fact]
    public void A_one_day_certification_is_reviewed_on_its_day()
    {
        var authorization = Requested();

        authorization.RecordDecision(Certified(1, Admission, Admission), Reviewer, At);

        Assert.Equal(Admission, authorization.NextReviewOn);
    }

    [Fact]
    public void A_pend_keeps_when_it_started_and_its_reason_until_the_payer_decides()
    {
        var authorization = Requested();
        var pend = new AuthorizationDecision(AuthorizationStatus.Pended, null, null, null, null, null, "0U", null, "Additional information required");

        authorization.RecordDecision(pend, Reviewer, At);
        authorization.RecordDecision(pend with { PendedReason = null }, Reviewer, At.AddDays(1));
        Assert.Equal((At, "Additional information required"), (authorization.PendedAt!.Value, authorization.PendedReason));

        authorization.RecordDecision(Certified(12, Admission, Admission.AddDays(11)), Reviewer, At.AddDays(2));
        Assert.Equal((null, null), (authorization.PendedAt, authorization.PendedReason));
        Assert.Equal([AuthorizationStatus.Pended, AuthorizationStatus.Pended, AuthorizationStatus.Certified], authorization.Reviews.Select(r => r.Status));
    }

    [Fact]
    public void An_extension_adds_days_after_the_last_covered_day_and_is_kept_in_the_history()
    {
        var authorization = Requested();
        authorization.RecordDecision(Certified(12, Admission, Admission.AddDays(11)), Reviewer, At);

        authorization.Extend(5, null, "EXT-1", Reviewer, At.AddDays(10));

        Assert.Equal((17, new DateOnly(2027, 1, 16), new DateOnly(2027, 1, 15)),
            (authorization.ApprovedDays!.Value, authorization.ApprovedTo!.Value, authorization.NextReviewOn!.Value));
        Assert.Equal(new AuthorizationReview(AuthorizationReviewKind.Extension, AuthorizationStatus.Certified, 5, 5, new DateOnly(2027, 1, 16),
            new DateOnly(2027, 1, 15), "EXT-1", null, "Uma Reviewer", At.AddDays(10)), authorization.Reviews[^1]);
    }

    [Fact]
    public void Only_a_certified_stay_is_extended()
    {
        var authorization = Requested();
        authorization.RecordDecision(new AuthorizationDecision(AuthorizationStatus.Denied, null, null, null, null, null, "33", "Not necessary"), Reviewer, At);

        var error = Assert.Throws<DomainRuleException>(() => authorization.Extend(3, null, null, Reviewer, At));

        Assert.Equal("Only a certified stay can be extended; this authorization is not certified.", error.Message);
    }

    [Theory]
    [InlineData("2026-12-30", 0, 12)] // before admission: nothing used
    [InlineData("2026-12-31", 1, 11)] // the admission day counts as used
    [InlineData("2027-01-11", 12, 0)] // the last covered day
    [InlineData("2027-01-20", 12, 0)] // after coverage ended
    public void Days_used_and_left_count_the_admission_day_through_today(string today, int used, int left)
    {
        Assert.Equal(new CoverageDays(used, left), PriorAuthorization.Coverage(Admission, Admission.AddDays(11), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(PriorAuthorization.Coverage(Admission, null, Admission));
    }
}
