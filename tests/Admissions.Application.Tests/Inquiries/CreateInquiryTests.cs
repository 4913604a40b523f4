using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Placement;
using Admissions.Domain.Auditing;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Inquiries;

public class CreateInquiryTests
{
    // ---- Numbering ----

    [Fact]
    public async Task Inquiries_are_numbered_in_sequence_within_the_year_of_the_clock()
    {
        await using var host = await TestHost.StartAsync();

        var first = await host.CreateInquiryAsync(TestForms.Person(1, "Alex", "Lopez"));
        var second = await host.CreateInquiryAsync(TestForms.Person(2, "Jamie", "Carter"));

        Assert.Equal("INQ-2026-000001", first.Number);
        Assert.Equal("INQ-2026-000002", second.Number);
        Assert.Empty(first.Duplicates);
        var stored = await host.QueryAsync(db => db.Inquiries.OrderBy(i => i.Number).Select(i => new { i.Id, i.Number }).ToListAsync());
        Assert.Equal([(first.InquiryId!.Value, first.Number!), (second.InquiryId!.Value, second.Number!)], stored.Select(s => (s.Id, s.Number)));
    }

    [Fact]
    public async Task The_sequence_starts_again_at_one_in_a_new_year()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateInquiryAsync(TestForms.Person(1, "Alex", "Lopez"));

        // One second past midnight at the facility (Pacific): 08:00 UTC.
        host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 8, 0, 1, TimeSpan.Zero));
        var next = await host.CreateInquiryAsync(TestForms.Person(2, "Jamie", "Carter"));

        Assert.Equal("INQ-2027-000001", next.Number);
    }

    [Fact]
    public async Task Simultaneous_intakes_never_share_a_number()
    {
        await using var host = await TestHost.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(n =>
            Task.Run(() => host.CreateInquiryAsync(TestForms.Person(n, $"Person{n}", "Tester")))));

        Assert.Equal(
            ["INQ-2026-000001", "INQ-2026-000002", "INQ-2026-000003", "INQ-2026-000004"],
            results.Select(r => r.Number!).Order());
        Assert.Equal(4, await host.QueryAsync(db => db.Inquiries.CountAsync()));
        Assert.Equal(results.Select(r => r.InquiryId!.Value).Order(), host.Scheduler.Checks.Select(c => c.InquiryId).Order());
    }

    [Fact]
    public async Task The_inquiry_is_stored_as_typed_with_phones_in_one_format_and_the_creator_recorded()
    {
        await using var host = await TestHost.StartAsync();

        var result = await host.CreateInquiryAsync(TestForms.Valid(f =>
        {
            f.CallerName = "  Maria Lopez ";
            f.CallerPhone = "555.201.4477";
            f.PatientPhone = "+1 555 309 8812";
            f.CallerEmail = " Maria@Example.org ";
            f.PatientState = "tx";
        }));

        var inquiry = await host.QueryAsync(db => db.Inquiries.SingleAsync(i => i.Id == result.InquiryId));
        Assert.Equal("Maria Lopez", inquiry.Details.CallerName);
        Assert.Equal("(555) 201-4477", inquiry.Details.CallerPhone);
        Assert.Equal("(555) 309-8812", inquiry.Details.PatientPhone);
        Assert.Equal("5552014477", inquiry.CallerPhoneDigits);
        Assert.Equal("5553098812", inquiry.PatientPhoneDigits);
        Assert.Equal("maria@example.org", inquiry.Details.CallerEmail);
        Assert.Equal("TX", inquiry.Details.PatientState);
        Assert.Equal(InquiryStage.New, inquiry.Stage);
        Assert.Equal(TestHost.StartTime, inquiry.CreatedAt);
        Assert.Equal(host.Coordinator.Id, inquiry.CreatedById);
        Assert.Equal(host.Coordinator.Name, inquiry.CreatedByName);
        Assert.Null(inquiry.PossibleDuplicateOfId);
        Assert.True(inquiry.IsDualDiagnosis);
    }

    // ---- Validation ----

    [Theory]
    [InlineData("bad phone", "Form.CallerPhone", "Enter a 10-digit US phone number, e.g. (555) 201-4477.")]
    [InlineData("bad patient phone", "Form.PatientPhone", "Enter a 10-digit US phone number, e.g. (555) 201-4477.")]
    [InlineData("bad email", "Form.CallerEmail", "Enter an email address like name@example.com.")]
    [InlineData("no way to reach", "Form.CallerPhone", "Give at least one way to reach someone: a caller phone, a patient phone or an email.")]
    [InlineData("born tomorrow", "Form.PatientDateOfBirth", "Date of birth cannot be in the future.")]
    [InlineData("born 111 years ago", "Form.PatientDateOfBirth", "Check the date of birth: that would make the patient older than 110.")]
    [InlineData("referral without referrer", "Form.ReferralSource", "Name who referred this person, or choose the referring organisation.")]
    [InlineData("no caller name", "Form.CallerName", "Enter the caller's name.")]
    [InlineData("no patient first name", "Form.PatientFirstName", "Enter the prospective patient's first name.")]
    [InlineData("unknown state", "Form.PatientState", "Choose a US state: type its name or code (Florida or FL).")]
    public async Task An_invalid_form_is_refused_with_the_field_and_a_message_a_person_can_act_on(string problem, string field, string message)
    {
        await using var host = await TestHost.StartAsync();
        var form = TestForms.Valid(f =>
        {
            switch (problem)
            {
                case "bad phone":
                    f.CallerPhone = "555-0100";
                    break;
                case "bad patient phone":
                    f.PatientPhone = "(055) 309-8812";
                    break;
                case "bad email":
                    f.CallerEmail = "maria.example.org";
                    break;
                case "no way to reach":
                    f.CallerPhone = null;
                    f.PatientPhone = " ";
                    f.CallerEmail = null;
                    break;
                case "born tomorrow":
                    f.PatientDateOfBirth = new DateOnly(2026, 3, 11);
                    break;
                case "born 111 years ago":
                    f.PatientDateOfBirth = new DateOnly(1915, 3, 10);
                    break;
                case "referral without referrer":
                    f.Source = InquirySource.Referral;
                    f.ReferralSource = "  ";
                    break;
                case "no caller name":
                    f.CallerName = "";
                    break;
                case "no patient first name":
                    f.PatientFirstName = "";
                    break;
                case "unknown state":
                    f.PatientState = "XX";
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
            }
        });

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Coordinator, new CreateInquiry(form)));

        Assert.Equal([field], error.Errors.Keys);
        Assert.Equal(message, Assert.Single(error.Errors[field]));
        Assert.Equal(0, await host.QueryAsync(db => db.Inquiries.CountAsync()));
        Assert.Empty(host.Scheduler.Checks);
    }

    [Fact]
    public async Task A_referral_with_the_referrer_named_and_a_birth_date_today_or_109_years_ago_is_accepted()
    {
        await using var host = await TestHost.StartAsync();

        await host.CreateInquiryAsync(TestForms.Person(1, "Newborn", "Baby", f => f.PatientDateOfBirth = new DateOnly(2026, 3, 10)));
        await host.CreateInquiryAsync(TestForms.Person(2, "Very", "Old", f =>
        {
            f.PatientDateOfBirth = new DateOnly(1917, 3, 10);
            f.Source = InquirySource.Referral;
            f.ReferralSource = "St. Mary's Hospital ED";
        }));

        Assert.Equal(2, await host.QueryAsync(db => db.Inquiries.CountAsync()));
    }

    // ---- Duplicates ----

    [Theory]
    [InlineData("+1 (555) 309-8812", "(555) 777-2000")] // caller phone = first inquiry's patient phone
    [InlineData("(555) 777-2000", "555.201.4477")] // patient phone = first inquiry's caller phone
    [InlineData("15552014477", null)] // caller phone = caller phone, as bare digits with a country code
    public async Task An_open_inquiry_with_the_same_phone_in_any_format_is_returned_as_a_duplicate_and_nothing_is_created(
        string callerPhone, string? patientPhone)
    {
        await using var host = await TestHost.StartAsync();
        var first = await host.CreateInquiryAsync(TestForms.Valid());

        var second = await host.SendAsync(host.Coordinator2, new CreateInquiry(TestForms.Person(5, "Someone", "Else", f =>
        {
            f.CallerPhone = callerPhone;
            f.PatientPhone = patientPhone;
        })));

        Assert.False(second.Created);
        Assert.Null(second.InquiryId);
        Assert.Null(second.Number);
        var match = Assert.Single(second.Duplicates);
        Assert.Equal(first.InquiryId, match.Id);
        Assert.Equal("INQ-2026-000001", match.Number);
        Assert.Equal("Alex Lopez", match.PatientName);
        Assert.Equal("same phone number", match.MatchedOn);
        Assert.Equal(InquiryStage.New, match.Stage);
        Assert.Equal(1, await host.QueryAsync(db => db.Inquiries.CountAsync()));
        Assert.Single(host.Scheduler.Checks);
        Assert.Equal(1, await host.QueryAsync(db => db.NumberSequences.Select(s => s.LastValue).SingleAsync()));
    }

    [Fact]
    public async Task An_open_inquiry_for_the_same_patient_name_and_birth_date_is_a_duplicate_whatever_the_case_of_the_name()
    {
        await using var host = await TestHost.StartAsync();
        var first = await host.CreateInquiryAsync(TestForms.Valid());

        var second = await host.SendAsync(host.Coordinator, new CreateInquiry(TestForms.Person(5, "ALEX", "lopez", f =>
            f.PatientDateOfBirth = TestForms.PatientDateOfBirth)));

        Assert.False(second.Created);
        var match = Assert.Single(second.Duplicates);
        Assert.Equal(first.InquiryId, match.Id);
        Assert.Equal("same name and date of birth", match.MatchedOn);
        Assert.Equal(1, await host.QueryAsync(db => db.Inquiries.CountAsync()));
    }

    [Fact]
    public async Task The_same_name_with_another_birth_date_and_other_phones_is_not_a_duplicate()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateInquiryAsync(TestForms.Valid());

        var second = await host.SendAsync(host.Coordinator, new CreateInquiry(TestForms.Person(5, "Alex", "Lopez", f =>
            f.PatientDateOfBirth = new DateOnly(2001, 1, 1))));

        Assert.True(second.Created);
        Assert.Empty(second.Duplicates);
    }

    [Fact]
    public async Task Continuing_past_a_duplicate_creates_the_inquiry_and_links_it_to_the_match()
    {
        await using var host = await TestHost.StartAsync();
        var first = await host.CreateInquiryAsync(TestForms.Valid());

        var second = await host.CreateInquiryAsync(TestForms.Valid(f => f.CallerName = "Maria Lopez (again)"), allowDuplicates: true);

        Assert.Equal("INQ-2026-000002", second.Number);
        Assert.Equal(first.InquiryId, Assert.Single(second.Duplicates).Id);
        var stored = await host.QueryAsync(db => db.Inquiries.SingleAsync(i => i.Id == second.InquiryId));
        Assert.Equal(first.InquiryId, stored.PossibleDuplicateOfId);
        var detail = await host.SendAsync(host.Coordinator, new GetInquiry(second.InquiryId!.Value));
        Assert.Equal("INQ-2026-000001", detail.PossibleDuplicateOfNumber);
    }

    [Theory]
    [InlineData(InquiryStage.NotAdmitted, "Returning: not admitted (unreachable) 2026-03-10, INQ-2026-000001")]
    [InlineData(InquiryStage.ReferredOut, "Returning: referred out 2026-03-10, INQ-2026-000001")]
    public async Task A_closed_inquiry_is_shown_as_a_returning_person_and_the_new_one_is_no_duplicate(InquiryStage closedAs, string summary)
    {
        await using var host = await TestHost.StartAsync();
        var first = await host.CreateInquiryAsync(TestForms.Valid());
        if (closedAs == InquiryStage.NotAdmitted)
        {
            await host.SendAsync(host.Coordinator, new MoveInquiryStage(first.InquiryId!.Value, closedAs, NotAdmittedReason.Unreachable));
        }
        else
        {
            var partner = await host.SendAsync(host.Manager, new SavePartnerFacility(null, new PartnerForm { Name = "Harborview", Levels = [Domain.Care.LevelOfCare.Residential] }));
            await host.SendAsync(host.Coordinator, new ReferOut(first.InquiryId!.Value, partner, "Adolescent program needed", ShareRecords: false));
        }

        host.Clock.Advance(TimeSpan.FromDays(30));
        var seen = await host.SendAsync(host.Coordinator, new CreateInquiry(TestForms.Valid()));
        var second = await host.CreateInquiryAsync(TestForms.Valid(), allowDuplicates: true);

        Assert.False(seen.Created);
        Assert.Equal(summary, Assert.Single(seen.Duplicates).Summary);
        var stored = await host.QueryAsync(db => db.Inquiries.SingleAsync(i => i.Id == second.InquiryId));
        Assert.Null(stored.PossibleDuplicateOfId);
        var detail = await host.SendAsync(host.Coordinator, new GetInquiry(second.InquiryId!.Value));
        Assert.Equal(summary, Assert.Single(detail.Returning).Summary);
        Assert.Equal(first.InquiryId, detail.Returning[0].Id);
        Assert.Empty((await host.SendAsync(host.Coordinator, new GetInquiry(first.InquiryId!.Value))).Returning);
    }

    [Fact]
    public async Task A_mother_calling_again_about_her_son_admitted_in_March_is_told_when_and_under_which_number()
    {
        await using var host = await TestHost.StartAsync();
        // Admitted at 5:30 PM Pacific on 14 March: already the 15th in UTC.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 15, 0, 30, 0, TimeSpan.Zero));
        var son = await host.CreateInquiryAsync(TestForms.Valid());
        await using (var db = host.CreateDbContext())
        {
            var inquiry = await db.Inquiries.SingleAsync(i => i.Id == son.InquiryId);
            var by = new Domain.Common.Actor(host.Coordinator.Id, host.Coordinator.Name);
            foreach (var stage in new[] { InquiryStage.Contacted, InquiryStage.PreScreening, InquiryStage.ClinicalReview, InquiryStage.Approved, InquiryStage.AdmissionScheduled, InquiryStage.Admitted })
            {
                inquiry.MoveTo(stage, null, null, by, host.Clock.GetUtcNow());
            }

            await db.SaveChangesAsync();
        }

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 9, 2, 16, 0, 0, TimeSpan.Zero));
        var again = await host.SendAsync(host.Coordinator, new CreateInquiry(TestForms.Valid(f => f.PatientPhone = null)));

        var match = Assert.Single(again.Duplicates);
        Assert.Equal(("Returning: admitted 2026-03-14, INQ-2026-000001", "same phone number"), (match.Summary, match.MatchedOn));
        Assert.False(match.IsOpen);
    }

    [Fact]
    public async Task The_intake_notes_open_the_timeline()
    {
        await using var host = await TestHost.StartAsync();

        var created = await host.CreateInquiryAsync(TestForms.Valid(f => f.Notes = "Mother calling; son used fentanyl last night, wants detox."));

        var detail = await host.SendAsync(host.Coordinator, new GetInquiry(created.InquiryId!.Value));
        var first = detail.Activities[^1];
        Assert.Equal((ActivityKind.Created, "Mother calling; son used fentanyl last night, wants detox."), (first.Kind, first.Text));
    }

    // ---- What follows a creation ----

    [Fact]
    public async Task A_speed_to_lead_check_is_scheduled_five_minutes_after_creation()
    {
        await using var host = await TestHost.StartAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(42));

        var result = await host.CreateInquiryAsync(TestForms.Valid());

        var check = Assert.Single(host.Scheduler.Checks);
        Assert.Equal(result.InquiryId, check.InquiryId);
        Assert.Equal(TestHost.StartTime.AddMinutes(42 + 5), check.RunAt);
    }

    [Fact]
    public async Task Creating_writes_an_audit_row_with_who_when_and_from_where()
    {
        await using var host = await TestHost.StartAsync();

        var result = await host.CreateInquiryAsync(TestForms.Valid());

        var entries = await host.QueryAsync(db => db.AuditEntries.Where(e => e.EntityId == result.InquiryId!.Value.ToString()).ToListAsync());
        var created = Assert.Single(entries, e => e.Action == AuditAction.Create);
        Assert.Equal("Inquiry", created.EntityType);
        Assert.Equal(host.Coordinator.Id, created.UserId);
        Assert.Equal(host.Coordinator.Name, created.UserName);
        Assert.Equal(TestHost.IpAddress, created.IpAddress);
        Assert.Equal(TestHost.StartTime, created.OccurredAt);
    }

    [Fact]
    public async Task No_patient_or_caller_value_reaches_the_audit_table()
    {
        await using var host = await TestHost.StartAsync();
        var result = await host.CreateInquiryAsync(TestForms.Valid());
        var id = result.InquiryId!.Value;
        var detail = await host.SendAsync(host.Coordinator, new GetInquiry(id));
        var edited = TestForms.Copy(detail.Form);
        edited.PatientFirstName = "Alexander";
        edited.PatientPhone = "(555) 444-9123";
        edited.Notes = "Mother says he drinks every morning.";
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.SendAsync(host.Coordinator, new UpdateInquiryDetails(id, detail.Version, detail.Form, edited));
        await host.SendAsync(host.Coordinator, new AddInquiryNote(id, "Prefers texts after 5pm."));

        var fields = await host.QueryAsync(db => db.AuditEntries.Select(e => e.Fields).ToListAsync());
        var everything = await host.AllCellsAsync("AuditEntries");

        Assert.Contains(fields, f => f is not null && f.Contains("PatientPhone", StringComparison.Ordinal));
        string[] phi =
        [
            "Alex", "Lopez", "Maria", "201-4477", "2014477", "309-8812", "3098812", "444-9123", "4449123", "maria@example.org",
            "1999-07-14", "07/14/1999", "drinks", "ER visit", "texts after",
        ];
        foreach (var value in phi)
        {
            Assert.DoesNotContain(fields, f => f is not null && f.Contains(value, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(everything, cell => cell.Contains(value, StringComparison.OrdinalIgnoreCase));
        }
    }
}
