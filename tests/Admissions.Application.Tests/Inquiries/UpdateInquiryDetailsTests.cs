using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Inquiries;

public class UpdateInquiryDetailsTests
{
    [Fact]
    public async Task Saving_edits_stores_them_and_returns_a_new_version()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        var opened = await host.SendAsync(host.Coordinator, new GetInquiry(id));
        var edited = TestForms.Copy(opened.Form);
        edited.Urgency = Urgency.Crisis;
        edited.PatientPhone = "555 444 1234";
        host.Clock.Advance(TimeSpan.FromMinutes(4));

        var version = await host.SendAsync(host.Coordinator, new UpdateInquiryDetails(id, opened.Version, opened.Form, edited));

        Assert.NotEqual(opened.Version, version);
        var inquiry = await host.QueryAsync(db => db.Inquiries.Include(i => i.Activities).SingleAsync(i => i.Id == id));
        Assert.Equal(Urgency.Crisis, inquiry.Details.Urgency);
        Assert.Equal("(555) 444-1234", inquiry.Details.PatientPhone);
        Assert.Equal("5554441234", inquiry.PatientPhoneDigits);
        Assert.Equal(version, InquiryVersion.Encode(inquiry.Version));
        var activity = Assert.Single(inquiry.Activities, a => a.Kind == ActivityKind.DetailsUpdated);
        Assert.Equal("Updated Patient phone, Urgency", activity.Summary);
    }

    [Fact]
    public async Task A_second_editor_with_a_stale_version_gets_a_conflict_naming_what_the_first_changed_and_overwrites_nothing()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

        // Both open the same version of the inquiry.
        var openedByCasey = await host.SendAsync(host.Coordinator, new GetInquiry(id));
        var openedByJordan = await host.SendAsync(host.Coordinator2, new GetInquiry(id));
        Assert.Equal(openedByCasey.Version, openedByJordan.Version);

        // Casey saves first: a new patient phone.
        var caseys = TestForms.Copy(openedByCasey.Form);
        caseys.PatientPhone = "(555) 444-1234";
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var caseysVersion = await host.SendAsync(host.Coordinator, new UpdateInquiryDetails(id, openedByCasey.Version, openedByCasey.Form, caseys));

        // Jordan saves second from the old version: new notes and urgency.
        var jordans = TestForms.Copy(openedByJordan.Form);
        jordans.Notes = "Wants a bed this week.";
        jordans.Urgency = Urgency.Urgent;
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            host.SendAsync(host.Coordinator2, new UpdateInquiryDetails(id, openedByJordan.Version, openedByJordan.Form, jordans)));

        Assert.Equal(["Patient phone"], conflict.ChangedFields);
        Assert.Equal(
            "Casey Nguyen changed Patient phone while you were editing. Your edits are still in the form: review them and save again.",
            conflict.Message);
        var current = Assert.IsType<InquiryConflict>(conflict.Current);
        Assert.Equal(caseysVersion, current.CurrentVersion);
        Assert.Equal("(555) 444-1234", current.Current.PatientPhone);

        var stored = await host.QueryAsync(db => db.Inquiries.SingleAsync(i => i.Id == id));
        Assert.Equal("(555) 444-1234", stored.Details.PatientPhone);
        Assert.Equal("Called after an ER visit.", stored.Details.Notes);
        Assert.Equal(Urgency.Soon, stored.Details.Urgency);
        Assert.Equal(caseysVersion, InquiryVersion.Encode(stored.Version));

        // Jordan reviews, keeps Casey's phone, and saves again against the current version.
        var merged = TestForms.Copy(current.Current);
        merged.Notes = jordans.Notes;
        merged.Urgency = jordans.Urgency;
        var jordansVersion = await host.SendAsync(host.Coordinator2, new UpdateInquiryDetails(id, current.CurrentVersion, current.Current, merged));

        var final = await host.QueryAsync(db => db.Inquiries.SingleAsync(i => i.Id == id));
        Assert.Equal("(555) 444-1234", final.Details.PatientPhone);
        Assert.Equal("Wants a bed this week.", final.Details.Notes);
        Assert.Equal(Urgency.Urgent, final.Details.Urgency);
        Assert.Equal(jordansVersion, InquiryVersion.Encode(final.Version));
        Assert.NotEqual(caseysVersion, jordansVersion);
    }

    [Fact]
    public async Task Any_save_to_the_inquiry_makes_an_open_form_stale()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        var opened = await host.SendAsync(host.Coordinator, new GetInquiry(id));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.SendAsync(host.Clinician, new AddInquiryNote(id, "Called the referring doctor."));

        var edited = TestForms.Copy(opened.Form);
        edited.CallerName = "Maria L. Lopez";
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            host.SendAsync(host.Coordinator, new UpdateInquiryDetails(id, opened.Version, opened.Form, edited)));

        Assert.Empty(conflict.ChangedFields);
        Assert.StartsWith("Dr. Riley Brooks updated this inquiry while you were editing.", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("Maria Lopez", (await host.QueryAsync(db => db.Inquiries.SingleAsync(i => i.Id == id))).Details.CallerName);
    }

    [Fact]
    public async Task A_missing_version_is_a_validation_error()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Coordinator, new UpdateInquiryDetails(id, "", TestForms.Valid(), TestForms.Valid())));

        Assert.Contains(nameof(UpdateInquiryDetails.ExpectedVersion), error.Errors.Keys);
    }

    [Fact]
    public async Task Two_contexts_saving_the_same_inquiry_collide()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        var by = new Actor(host.Coordinator.Id, host.Coordinator.Name);
        await using var first = host.CreateDbContext();
        await using var second = host.CreateDbContext();
        var a = await first.Inquiries.SingleAsync(i => i.Id == id);
        var b = await second.Inquiries.SingleAsync(i => i.Id == id);
        var loadedVersion = a.Version.ToArray();
        Assert.Equal(8, loadedVersion.Length);
        Assert.Equal(loadedVersion, b.Version);

        a.AssignTo(by, by, TestHost.StartTime.AddMinutes(1));
        await first.SaveChangesAsync();
        b.UpdateDetails(b.Details with { Urgency = Urgency.Crisis }, by, TestHost.StartTime.AddMinutes(2));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        var stored = await host.QueryAsync(db => db.Inquiries.SingleAsync(i => i.Id == id));
        Assert.NotEqual(loadedVersion, stored.Version);
        Assert.Equal(a.Version, stored.Version);
        Assert.Equal(host.Coordinator.Id, stored.AssignedCoordinatorId);
        Assert.Equal(Urgency.Soon, stored.Details.Urgency);
    }
}
