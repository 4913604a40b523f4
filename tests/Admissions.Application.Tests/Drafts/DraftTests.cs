using Admissions.Application.Common;
using Admissions.Application.Drafts;
using Admissions.Application.Inquiries;
using Admissions.Domain.Auditing;
using Admissions.Domain.Drafts;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Drafts;

public class DraftTests
{
    private const string IntakePayload = """{"callerName":"Dana Whitfield","patientFirstName":"Linda","patientLastName":"Whitfield"}""";
    private const string Summary = "the inquiry you were entering for Linda W.";

    private static SaveDraft Intake(Guid id, string payload = IntakePayload, string returnUrl = "/inquiries/new?draft=x") =>
        new(id, DraftKind.Intake, null, null, Summary, returnUrl, payload);

    [Fact]
    public async Task A_saved_intake_draft_is_offered_back_to_the_person_who_typed_it_and_to_no_one_else()
    {
        await using var host = await TestHost.StartAsync();
        var id = Guid.NewGuid();

        await host.SendAsync(host.Coordinator, Intake(id));

        var mine = await host.SendAsync(host.Coordinator, new ListMyDrafts([]));
        var offered = Assert.Single(mine);
        Assert.Equal((id, DraftKind.Intake, Summary, "/inquiries/new?draft=x", TestHost.StartTime), (offered.Id, offered.Kind, offered.Summary, offered.ReturnUrl, offered.UpdatedAt));
        Assert.Equal([id], await host.SendAsync(host.Coordinator, new ListMyDraftIds()));
        Assert.Equal(IntakePayload, (await host.SendAsync(host.Coordinator, new GetDraft(id)))?.Payload);

        Assert.Empty(await host.SendAsync(host.Coordinator2, new ListMyDrafts([])));
        Assert.Empty(await host.SendAsync(host.Manager, new ListMyDraftIds()));
        Assert.Null(await host.SendAsync(host.Coordinator2, new GetDraft(id)));
    }

    [Fact]
    public async Task Autosaving_again_replaces_the_draft_and_every_write_is_audited_without_the_text()
    {
        await using var host = await TestHost.StartAsync();
        var id = Guid.NewGuid();
        await host.SendAsync(host.Coordinator, Intake(id));
        host.Clock.Advance(TimeSpan.FromSeconds(5));

        const string longer = """{"callerName":"Dana Whitfield","patientFirstName":"Linda","patientLastName":"Whitfield","notes":"Drinking daily"}""";
        await host.SendAsync(host.Coordinator, Intake(id, longer));

        var draft = await host.QueryAsync(db => db.Drafts.SingleAsync());
        Assert.Equal(longer, draft.Payload);
        Assert.Equal(TestHost.StartTime, draft.CreatedAt);
        Assert.Equal(TestHost.StartTime.AddSeconds(5), draft.UpdatedAt);
        Assert.Equal(TestHost.StartTime.AddSeconds(5).AddHours(24), draft.ExpiresAt);

        var audit = await host.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Draft)).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.Update], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal((id.ToString(), host.Coordinator.Id), (e.EntityId, e.UserId)));
        Assert.DoesNotContain(audit, e => (e.Fields ?? "").Contains("Linda", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_save_on_an_inquiry_announces_it_once_but_a_draft_of_its_note_does_not()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        var before = host.Live.InquiriesChanged.Count;

        // The note being typed on the inquiry's page: announcing it would reload that page under the typist.
        await host.SendAsync(host.Coordinator, new SaveDraft(Guid.NewGuid(), DraftKind.Note, inquiryId, null, "a note", $"/inquiries/{inquiryId}", """{"text":"Mom calls back at 4"}"""));
        Assert.Equal(before, host.Live.InquiriesChanged.Count);

        // No handler announces anything itself: the save does, once per inquiry it touched.
        await host.SendAsync(host.Coordinator, new AddInquiryNote(inquiryId, "Mom calls back at 4"));
        Assert.Equal([inquiryId], host.Live.InquiriesChanged.Skip(before));
    }

    [Fact]
    public async Task Someone_else_cannot_overwrite_or_discard_a_draft()
    {
        await using var host = await TestHost.StartAsync();
        var id = Guid.NewGuid();
        await host.SendAsync(host.Coordinator, Intake(id));

        await Assert.ThrowsAsync<NotFoundException>(() => host.SendAsync(host.Coordinator2, Intake(id, """{"callerName":"Someone else"}""")));
        await host.SendAsync(host.Coordinator2, new DiscardDraft(id));

        Assert.Equal(IntakePayload, (await host.QueryAsync(db => db.Drafts.SingleAsync())).Payload);
    }

    [Fact]
    public async Task Drafts_expire_a_day_after_the_last_write_and_the_purge_deletes_them_on_record()
    {
        await using var host = await TestHost.StartAsync();
        var kept = Guid.NewGuid();
        var stale = Guid.NewGuid();
        await host.SendAsync(host.Coordinator, Intake(stale));
        await host.SendAsync(host.Coordinator, Intake(kept));
        host.Clock.Advance(TimeSpan.FromHours(20));
        await host.SendAsync(host.Coordinator, Intake(kept, """{"callerName":"Dana W"}"""));

        host.Clock.Advance(TimeSpan.FromHours(4));

        Assert.Equal([kept], (await host.SendAsync(host.Coordinator, new ListMyDrafts([]))).Select(d => d.Id));
        Assert.Null(await host.SendAsync(host.Coordinator, new GetDraft(stale)));
        Assert.Equal(1, await host.SendAsSystemAsync(new PurgeExpiredDrafts()));
        Assert.Equal([kept], await host.QueryAsync(db => db.Drafts.Select(d => d.Id).ToListAsync()));
        Assert.True(await host.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Draft) && e.EntityId == stale.ToString() && e.Action == AuditAction.Delete)));

        host.Clock.Advance(TimeSpan.FromHours(20));
        Assert.Empty(await host.SendAsync(host.Coordinator, new ListMyDraftIds()));
        Assert.Equal(1, await host.SendAsSystemAsync(new PurgeExpiredDrafts()));
    }

    [Fact]
    public async Task Reading_drafts_back_is_audited_and_the_open_forms_are_left_out()
    {
        await using var host = await TestHost.StartAsync();
        var open = Guid.NewGuid();
        var waiting = Guid.NewGuid();
        await host.SendAsync(host.Coordinator, Intake(open));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.SendAsync(host.Coordinator, Intake(waiting));

        var offered = await host.SendAsync(host.Coordinator, new ListMyDrafts([open]));

        Assert.Equal([waiting], offered.Select(d => d.Id));
        Assert.Equal([waiting, open], await host.SendAsync(host.Coordinator, new ListMyDraftIds()));
        var reads = await host.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Draft) && e.Action == AuditAction.View).ToListAsync());
        Assert.Single(reads);
    }

    [Fact]
    public async Task A_draft_on_an_inquiry_is_found_by_its_form_and_discarded_once_saved()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        var first = Guid.NewGuid();
        var newer = Guid.NewGuid();
        await host.SendAsync(host.Clinician, new SaveDraft(first, DraftKind.Screening, inquiryId, "Phq9", "the PHQ-9 you were answering", "/inquiries/x?tab=screening", """{"1":2}"""));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.SendAsync(host.Clinician, new SaveDraft(newer, DraftKind.Screening, inquiryId, "Phq9", "the PHQ-9 you were answering", "/inquiries/x?tab=screening", """{"1":3}"""));
        await host.SendAsync(host.Clinician, new SaveDraft(Guid.NewGuid(), DraftKind.Screening, inquiryId, "Gad7", "the GAD-7", "/inquiries/x?tab=screening", """{"1":1}"""));

        var found = await host.SendAsync(host.Clinician, new FindMyDraft(DraftKind.Screening, inquiryId, "Phq9"));
        Assert.Equal((newer, """{"1":3}"""), (found?.Id, found?.Payload));
        Assert.Null(await host.SendAsync(host.Coordinator, new FindMyDraft(DraftKind.Screening, inquiryId, "Phq9")));

        await host.SendAsync(host.Clinician, new DiscardDraft(newer));
        Assert.Equal(first, (await host.SendAsync(host.Clinician, new FindMyDraft(DraftKind.Screening, inquiryId, "Phq9")))?.Id);
    }

    [Theory]
    [InlineData("https://example.com/phish")]
    [InlineData("//example.com/phish")]
    [InlineData("/\\example.com")]
    [InlineData("inquiries/new")]
    public async Task A_draft_only_returns_to_a_page_of_this_app(string returnUrl)
    {
        await using var host = await TestHost.StartAsync();

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Coordinator, Intake(Guid.NewGuid(), returnUrl: returnUrl)));

        Assert.Contains(nameof(SaveDraft.ReturnUrl), refused.Errors.Keys);
        Assert.False(await host.QueryAsync(db => db.Drafts.AnyAsync()));
    }

    [Fact]
    public async Task Drafts_of_an_inquiry_form_name_the_inquiry_and_business_development_keeps_none()
    {
        await using var host = await TestHost.StartAsync();

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Coordinator, new SaveDraft(Guid.NewGuid(), DraftKind.Note, null, "notes", "a note", "/inquiries", "{}")));
        Assert.Contains(nameof(SaveDraft.InquiryId), refused.Errors.Keys);
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, Intake(Guid.NewGuid())));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new ListMyDraftIds()));
    }

    [Fact]
    public void The_prompt_names_the_patient_by_first_name_and_last_initial()
    {
        Assert.Equal("Linda W.", Draft.ShortName(" Linda ", "whitfield"));
        Assert.Equal("Linda", Draft.ShortName("Linda", " "));
        Assert.Equal("W.", Draft.ShortName(null, "Whitfield"));
        Assert.Equal("", Draft.ShortName(null, null));
    }
}
