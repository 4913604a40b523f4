using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

public sealed record AuthorizationQueueItem(
    Guid AuthorizationId, Guid InquiryId, string InquiryNumber, string PatientName, string PayerName, LevelOfCare Level,
    AuthorizationStatus Status, AuthorizationChannel Channel, DateOnly AdmissionDate, int RequestedDays, int? ApprovedDays,
    DateOnly? ApprovedFrom, DateOnly? ApprovedTo, DateOnly? NextReviewOn, string? CertificationNumber, string? Problem,
    DateTimeOffset RequestedAt, string? PendedReason)
{
    /// <summary>The active single case agreement's terms (e.g. "SCA $1,150/day × 14"), if the payer agreed one.</summary>
    public string? Agreement { get; init; }
}

/// <summary>Utilization review's list: open and decided authorizations, soonest review first.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview)]
public sealed record ListAuthorizations(IReadOnlyList<AuthorizationStatus> Statuses, bool ReviewDueOnly)
    : IQuery<PagedResult<AuthorizationQueueItem>>, IAuditedRead
{
    public PageRequest Page { get; init; } = new();
    public string AuditEntityType => "AuthorizationQueue";
    public string AuditEntityId => $"page {Page.Index}";
    public string AuditDetails => $"statuses {(Statuses.Count == 0 ? "all" : string.Join(", ", Statuses))}{(ReviewDueOnly ? "; review due only" : "")}";
}

public sealed class ListAuthorizationsValidator : AbstractValidator<ListAuthorizations>
{
    public ListAuthorizationsValidator()
    {
        RuleFor(q => q.Page).ValidPage(100, "authorizations");
        RuleForEach(q => q.Statuses).IsInEnum();
    }
}

public sealed class ListAuthorizationsHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar)
    : IQueryHandler<ListAuthorizations, PagedResult<AuthorizationQueueItem>>
{
    public async ValueTask<PagedResult<AuthorizationQueueItem>> Handle(ListAuthorizations query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var authorizations = db.PriorAuthorizations.AsNoTracking();
        if (query.Statuses.Count > 0)
        {
            authorizations = authorizations.Where(a => query.Statuses.Contains(a.Status));
        }

        if (query.ReviewDueOnly)
        {
            authorizations = authorizations.Where(PriorAuthorization.ReviewDue(calendar.Organisation.Today));
        }

        var rows = from a in authorizations
                   join i in db.Inquiries.AsNoTracking() on a.InquiryId equals i.Id
                   select new { Authorization = a, Inquiry = i };

        var page = await rows
            .OrderBy(r => r.Authorization.NextReviewOn == null)
            .ThenBy(r => r.Authorization.NextReviewOn)
            .ThenByDescending(r => r.Authorization.RequestedAt)
            .Select(r => new AuthorizationQueueItem(
                r.Authorization.Id, r.Inquiry.Id, r.Inquiry.Number, r.Inquiry.Details.PatientFirstName + " " + r.Inquiry.Details.PatientLastName,
                r.Authorization.PayerName, r.Authorization.Level, r.Authorization.Status, r.Authorization.Channel, r.Authorization.AdmissionDate,
                r.Authorization.RequestedDays, r.Authorization.ApprovedDays, r.Authorization.ApprovedFrom, r.Authorization.ApprovedTo,
                r.Authorization.NextReviewOn, r.Authorization.CertificationNumber, r.Authorization.Problem, r.Authorization.RequestedAt,
                r.Authorization.Status == AuthorizationStatus.Pended
                    ? r.Authorization.PendedReason ?? AuthorizationDecisions.DescribeReason(r.Authorization.ReasonCode) : null))
            .ToPageAsync(query.Page, cancellationToken);

        var agreements = await AgreementChips.ForAsync(db, [.. page.Items.Select(i => i.AuthorizationId)], cancellationToken);
        return page.Select(item => item with { Agreement = agreements.GetValueOrDefault(item.AuthorizationId) });
    }
}
