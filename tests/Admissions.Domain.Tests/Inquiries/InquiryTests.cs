using System.Globalization;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using static Admissions.Domain.Tests.Inquiries.InquiryTestData;

namespace Admissions.Domain.Tests.Inquiries;

public class InquiryTests
{
    private static readonly DateTimeOffset T1 = CreatedAt.AddMinutes(3);
    private static readonly DateTimeOffset T2 = CreatedAt.AddMinutes(20);
    private static readonly DateTimeOffset T3 = CreatedAt.AddHours(4);

    // ---- Create ----

    [Fact]
    public void Creating_an_inquiry_raises_InquiryCreated()
    {
        var inquiry = NewInquiry();

        var created = Assert.IsType<InquiryCreated>(Assert.Single(inquiry.DomainEvents));
        Assert.Equal(new InquiryCreated(inquiry.Id, Number, CreatedAt), created);
    }

    [Fact]
    public void Creating_an_inquiry_adds_a_single_created_activity()
    {
        var inquiry = NewInquiry();

        var activity = Assert.Single(inquiry.Activities);
        Assert.Equal(ActivityKind.Created, activity.Kind);
        Assert.Equal(inquiry.Id, activity.InquiryId);
        Assert.Equal(CreatedAt, activity.OccurredAt);
        Assert.Equal(Coordinator.Id, activity.ActorId);
        Assert.Equal(Coordinator.Name, activity.ActorName);
        Assert.Equal("Inquiry created (phone)", activity.Summary);
    }

    [Fact]
    public void A_new_inquiry_starts_open_in_new_with_no_contact_and_no_owner()
    {
        var inquiry = NewInquiry();

        Assert.Equal(Number, inquiry.Number);
        Assert.Equal(7, inquiry.Id.Version);
        Assert.Equal(InquiryStage.New, inquiry.Stage);
        Assert.True(inquiry.IsOpen);
        Assert.Equal(CreatedAt, inquiry.CreatedAt);
        Assert.Equal(CreatedAt, inquiry.StageChangedAt);
        Assert.Equal(CreatedAt, inquiry.LastActivityAt);
        Assert.Equal(Coordinator.Id, inquiry.CreatedById);
        Assert.Equal(Coordinator.Name, inquiry.CreatedByName);
        Assert.Null(inquiry.FirstContactAt);
        Assert.Null(inquiry.ClosedAt);
        Assert.Null(inquiry.NotAdmittedReason);
        Assert.Null(inquiry.AssignedCoordinatorId);
        Assert.Null(inquiry.AssignedCoordinatorName);
        Assert.Null(inquiry.PossibleDuplicateOfId);
        Assert.Equal(Details(), inquiry.Details);
    }

    [Fact]
    public void Creating_an_inquiry_keeps_the_acknowledged_possible_duplicate()
    {
        var other = new Guid("0195a0b2-0000-7000-8000-000000000001");

        var inquiry = Inquiry.Create(Number, Details(), Coordinator, CreatedAt, other);

        Assert.Equal(other, inquiry.PossibleDuplicateOfId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Creating_an_inquiry_without_a_number_throws(string number)
    {
        Assert.Throws<ArgumentException>(() => Inquiry.Create(number, Details(), Coordinator, CreatedAt));
    }

    [Fact]
    public void Pulling_domain_events_returns_them_once()
    {
        var inquiry = NewInquiry();

        var first = inquiry.PullDomainEvents();
        var second = inquiry.PullDomainEvents();

        Assert.IsType<InquiryCreated>(Assert.Single(first));
        Assert.Empty(second);
        Assert.Empty(inquiry.DomainEvents);
    }

    // ---- Contact attempts ----

    [Fact]
    public void Logging_a_reached_call_sets_first_contact_once()
    {
        var inquiry = NewInquiry();

        inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.Reached, null, Coordinator, T1);
        inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.Reached, null, Coordinator, T2);

        Assert.Equal(T1, inquiry.FirstContactAt);
        Assert.Equal(T2, inquiry.LastActivityAt);
    }

    [Fact]
    public void A_reached_contact_moves_a_new_inquiry_to_contacted()
    {
        var inquiry = NewInquiry();
        inquiry.PullDomainEvents();

        inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.Reached, null, Coordinator, T1);

        Assert.Equal(InquiryStage.Contacted, inquiry.Stage);
        Assert.Equal(T1, inquiry.StageChangedAt);
        var stageChange = Assert.Single(inquiry.Activities, a => a.Kind == ActivityKind.StageChange);
        Assert.Equal(InquiryStage.New, stageChange.FromStage);
        Assert.Equal(InquiryStage.Contacted, stageChange.ToStage);
        Assert.Equal("Stage: New → Contacted", stageChange.Summary);
        Assert.Equal("first successful contact", stageChange.Text);
        Assert.Equal(
            [new InquiryFirstContacted(inquiry.Id, T1), new InquiryStageChanged(inquiry.Id, InquiryStage.New, InquiryStage.Contacted, T1)],
            inquiry.DomainEvents);
    }

    [Fact]
    public void The_first_contacted_event_is_raised_only_once()
    {
        var inquiry = NewInquiry();

        inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.Reached, null, Coordinator, T1);
        inquiry.LogContactAttempt(ContactChannel.Text, ContactOutcome.Reached, null, Coordinator, T2);
        inquiry.LogContactAttempt(ContactChannel.Email, ContactOutcome.Reached, null, Coordinator, T3);

        var firstContacted = Assert.Single(inquiry.DomainEvents.OfType<InquiryFirstContacted>());
        Assert.Equal(T1, firstContacted.ContactedAt);
        Assert.Single(inquiry.DomainEvents.OfType<InquiryStageChanged>());
        Assert.Single(inquiry.Activities, a => a.Kind == ActivityKind.StageChange);
        Assert.Equal(3, inquiry.Activities.Count(a => a.Kind == ActivityKind.ContactAttempt));
    }

    [Theory]
    [InlineData(ContactOutcome.NoAnswer)]
    [InlineData(ContactOutcome.LeftVoicemail)]
    [InlineData(ContactOutcome.WrongNumber)]
    public void An_unsuccessful_attempt_does_not_set_first_contact(ContactOutcome outcome)
    {
        var inquiry = NewInquiry();
        inquiry.PullDomainEvents();

        inquiry.LogContactAttempt(ContactChannel.Call, outcome, null, Coordinator, T1);

        Assert.Null(inquiry.FirstContactAt);
        Assert.Equal(InquiryStage.New, inquiry.Stage);
        Assert.Equal(CreatedAt, inquiry.StageChangedAt);
        Assert.Empty(inquiry.DomainEvents);
        Assert.Equal(T1, inquiry.LastActivityAt);
        var attempt = inquiry.Activities[^1];
        Assert.Equal(ActivityKind.ContactAttempt, attempt.Kind);
        Assert.Equal(outcome, attempt.Outcome);
    }

    [Fact]
    public void First_contact_is_the_first_reached_attempt_after_unsuccessful_ones()
    {
        var inquiry = NewInquiry();

        inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.NoAnswer, null, Coordinator, T1);
        inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.LeftVoicemail, null, Coordinator, T2);
        inquiry.LogContactAttempt(ContactChannel.Text, ContactOutcome.Reached, null, Coordinator, T3);

        Assert.Equal(T3, inquiry.FirstContactAt);
        Assert.Equal(InquiryStage.Contacted, inquiry.Stage);
    }

    [Fact]
    public void A_contact_attempt_is_recorded_on_the_timeline_with_channel_outcome_and_trimmed_notes()
    {
        var inquiry = NewInquiry();

        inquiry.LogContactAttempt(ContactChannel.Text, ContactOutcome.LeftVoicemail, "  Will call back after 5pm  ", OtherCoordinator, T1);

        var attempt = Assert.Single(inquiry.Activities, a => a.Kind == ActivityKind.ContactAttempt);
        Assert.Equal(ContactChannel.Text, attempt.Channel);
        Assert.Equal(ContactOutcome.LeftVoicemail, attempt.Outcome);
        Assert.Equal("Text: left voicemail", attempt.Summary);
        Assert.Equal("Will call back after 5pm", attempt.Text);
        Assert.Equal(T1, attempt.OccurredAt);
        Assert.Equal(OtherCoordinator.Id, attempt.ActorId);
        Assert.Equal(OtherCoordinator.Name, attempt.ActorName);
    }

    [Fact]
    public void Blank_contact_notes_are_stored_as_no_notes()
    {
        var inquiry = NewInquiry();

        inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.NoAnswer, "   ", Coordinator, T1);

        Assert.Null(inquiry.Activities[^1].Text);
    }

    [Fact]
    public void A_reached_contact_after_the_inquiry_has_moved_on_sets_first_contact_without_changing_stage()
    {
        var inquiry = InquiryAt(InquiryStage.PreScreening);

        inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.Reached, null, Coordinator, T3);

        Assert.Equal(T3, inquiry.FirstContactAt);
        Assert.Equal(InquiryStage.PreScreening, inquiry.Stage);
        Assert.IsType<InquiryFirstContacted>(Assert.Single(inquiry.DomainEvents));
    }

    [Theory]
    [InlineData(InquiryStage.Admitted, "admitted")]
    [InlineData(InquiryStage.NotAdmitted, "not admitted")]
    [InlineData(InquiryStage.ReferredOut, "referred out")]
    public void Logging_contact_on_a_closed_inquiry_throws(InquiryStage closedStage, string describedAs)
    {
        var inquiry = InquiryAt(closedStage);
        var activitiesBefore = inquiry.Activities.Count;

        var ex = Assert.Throws<DomainRuleException>(
            () => inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.Reached, null, Coordinator, T3));

        Assert.Equal($"This inquiry is {describedAs}; reopen it before logging contact.", ex.Message);
        Assert.Equal(activitiesBefore, inquiry.Activities.Count);
        Assert.Null(inquiry.FirstContactAt);
        Assert.Empty(inquiry.DomainEvents);
    }

    // ---- Moving through the pipeline ----

    [Fact]
    public void Moving_along_the_pipeline_records_a_stage_change()
    {
        var inquiry = InquiryAt(InquiryStage.Contacted);

        inquiry.MoveTo(InquiryStage.PreScreening, null, "  Screening booked  ", Manager, T3);

        Assert.Equal(InquiryStage.PreScreening, inquiry.Stage);
        Assert.Equal(T3, inquiry.StageChangedAt);
        Assert.Equal(T3, inquiry.LastActivityAt);
        Assert.True(inquiry.IsOpen);
        Assert.Null(inquiry.ClosedAt);
        var activity = inquiry.Activities[^1];
        Assert.Equal(ActivityKind.StageChange, activity.Kind);
        Assert.Equal("Stage: Contacted → Pre-screening", activity.Summary);
        Assert.Equal("Screening booked", activity.Text);
        Assert.Equal(InquiryStage.Contacted, activity.FromStage);
        Assert.Equal(InquiryStage.PreScreening, activity.ToStage);
        Assert.Equal(Manager.Id, activity.ActorId);
    }

    [Fact]
    public void A_forbidden_move_throws_a_message_naming_both_stages()
    {
        var inquiry = InquiryAt(InquiryStage.PreScreening);

        var ex = Assert.Throws<DomainRuleException>(
            () => inquiry.MoveTo(InquiryStage.AdmissionScheduled, null, null, Coordinator, T3));

        Assert.Equal("An inquiry in Pre-screening cannot move to Admission scheduled.", ex.Message);
        Assert.Equal(InquiryStage.PreScreening, inquiry.Stage);
    }

    [Fact]
    public void Moving_a_new_inquiry_straight_to_approved_is_refused()
    {
        var inquiry = NewInquiry();

        var ex = Assert.Throws<DomainRuleException>(
            () => inquiry.MoveTo(InquiryStage.Approved, null, null, Coordinator, T1));

        Assert.Equal("An inquiry in New cannot move to Approved.", ex.Message);
    }

    [Fact]
    public void Moving_to_the_current_stage_is_refused()
    {
        var inquiry = InquiryAt(InquiryStage.ClinicalReview);

        var ex = Assert.Throws<DomainRuleException>(
            () => inquiry.MoveTo(InquiryStage.ClinicalReview, null, null, Coordinator, T3));

        Assert.Equal("The inquiry is already in Clinical review.", ex.Message);
    }

    [Fact]
    public void Not_admitted_without_a_reason_throws()
    {
        var inquiry = InquiryAt(InquiryStage.InsuranceVerification);
        var activitiesBefore = inquiry.Activities.Count;

        var ex = Assert.Throws<DomainRuleException>(
            () => inquiry.MoveTo(InquiryStage.NotAdmitted, null, null, Coordinator, T3));

        Assert.Equal("Choose the reason the person was not admitted.", ex.Message);
        Assert.Equal(InquiryStage.InsuranceVerification, inquiry.Stage);
        Assert.Null(inquiry.ClosedAt);
        Assert.Null(inquiry.NotAdmittedReason);
        Assert.Equal(activitiesBefore, inquiry.Activities.Count);
    }

    [Fact]
    public void Not_admitted_with_a_reason_closes_the_inquiry_and_keeps_the_reason()
    {
        var inquiry = InquiryAt(InquiryStage.InsuranceVerification);

        inquiry.MoveTo(InquiryStage.NotAdmitted, NotAdmittedReason.OutOfNetwork, null, Coordinator, T3);

        Assert.Equal(InquiryStage.NotAdmitted, inquiry.Stage);
        Assert.Equal(NotAdmittedReason.OutOfNetwork, inquiry.NotAdmittedReason);
        Assert.Equal(T3, inquiry.ClosedAt);
        Assert.False(inquiry.IsOpen);
        Assert.Equal("Stage: Insurance verification → Not admitted (out of network)", inquiry.Activities[^1].Summary);
    }

    [Fact]
    public void A_reason_given_for_any_other_move_is_not_kept()
    {
        var inquiry = InquiryAt(InquiryStage.Contacted);

        inquiry.MoveTo(InquiryStage.ReferredOut, NotAdmittedReason.NoInsurance, null, Coordinator, T3);

        Assert.Null(inquiry.NotAdmittedReason);
        Assert.Equal("Stage: Contacted → Referred out", inquiry.Activities[^1].Summary);
    }

    [Theory]
    [InlineData(InquiryStage.Admitted)]
    [InlineData(InquiryStage.ReferredOut)]
    public void Reaching_a_closed_stage_sets_closed_at(InquiryStage closedStage)
    {
        var inquiry = InquiryAt(closedStage);

        Assert.False(inquiry.IsOpen);
        Assert.NotNull(inquiry.ClosedAt);
        Assert.Equal(inquiry.StageChangedAt, inquiry.ClosedAt);
        Assert.Null(inquiry.NotAdmittedReason);
    }

    // ---- Reopening ----

    [Theory]
    [InlineData(InquiryStage.NotAdmitted)]
    [InlineData(InquiryStage.ReferredOut)]
    public void Reopening_clears_closed_at_and_reason_and_returns_to_contacted(InquiryStage closedStage)
    {
        var inquiry = InquiryAt(closedStage);

        inquiry.Reopen("Family called back with new insurance", Manager, T3);

        Assert.Equal(InquiryStage.Contacted, inquiry.Stage);
        Assert.True(inquiry.IsOpen);
        Assert.Null(inquiry.ClosedAt);
        Assert.Null(inquiry.NotAdmittedReason);
        Assert.Equal(T3, inquiry.StageChangedAt);
        var activity = inquiry.Activities[^1];
        Assert.Equal(ActivityKind.StageChange, activity.Kind);
        Assert.Equal(closedStage, activity.FromStage);
        Assert.Equal(InquiryStage.Contacted, activity.ToStage);
        Assert.Equal("Family called back with new insurance", activity.Text);
        Assert.Equal(Manager.Id, activity.ActorId);
        var changed = Assert.IsType<InquiryStageChanged>(Assert.Single(inquiry.DomainEvents));
        Assert.Equal(new InquiryStageChanged(inquiry.Id, closedStage, InquiryStage.Contacted, T3), changed);
    }

    [Fact]
    public void An_admitted_inquiry_can_never_be_reopened()
    {
        var inquiry = InquiryAt(InquiryStage.Admitted);

        var ex = Assert.Throws<DomainRuleException>(() => inquiry.Reopen(null, Manager, T3));

        Assert.Equal("An inquiry in Admitted cannot be reopened.", ex.Message);
        Assert.Equal(InquiryStage.Admitted, inquiry.Stage);
        Assert.NotNull(inquiry.ClosedAt);
    }

    [Theory]
    [InlineData(InquiryStage.New)]
    [InlineData(InquiryStage.Contacted)]
    [InlineData(InquiryStage.PreScreening)]
    [InlineData(InquiryStage.InsuranceVerification)]
    [InlineData(InquiryStage.ClinicalReview)]
    [InlineData(InquiryStage.Approved)]
    [InlineData(InquiryStage.AdmissionScheduled)]
    public void An_open_inquiry_cannot_be_reopened(InquiryStage openStage)
    {
        var inquiry = InquiryAt(openStage);

        Assert.Throws<DomainRuleException>(() => inquiry.Reopen(null, Manager, T3));
        Assert.Equal(openStage, inquiry.Stage);
        Assert.Empty(inquiry.DomainEvents);
    }

    [Fact]
    public void A_reopened_inquiry_accepts_contact_again()
    {
        var inquiry = InquiryAt(InquiryStage.NotAdmitted);
        inquiry.Reopen(null, Manager, T2);

        inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.Reached, null, Coordinator, T3);

        Assert.Equal(T3, inquiry.FirstContactAt);
        Assert.Equal(InquiryStage.Contacted, inquiry.Stage);
    }

    // ---- Details ----

    [Fact]
    public void Updating_details_returns_the_changed_fields_and_records_them()
    {
        var inquiry = NewInquiry();
        var updated = Details() with { CallerPhone = "555-201-9999", Urgency = Urgency.Crisis };

        var changed = inquiry.UpdateDetails(updated, OtherCoordinator, T1);

        Assert.Equal(["Caller phone", "Urgency"], changed);
        Assert.Equal(updated, inquiry.Details);
        Assert.Equal(T1, inquiry.LastActivityAt);
        var activity = inquiry.Activities[^1];
        Assert.Equal(ActivityKind.DetailsUpdated, activity.Kind);
        Assert.Equal("Updated Caller phone, Urgency", activity.Summary);
        Assert.Equal(OtherCoordinator.Id, activity.ActorId);
        Assert.Equal(T1, activity.OccurredAt);
    }

    [Fact]
    public void Updating_details_with_nothing_changed_records_nothing()
    {
        var inquiry = NewInquiry();

        var changed = inquiry.UpdateDetails(Details(), OtherCoordinator, T1);

        Assert.Empty(changed);
        Assert.Single(inquiry.Activities);
        Assert.Equal(CreatedAt, inquiry.LastActivityAt);
    }

    [Fact]
    public void Updating_details_recomputes_phone_digits_name_key_and_dual_diagnosis()
    {
        var inquiry = NewInquiry();
        Assert.False(inquiry.IsDualDiagnosis);

        inquiry.UpdateDetails(
            Details() with
            {
                CallerPhone = "+1 555 777 1234",
                PatientPhone = null,
                PatientFirstName = " Alexandra ",
                MentalHealthConcerns = MentalHealthConcerns.Anxiety,
            },
            Coordinator,
            T1);

        Assert.Equal("5557771234", inquiry.CallerPhoneDigits);
        Assert.Null(inquiry.PatientPhoneDigits);
        Assert.Equal("ALEXANDRA LOPEZ", inquiry.PatientNameKey);
        Assert.True(inquiry.IsDualDiagnosis);
    }

    [Theory]
    [InlineData(SubstanceConcerns.None, MentalHealthConcerns.None, false)]
    [InlineData(SubstanceConcerns.Alcohol, MentalHealthConcerns.None, false)]
    [InlineData(SubstanceConcerns.None, MentalHealthConcerns.Depression, false)]
    [InlineData(SubstanceConcerns.Fentanyl, MentalHealthConcerns.Ptsd, true)]
    [InlineData(SubstanceConcerns.OpioidsHeroin | SubstanceConcerns.Benzodiazepines, MentalHealthConcerns.Bipolar | MentalHealthConcerns.Anxiety, true)]
    public void Dual_diagnosis_needs_both_a_substance_and_a_mental_health_concern(
        SubstanceConcerns substances, MentalHealthConcerns mentalHealth, bool dual)
    {
        var inquiry = NewInquiry(Details() with { Substances = substances, MentalHealthConcerns = mentalHealth });

        Assert.Equal(dual, inquiry.IsDualDiagnosis);
    }

    [Theory]
    [InlineData("(555) 201-4477", "5552014477")]
    [InlineData("555.201.4477", "5552014477")]
    [InlineData("+1 555 201 4477", "5552014477")]
    [InlineData("15552014477", "5552014477")]
    [InlineData("call me", null)]
    [InlineData("555-0100", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Phone_digits_are_the_ten_digit_form_or_nothing(string? phone, string? digits)
    {
        var inquiry = NewInquiry(Details() with { CallerPhone = phone, PatientPhone = phone });

        Assert.Equal(digits, inquiry.CallerPhoneDigits);
        Assert.Equal(digits, inquiry.PatientPhoneDigits);
    }

    [Fact]
    public void Caller_and_patient_phone_digits_are_kept_separately()
    {
        var inquiry = NewInquiry();

        Assert.Equal("5552014477", inquiry.CallerPhoneDigits);
        Assert.Equal("5553098812", inquiry.PatientPhoneDigits);
    }

    [Theory]
    [InlineData("Alex", "Lopez", "ALEX LOPEZ")]
    [InlineData("  alex ", " lopez  ", "ALEX LOPEZ")]
    [InlineData("Mary Kate", "O'Neil-Smith", "MARY KATE O'NEIL-SMITH")]
    [InlineData("Alex", "", "ALEX")]
    [InlineData("", "Lopez", "LOPEZ")]
    [InlineData(" ", " ", "")]
    [InlineData("josé", "niño", "JOSÉ NIÑO")]
    public void The_name_key_is_the_trimmed_upper_case_full_name(string first, string last, string key)
    {
        Assert.Equal(key, Inquiry.NameKey(first, last));
        Assert.Equal(key, NewInquiry(Details() with { PatientFirstName = first, PatientLastName = last }).PatientNameKey);
    }

    [Fact]
    public void The_name_key_does_not_depend_on_the_current_culture()
    {
        var turkish = CultureInfo.GetCultureInfo("tr-TR");
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = turkish;
            // Guard: under Turkish rules a dotted i upper-cases to İ, so the culture matters here.
            Assert.Equal("İ", "i".ToUpper(turkish));

            Assert.Equal("ILHAN KILIC", Inquiry.NameKey("ilhan", "kilic"));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    // ---- Assignment and notes ----

    [Fact]
    public void Assigning_a_coordinator_records_an_assignment()
    {
        var inquiry = NewInquiry();

        inquiry.AssignTo(OtherCoordinator, Manager, T1);

        Assert.Equal(OtherCoordinator.Id, inquiry.AssignedCoordinatorId);
        Assert.Equal(OtherCoordinator.Name, inquiry.AssignedCoordinatorName);
        Assert.Equal(T1, inquiry.LastActivityAt);
        var activity = inquiry.Activities[^1];
        Assert.Equal(ActivityKind.Assignment, activity.Kind);
        Assert.Equal("Assigned to Sam Okafor", activity.Summary);
        Assert.Equal(Manager.Id, activity.ActorId);
    }

    [Fact]
    public void Assigning_the_same_coordinator_again_does_nothing()
    {
        var inquiry = NewInquiry();
        inquiry.AssignTo(OtherCoordinator, Manager, T1);

        inquiry.AssignTo(OtherCoordinator, Manager, T2);

        Assert.Single(inquiry.Activities, a => a.Kind == ActivityKind.Assignment);
        Assert.Equal(T1, inquiry.LastActivityAt);
    }

    [Fact]
    public void Reassigning_to_another_coordinator_records_a_second_assignment()
    {
        var inquiry = NewInquiry();
        inquiry.AssignTo(OtherCoordinator, Manager, T1);

        inquiry.AssignTo(Coordinator, Manager, T2);

        Assert.Equal(2, inquiry.Activities.Count(a => a.Kind == ActivityKind.Assignment));
        Assert.Equal(Coordinator.Id, inquiry.AssignedCoordinatorId);
        Assert.Equal("Assigned to Dana Reyes", inquiry.Activities[^1].Summary);
    }

    [Fact]
    public void Unassigning_returns_the_inquiry_to_the_queue()
    {
        var inquiry = NewInquiry();
        inquiry.AssignTo(OtherCoordinator, Manager, T1);

        inquiry.AssignTo(null, Manager, T2);

        Assert.Null(inquiry.AssignedCoordinatorId);
        Assert.Null(inquiry.AssignedCoordinatorName);
        Assert.Equal("Returned to the unassigned queue", inquiry.Activities[^1].Summary);
    }

    [Fact]
    public void Unassigning_an_unassigned_inquiry_does_nothing()
    {
        var inquiry = NewInquiry();

        inquiry.AssignTo(null, Manager, T1);

        Assert.Single(inquiry.Activities);
        Assert.Equal(CreatedAt, inquiry.LastActivityAt);
    }

    [Fact]
    public void Adding_a_note_appends_the_trimmed_text()
    {
        var inquiry = NewInquiry();

        inquiry.AddNote("  Prefers texts in the evening  ", Coordinator, T1);

        var note = inquiry.Activities[^1];
        Assert.Equal(ActivityKind.Note, note.Kind);
        Assert.Equal("Prefers texts in the evening", note.Text);
        Assert.Equal(T1, inquiry.LastActivityAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_note_is_refused(string text)
    {
        var inquiry = NewInquiry();

        Assert.Throws<ArgumentException>(() => inquiry.AddNote(text, Coordinator, T1));
        Assert.Single(inquiry.Activities);
    }

    [Theory]
    [InlineData(NotAdmittedReason.NoInsurance, "no insurance")]
    [InlineData(NotAdmittedReason.OutOfNetwork, "out of network")]
    [InlineData(NotAdmittedReason.NotClinicallyAppropriate, "not clinically appropriate")]
    [InlineData(NotAdmittedReason.ChoseAnotherProvider, "chose another provider")]
    [InlineData(NotAdmittedReason.Unreachable, "unreachable")]
    [InlineData(NotAdmittedReason.Declined, "declined")]
    [InlineData(NotAdmittedReason.Duplicate, "duplicate")]
    [InlineData(NotAdmittedReason.Invalid, "invalid")]
    public void Each_not_admitted_reason_reads_as_plain_words(NotAdmittedReason reason, string words)
    {
        Assert.Equal(words, Inquiry.DescribeReason(reason));
    }
}
