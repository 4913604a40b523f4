using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using static Admissions.Domain.Inquiries.InquiryStage;

namespace Admissions.Domain.Tests.Inquiries;

public class InquiryStageMachineTests
{
    /// <summary>
    /// Every move a person may make, written out by hand. The forward pipeline comes from
    /// REFERENCE.md (New → Contacted → Pre-screening → Insurance verification → Clinical review →
    /// Approved → Admission scheduled → Admitted, exits to Not admitted / Referred out from any
    /// open stage); the skip and back steps are the documented corrections (self-pay skips VOB,
    /// VOB redone, rescheduling). Closed stages have no moves: they only reopen.
    /// </summary>
    private static readonly (InquiryStage From, InquiryStage To)[] AllowedTable =
    [
        (New, Contacted),
        (New, NotAdmitted),
        (New, ReferredOut),

        (Contacted, PreScreening),
        (Contacted, NotAdmitted),
        (Contacted, ReferredOut),

        (PreScreening, InsuranceVerification),
        (PreScreening, ClinicalReview),
        (PreScreening, NotAdmitted),
        (PreScreening, ReferredOut),

        (InsuranceVerification, ClinicalReview),
        (InsuranceVerification, PreScreening),
        (InsuranceVerification, NotAdmitted),
        (InsuranceVerification, ReferredOut),

        (ClinicalReview, Approved),
        (ClinicalReview, InsuranceVerification),
        (ClinicalReview, NotAdmitted),
        (ClinicalReview, ReferredOut),

        (Approved, AdmissionScheduled),
        (Approved, NotAdmitted),
        (Approved, ReferredOut),

        (AdmissionScheduled, Admitted),
        (AdmissionScheduled, Approved),
        (AdmissionScheduled, NotAdmitted),
        (AdmissionScheduled, ReferredOut),

        // Admitted, NotAdmitted, ReferredOut: nothing.
    ];

    public static TheoryData<InquiryStage, InquiryStage> AllowedTransitions
    {
        get
        {
            var data = new TheoryData<InquiryStage, InquiryStage>();
            foreach (var (from, to) in AllowedTable)
            {
                data.Add(from, to);
            }

            return data;
        }
    }

    /// <summary>Every ordered pair of stages (self included) that is not in the table.</summary>
    public static TheoryData<InquiryStage, InquiryStage> ForbiddenTransitions
    {
        get
        {
            var data = new TheoryData<InquiryStage, InquiryStage>();
            foreach (var from in Enum.GetValues<InquiryStage>())
            {
                foreach (var to in Enum.GetValues<InquiryStage>())
                {
                    if (!AllowedTable.Contains((from, to)))
                    {
                        data.Add(from, to);
                    }
                }
            }

            return data;
        }
    }

    public static TheoryData<InquiryStage> AllStages => [.. Enum.GetValues<InquiryStage>()];

    [Fact]
    public void The_tables_cover_all_ten_stages_and_one_hundred_pairs()
    {
        Assert.Equal(10, Enum.GetValues<InquiryStage>().Length);
        Assert.Equal(25, AllowedTable.Length);
        Assert.Equal(AllowedTable.Length, AllowedTable.Distinct().Count());
        Assert.Equal(75, ForbiddenTransitions.Count);
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void An_allowed_transition_is_permitted(InquiryStage from, InquiryStage to)
    {
        Assert.True(InquiryStageMachine.CanMove(from, to));
        Assert.Contains(to, InquiryStageMachine.NextStages(from));
    }

    [Theory]
    [MemberData(nameof(ForbiddenTransitions))]
    public void A_forbidden_transition_is_refused(InquiryStage from, InquiryStage to)
    {
        Assert.False(InquiryStageMachine.CanMove(from, to));
        Assert.DoesNotContain(to, InquiryStageMachine.NextStages(from));
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Next_stages_are_exactly_the_allowed_targets_without_duplicates(InquiryStage from)
    {
        var expected = AllowedTable.Where(t => t.From == from).Select(t => t.To).OrderBy(s => s).ToArray();
        var actual = InquiryStageMachine.NextStages(from);

        Assert.Equal(expected, actual.OrderBy(s => s).ToArray());
        Assert.Equal(actual.Count, actual.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void An_inquiry_makes_every_allowed_transition(InquiryStage from, InquiryStage to)
    {
        var inquiry = InquiryTestData.InquiryAt(from);
        var at = InquiryTestData.CreatedAt.AddHours(2);
        var reason = to == NotAdmitted ? NotAdmittedReason.Declined : (NotAdmittedReason?)null;

        inquiry.MoveTo(to, reason, null, InquiryTestData.Coordinator, at);

        Assert.Equal(to, inquiry.Stage);
        Assert.Equal(at, inquiry.StageChangedAt);
        var changed = Assert.IsType<InquiryStageChanged>(Assert.Single(inquiry.DomainEvents));
        Assert.Equal(new InquiryStageChanged(inquiry.Id, from, to, at), changed);
    }

    [Theory]
    [MemberData(nameof(ForbiddenTransitions))]
    public void An_inquiry_refuses_every_forbidden_transition(InquiryStage from, InquiryStage to)
    {
        var inquiry = InquiryTestData.InquiryAt(from);
        var activitiesBefore = inquiry.Activities.Count;
        // Give a reason so that a missing reason is never why the move is refused.
        var reason = to == NotAdmitted ? NotAdmittedReason.Declined : (NotAdmittedReason?)null;

        var ex = Assert.Throws<DomainRuleException>(
            () => inquiry.MoveTo(to, reason, null, InquiryTestData.Coordinator, InquiryTestData.CreatedAt.AddHours(2)));

        Assert.Contains(InquiryStageMachine.Describe(from), ex.Message, StringComparison.Ordinal);
        Assert.Contains(InquiryStageMachine.Describe(to), ex.Message, StringComparison.Ordinal);
        Assert.Equal(from, inquiry.Stage);
        Assert.Equal(activitiesBefore, inquiry.Activities.Count);
        Assert.Empty(inquiry.DomainEvents);
    }

    [Theory]
    [InlineData(New, false)]
    [InlineData(Contacted, false)]
    [InlineData(PreScreening, false)]
    [InlineData(InsuranceVerification, false)]
    [InlineData(ClinicalReview, false)]
    [InlineData(Approved, false)]
    [InlineData(AdmissionScheduled, false)]
    [InlineData(Admitted, true)]
    [InlineData(NotAdmitted, true)]
    [InlineData(ReferredOut, true)]
    public void A_stage_is_closed_only_when_the_inquiry_has_ended(InquiryStage stage, bool closed)
    {
        Assert.Equal(closed, InquiryStageMachine.IsClosed(stage));
        Assert.Equal(!closed, InquiryStageMachine.IsOpen(stage));
    }

    [Theory]
    [InlineData(New, false)]
    [InlineData(Contacted, false)]
    [InlineData(PreScreening, false)]
    [InlineData(InsuranceVerification, false)]
    [InlineData(ClinicalReview, false)]
    [InlineData(Approved, false)]
    [InlineData(AdmissionScheduled, false)]
    [InlineData(Admitted, false)]
    [InlineData(NotAdmitted, true)]
    [InlineData(ReferredOut, true)]
    public void Only_not_admitted_and_referred_out_can_be_reopened(InquiryStage stage, bool canReopen)
    {
        Assert.Equal(canReopen, InquiryStageMachine.CanReopen(stage));
    }

    [Fact]
    public void Reopening_returns_to_contacted()
    {
        Assert.Equal(Contacted, InquiryStageMachine.ReopenStage);
    }

    [Theory]
    [InlineData(Admitted)]
    [InlineData(NotAdmitted)]
    [InlineData(ReferredOut)]
    public void Closed_stages_offer_no_next_stage_because_reopening_is_separate(InquiryStage stage)
    {
        Assert.Empty(InquiryStageMachine.NextStages(stage));
    }

    [Theory]
    [InlineData(New, "New")]
    [InlineData(Contacted, "Contacted")]
    [InlineData(PreScreening, "Pre-screening")]
    [InlineData(InsuranceVerification, "Insurance verification")]
    [InlineData(ClinicalReview, "Clinical review")]
    [InlineData(Approved, "Approved")]
    [InlineData(AdmissionScheduled, "Admission scheduled")]
    [InlineData(Admitted, "Admitted")]
    [InlineData(NotAdmitted, "Not admitted")]
    [InlineData(ReferredOut, "Referred out")]
    public void Each_stage_has_a_readable_name(InquiryStage stage, string name)
    {
        Assert.Equal(name, InquiryStageMachine.Describe(stage));
    }
}
