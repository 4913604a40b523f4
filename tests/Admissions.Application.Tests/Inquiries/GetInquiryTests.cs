using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Auditing;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Inquiries;

public class GetInquiryTests
{
    [Fact]
    public async Task Opening_an_inquiry_returns_what_the_page_shows()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateInquiryAsync(TestForms.Valid());

        var detail = await host.SendAsync(host.Clinician, new GetInquiry(created.InquiryId!.Value));

        Assert.Equal(created.InquiryId, detail.Id);
        Assert.Equal("INQ-2026-000001", detail.Number);
        Assert.Equal(TestForms.PatientFirstName, detail.Form.PatientFirstName);
        Assert.Equal(TestForms.CallerPhone, detail.Form.CallerPhone);
        Assert.Equal(InquiryStage.New, detail.Stage);
        Assert.Equal(TestHost.StartTime, detail.CreatedAt);
        Assert.Equal(TestHost.StartTime.AddMinutes(5), detail.SpeedToLeadDueAt);
        Assert.Equal(host.Coordinator.Name, detail.CreatedByName);
        Assert.Null(detail.FirstContactAt);
        // Referred out is reached from the Admission tab, naming the partner.
        Assert.Equal([InquiryStage.Contacted, InquiryStage.NotAdmitted], detail.NextStages);
        Assert.False(detail.CanReopen);
        var activity = Assert.Single(detail.Activities);
        Assert.Equal(ActivityKind.Created, activity.Kind);
        Assert.NotEmpty(detail.Version);
    }

    [Fact]
    public async Task Opening_an_inquiry_is_recorded_as_a_view_in_the_audit_log()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateInquiryAsync(TestForms.Valid());
        host.Clock.Advance(TimeSpan.FromMinutes(7));

        await host.SendAsync(host.UtilizationReview, new GetInquiry(created.InquiryId!.Value));

        var view = Assert.Single(await host.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.View).ToListAsync()));
        Assert.Equal("Inquiry", view.EntityType);
        Assert.Equal(created.InquiryId.Value.ToString(), view.EntityId);
        Assert.Equal(host.UtilizationReview.Id, view.UserId);
        Assert.Equal(host.UtilizationReview.Name, view.UserName);
        Assert.Equal(TestHost.IpAddress, view.IpAddress);
        Assert.Equal(TestHost.StartTime.AddMinutes(7), view.OccurredAt);
    }

    [Fact]
    public async Task Each_opening_is_recorded_separately()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateInquiryAsync(TestForms.Valid());

        await host.SendAsync(host.Coordinator, new GetInquiry(created.InquiryId!.Value));
        await host.SendAsync(host.Manager, new GetInquiry(created.InquiryId!.Value));

        var viewers = await host.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.View).Select(e => e.UserId).ToListAsync());
        Assert.Equal(new[] { host.Coordinator.Id, host.Manager.Id }.Order(), viewers.Order());
    }

    [Fact]
    public async Task An_unknown_inquiry_is_not_found_and_no_view_is_recorded()
    {
        await using var host = await TestHost.StartAsync();

        var error = await Assert.ThrowsAsync<NotFoundException>(() => host.SendAsync(host.Coordinator, new GetInquiry(Guid.NewGuid())));

        Assert.StartsWith("The inquiry was not found.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.View)));
    }

    [Fact]
    public async Task A_manager_sees_that_a_closed_inquiry_can_be_reopened_but_a_coordinator_does_not()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateInquiryAsync(TestForms.Valid());
        await host.SendAsync(host.Coordinator, new MoveInquiryStage(created.InquiryId!.Value, InquiryStage.NotAdmitted, NotAdmittedReason.Unreachable));

        var asManager = await host.SendAsync(host.Manager, new GetInquiry(created.InquiryId.Value));
        var asCoordinator = await host.SendAsync(host.Coordinator, new GetInquiry(created.InquiryId.Value));

        Assert.True(asManager.CanReopen);
        Assert.False(asCoordinator.CanReopen);
        Assert.Empty(asManager.NextStages);
    }
}
