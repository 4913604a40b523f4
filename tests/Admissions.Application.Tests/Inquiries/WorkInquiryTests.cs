using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Inquiries;

public class WorkInquiryTests
{
    private static async Task<(TestHost Host, Guid Id)> StartWithInquiryAsync()
    {
        var host = await TestHost.StartAsync();
        var created = await host.CreateInquiryAsync(TestForms.Valid());
        return (host, created.InquiryId!.Value);
    }

    private static Task<Inquiry> Load(TestHost host, Guid id) =>
        host.QueryAsync(db => db.Inquiries.Include(i => i.Activities).SingleAsync(i => i.Id == id));

    // ---- Contact attempts ----

    [Fact]
    public async Task Reaching_the_caller_sets_the_first_contact_time_and_moves_a_new_inquiry_to_contacted()
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        var version = await host.SendAsync(host.Coordinator, new LogContactAttempt(id, ContactChannel.Call, ContactOutcome.Reached, " Spoke with mom. "));

        var inquiry = await Load(host, id);
        Assert.Equal(TestHost.StartTime.AddMinutes(3), inquiry.FirstContactAt);
        Assert.Equal(InquiryStage.Contacted, inquiry.Stage);
        Assert.Equal(TestHost.StartTime.AddMinutes(3), inquiry.StageChangedAt);
        Assert.Equal(InquiryVersion.Encode(inquiry.Version), version);
        var attempt = Assert.Single(inquiry.Activities, a => a.Kind == ActivityKind.ContactAttempt);
        Assert.Equal("Call: reached", attempt.Summary);
        Assert.Equal("Spoke with mom.", attempt.Text);
        Assert.Equal(host.Coordinator.Id, attempt.ActorId);
        Assert.Single(inquiry.Activities, a => a.Kind == ActivityKind.StageChange && a.ToStage == InquiryStage.Contacted);
    }

    [Fact]
    public async Task An_unanswered_call_is_logged_but_is_not_first_contact()
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;
        host.Clock.Advance(TimeSpan.FromMinutes(2));

        await host.SendAsync(host.Coordinator, new LogContactAttempt(id, ContactChannel.Call, ContactOutcome.NoAnswer, null));

        var inquiry = await Load(host, id);
        Assert.Null(inquiry.FirstContactAt);
        Assert.Equal(InquiryStage.New, inquiry.Stage);
        Assert.Equal(TestHost.StartTime.AddMinutes(2), inquiry.LastActivityAt);
        Assert.Single(inquiry.Activities, a => a.Kind == ActivityKind.ContactAttempt && a.Outcome == ContactOutcome.NoAnswer);
    }

    [Fact]
    public async Task A_later_successful_contact_keeps_the_first_contact_time()
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.SendAsync(host.Coordinator, new LogContactAttempt(id, ContactChannel.Call, ContactOutcome.Reached, null));
        host.Clock.Advance(TimeSpan.FromHours(1));

        await host.SendAsync(host.Coordinator2, new LogContactAttempt(id, ContactChannel.Text, ContactOutcome.Reached, null));

        var inquiry = await Load(host, id);
        Assert.Equal(TestHost.StartTime.AddMinutes(3), inquiry.FirstContactAt);
        Assert.Equal(2, inquiry.Activities.Count(a => a.Kind == ActivityKind.ContactAttempt));
    }

    [Fact]
    public async Task Logging_contact_on_a_closed_inquiry_is_refused()
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;
        await host.SendAsync(host.Coordinator, new MoveInquiryStage(id, InquiryStage.NotAdmitted, NotAdmittedReason.Declined));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Coordinator, new LogContactAttempt(id, ContactChannel.Call, ContactOutcome.Reached, null)));

        Assert.Equal("This inquiry is not admitted; reopen it before logging contact.", error.Message);
        Assert.Null((await Load(host, id)).FirstContactAt);
    }

    [Fact]
    public async Task Contact_on_an_unknown_inquiry_is_not_found()
    {
        await using var host = await TestHost.StartAsync();

        await Assert.ThrowsAsync<NotFoundException>(() =>
            host.SendAsync(host.Coordinator, new LogContactAttempt(Guid.NewGuid(), ContactChannel.Call, ContactOutcome.Reached, null)));
    }

    // ---- Stages ----

    [Fact]
    public async Task A_move_the_pipeline_does_not_allow_is_refused_with_a_clear_message_and_changes_nothing()
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;
        var before = await Load(host, id);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Coordinator, new MoveInquiryStage(id, InquiryStage.Approved)));

        Assert.Equal("An inquiry in New cannot move to Approved.", error.Message);
        var after = await Load(host, id);
        Assert.Equal(InquiryStage.New, after.Stage);
        Assert.Equal(before.Version, after.Version);
        Assert.Single(after.Activities);
    }

    [Fact]
    public async Task Moving_to_the_stage_it_is_already_in_is_refused()
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Coordinator, new MoveInquiryStage(id, InquiryStage.New)));

        Assert.Equal("The inquiry is already in New.", error.Message);
    }

    [Fact]
    public async Task Not_admitted_without_a_reason_is_a_validation_error()
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Coordinator, new MoveInquiryStage(id, InquiryStage.NotAdmitted)));

        Assert.Equal(["Choose the reason the person was not admitted."], error.Errors[nameof(MoveInquiryStage.Reason)]);
        Assert.Equal(InquiryStage.New, (await Load(host, id)).Stage);
    }

    [Fact]
    public async Task Not_admitted_with_a_reason_closes_the_inquiry()
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;
        host.Clock.Advance(TimeSpan.FromHours(2));

        await host.SendAsync(host.Coordinator, new MoveInquiryStage(id, InquiryStage.NotAdmitted, NotAdmittedReason.NoInsurance, "No coverage, self-pay declined."));

        var inquiry = await Load(host, id);
        Assert.Equal(InquiryStage.NotAdmitted, inquiry.Stage);
        Assert.Equal(NotAdmittedReason.NoInsurance, inquiry.NotAdmittedReason);
        Assert.Equal(TestHost.StartTime.AddHours(2), inquiry.ClosedAt);
        var change = Assert.Single(inquiry.Activities, a => a.Kind == ActivityKind.StageChange);
        Assert.Equal("Stage: New → Not admitted (no insurance)", change.Summary);
        Assert.Equal("No coverage, self-pay declined.", change.Text);
    }

    [Fact]
    public async Task An_inquiry_can_be_walked_along_the_pipeline_to_approval()
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;
        await host.SendAsync(host.Coordinator, new LogContactAttempt(id, ContactChannel.Call, ContactOutcome.Reached, null));
        InquiryStage[] path =
        [
            InquiryStage.PreScreening, InquiryStage.InsuranceVerification, InquiryStage.ClinicalReview,
            InquiryStage.Approved,
        ];

        foreach (var stage in path)
        {
            host.Clock.Advance(TimeSpan.FromHours(1));
            await host.SendAsync(stage is InquiryStage.ClinicalReview or InquiryStage.Approved ? host.Clinician : host.Coordinator, new MoveInquiryStage(id, stage));
        }

        var inquiry = await Load(host, id);
        Assert.Equal((InquiryStage.Approved, TestHost.StartTime.AddHours(4)), (inquiry.Stage, inquiry.StageChangedAt));
        Assert.Null(inquiry.ClosedAt);
        Assert.Equal(5, inquiry.Activities.Count(a => a.Kind == ActivityKind.StageChange));
    }

    // ---- Reopening ----

    [Fact]
    public async Task A_manager_reopens_a_not_admitted_inquiry_into_contacted()
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;
        await host.SendAsync(host.Coordinator, new MoveInquiryStage(id, InquiryStage.NotAdmitted, NotAdmittedReason.Unreachable));
        host.Clock.Advance(TimeSpan.FromDays(3));

        await host.SendAsync(host.Manager, new ReopenInquiry(id, "Called back."));

        var inquiry = await Load(host, id);
        Assert.Equal(InquiryStage.Contacted, inquiry.Stage);
        Assert.Null(inquiry.NotAdmittedReason);
        Assert.Null(inquiry.ClosedAt);
        Assert.Equal(TestHost.StartTime.AddDays(3), inquiry.StageChangedAt);
    }

    [Fact]
    public async Task An_open_inquiry_cannot_be_reopened()
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Manager, new ReopenInquiry(id, null)));

        Assert.Equal("An inquiry in New cannot be reopened.", error.Message);
    }

    // ---- Assignment and notes ----

    [Fact]
    public async Task Assigning_uses_the_coordinators_name_from_the_staff_directory()
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;

        await host.SendAsync(host.Manager, new AssignInquiry(id, host.Coordinator2.Id));

        var inquiry = await Load(host, id);
        Assert.Equal(host.Coordinator2.Id, inquiry.AssignedCoordinatorId);
        Assert.Equal("Jordan Patel", inquiry.AssignedCoordinatorName);
        Assert.Single(inquiry.Activities, a => a.Kind == ActivityKind.Assignment && a.Summary == "Assigned to Jordan Patel");

        await host.SendAsync(host.Manager, new AssignInquiry(id, null));
        Assert.Null((await Load(host, id)).AssignedCoordinatorId);
    }

    [Theory]
    [InlineData("clinician")]
    [InlineData("nobody")]
    public async Task Only_coordinators_and_managers_can_be_assigned(string who)
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;
        var userId = who == "clinician" ? host.Clinician.Id : "no-such-user";

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Manager, new AssignInquiry(id, userId)));

        Assert.Equal(["Choose an admissions coordinator or manager."], error.Errors[nameof(AssignInquiry.CoordinatorId)]);
        Assert.Null((await Load(host, id)).AssignedCoordinatorId);
    }

    [Fact]
    public async Task An_empty_note_is_refused_and_a_note_is_added_to_the_timeline()
    {
        var (host, id) = await StartWithInquiryAsync();
        await using var _ = host;

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Clinician, new AddInquiryNote(id, "")));
        await host.SendAsync(host.Clinician, new AddInquiryNote(id, "  Needs a detox bed first. "));

        Assert.Equal(["Write the note first."], error.Errors[nameof(AddInquiryNote.Text)]);
        var note = Assert.Single((await Load(host, id)).Activities, a => a.Kind == ActivityKind.Note);
        Assert.Equal("Needs a detox bed first.", note.Text);
        Assert.Equal(host.Clinician.Name, note.ActorName);
    }
}
