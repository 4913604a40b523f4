using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

/// <summary>Benefits for one level as the payer's representative read them out.</summary>
public sealed class PhoneLevelForm
{
    public LevelOfCare Level { get; set; }
    public bool Covered { get; set; } = true;
    public bool InNetwork { get; set; } = true;
    public bool AuthorizationRequired { get; set; }
    public decimal? Deductible { get; set; }
    public decimal? DeductibleRemaining { get; set; }
    public decimal? OutOfPocketMax { get; set; }
    public decimal? OutOfPocketRemaining { get; set; }

    /// <summary>Whole percent as people say it: 20 means 20%.</summary>
    public decimal? CoinsurancePercent { get; set; }
    public decimal? Copay { get; set; }
    public CopayPeriod CopayPeriod { get; set; }
    public decimal? DayLimit { get; set; }
    public decimal? VisitLimit { get; set; }
    public string? Notes { get; set; }
}

public sealed class PhoneVerificationForm
{
    public bool CoverageActive { get; set; } = true;
    public string? PlanName { get; set; }
    public string? PayerRepName { get; set; }
    public string? CallReference { get; set; }
    public List<PhoneLevelForm> Levels { get; set; } = [];
}

public sealed class PhoneVerificationFormValidator : AbstractValidator<PhoneVerificationForm>
{
    public PhoneVerificationFormValidator()
    {
        RuleFor(f => f.PayerRepName).NotEmpty().WithMessage("Enter the name of the payer representative you spoke to.").MaximumLength(100);
        RuleFor(f => f.CallReference).NotEmpty().WithMessage("Enter the call reference number the representative gave.").MaximumLength(50);
        RuleFor(f => f.PlanName).MaximumLength(100);
        RuleFor(f => f.Levels).NotEmpty().WithMessage("Enter benefits for at least one level of care.");
        RuleForEach(f => f.Levels).ChildRules(level =>
        {
            level.RuleFor(l => l.Level).IsInEnum();
            level.RuleFor(l => l.Deductible).GreaterThanOrEqualTo(0).WithMessage("Amounts cannot be negative.");
            level.RuleFor(l => l.DeductibleRemaining).GreaterThanOrEqualTo(0).WithMessage("Amounts cannot be negative.")
                .LessThanOrEqualTo(l => l.Deductible).When(l => l.Deductible is not null).WithMessage("The remaining deductible cannot exceed the deductible.");
            level.RuleFor(l => l.OutOfPocketMax).GreaterThanOrEqualTo(0).WithMessage("Amounts cannot be negative.");
            level.RuleFor(l => l.OutOfPocketRemaining).GreaterThanOrEqualTo(0).WithMessage("Amounts cannot be negative.")
                .LessThanOrEqualTo(l => l.OutOfPocketMax).When(l => l.OutOfPocketMax is not null).WithMessage("The remaining out-of-pocket cannot exceed the maximum.");
            level.RuleFor(l => l.CoinsurancePercent).InclusiveBetween(0, 100).WithMessage("Coinsurance is a percentage from 0 to 100.");
            level.RuleFor(l => l.Copay).GreaterThanOrEqualTo(0).WithMessage("Amounts cannot be negative.");
            level.RuleFor(l => l.DayLimit).GreaterThanOrEqualTo(0);
            level.RuleFor(l => l.VisitLimit).GreaterThanOrEqualTo(0);
            level.RuleFor(l => l.Notes).MaximumLength(500);
        });
    }
}

/// <summary>Records what the payer said on the phone; a manager approves it before it counts.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview)]
public sealed record EnterPhoneVerification(Guid CheckId, PhoneVerificationForm Form) : ICommand<Unit>;

public sealed class EnterPhoneVerificationValidator : AbstractValidator<EnterPhoneVerification>
{
    public EnterPhoneVerificationValidator() => RuleFor(c => c.Form).NotNull().SetValidator(new PhoneVerificationFormValidator());
}

public sealed class EnterPhoneVerificationHandler(
    IAdmissionsDbContextFactory dbFactory, ICurrentUser user, IStaffDirectory staff, ILiveNotifier live, TimeProvider clock, IFacilityCalendar calendar)
    : ICommandHandler<EnterPhoneVerification, Unit>
{
    public async ValueTask<Unit> Handle(EnterPhoneVerification command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var check = await db.EligibilityChecks.FirstOrDefaultAsync(c => c.Id == command.CheckId, cancellationToken)
            ?? throw new NotFoundException("The verification");
        var inquiry = await InquiryChanges.LoadAsync(db, check.InquiryId, cancellationToken);
        var payer = await db.Payers.FirstAsync(p => p.Id == check.PayerId, cancellationToken);
        var form = command.Form;
        var result = new VerificationResult
        {
            CoverageActive = form.CoverageActive,
            PlanName = string.IsNullOrWhiteSpace(form.PlanName) ? check.Result?.PlanName : form.PlanName.Trim(),
            InsuranceType = check.Result?.InsuranceType,
            PlanBegin = check.Result?.PlanBegin,
            PlanEnd = check.Result?.PlanEnd,
            CarveOutName = check.Result?.CarveOutName,
            CarveOutPhone = check.Result?.CarveOutPhone,
            Levels = form.Levels.Select(l => new LevelBenefits
            {
                Level = l.Level,
                ServiceType = payer.ServiceTypeFor(l.Level, X12Requests.Track(inquiry.Details)),
                Covered = form.CoverageActive && l.Covered,
                InNetwork = l.InNetwork,
                AuthorizationRequired = l.AuthorizationRequired,
                Deductible = l.Deductible,
                DeductibleRemaining = l.DeductibleRemaining,
                OutOfPocketMax = l.OutOfPocketMax,
                OutOfPocketRemaining = l.OutOfPocketRemaining,
                Coinsurance = l.CoinsurancePercent / 100m,
                Copay = l.Copay,
                CopayPeriod = Periods.Code(l.CopayPeriod),
                DayLimit = l.DayLimit,
                VisitLimit = l.VisitLimit,
                Notes = string.IsNullOrWhiteSpace(l.Notes) ? null : l.Notes.Trim(),
            }).ToList(),
        };
        var now = clock.GetUtcNow();
        // The call told the payer who the patient is: that is a Part 2 disclosure like a 270.
        var consent = await Disclosures.PaymentConsentAsync(db, check.InquiryId, check.PayerId, (await calendar.ForInquiryAsync(check.InquiryId, cancellationToken)).Today, cancellationToken)
            ?? throw new Domain.Common.DomainRuleException($"There is no active Part 2 consent to disclose to {check.PayerName}. Capture the patient's consent before recording the call.");
        check.EnterPhoneResult(result, form.PayerRepName!, form.CallReference!, user.Actor());
        await Disclosures.RecordAsync(db, check.InquiryId, consent, check.PayerName,
            "Benefits verification by phone: patient and subscriber name, date of birth, member ID; levels of care "
                + string.Join(", ", form.Levels.Select(l => LevelsOfCare.Describe(l.Level))),
            $"Phone call with payer (representative {check.PayerRepName})", check.CallReference, user.Id, user.Name, now, cancellationToken);
        inquiry.Record(ActivityKind.Insurance, $"Phone verification with {check.PayerName} entered (rep {check.PayerRepName}, ref {check.CallReference}); awaiting manager approval", user.Actor(), now);
        var managers = await staff.UserIdsInRoleAsync(Roles.AdmissionsManager, cancellationToken);
        await FollowUpEffects.NotifyOnceAsync(db, managers, $"Phone VOB to approve: {inquiry.Number}",
            $"{user.Name} entered benefits from {check.PayerName}.", "/verifications", $"vob-approve:{check.Id:N}:{now.UtcTicks}", now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        live.NotificationsChanged(managers);
        return Unit.Value;
    }
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record ApproveVerification(Guid CheckId) : ICommand<Unit>;

public sealed class ApproveVerificationHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ApproveVerification, Unit>
{
    public async ValueTask<Unit> Handle(ApproveVerification command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var check = await db.EligibilityChecks.FirstOrDefaultAsync(c => c.Id == command.CheckId, cancellationToken)
            ?? throw new NotFoundException("The verification");
        var inquiry = await InquiryChanges.LoadAsync(db, check.InquiryId, cancellationToken);
        var now = clock.GetUtcNow();
        check.Approve(user.Actor(), now);
        inquiry.Record(ActivityKind.Insurance, $"Phone verification with {check.PayerName} approved", user.Actor(), now);
        foreach (var task in await db.FollowUpTasks.Where(t => t.UniqueKey == PhoneVerificationTask.Key(check.Id) && t.State == FollowUpState.Open).ToListAsync(cancellationToken))
        {
            task.Complete("Phone verification approved", now);
        }

        await InsuranceCorrections.CloseAnsweredAsync(db, check, inquiry, now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record ReturnVerification(Guid CheckId, string Reason) : ICommand<Unit>;

public sealed class ReturnVerificationValidator : AbstractValidator<ReturnVerification>
{
    public ReturnVerificationValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say what needs correcting.").MaximumLength(1000);
}

public sealed class ReturnVerificationHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReturnVerification, Unit>
{
    public async ValueTask<Unit> Handle(ReturnVerification command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var check = await db.EligibilityChecks.FirstOrDefaultAsync(c => c.Id == command.CheckId, cancellationToken)
            ?? throw new NotFoundException("The verification");
        var inquiry = await InquiryChanges.LoadAsync(db, check.InquiryId, cancellationToken);
        var now = clock.GetUtcNow();
        check.ReturnForCorrection(command.Reason.Trim());
        inquiry.Record(ActivityKind.Insurance, $"Phone verification with {check.PayerName} returned for correction", user.Actor(), now, command.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

public sealed record VerificationQueueItem(
    Guid CheckId, Guid InquiryId, string InquiryNumber, string PatientName, string PayerName, VerificationState State,
    VerificationMethod Method, IReadOnlyList<LevelOfCare> Levels, DateTimeOffset RequestedAt, string RequestedByName,
    int Attempts, DateTimeOffset? NextAttemptAt, string? Problem, string? CoordinatorName);

/// <summary>The verification queue; empty <paramref name="States"/> means every state.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview)]
public sealed record ListVerifications(IReadOnlyList<VerificationState> States, Guid? PayerId, bool MineOnly)
    : IQuery<PagedResult<VerificationQueueItem>>, IAuditedRead
{
    public PageRequest Page { get; init; } = new();
    public string AuditEntityType => "VerificationQueue";
    public string AuditEntityId => $"page {Page.Index}";
    public string AuditDetails =>
        $"states {(States.Count == 0 ? "all" : string.Join(", ", States))}; payer {PayerId?.ToString() ?? "any"}{(MineOnly ? "; mine only" : "")}";
}

public sealed class ListVerificationsValidator : AbstractValidator<ListVerifications>
{
    public ListVerificationsValidator()
    {
        RuleFor(q => q.Page).ValidPage(100, "verifications");
        RuleForEach(q => q.States).IsInEnum();
    }
}

public sealed class ListVerificationsHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user)
    : IQueryHandler<ListVerifications, PagedResult<VerificationQueueItem>>
{
    public async ValueTask<PagedResult<VerificationQueueItem>> Handle(ListVerifications query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = from c in db.EligibilityChecks.AsNoTracking()
                   join i in db.Inquiries.AsNoTracking() on c.InquiryId equals i.Id
                   select new { Check = c, Inquiry = i };
        if (query.States.Count > 0)
        {
            rows = rows.Where(r => query.States.Contains(r.Check.State));
        }

        if (query.PayerId is { } payerId)
        {
            rows = rows.Where(r => r.Check.PayerId == payerId);
        }

        if (query.MineOnly)
        {
            rows = rows.Where(r => r.Check.RequestedById == user.Id || r.Inquiry.AssignedCoordinatorId == user.Id);
        }

        var page = await rows
            .OrderBy(r => r.Check.State == VerificationState.Completed || r.Check.State == VerificationState.Failed)
            .ThenByDescending(r => r.Check.RequestedAt)
            .Select(r => new
            {
                r.Check.Id,
                r.Check.InquiryId,
                r.Inquiry.Number,
                r.Inquiry.Details.PatientFirstName,
                r.Inquiry.Details.PatientLastName,
                r.Check.PayerName,
                r.Check.State,
                r.Check.Method,
                r.Check.Levels,
                r.Check.RequestedAt,
                r.Check.RequestedByName,
                r.Check.Attempts,
                r.Check.NextAttemptAt,
                r.Check.Problem,
                r.Inquiry.AssignedCoordinatorName,
            })
            .ToPageAsync(query.Page, cancellationToken);
        return page.Select(r => new VerificationQueueItem(r.Id, r.InquiryId, r.Number, $"{r.PatientFirstName} {r.PatientLastName}".Trim(),
            r.PayerName, r.State, r.Method, r.Levels, r.RequestedAt, r.RequestedByName, r.Attempts, r.NextAttemptAt, r.Problem,
            r.AssignedCoordinatorName));
    }
}
