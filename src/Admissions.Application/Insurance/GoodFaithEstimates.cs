using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Insurance;

public sealed record GoodFaithEstimateItemView(LevelOfCare Level, string Description, string ServiceCode, int Units, decimal UnitPrice, decimal Total);

public sealed record GoodFaithEstimateView(
    Guid Id, Guid InquiryId, string PatientName, DateOnly? PatientDateOfBirth, string PrimaryService, DateOnly? ServiceDay, DateOnly ScheduledOn,
    DateOnly? DueOn, string ProviderName, string? ProviderAddress, string? ProviderNpi, string? ProviderTaxId, string? DiagnosisCodes,
    IReadOnlyList<GoodFaithEstimateItemView> Items, decimal Total, DateTimeOffset CreatedAt, string CreatedByName, DateTimeOffset? GivenAt,
    string? GivenByName, string? GivenHow)
{
    public static GoodFaithEstimateView From(GoodFaithEstimate g) => new(
        g.Id, g.InquiryId, g.PatientName, g.PatientDateOfBirth, g.PrimaryService, g.ServiceDay, g.ScheduledOn, g.DueOn, g.ProviderName, g.ProviderAddress,
        g.ProviderNpi, g.ProviderTaxId, g.DiagnosisCodes,
        g.Items.Select(i => new GoodFaithEstimateItemView(i.Level, i.Description, i.ServiceCode, i.Units, i.UnitPrice, i.Total)).ToList(), g.Total,
        g.CreatedAt, g.CreatedByName, g.GivenAt, g.GivenByName, g.GivenHow);
}

/// <summary>
/// Prepares a Good Faith Estimate for an uninsured or self-pay caller: the scheduled admission's program (or the levels
/// chosen) at the self-pay price for the typical length, with the facility, NPI and TIN, and the required disclaimers.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record PrepareGoodFaithEstimate(Guid InquiryId, IReadOnlyList<LevelOfCare> Levels, string? DiagnosisCodes = null) : ICommand<Guid>;

public sealed class PrepareGoodFaithEstimateValidator : AbstractValidator<PrepareGoodFaithEstimate>
{
    public PrepareGoodFaithEstimateValidator()
    {
        RuleForEach(c => c.Levels).IsInEnum();
        RuleFor(c => c.DiagnosisCodes).MaximumLength(200);
    }
}

public sealed class PrepareGoodFaithEstimateHandler(
    IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar, IOptions<InsuranceOptions> options,
    ClearinghouseIdentity identity)
    : ICommandHandler<PrepareGoodFaithEstimate, Guid>
{
    public async ValueTask<Guid> Handle(PrepareGoodFaithEstimate command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var admission = await db.Admissions.AsNoTracking()
            .FirstOrDefaultAsync(a => a.InquiryId == inquiry.Id && a.State == AdmissionState.Scheduled, cancellationToken);
        var program = admission is null ? null : await db.TreatmentPrograms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == admission.ProgramId, cancellationToken);
        // The provider is where the admission is scheduled, or else the facility the inquiry belongs to.
        var facilityId = admission?.FacilityId ?? inquiry.FacilityId;
        var facility = facilityId is null ? null : await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == facilityId, cancellationToken);
        var levels = command.Levels.Count > 0 ? command.Levels.Distinct().Order().ToList()
            : program is not null ? [program.Level]
            : throw new DomainRuleException("Choose the levels of care to estimate: no admission is scheduled yet.");

        var settings = options.Value;
        var rates = await StayRates.LoadAsync(db, settings, cancellationToken);
        var track = X12Requests.Track(inquiry.Details);
        var now = clock.GetUtcNow();
        var today = (await calendar.ForInquiryAsync(inquiry.Id, cancellationToken)).Today;
        var scheduledOn = admission is null ? today : facility?.DayAt(admission.ScheduledAt) ?? today;
        var serviceDay = admission is null ? null : facility?.DayAt(admission.ScheduledFor);
        var items = levels.Select(level =>
        {
            // The scheduled program's own rate and length; other levels at the average of the programs offering them.
            var (rate, length) = program is not null && program.Level == level
                ? (program.DailyRate, Math.Max(1, program.TypicalLengthOfStayDays))
                : (rates.For(level).DailyRate, rates.For(level).TypicalLength);
            return new GoodFaithEstimateItem
            {
                Level = level,
                Description = GoodFaithEstimates.DescribeItem(level, length),
                ServiceCode = GoodFaithEstimates.ServiceCode(level, track),
                Units = length,
                UnitPrice = Math.Round(rate * (1 - settings.SelfPayDiscount), 2),
            };
        }).ToList();
        var estimate = new GoodFaithEstimate
        {
            InquiryId = inquiry.Id,
            PatientName = $"{inquiry.Details.PatientFirstName} {inquiry.Details.PatientLastName}".Trim(),
            PatientDateOfBirth = inquiry.Details.PatientDateOfBirth,
            PrimaryService = program is not null
                ? $"{LevelsOfCare.Describe(program.Level)} at {program.Name}{(serviceDay is { } day ? $", scheduled {day:MMMM d, yyyy}" : "")}"
                : string.Join(", then ", levels.Select(LevelsOfCare.Describe)),
            ServiceDay = serviceDay,
            ScheduledOn = scheduledOn,
            DueOn = admission is null ? GoodFaithEstimates.DueOn(today, null) : GoodFaithEstimates.DueOn(scheduledOn, serviceDay),
            ProviderName = facility?.Name ?? identity.ProviderName,
            ProviderAddress = facility?.Address,
            ProviderNpi = identity.For(facility).ProviderNpi,
            ProviderTaxId = facility?.TaxId ?? settings.ProviderTaxId,
            DiagnosisCodes = string.IsNullOrWhiteSpace(command.DiagnosisCodes) ? null : X12Requests.DisplayDiagnoses(command.DiagnosisCodes),
            Items = items,
            CreatedAt = now,
            CreatedByName = user.Name,
        };
        db.GoodFaithEstimates.Add(estimate);
        inquiry.Record(ActivityKind.Insurance, $"Good Faith Estimate prepared: {estimate.PrimaryService}, {estimate.Total:C0}", user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return estimate.Id;
    }
}

/// <summary>Records that the estimate was given in writing (printed, emailed, handed over) and closes the task that asked for it.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record GiveGoodFaithEstimate(Guid EstimateId, string How) : ICommand<Unit>;

public sealed class GiveGoodFaithEstimateValidator : AbstractValidator<GiveGoodFaithEstimate>
{
    public GiveGoodFaithEstimateValidator() => RuleFor(c => c.How).NotEmpty().WithMessage("Say how it was given (in person, email, mail).").MaximumLength(200);
}

public sealed class GiveGoodFaithEstimateHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<GiveGoodFaithEstimate, Unit>
{
    public async ValueTask<Unit> Handle(GiveGoodFaithEstimate command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var estimate = await db.GoodFaithEstimates.FirstOrDefaultAsync(g => g.Id == command.EstimateId, cancellationToken)
            ?? throw new NotFoundException("The Good Faith Estimate");
        var inquiry = await InquiryChanges.LoadAsync(db, estimate.InquiryId, cancellationToken);
        var now = clock.GetUtcNow();
        estimate.Give(command.How, user.Actor(), now);
        var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.UniqueKey == GoodFaithEstimateDue.TaskKey(inquiry.Id) && t.State == FollowUpState.Open, cancellationToken);
        task?.Complete("Good Faith Estimate given", now, user.Actor());
        inquiry.Record(ActivityKind.Insurance, $"Good Faith Estimate given ({command.How.Trim()})", user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>One estimate, for printing. Reading it is audited.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record GetGoodFaithEstimate(Guid EstimateId) : IQuery<GoodFaithEstimateView>, IAuditedRead
{
    public string AuditEntityType => nameof(GoodFaithEstimate);
    public string AuditEntityId => EstimateId.ToString();
}

public sealed class GetGoodFaithEstimateHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<GetGoodFaithEstimate, GoodFaithEstimateView>
{
    public async ValueTask<GoodFaithEstimateView> Handle(GetGoodFaithEstimate query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var estimate = await db.GoodFaithEstimates.AsNoTracking().FirstOrDefaultAsync(g => g.Id == query.EstimateId, cancellationToken)
            ?? throw new NotFoundException("The Good Faith Estimate");
        return GoodFaithEstimateView.From(estimate);
    }
}

/// <summary>The task scheduling raises when an uninsured or self-pay patient is scheduled and no estimate was given yet.</summary>
public static class GoodFaithEstimateDue
{
    public static string TaskKey(Guid inquiryId) => $"gfe:{inquiryId:N}";

    /// <summary>
    /// Called when an admission is scheduled (45 CFR 149.610(b)(1)(i): the duty starts at scheduling). A patient with no
    /// primary policy, or a self-pay one, needs an estimate by the deadline; care less than 3 business days away needs none.
    /// </summary>
    public static async Task OnScheduledAsync(
        IAdmissionsDbContext db, Inquiry inquiry, Facility facility, DateTimeOffset scheduledFor, Actor by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var primary = await db.InsurancePolicies.AsNoTracking()
            .Where(p => p.InquiryId == inquiry.Id && p.RemovedAt == null && p.Rank == PolicyRank.Primary)
            .Select(p => p.PayerId).FirstOrDefaultAsync(cancellationToken);
        var selfPay = primary == Guid.Empty || await db.Payers.AsNoTracking().AnyAsync(p => p.Id == primary && p.Kind == PayerKind.SelfPay, cancellationToken);
        if (!selfPay || await db.GoodFaithEstimates.AnyAsync(g => g.InquiryId == inquiry.Id && g.GivenAt != null, cancellationToken))
        {
            return;
        }

        if (GoodFaithEstimates.DueOn(facility.DayAt(now), facility.DayAt(scheduledFor)) is not { } due)
        {
            return;
        }

        var dueAt = ZonedTime.At(due, new TimeOnly(17, 0), facility.TimeZone);
        await FollowUpEffects.AddTaskOnceAsync(db, inquiry.Id, FollowUpKind.General,
            $"Give {inquiry.Number} a Good Faith Estimate by {due:ddd MMM d} (self-pay, No Surprises Act)", TaskKey(inquiry.Id),
            inquiry.AssignedCoordinatorId ?? by.Id, inquiry.AssignedCoordinatorName ?? by.Name, TaskPriority.High, now, cancellationToken, dueAt);
    }
}
