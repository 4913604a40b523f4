using Admissions.Application.Common;
using Admissions.Domain.Drafts;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Drafts;

public sealed class DraftOptions
{
    public const string Section = "Drafts";

    /// <summary>How long a draft is kept after it was last written.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Cron (UTC) of the job that deletes expired drafts; until it runs they are already hidden.</summary>
    public string Purge { get; set; } = "17 * * * *";
}

public sealed record DraftSummary(Guid Id, DraftKind Kind, Guid? InquiryId, string Summary, string ReturnUrl, DateTimeOffset UpdatedAt);

public sealed record DraftView(Guid Id, DraftKind Kind, Guid? InquiryId, string? Context, string Payload, DateTimeOffset UpdatedAt);

/// <summary>
/// Writes (creates or replaces) one of the current person's drafts. The form picks the id when it opens, so two
/// open forms never overwrite each other, and the autosave can send the same draft again and again.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record SaveDraft(Guid DraftId, DraftKind Kind, Guid? InquiryId, string? Context, string Summary, string ReturnUrl, string Payload)
    : ICommand;

public sealed class SaveDraftValidator : AbstractValidator<SaveDraft>
{
    public SaveDraftValidator()
    {
        RuleFor(c => c.DraftId).NotEmpty();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.InquiryId).NotNull().When(c => c.Kind != DraftKind.Intake).WithMessage("A draft of this kind belongs to an inquiry.");
        RuleFor(c => c.Context).MaximumLength(Draft.MaxContextLength);
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(Draft.MaxSummaryLength);
        RuleFor(c => c.Payload).NotEmpty().MaximumLength(Draft.MaxPayloadLength).WithMessage("This draft is too long to keep.");

        // Restoring opens this address: only a page of this app.
        RuleFor(c => c.ReturnUrl).NotEmpty().MaximumLength(Draft.MaxReturnUrlLength)
            .Must(url => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal))
            .WithMessage("A draft returns to a page of this app.");
    }
}

public sealed class SaveDraftHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IOptions<DraftOptions> options)
    : ICommandHandler<SaveDraft>
{
    public async ValueTask<Unit> Handle(SaveDraft command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == command.DraftId, cancellationToken);
        if (draft is null)
        {
            draft = Draft.Start(command.DraftId, user.Id, command.Kind, command.InquiryId, command.Context, now);
            db.Drafts.Add(draft);
        }
        else if (draft.OwnerId != user.Id || draft.Kind != command.Kind || draft.InquiryId != command.InquiryId)
        {
            // Someone else's draft (or another form's) is never overwritten, and its existence is not confirmed.
            throw new NotFoundException("The draft");
        }

        draft.Write(command.Summary.Trim(), command.ReturnUrl, command.Payload, now, options.Value.Lifetime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Forgets one of the current person's drafts: the form was saved, or they chose to throw it away.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record DiscardDraft(Guid DraftId) : ICommand;

public sealed class DiscardDraftHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user) : ICommandHandler<DiscardDraft>
{
    public async ValueTask<Unit> Handle(DiscardDraft command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == command.DraftId && d.OwnerId == user.Id, cancellationToken);
        if (draft is not null)
        {
            db.Drafts.Remove(draft);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}

/// <summary>
/// The ids of the current person's live drafts, and nothing else (no PHI, so not audited): every page asks, and only
/// when there is one to offer does it read the summaries.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record ListMyDraftIds : IQuery<IReadOnlyList<Guid>>;

public sealed class ListMyDraftIdsHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListMyDraftIds, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(ListMyDraftIds query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await Drafts.Live(db, user, clock).OrderByDescending(d => d.UpdatedAt).Select(d => d.Id).ToListAsync(cancellationToken);
    }
}

/// <summary>The current person's drafts to offer back, newest first, leaving out the forms they have open.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record ListMyDrafts(IReadOnlyCollection<Guid> Except) : IQuery<IReadOnlyList<DraftSummary>>, IAuditedRead
{
    public string AuditEntityType => nameof(Draft);
    public string AuditEntityId => "own drafts";
}

public sealed class ListMyDraftsHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListMyDrafts, IReadOnlyList<DraftSummary>>
{
    public async ValueTask<IReadOnlyList<DraftSummary>> Handle(ListMyDrafts query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var except = query.Except.ToArray();
        return await Drafts.Live(db, user, clock)
            .Where(d => !except.Contains(d.Id))
            .OrderByDescending(d => d.UpdatedAt)
            .Select(d => new DraftSummary(d.Id, d.Kind, d.InquiryId, d.Summary, d.ReturnUrl, d.UpdatedAt))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>One of the current person's drafts, to fill its form in again.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record GetDraft(Guid DraftId) : IQuery<DraftView?>, IAuditedRead
{
    public string AuditEntityType => nameof(Draft);
    public string AuditEntityId => DraftId.ToString();
}

public sealed class GetDraftHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetDraft, DraftView?>
{
    public async ValueTask<DraftView?> Handle(GetDraft query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await Drafts.Live(db, user, clock)
            .Where(d => d.Id == query.DraftId)
            .Select(d => new DraftView(d.Id, d.Kind, d.InquiryId, d.Context, d.Payload, d.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>The current person's newest draft of one form on an inquiry (its note, a screening, a phone VOB).</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record FindMyDraft(DraftKind Kind, Guid InquiryId, string? Context) : IQuery<DraftView?>, IAuditedRead
{
    public string AuditEntityType => nameof(Draft);
    public string AuditEntityId => $"{Kind} on inquiry {InquiryId}";
}

public sealed class FindMyDraftHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<FindMyDraft, DraftView?>
{
    public async ValueTask<DraftView?> Handle(FindMyDraft query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await Drafts.Live(db, user, clock)
            .Where(d => d.Kind == query.Kind && d.InquiryId == query.InquiryId && d.Context == query.Context)
            .OrderByDescending(d => d.UpdatedAt)
            .Select(d => new DraftView(d.Id, d.Kind, d.InquiryId, d.Context, d.Payload, d.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>Deletes drafts past their lifetime (a recurring job); reads already leave them out.</summary>
[RequiresRole(Roles.System)]
public sealed record PurgeExpiredDrafts : ICommand<int>;

public sealed class PurgeExpiredDraftsHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock) : ICommandHandler<PurgeExpiredDrafts, int>
{
    public async ValueTask<int> Handle(PurgeExpiredDrafts command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();

        // Loaded and removed one by one rather than deleted in bulk, so the audit trail records each deletion.
        var expired = await db.Drafts.Where(d => d.ExpiresAt <= now).ToListAsync(cancellationToken);
        db.Drafts.RemoveRange(expired);
        await db.SaveChangesAsync(cancellationToken);
        return expired.Count;
    }
}

internal static class Drafts
{
    /// <summary>The person's own drafts that have not expired: a draft is never shown to anyone else.</summary>
    public static IQueryable<Draft> Live(IAdmissionsDbContext db, ICurrentUser user, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var owner = user.Id;
        return db.Drafts.AsNoTracking().Where(d => d.OwnerId == owner && d.ExpiresAt > now);
    }
}
