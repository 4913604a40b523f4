using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Inquiries;

public enum InquirySort
{
    CreatedAt,
    Number,
    PatientName,
    Stage,
    Urgency,
    LastActivityAt,
    Coordinator,
}

public sealed record InquiryFilter
{
    public IReadOnlyList<InquiryStage> Stages { get; init; } = [];

    /// <summary>A coordinator's user id, or <see cref="Unassigned"/>.</summary>
    public string? CoordinatorId { get; init; }
    public InquirySource? Source { get; init; }
    public DateOnly? CreatedFrom { get; init; }
    public DateOnly? CreatedTo { get; init; }

    /// <summary>Matches an inquiry number, a phone number, or the starts of words in a patient's or caller's name.</summary>
    public string? Search { get; init; }
    public bool OpenOnly { get; init; }

    /// <summary>Open inquiries nobody has reached yet (the home page's "Waiting for first contact").</summary>
    public bool AwaitingFirstContact { get; init; }

    /// <summary>Dashboard drill-downs: the partner that referred, the reason for not admitting, when the inquiry closed.</summary>
    public Guid? ReferralOrganisationId { get; init; }
    public NotAdmittedReason? Reason { get; init; }
    public DateOnly? ClosedFrom { get; init; }
    public DateOnly? ClosedTo { get; init; }

    /// <summary>The IANA zone the dates are days in (a facility's); the organisation's (<c>Admissions:TimeZone</c>) when not given.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>Only the inquiries that belong to this facility.</summary>
    public Guid? FacilityId { get; init; }

    public const string Unassigned = "unassigned";
}

/// <summary>One page of the inquiry list, filtered and sorted in the database.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record ListInquiries(
    InquiryFilter Filter, InquirySort SortBy = InquirySort.CreatedAt, SortDirection Direction = SortDirection.Descending)
    : IQuery<PagedResult<InquiryListItem>>, IAuditedRead
{
    public PageRequest Page { get; init; } = new();

    // A list page shows names and phones: the read is recorded like any other, with what the person searched for and
    // the filter that chose the rows. The search text is kept as typed: it is how "who looked for this person" is answered.
    public string AuditEntityType => "InquiryList";
    public string AuditEntityId => $"rows {Page.Skip + 1}-{Page.Skip + Page.Size}";
    public string AuditDetails => Describe();

    private string Describe()
    {
        static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…";
        var f = Filter;
        List<string> parts = [];
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            parts.Add($"search \"{f.Search.Trim()}\"");
        }

        if (f.Stages.Count > 0)
        {
            parts.Add($"stages {string.Join(", ", f.Stages)}");
        }

        if (f.OpenOnly)
        {
            parts.Add("open only");
        }

        if (f.CoordinatorId is { } coordinator)
        {
            parts.Add($"coordinator {coordinator}");
        }

        if (f.Source is { } source)
        {
            parts.Add($"source {source}");
        }

        if (f.FacilityId is { } facility)
        {
            parts.Add($"facility {facility}");
        }

        if (f.ReferralOrganisationId is { } organisation)
        {
            parts.Add($"referral organisation {organisation}");
        }

        if (f.Reason is { } reason)
        {
            parts.Add($"reason {reason}");
        }

        if (f.CreatedFrom is not null || f.CreatedTo is not null)
        {
            parts.Add($"created {Day(f.CreatedFrom)} to {Day(f.CreatedTo)}");
        }

        if (f.ClosedFrom is not null || f.ClosedTo is not null)
        {
            parts.Add($"closed {Day(f.ClosedFrom)} to {Day(f.ClosedTo)}");
        }

        parts.Add($"sorted by {SortBy} {Direction}");
        return string.Join("; ", parts);
    }
}

public sealed class ListInquiriesValidator : AbstractValidator<ListInquiries>
{
    public ListInquiriesValidator()
    {
        RuleFor(q => q.Page).ValidPage(200, "inquiries");
        RuleFor(q => q.Filter.Search).MaximumLength(100);
        RuleFor(q => q.Filter.CreatedTo).GreaterThanOrEqualTo(q => q.Filter.CreatedFrom)
            .When(q => q.Filter.CreatedFrom is not null && q.Filter.CreatedTo is not null)
            .WithMessage("The end date is before the start date.");
    }
}

public sealed class ListInquiriesHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar)
    : IQueryHandler<ListInquiries, PagedResult<InquiryListItem>>
{
    /// <summary>
    /// A name search reads the page by walking the sort's index and checking each inquiry's terms only when the
    /// matches are common enough to fill the page within 1/40 of the rows; rarer matches are read from the terms
    /// and sorted, which costs one lookup per match.
    /// </summary>
    private const int WalkWhenOneIn = 40;

    public async ValueTask<PagedResult<InquiryListItem>> Handle(ListInquiries query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var all = db.Inquiries.AsNoTracking();
        // A day is the organisation's day unless the filter names a zone: the home page's "New today" counts that day too,
        // and a UTC day would drop the evening's inquiries (after 4 PM in California) from its list.
        var filtered = Filter(all, query.Filter, Domain.Placement.Facility.FindZone(query.Filter.TimeZoneId) ?? calendar.Organisation.Zone);
        var search = query.Filter.Search?.Trim() ?? "";
        if (ByNumberOrPhone(filtered, search) is { } found)
        {
            return await PageAsync(found, await found.CountAsync(cancellationToken), query, cancellationToken);
        }

        if (search.Length == 0)
        {
            return await PageAsync(filtered, await filtered.CountAsync(cancellationToken), query, cancellationToken);
        }

        // No name is made of punctuation alone: such a search matches nothing, like any name no one has.
        var words = InquirySearchTerm.SearchWords(search);
        if (words.Count == 0)
        {
            return new PagedResult<InquiryListItem>([], 0);
        }

        var names = await NameSearch.PrepareAsync(db.InquirySearchTerms.AsNoTracking(), words, cancellationToken);
        var matching = names.MatchingIds;

        // Filter hands back the query it was given when no filter applies: the matches are then counted from the
        // terms alone, without reading an inquiry.
        var total = ReferenceEquals(filtered, all)
            ? await matching.Distinct().CountAsync(cancellationToken)
            : await filtered.Where(i => matching.Contains(i.Id)).CountAsync(cancellationToken);
        if (total == 0)
        {
            return new PagedResult<InquiryListItem>([], 0);
        }

        var walk = query.SortBy != InquirySort.PatientName && (long)total >= (long)WalkWhenOneIn * (query.Page.Skip + query.Page.Size);
        return await PageAsync(walk ? names.Having(filtered) : filtered.Where(i => matching.Contains(i.Id)), total, query, cancellationToken);
    }

    private static async ValueTask<PagedResult<InquiryListItem>> PageAsync(
        IQueryable<Inquiry> filtered, int total, ListInquiries query, CancellationToken cancellationToken) =>
        await Sort(filtered, query.SortBy, query.Direction)
            .Select(i => new InquiryListItem(
                i.Id,
                i.Number,
                i.Details.PatientFirstName + " " + i.Details.PatientLastName,
                i.Details.CallerName,
                i.Details.PatientPhone ?? i.Details.CallerPhone,
                i.Stage,
                i.Details.Source,
                i.Details.Urgency,
                i.AssignedCoordinatorName,
                i.CreatedAt,
                i.FirstContactAt,
                i.LastActivityAt,
                i.IsDualDiagnosis,
                i.PossibleDuplicateOfId != null))
            .ToPageAsync(query.Page, total, cancellationToken);

    private static IQueryable<Inquiry> Filter(IQueryable<Inquiry> inquiries, InquiryFilter filter, TimeZoneInfo zone)
    {
        if (filter.Stages.Count > 0)
        {
            var stages = filter.Stages.ToArray();
            inquiries = inquiries.Where(i => stages.Contains(i.Stage));
        }

        if (filter.FacilityId is { } facilityId)
        {
            inquiries = inquiries.Where(i => i.FacilityId == facilityId);
        }

        if (filter.OpenOnly)
        {
            var open = InquiryStageMachine.OpenStages;
            inquiries = inquiries.Where(i => open.Contains(i.Stage));
        }

        if (filter.AwaitingFirstContact)
        {
            var open = InquiryStageMachine.OpenStages;
            inquiries = inquiries.Where(i => i.FirstContactAt == null && open.Contains(i.Stage));
        }

        if (filter.CoordinatorId == InquiryFilter.Unassigned)
        {
            inquiries = inquiries.Where(i => i.AssignedCoordinatorId == null);
        }
        else if (!string.IsNullOrEmpty(filter.CoordinatorId))
        {
            inquiries = inquiries.Where(i => i.AssignedCoordinatorId == filter.CoordinatorId);
        }

        if (filter.Source is { } source)
        {
            inquiries = inquiries.Where(i => i.Details.Source == source);
        }

        if (filter.ReferralOrganisationId is { } organisation)
        {
            inquiries = inquiries.Where(i => i.ReferralOrganisationId == organisation);
        }

        if (filter.Reason is { } reason)
        {
            inquiries = inquiries.Where(i => i.NotAdmittedReason == reason);
        }

        // Dates are whole days in the zone; the end date is inclusive.
        if (filter.CreatedFrom is { } from)
        {
            var start = Dashboards.DashboardScope.StartOf(from, zone);
            inquiries = inquiries.Where(i => i.CreatedAt >= start);
        }

        if (filter.CreatedTo is { } to)
        {
            var end = Dashboards.DashboardScope.StartOf(to.AddDays(1), zone);
            inquiries = inquiries.Where(i => i.CreatedAt < end);
        }

        if (filter.ClosedFrom is { } closedFrom)
        {
            var start = Dashboards.DashboardScope.StartOf(closedFrom, zone);
            inquiries = inquiries.Where(i => i.ClosedAt >= start);
        }

        if (filter.ClosedTo is { } closedTo)
        {
            var end = Dashboards.DashboardScope.StartOf(closedTo.AddDays(1), zone);
            inquiries = inquiries.Where(i => i.ClosedAt < end);
        }

        return inquiries;
    }

    /// <summary>The inquiries with the number or phone searched for; null when the search is neither (a name, or nothing).</summary>
    private static IQueryable<Inquiry>? ByNumberOrPhone(IQueryable<Inquiry> inquiries, string search)
    {
        if (search.StartsWith("INQ-", StringComparison.OrdinalIgnoreCase))
        {
            // A range rather than LIKE 'prefix%', so the number index is searched instead of scanned.
            var number = search.ToUpperInvariant();
            var after = number + "\uffff";
            return inquiries.Where(i => i.Number.CompareTo(number) >= 0 && i.Number.CompareTo(after) < 0);
        }

        if (!PhoneNumber.TryNormalize(search, out var digits))
        {
            return null;
        }

        // One indexed lookup per phone column; an OR of the two lets SQLite scan the table instead.
        var matching = inquiries.Where(i => i.CallerPhoneDigits == digits).Select(i => i.Id)
            .Union(inquiries.Where(i => i.PatientPhoneDigits == digits).Select(i => i.Id));
        return inquiries.Where(i => matching.Contains(i.Id));
    }

    private static IQueryable<Inquiry> Sort(IQueryable<Inquiry> inquiries, InquirySort sortBy, SortDirection direction)
    {
        var ascending = direction == SortDirection.Ascending;
        IOrderedQueryable<Inquiry> sorted = sortBy switch
        {
            InquirySort.Number => ascending ? inquiries.OrderBy(i => i.Number) : inquiries.OrderByDescending(i => i.Number),
            InquirySort.PatientName => ascending ? inquiries.OrderBy(i => i.Details.PatientLastName).ThenBy(i => i.Details.PatientFirstName)
                : inquiries.OrderByDescending(i => i.Details.PatientLastName).ThenByDescending(i => i.Details.PatientFirstName),
            InquirySort.Stage => ascending ? inquiries.OrderBy(i => i.Stage) : inquiries.OrderByDescending(i => i.Stage),
            InquirySort.Urgency => ascending ? inquiries.OrderBy(i => i.Details.Urgency) : inquiries.OrderByDescending(i => i.Details.Urgency),
            InquirySort.LastActivityAt => ascending ? inquiries.OrderBy(i => i.LastActivityAt) : inquiries.OrderByDescending(i => i.LastActivityAt),
            InquirySort.Coordinator => ascending ? inquiries.OrderBy(i => i.AssignedCoordinatorName) : inquiries.OrderByDescending(i => i.AssignedCoordinatorName),
            _ => ascending ? inquiries.OrderBy(i => i.CreatedAt) : inquiries.OrderByDescending(i => i.CreatedAt),
        };

        // A unique tie-breaker keeps pages stable when many rows share a sort value.
        return ascending ? sorted.ThenBy(i => i.Id) : sorted.ThenByDescending(i => i.Id);
    }
}
