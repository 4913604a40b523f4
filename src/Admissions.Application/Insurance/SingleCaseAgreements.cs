using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

/// <summary>A single case agreement as utilization review enters it from the payer's letter or call.</summary>
public sealed class SingleCaseAgreementForm
{
    public decimal? Rate { get; set; }
    public AgreementRateBasis Basis { get; set; } = AgreementRateBasis.PerDay;
    public int? Units { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? ReferenceNumber { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? Notes { get; set; }

    /// <summary>Per day, the days changed: the last day follows them (as in the decision dialog).</summary>
    public void ChangeUnits(int? units)
    {
        Units = units;
        if (Basis == AgreementRateBasis.PerDay && units is >= 1 and <= 365 && StartsOn is { } start)
        {
            EndsOn = PriorAuthorization.LastDay(start, units.Value);
        }
    }

    /// <summary>Per day, the first day moved: the agreement keeps its days, so the last day moves with it.</summary>
    public void ChangeFirstDay(DateOnly? startsOn)
    {
        StartsOn = startsOn;
        if (Basis == AgreementRateBasis.PerDay && startsOn is { } start && Units is >= 1 and <= 365)
        {
            EndsOn = PriorAuthorization.LastDay(start, Units.Value);
        }
    }

    /// <summary>Per day, the last day changed: the days follow it.</summary>
    public void ChangeLastDay(DateOnly? endsOn)
    {
        EndsOn = endsOn;
        if (Basis == AgreementRateBasis.PerDay && endsOn is { } end && StartsOn is { } start && end >= start)
        {
            Units = SingleCaseAgreement.DaysBetween(start, end);
        }
    }

    public static SingleCaseAgreementForm From(SingleCaseAgreementView agreement) => new()
    {
        Rate = agreement.Rate,
        Basis = agreement.Basis,
        Units = agreement.Units,
        StartsOn = agreement.StartsOn,
        EndsOn = agreement.EndsOn,
        ReferenceNumber = agreement.ReferenceNumber,
        ContactName = agreement.ContactName,
        ContactPhone = agreement.ContactPhone,
        ContactEmail = agreement.ContactEmail,
        Notes = agreement.Notes,
    };

    internal AgreementTerms Terms() => new(Rate!.Value, Basis, Units!.Value, StartsOn!.Value, EndsOn!.Value, ReferenceNumber!,
        ContactName!, PhoneNumber.Normalize(ContactPhone) is { } phone ? PhoneNumber.Format(phone) : null, ContactEmail, Notes);
}

public sealed class SingleCaseAgreementFormValidator : AbstractValidator<SingleCaseAgreementForm>
{
    public SingleCaseAgreementFormValidator()
    {
        RuleFor(f => f.Rate).NotNull().WithMessage("Enter the agreed rate.")
            .GreaterThan(0).WithMessage("The agreed rate must be more than $0.")
            .LessThanOrEqualTo(100_000).WithMessage("Check the rate: more than $100,000 a day or unit.");
        RuleFor(f => f.Basis).IsInEnum();
        RuleFor(f => f.Units).NotNull().WithMessage(f => $"Enter the agreed {Unit(f.Basis)}.")
            .InclusiveBetween(1, 365).WithMessage(f => $"The agreed {Unit(f.Basis)} must be between 1 and 365.");
        RuleFor(f => f.StartsOn).NotNull().WithMessage("Enter the first day the agreement covers.");
        RuleFor(f => f.EndsOn).NotNull().WithMessage("Enter the last day the agreement covers.");
        RuleFor(f => f.EndsOn)
            .Must((f, end) => SingleCaseAgreement.Inconsistency(f.Basis, f.Units!.Value, f.StartsOn!.Value, end!.Value) is null)
            .When(f => f is { StartsOn: not null, EndsOn: not null, Units: >= 1 and <= 365 })
            .WithMessage(f => SingleCaseAgreement.Inconsistency(f.Basis, f.Units!.Value, f.StartsOn!.Value, f.EndsOn!.Value));
        RuleFor(f => f.EndsOn).GreaterThanOrEqualTo(f => f.StartsOn).WithMessage("The last day is before the first day.")
            .When(f => f is { StartsOn: not null, EndsOn: not null, Units: null or < 1 or > 365 });
        RuleFor(f => f.ReferenceNumber).NotEmpty().WithMessage("Enter the payer's agreement (reference) number.").MaximumLength(50);
        RuleFor(f => f.ContactName).NotEmpty().WithMessage("Enter who agreed it at the payer.").MaximumLength(100);
        RuleFor(f => f.ContactPhone).Must(p => string.IsNullOrWhiteSpace(p) || PhoneNumber.Normalize(p) is not null)
            .WithMessage("Enter a 10-digit US phone number, e.g. (555) 201-4477.");
        RuleFor(f => f.ContactEmail).EmailAddress().When(f => !string.IsNullOrWhiteSpace(f.ContactEmail))
            .WithMessage("Enter a valid email address.").MaximumLength(200);
        RuleFor(f => f).Must(f => !string.IsNullOrWhiteSpace(f.ContactPhone) || !string.IsNullOrWhiteSpace(f.ContactEmail))
            .WithName(nameof(SingleCaseAgreementForm.ContactPhone)).OverridePropertyName(nameof(SingleCaseAgreementForm.ContactPhone))
            .WithMessage("Enter the payer contact's phone or email, so billing can reach them.");
        RuleFor(f => f.Notes).MaximumLength(2000);
    }

    private static string Unit(AgreementRateBasis basis) => basis == AgreementRateBasis.PerDay ? "days" : "units";
}

/// <summary>Records the single case agreement an out-of-network payer signed for this authorization's care.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record RecordSingleCaseAgreement(Guid AuthorizationId, SingleCaseAgreementForm Form) : ICommand<Guid>;

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record ChangeSingleCaseAgreement(Guid AgreementId, SingleCaseAgreementForm Form) : ICommand<Unit>;

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record WithdrawSingleCaseAgreement(Guid AgreementId, string Reason) : ICommand<Unit>;

public sealed class RecordSingleCaseAgreementValidator : AbstractValidator<RecordSingleCaseAgreement>
{
    public RecordSingleCaseAgreementValidator() => RuleFor(c => c.Form).NotNull().SetValidator(new SingleCaseAgreementFormValidator());
}

public sealed class ChangeSingleCaseAgreementValidator : AbstractValidator<ChangeSingleCaseAgreement>
{
    public ChangeSingleCaseAgreementValidator() => RuleFor(c => c.Form).NotNull().SetValidator(new SingleCaseAgreementFormValidator());
}

public sealed class WithdrawSingleCaseAgreementValidator : AbstractValidator<WithdrawSingleCaseAgreement>
{
    public WithdrawSingleCaseAgreementValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the agreement is withdrawn.").MaximumLength(500);
}

/// <summary>
/// Recording, changing or withdrawing an agreement is internal: nothing about the patient leaves the centre, so it makes
/// no disclosure. Each goes on the timeline and, through the save path, into the audit log.
/// </summary>
public sealed class RecordSingleCaseAgreementHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordSingleCaseAgreement, Guid>
{
    public ValueTask<Guid> Handle(RecordSingleCaseAgreement command, CancellationToken cancellationToken) =>
        SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var authorization = await AuthorizationDecisions.LoadAsync(db, command.AuthorizationId, cancellationToken);
            if (await SingleCaseAgreements.IsInNetworkAsync(db, authorization, cancellationToken))
            {
                throw new DomainRuleException(
                    $"We are in network with {authorization.PayerName} for this level of care: a single case agreement is for an out-of-network payer. The contracted rate applies.");
            }

            if (await db.SingleCaseAgreements.AnyAsync(a => a.AuthorizationId == authorization.Id && a.WithdrawnAt == null, cancellationToken))
            {
                throw new DomainRuleException("This authorization already has a single case agreement: change it, or withdraw it before recording another.");
            }

            var inquiry = await InquiryChanges.LoadAsync(db, authorization.InquiryId, cancellationToken);
            var now = clock.GetUtcNow();
            var agreement = SingleCaseAgreement.Record(authorization, command.Form.Terms(), user.Actor(), now);
            db.SingleCaseAgreements.Add(agreement);
            inquiry.Record(ActivityKind.Authorization, $"Single case agreement with {agreement.PayerName}: {agreement.Summary()}", user.Actor(), now);
            return agreement.Id;
        }, cancellationToken);
}

public sealed class ChangeSingleCaseAgreementHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ChangeSingleCaseAgreement, Unit>
{
    public ValueTask<Unit> Handle(ChangeSingleCaseAgreement command, CancellationToken cancellationToken) =>
        SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var agreement = await SingleCaseAgreements.LoadAsync(db, command.AgreementId, cancellationToken);
            var inquiry = await InquiryChanges.LoadAsync(db, agreement.InquiryId, cancellationToken);
            var now = clock.GetUtcNow();
            agreement.Change(command.Form.Terms(), user.Actor(), now);
            inquiry.Record(ActivityKind.Authorization, $"Single case agreement with {agreement.PayerName} changed: {agreement.Summary()}", user.Actor(), now);
            return Unit.Value;
        }, cancellationToken);
}

public sealed class WithdrawSingleCaseAgreementHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<WithdrawSingleCaseAgreement, Unit>
{
    public ValueTask<Unit> Handle(WithdrawSingleCaseAgreement command, CancellationToken cancellationToken) =>
        SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var agreement = await SingleCaseAgreements.LoadAsync(db, command.AgreementId, cancellationToken);
            var inquiry = await InquiryChanges.LoadAsync(db, agreement.InquiryId, cancellationToken);
            var now = clock.GetUtcNow();
            agreement.Withdraw(command.Reason, user.Actor(), now);
            inquiry.Record(ActivityKind.Authorization, $"Single case agreement with {agreement.PayerName} withdrawn (ref {agreement.ReferenceNumber})",
                user.Actor(), now, command.Reason.Trim());
            return Unit.Value;
        }, cancellationToken);
}

/// <summary>A single case agreement as the authorization shows it.</summary>
public sealed record SingleCaseAgreementView(
    Guid Id, decimal Rate, AgreementRateBasis Basis, int Units, DateOnly StartsOn, DateOnly EndsOn, string ReferenceNumber,
    string ContactName, string? ContactPhone, string? ContactEmail, string? Notes, DateTimeOffset RecordedAt, string RecordedByName,
    DateTimeOffset? ChangedAt, string? ChangedByName, DateTimeOffset? WithdrawnAt, string? WithdrawnByName, string? WithdrawnReason)
{
    public bool IsActive => WithdrawnAt is null;

    /// <summary>"$1,150.00/day × 14 days".</summary>
    public string Terms => SingleCaseAgreement.Describe(Rate, Basis, Units);

    /// <summary>"SCA $1,150/day × 14".</summary>
    public string Chip => SingleCaseAgreement.Chip(Rate, Basis, Units);

    public static SingleCaseAgreementView From(SingleCaseAgreement a) => new(a.Id, a.Rate, a.Basis, a.Units, a.StartsOn, a.EndsOn,
        a.ReferenceNumber, a.ContactName, a.ContactPhone, a.ContactEmail, a.Notes, a.RecordedAt, a.RecordedByName, a.ChangedAt, a.ChangedByName,
        a.WithdrawnAt, a.WithdrawnByName, a.WithdrawnReason);
}

public static class SingleCaseAgreements
{
    internal static async Task<SingleCaseAgreement> LoadAsync(IAdmissionsDbContext db, Guid agreementId, CancellationToken cancellationToken) =>
        await db.SingleCaseAgreements.FirstOrDefaultAsync(a => a.Id == agreementId, cancellationToken)
        ?? throw new NotFoundException("The single case agreement");

    /// <summary>
    /// Whether the centre is in network with the payer for the authorization's level: what the newest verification of
    /// that policy said for the level, or, when it said nothing, the payer directory's network flag.
    /// </summary>
    public static bool IsInNetwork(bool payerInNetwork, bool? verifiedInNetwork) => verifiedInNetwork ?? payerInNetwork;

    internal static async Task<bool> IsInNetworkAsync(IAdmissionsDbContext db, PriorAuthorization authorization, CancellationToken cancellationToken)
    {
        var payerInNetwork = await db.Payers.AsNoTracking().Where(p => p.Id == authorization.PayerId).Select(p => p.InNetwork).FirstOrDefaultAsync(cancellationToken);
        var checks = await db.EligibilityChecks.AsNoTracking().Where(c => c.PolicyId == authorization.PolicyId)
            .OrderByDescending(c => c.RequestedAt).ToListAsync(cancellationToken);
        var verified = checks.Select(c => c.Result?.Levels.FirstOrDefault(l => l.Level == authorization.Level)).FirstOrDefault(l => l is not null);
        return IsInNetwork(payerInNetwork, verified?.InNetwork);
    }

    /// <summary>The active agreements of an inquiry by policy and level, the newest first, for its estimates.</summary>
    internal static Dictionary<(Guid PolicyId, Domain.Care.LevelOfCare Level), AgreedRate> ActiveByPolicyAndLevel(IEnumerable<SingleCaseAgreement> agreements) =>
        agreements.Where(a => a.IsActive).OrderByDescending(a => a.RecordedAt)
            .GroupBy(a => (a.PolicyId, a.Level)).ToDictionary(g => g.Key, g => g.First().Agreed);
}

/// <summary>The lists that show an authorization's agreement as a chip read it here.</summary>
internal static class AgreementChips
{
    /// <summary>The active agreement's chip text by authorization, for the authorizations that have one.</summary>
    public static async Task<Dictionary<Guid, string>> ForAsync(IAdmissionsDbContext db, IReadOnlyCollection<Guid> authorizationIds, CancellationToken cancellationToken) =>
        (await db.SingleCaseAgreements.AsNoTracking()
            .Where(g => authorizationIds.Contains(g.AuthorizationId) && g.WithdrawnAt == null)
            .Select(g => new { g.AuthorizationId, g.Rate, g.Basis, g.Units })
            .ToListAsync(cancellationToken))
        .ToDictionary(g => g.AuthorizationId, g => SingleCaseAgreement.Chip(g.Rate, g.Basis, g.Units));
}
