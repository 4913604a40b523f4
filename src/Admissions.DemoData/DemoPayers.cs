using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Placement;
using Microsoft.EntityFrameworkCore;

namespace Admissions.DemoData;

/// <summary>
/// What the payer rules look like in the demo: Cigna with contracted rates (its detox → residential verifications
/// show an episode estimate at those rates), a TRICARE adult whose mental-health residential placement is flagged,
/// and an uninsured caller with a Good Faith Estimate due.
/// </summary>
internal static class DemoPayers
{
    public static async Task SeedAsync(IAdmissionsDbContext db, Actor coordinator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cigna = await db.Payers.FirstAsync(p => p.Name == "Cigna", cancellationToken);
        cigna.LevelRules =
        [
            Contracted(LevelOfCare.WithdrawalManagement, 1_050m),
            Contracted(LevelOfCare.Residential, 725m),
        ];

        await TricareWarningAsync(db, coordinator, now, cancellationToken);
        await GoodFaithEstimateAsync(db, coordinator, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static PayerLevelRule Contracted(LevelOfCare level, decimal rate)
    {
        var rule = PayerCodes.Default(level, CareTrack.SubstanceUse);
        rule.ContractedRate = rate;
        return rule;
    }

    /// <summary>An adult TRICARE East patient checked against the mental-health residential program: the directory's age rule warns.</summary>
    private static async Task TricareWarningAsync(IAdmissionsDbContext db, Actor coordinator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tricare = await db.Payers.AsNoTracking().FirstAsync(p => p.Name == "TRICARE East", cancellationToken);
        var program = await db.TreatmentPrograms.AsNoTracking().FirstOrDefaultAsync(p => p.Level == LevelOfCare.MentalHealthResidential && p.IsActive, cancellationToken);
        var inquiry = await (from i in db.Inquiries
                             join p in db.InsurancePolicies on i.Id equals p.InquiryId
                             where p.PayerId == tricare.Id && p.RemovedAt == null && (i.Stage == InquiryStage.ClinicalReview || i.Stage == InquiryStage.Approved)
                             orderby i.CreatedAt
                             select i).FirstOrDefaultAsync(cancellationToken);
        if (program is null || inquiry?.Details.PatientDateOfBirth is null)
        {
            return;
        }

        var candidate = new PlacementCandidate
        {
            DateOfBirth = inquiry.Details.PatientDateOfBirth,
            Payer = new PayerStanding(tricare.Name, false) { AgeLimits = PayerAgeLimit.Of(tricare), NonCoveredNeedsAdvanceWaiver = tricare.NonCoveredNeedsAdvanceWaiver },
        };
        var warning = ProgramFit.Check(program, candidate, DateOnly.FromDateTime(now.UtcDateTime)).FirstOrDefault(f => f.Message.Contains("only up to age", StringComparison.Ordinal));
        if (warning is not null)
        {
            inquiry.Record(ActivityKind.Placement, $"Program fit checked for {program.Name}", coordinator, now.AddMinutes(-30), $"Warning: {warning.Message}");
        }
    }

    /// <summary>An uninsured caller scheduled for detox next week: the estimate is prepared and due, not given yet.</summary>
    private static async Task GoodFaithEstimateAsync(IAdmissionsDbContext db, Actor coordinator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var insured = db.InsurancePolicies.Select(p => p.InquiryId);
        var inquiry = await db.Inquiries
            .Where(i => (i.Stage == InquiryStage.PreScreening || i.Stage == InquiryStage.Contacted) && !insured.Contains(i.Id))
            .OrderBy(i => i.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var programs = await db.TreatmentPrograms.AsNoTracking()
            .Where(p => p.IsActive && (p.Level == LevelOfCare.WithdrawalManagement || p.Level == LevelOfCare.Residential))
            .ToListAsync(cancellationToken);
        if (inquiry is null || programs.Count == 0)
        {
            return;
        }

        var facility = await db.Facilities.AsNoTracking().FirstAsync(cancellationToken);
        var today = facility.DayAt(now);
        var serviceDay = GoodFaithEstimates.AddBusinessDays(today, 5);
        const decimal SelfPayDiscount = 0.2m;
        var items = programs.GroupBy(p => p.Level).OrderBy(g => g.Key).Select(g => g.First()).Select(p => new GoodFaithEstimateItem
        {
            Level = p.Level,
            Description = GoodFaithEstimates.DescribeItem(p.Level, p.TypicalLengthOfStayDays),
            ServiceCode = GoodFaithEstimates.ServiceCode(p.Level, CareTrack.SubstanceUse),
            Units = p.TypicalLengthOfStayDays,
            UnitPrice = Math.Round(p.DailyRate * (1 - SelfPayDiscount), 2),
        }).ToList();
        var estimate = new GoodFaithEstimate
        {
            InquiryId = inquiry.Id,
            PatientName = $"{inquiry.Details.PatientFirstName} {inquiry.Details.PatientLastName}",
            PatientDateOfBirth = inquiry.Details.PatientDateOfBirth,
            PrimaryService = string.Join(", then ", items.Select(i => LevelsOfCare.Describe(i.Level))) + $" at {facility.Name}, planned {serviceDay:MMMM d, yyyy}",
            ServiceDay = serviceDay,
            ScheduledOn = today,
            DueOn = GoodFaithEstimates.DueOn(today, serviceDay),
            ProviderName = facility.Name,
            ProviderAddress = facility.Address,
            ProviderNpi = "1234567893",
            Items = items,
            CreatedAt = now.AddHours(-1),
            CreatedByName = coordinator.Name,
        };
        db.GoodFaithEstimates.Add(estimate);
        inquiry.Record(ActivityKind.Insurance, $"Good Faith Estimate prepared: {estimate.PrimaryService}, {estimate.Total:C0}", coordinator, now.AddHours(-1));
        db.FollowUpTasks.Add(new FollowUpTask
        {
            InquiryId = inquiry.Id,
            Kind = FollowUpKind.General,
            Title = $"Give {inquiry.Number} a Good Faith Estimate by {estimate.DueOn:ddd MMM d} (self-pay, No Surprises Act)",
            DueAt = now.AddHours(20),
            AssigneeId = coordinator.Id,
            AssigneeName = coordinator.Name,
            Priority = TaskPriority.High,
            CreatedAt = now.AddHours(-1),
            CreatedById = coordinator.Id,
            CreatedByName = coordinator.Name,
            UniqueKey = GoodFaithEstimateDue.TaskKey(inquiry.Id),
        });
    }
}
