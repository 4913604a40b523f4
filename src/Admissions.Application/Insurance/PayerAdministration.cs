using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

/// <summary>One row of the admin directory list.</summary>
public sealed record PayerSummary(
    Guid Id, string Name, PayerKind Kind, IReadOnlyList<string> Aliases, IReadOnlyList<string> States, string? ClearinghousePayerId,
    PayerTransactions Transactions, string? BehavioralCarveOut, bool InNetwork, bool IsActive, int PolicyCount);

/// <summary>The payer directory as an admin manages it, retired payers included, filtered by the same search as the autocomplete.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record ListPayerDirectory(string? Search = null, bool IncludeRetired = true) : IQuery<IReadOnlyList<PayerSummary>>;

public sealed class ListPayerDirectoryHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<ListPayerDirectory, IReadOnlyList<PayerSummary>>
{
    public async ValueTask<IReadOnlyList<PayerSummary>> Handle(ListPayerDirectory query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var payers = await db.Payers.AsNoTracking().Where(p => query.IncludeRetired || p.IsActive).ToListAsync(cancellationToken);
        var counts = await db.InsurancePolicies.AsNoTracking().Where(p => p.RemovedAt == null)
            .GroupBy(p => p.PayerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return payers.Where(p => p.Matches(query.Search))
            .OrderBy(p => p.IsActive ? 0 : 1).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new PayerSummary(p.Id, p.Name, p.Kind, p.Aliases, p.States, p.ClearinghousePayerId, p.Transactions, p.BehavioralCarveOut,
                p.InNetwork, p.IsActive, counts.GetValueOrDefault(p.Id)))
            .ToList();
    }
}

/// <summary>A level rule as the admin form edits it.</summary>
public sealed class PayerLevelRuleForm
{
    public LevelOfCare Level { get; set; }
    public CareTrack Track { get; set; }
    public string? ServiceType { get; set; }
    public string? PlaceOfService { get; set; }
    public bool? PriorAuthorizationRequired { get; set; }
    public decimal? ContractedRate { get; set; }
    public int? MaximumCoveredAge { get; set; }
}

public sealed class ClearinghouseIdForm
{
    public string? Clearinghouse { get; set; }
    public string? PayerId { get; set; }
}

/// <summary>What the admin payer form edits. Lists are edited as text: one alias per line, states separated by commas.</summary>
public sealed class PayerForm
{
    public string? Name { get; set; }
    public PayerKind Kind { get; set; }
    public string? Aliases { get; set; }
    public string? States { get; set; }
    public string? ClearinghousePayerId { get; set; }
    public List<ClearinghouseIdForm> OtherClearinghouseIds { get; set; } = [];
    public PayerTransactions Transactions { get; set; } = PayerTransactions.Eligibility | PayerTransactions.ServiceReview;
    public string? BehavioralCarveOut { get; set; }
    public string? BehavioralCarveOutPhone { get; set; }
    public bool InNetwork { get; set; } = true;
    public bool NonCoveredNeedsAdvanceWaiver { get; set; }
    public string? Notes { get; set; }

    /// <summary>One row per level and track (<see cref="CareTracks.All"/>), filled with the defaults for a new payer.</summary>
    public List<PayerLevelRuleForm> LevelRules { get; set; } = CareTracks.All.Select(t => FromRule(PayerCodes.Default(t.Level, t.Track))).ToList();

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static IReadOnlyList<string> StateCodes(string? text) =>
        (text ?? "").Split([',', ';', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToUpperInvariant()).Distinct().ToList();

    public static PayerLevelRuleForm FromRule(PayerLevelRule rule) => new()
    {
        Level = rule.Level,
        Track = rule.Track,
        ServiceType = rule.ServiceType,
        PlaceOfService = rule.PlaceOfService,
        PriorAuthorizationRequired = rule.PriorAuthorizationRequired,
        ContractedRate = rule.ContractedRate,
        MaximumCoveredAge = rule.MaximumCoveredAge,
    };

    public static PayerForm From(Payer payer) => new()
    {
        Name = payer.Name,
        Kind = payer.Kind,
        Aliases = string.Join(Environment.NewLine, payer.Aliases),
        States = string.Join(", ", payer.States),
        ClearinghousePayerId = payer.ClearinghousePayerId,
        OtherClearinghouseIds = payer.OtherClearinghouseIds.Select(o => new ClearinghouseIdForm { Clearinghouse = o.Clearinghouse, PayerId = o.PayerId }).ToList(),
        Transactions = payer.Transactions,
        BehavioralCarveOut = payer.BehavioralCarveOut,
        BehavioralCarveOutPhone = payer.BehavioralCarveOutPhone,
        InNetwork = payer.InNetwork,
        NonCoveredNeedsAdvanceWaiver = payer.NonCoveredNeedsAdvanceWaiver,
        Notes = payer.Notes,
        LevelRules = CareTracks.All.Select(t => FromRule(payer.RuleFor(t.Level, t.Track))).ToList(),
    };
}

public sealed class PayerFormValidator : AbstractValidator<PayerForm>
{
    /// <summary>Payer ids are letters and digits (some clearinghouses use hyphens): nothing that could break an X12 segment.</summary>
    public static bool IsPayerId(string? value) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= 80 && value.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public PayerFormValidator()
    {
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter the payer's name as callers know it.").MaximumLength(100);
        RuleFor(f => f.Kind).IsInEnum();
        RuleFor(f => f.Aliases).Must(a => PayerForm.Lines(a).All(l => l.Length <= 100)).WithMessage("Each alias is at most 100 characters.")
            .Must(a => PayerForm.Lines(a).Count <= 30).WithMessage("Keep to 30 aliases.");
        RuleFor(f => f.States).Must(s => PayerForm.StateCodes(s).All(UsStates.IsValid))
            .WithMessage(f => $"Not a state code: {string.Join(", ", PayerForm.StateCodes(f.States).Where(s => !UsStates.IsValid(s)))}. Use two-letter codes such as FL, TX.");
        RuleFor(f => f.ClearinghousePayerId).Must(IsPayerId).When(f => !string.IsNullOrWhiteSpace(f.ClearinghousePayerId))
            .WithMessage("Payer ids contain only letters, digits and hyphens (at most 80).");
        RuleForEach(f => f.OtherClearinghouseIds).ChildRules(id =>
        {
            id.RuleFor(i => i.Clearinghouse).NotEmpty().WithMessage("Name the clearinghouse.").MaximumLength(60);
            id.RuleFor(i => i.PayerId).Must(IsPayerId).WithMessage("Payer ids contain only letters, digits and hyphens (at most 80).");
        });
        RuleFor(f => f.BehavioralCarveOut).MaximumLength(100);
        RuleFor(f => f.BehavioralCarveOutPhone).Must(p => p is null || p.Count(char.IsAsciiDigit) == 10)
            .When(f => !string.IsNullOrWhiteSpace(f.BehavioralCarveOutPhone)).WithMessage("Enter a 10-digit phone number.");
        RuleFor(f => f.Notes).MaximumLength(2000);
        RuleForEach(f => f.LevelRules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.ServiceType).Must(s => s is not null && s.Trim().Length is 1 or 2 && s.Trim().All(char.IsAsciiLetterOrDigit))
                .WithMessage(r => $"{LevelsOfCare.Describe(r.Level)}: enter an X12 service type code such as AI, RT or MH.");
            rule.RuleFor(r => r.PlaceOfService).Must(s => s is not null && s.Trim().Length == 2 && s.Trim().All(char.IsAsciiDigit))
                .WithMessage(r => $"{LevelsOfCare.Describe(r.Level)}: enter a two-digit CMS place-of-service code such as 55.");
            rule.RuleFor(r => r.ContractedRate).InclusiveBetween(0, 100_000).When(r => r.ContractedRate is not null)
                .WithMessage(r => $"{LevelsOfCare.Describe(r.Level)}: the contracted rate is between $0 and $100,000.");
            rule.RuleFor(r => r.MaximumCoveredAge).InclusiveBetween(0, 120).When(r => r.MaximumCoveredAge is not null)
                .WithMessage(r => $"{LevelsOfCare.Describe(r.Level)}: the age limit is between 0 and 120.");
        });
    }
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record GetPayer(Guid PayerId) : IQuery<PayerForm>;

public sealed class GetPayerHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<GetPayer, PayerForm>
{
    public async ValueTask<PayerForm> Handle(GetPayer query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var payer = await db.Payers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.PayerId, cancellationToken) ?? throw new NotFoundException("The payer");
        return PayerForm.From(payer);
    }
}

/// <summary>Adds a payer to the directory, or changes one (PayerId set). Every change is in the audit log.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record SavePayer(Guid? PayerId, PayerForm Form) : ICommand<Guid>;

public sealed class SavePayerValidator : AbstractValidator<SavePayer>
{
    public SavePayerValidator() => RuleFor(c => c.Form).NotNull().SetValidator(new PayerFormValidator());
}

public sealed class SavePayerHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock) : ICommandHandler<SavePayer, Guid>
{
    public async ValueTask<Guid> Handle(SavePayer command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var form = command.Form;
        var name = form.Name!.Trim();
        if (await db.Payers.AnyAsync(p => p.Name == name && p.Id != command.PayerId, cancellationToken))
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { [nameof(PayerForm.Name)] = ["Another payer already has this name."] });
        }

        Payer payer;
        if (command.PayerId is { } id)
        {
            payer = await db.Payers.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("The payer");
        }
        else
        {
            payer = new Payer();
            db.Payers.Add(payer);
        }

        Apply(payer, form);
        payer.UpdatedAt = clock.GetUtcNow();
        payer.UpdatedByName = user.Name;
        await db.SaveChangesAsync(cancellationToken);
        return payer.Id;
    }

    internal static void Apply(Payer payer, PayerForm form)
    {
        payer.Name = form.Name!.Trim();
        payer.Kind = form.Kind;
        payer.Aliases = [.. PayerForm.Lines(form.Aliases)];
        payer.States = [.. PayerForm.StateCodes(form.States)];
        payer.ClearinghousePayerId = Clean(form.ClearinghousePayerId)?.ToUpperInvariant();
        payer.OtherClearinghouseIds = form.OtherClearinghouseIds
            .Select(o => new ClearinghousePayerId { Clearinghouse = o.Clearinghouse!.Trim(), PayerId = o.PayerId!.Trim().ToUpperInvariant() }).ToList();
        payer.Transactions = form.Kind == PayerKind.SelfPay ? PayerTransactions.None : form.Transactions;
        payer.BehavioralCarveOut = Clean(form.BehavioralCarveOut);
        payer.BehavioralCarveOutPhone = Clean(form.BehavioralCarveOutPhone) is { } phone ? new string(phone.Where(char.IsAsciiDigit).ToArray()) : null;
        payer.InNetwork = form.InNetwork;
        payer.NonCoveredNeedsAdvanceWaiver = form.NonCoveredNeedsAdvanceWaiver;
        payer.Notes = Clean(form.Notes);
        // Only rules that differ from the defaults are kept, so a better default reaches every payer that never changed it.
        payer.LevelRules = form.LevelRules
            .Select(r => new PayerLevelRule
            {
                Level = r.Level,
                Track = CareTracks.For(r.Level, r.Track),
                ServiceType = r.ServiceType!.Trim().ToUpperInvariant(),
                PlaceOfService = r.PlaceOfService!.Trim(),
                PriorAuthorizationRequired = r.PriorAuthorizationRequired,
                ContractedRate = r.ContractedRate,
                MaximumCoveredAge = r.MaximumCoveredAge,
            })
            .Where(r => !SameAsDefault(r))
            .ToList();
    }

    private static bool SameAsDefault(PayerLevelRule rule)
    {
        var standard = PayerCodes.Default(rule.Level, rule.Track);
        return rule.ServiceType == standard.ServiceType && rule.PlaceOfService == standard.PlaceOfService
            && rule.PriorAuthorizationRequired == standard.PriorAuthorizationRequired && rule.ContractedRate is null && rule.MaximumCoveredAge is null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Retires a payer (offered for no new policy; policies that name it keep it), or restores one.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record SetPayerActive(Guid PayerId, bool Active) : ICommand<Unit>;

public sealed class SetPayerActiveHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock) : ICommandHandler<SetPayerActive, Unit>
{
    public async ValueTask<Unit> Handle(SetPayerActive command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var payer = await db.Payers.FirstOrDefaultAsync(p => p.Id == command.PayerId, cancellationToken) ?? throw new NotFoundException("The payer");
        if (!command.Active && payer.IsSelfPay && await db.Payers.CountAsync(p => p.Kind == PayerKind.SelfPay && p.IsActive, cancellationToken) == 1)
        {
            throw new DomainRuleException("Self-pay cannot be retired: callers without insurance need it.");
        }

        payer.IsActive = command.Active;
        payer.UpdatedAt = clock.GetUtcNow();
        payer.UpdatedByName = user.Name;
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
