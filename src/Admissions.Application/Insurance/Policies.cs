using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

public sealed record PayerItem(Guid Id, string Name, PayerKind Kind, string? ClearinghousePayerId, string? BehavioralCarveOut,
    string? BehavioralCarveOutPhone, bool InNetwork, bool SupportsElectronicVerification)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> States { get; init; } = [];

    /// <summary>Retired payers are listed so policies that name them still show them; they are offered for no new choice.</summary>
    public bool IsActive { get; init; } = true;

    public bool Matches(string? text) => PayerSearch.Matches(text, Name, Aliases, [ClearinghousePayerId], States);
}

/// <summary>The payer directory, for choosing a policy's payer and a consent's recipients: active payers, then retired ones.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record ListPayers : IQuery<IReadOnlyList<PayerItem>>;

public sealed class ListPayersHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<ListPayers, IReadOnlyList<PayerItem>>
{
    public async ValueTask<IReadOnlyList<PayerItem>> Handle(ListPayers query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var payers = await db.Payers.AsNoTracking().ToListAsync(cancellationToken);
        return payers.OrderBy(p => p.IsActive ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PayerItem(p.Id, p.Name, p.Kind, p.ClearinghousePayerId, p.BehavioralCarveOut,
                p.BehavioralCarveOutPhone, p.InNetwork, p.SupportsElectronicVerification)
            { Aliases = p.Aliases, States = p.States, IsActive = p.IsActive })
            .ToList();
    }
}

/// <summary>What the policy form edits. Subscriber fields are needed only when the patient is not the policy holder.</summary>
public sealed class PolicyForm
{
    public PolicyRank Rank { get; set; }
    public Guid? PayerId { get; set; }
    public string? MemberId { get; set; }
    public string? GroupNumber { get; set; }
    public SubscriberRelationship Relationship { get; set; }
    public string? SubscriberFirstName { get; set; }
    public string? SubscriberLastName { get; set; }
    public DateOnly? SubscriberDateOfBirth { get; set; }
    public Sex? SubscriberSex { get; set; }
}

public sealed class PolicyFormValidator : AbstractValidator<PolicyForm>
{
    /// <summary>Letters, digits and hyphens: what payers print on cards, and nothing that could break an X12 segment. Surrounding spaces are trimmed on save.</summary>
    public static bool IsIdentifier(string? value) => value is not null && value.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static bool IsName(string? value) => value is not null && value.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '.');

    public PolicyFormValidator(IFacilityCalendar calendar)
    {
        RuleFor(f => f.Rank).IsInEnum();
        RuleFor(f => f.Relationship).IsInEnum();
        RuleFor(f => f.PayerId).NotEmpty().WithMessage("Choose the payer.");
        RuleFor(f => f.MemberId).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter the member ID from the insurance card.")
            .MaximumLength(80)
            .Must(IsIdentifier).WithMessage("Member IDs contain only letters, digits and hyphens.");
        RuleFor(f => f.GroupNumber).MaximumLength(50)
            .Must(IsIdentifier).When(f => !string.IsNullOrWhiteSpace(f.GroupNumber)).WithMessage("Group numbers contain only letters, digits and hyphens.");
        When(f => f.Relationship != SubscriberRelationship.Self, () =>
        {
            RuleFor(f => f.SubscriberFirstName).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter the policy holder's first name.")
                .MaximumLength(100).Must(IsName).WithMessage("Use letters, spaces, hyphens and apostrophes only.");
            RuleFor(f => f.SubscriberLastName).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter the policy holder's last name.")
                .MaximumLength(100).Must(IsName).WithMessage("Use letters, spaces, hyphens and apostrophes only.");
            RuleFor(f => f.SubscriberDateOfBirth).NotNull().WithMessage("Enter the policy holder's date of birth.")
                .Must(d => d is null || (d.Value <= calendar.Organisation.Today && d.Value.Year >= 1900))
                .WithMessage("Enter a real date of birth (not in the future).");
            RuleFor(f => f.SubscriberSex).IsInEnum().When(f => f.SubscriberSex is not null);
        });
    }
}

/// <summary>Adds a policy to an inquiry, or changes one (PolicyId set).</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview)]
public sealed record SavePolicy(Guid InquiryId, Guid? PolicyId, PolicyForm Form) : ICommand<Guid>;

public sealed class SavePolicyValidator : AbstractValidator<SavePolicy>
{
    public SavePolicyValidator(IFacilityCalendar calendar) => RuleFor(c => c.Form).NotNull().SetValidator(new PolicyFormValidator(calendar));
}

public sealed class SavePolicyHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SavePolicy, Guid>
{
    public async ValueTask<Guid> Handle(SavePolicy command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var form = command.Form;
        var payer = await db.Payers.FirstOrDefaultAsync(p => p.Id == form.PayerId, cancellationToken)
            ?? throw new RequestValidationException(new Dictionary<string, string[]> { [nameof(PolicyForm.PayerId)] = ["Choose a payer from the directory."] });
        // A retired payer stays on the policies that already name it, but no policy is moved to it.
        if (!payer.IsActive && !await db.InsurancePolicies.AnyAsync(p => p.Id == command.PolicyId && p.PayerId == payer.Id, cancellationToken))
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { [nameof(PolicyForm.PayerId)] = [$"{payer.Name} is retired from the payer directory. Choose another payer."] });
        }

        var others = await db.InsurancePolicies
            .Where(p => p.InquiryId == command.InquiryId && p.RemovedAt == null && p.Id != command.PolicyId)
            .ToListAsync(cancellationToken);
        if (others.Any(p => p.Rank == form.Rank))
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [nameof(PolicyForm.Rank)] = [$"This inquiry already has a {form.Rank.ToString().ToLowerInvariant()} policy. Edit it or choose the other rank."],
            });
        }

        var now = clock.GetUtcNow();
        InsurancePolicy policy;
        if (command.PolicyId is { } id)
        {
            policy = await db.InsurancePolicies.FirstOrDefaultAsync(p => p.Id == id && p.InquiryId == command.InquiryId && p.RemovedAt == null, cancellationToken)
                ?? throw new NotFoundException("The policy");
        }
        else
        {
            policy = new InsurancePolicy { InquiryId = command.InquiryId, CreatedAt = now };
            db.InsurancePolicies.Add(policy);
        }

        var self = form.Relationship == SubscriberRelationship.Self;
        policy.Rank = form.Rank;
        policy.PayerId = payer.Id;
        policy.PayerName = payer.Name;
        policy.MemberId = form.MemberId!.Trim().ToUpperInvariant();
        policy.GroupNumber = string.IsNullOrWhiteSpace(form.GroupNumber) ? null : form.GroupNumber.Trim().ToUpperInvariant();
        policy.Relationship = form.Relationship;
        policy.SubscriberFirstName = self ? null : form.SubscriberFirstName?.Trim();
        policy.SubscriberLastName = self ? null : form.SubscriberLastName?.Trim();
        policy.SubscriberDateOfBirth = self ? null : form.SubscriberDateOfBirth;
        policy.SubscriberSex = self ? null : form.SubscriberSex;
        policy.UpdatedAt = now;
        inquiry.Record(ActivityKind.Insurance,
            $"{(command.PolicyId is null ? "Added" : "Updated")} {form.Rank.ToString().ToLowerInvariant()} policy: {payer.Name}", user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return policy.Id;
    }
}

/// <summary>Takes a policy off the inquiry; its verifications and disclosures stay on record.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview)]
public sealed record RemovePolicy(Guid InquiryId, Guid PolicyId) : ICommand<Unit>;

public sealed class RemovePolicyHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RemovePolicy, Unit>
{
    public async ValueTask<Unit> Handle(RemovePolicy command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var policy = await db.InsurancePolicies.FirstOrDefaultAsync(p => p.Id == command.PolicyId && p.InquiryId == command.InquiryId && p.RemovedAt == null, cancellationToken)
            ?? throw new NotFoundException("The policy");
        var now = clock.GetUtcNow();
        policy.RemovedAt = now;
        inquiry.Record(ActivityKind.Insurance, $"Removed {policy.Rank.ToString().ToLowerInvariant()} policy: {policy.PayerName}", user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
