using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;

namespace Admissions.Application.Tests.Dashboards;

/// <summary>Builds inquiries with exact timestamps through the domain model and stores them directly.</summary>
internal sealed class DashboardData(TestHost host)
{
    private readonly List<Inquiry> _inquiries = [];
    private int _number;

    public static readonly Actor Coordinator = new("coord-1", "Casey Coordinator");

    /// <summary>Los Angeles: PST (UTC−8) until 8 March 2026 at 2:00, PDT (UTC−7) after.</summary>
    public async Task<Facility> FacilityAsync()
    {
        await using var db = host.CreateDbContext();
        var facility = new Facility { Name = "Riverbend", TimeZoneId = "America/Los_Angeles" };
        db.Facilities.Add(facility);
        await db.SaveChangesAsync();
        return facility;
    }

    public async Task<ReferralOrganisation> OrganisationAsync(string name)
    {
        await using var db = host.CreateDbContext();
        var organisation = new ReferralOrganisation { Name = name, ContactName = "Pat Partner", CreatedAt = TestHost.StartTime.AddYears(-1) };
        db.ReferralOrganisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    public Inquiry Add(
        DateTimeOffset created, double? contactAfterMinutes = null, InquiryStage stage = InquiryStage.New, DateTimeOffset? closedAt = null,
        NotAdmittedReason? reason = null, Inquiry? duplicateOf = null, Actor? coordinator = null, InquirySource source = InquirySource.Phone,
        ReferralOrganisation? organisation = null, string lastName = "Lopez", Facility? facility = null)
    {
        _number++;
        var details = new InquiryDetails
        {
            CallerName = $"Caller {_number}",
            PatientFirstName = "Alex",
            PatientLastName = lastName,
            PatientPhone = $"(555) 300-{_number:0000}",
            Source = source,
        };
        var inquiry = Inquiry.Create($"INQ-2026-{_number:000000}", details, Coordinator, created, duplicateOf?.Id, facility?.Id);
        if (coordinator is not null)
        {
            inquiry.AssignTo(coordinator, Coordinator, created);
        }

        if (organisation is not null)
        {
            inquiry.AttributeReferral(organisation, Coordinator, created);
        }

        if (contactAfterMinutes is { } minutes)
        {
            inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.Reached, null, Coordinator, created.AddMinutes(minutes));
        }

        var at = closedAt ?? created.AddHours(1);
        switch (stage)
        {
            case InquiryStage.Admitted:
                foreach (var next in new[] { InquiryStage.PreScreening, InquiryStage.ClinicalReview, InquiryStage.Approved, InquiryStage.AdmissionScheduled })
                {
                    inquiry.MoveTo(next, null, null, Coordinator, at.AddMinutes(-10));
                }

                inquiry.MoveTo(InquiryStage.Admitted, null, null, Coordinator, at);
                break;
            case InquiryStage.NotAdmitted or InquiryStage.ReferredOut:
                inquiry.MoveTo(stage, reason, null, Coordinator, at);
                break;
            case InquiryStage.PreScreening:
                inquiry.MoveTo(stage, null, null, Coordinator, at);
                break;
        }

        _inquiries.Add(inquiry);
        return inquiry;
    }

    public async Task SaveAsync()
    {
        await using var db = host.CreateDbContext();
        db.Inquiries.AddRange(_inquiries);
        await db.SaveChangesAsync();
        _inquiries.Clear();
    }

    /// <summary>UTC instant of a wall-clock time in March 2026.</summary>
    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);
}
