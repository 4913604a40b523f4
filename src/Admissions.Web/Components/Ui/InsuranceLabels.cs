using Admissions.Domain.Care;
using Admissions.Domain.Insurance;
using MudBlazor;

namespace Admissions.Web.Components.Ui;

/// <summary>How insurance figures and states read on screen, the same everywhere.</summary>
public static class InsuranceLabels
{
    /// <summary>Dollars as people say them: $3,000 for whole amounts, $12.50 otherwise; a dash when unknown.</summary>
    public static string Money(decimal? amount) => amount switch
    {
        null => "—",
        { } whole when whole == decimal.Truncate(whole) => whole.ToString("C0", FacilityClock.UsEnglish),
        { } value => value.ToString("C2", FacilityClock.UsEnglish),
    };

    /// <summary>A fraction as a percentage: 0.2 reads 20%.</summary>
    public static string Percent(decimal? fraction) =>
        fraction is { } value ? (value * 100).ToString("0.##", FacilityClock.UsEnglish) + "%" : "—";

    public static string YesNo(bool? value, string yes = "Yes", string no = "No") => value switch
    {
        true => yes,
        false => no,
        null => "Unknown",
    };

    /// <summary>The verifications someone still has to act on: the queue's default filter.</summary>
    public static readonly IReadOnlyList<VerificationState> WorkQueue =
        [VerificationState.Pending, VerificationState.NeedsManual, VerificationState.AwaitingApproval, VerificationState.Failed];

    public static Color VerificationColor(VerificationState state) => state switch
    {
        VerificationState.Pending => Color.Info,
        VerificationState.NeedsManual => Color.Warning,
        VerificationState.AwaitingApproval => Color.Secondary,
        VerificationState.Completed => Color.Success,
        VerificationState.Failed => Color.Error,
        _ => Color.Default,
    };

    public static string Method(VerificationMethod method) => method switch
    {
        VerificationMethod.Electronic => "Electronic",
        VerificationMethod.Phone => "Phone",
        _ => method.ToString(),
    };

    public static string Channel(AuthorizationChannel channel) => channel switch
    {
        AuthorizationChannel.Electronic => "Electronic (278)",
        AuthorizationChannel.Portal => "Payer portal",
        AuthorizationChannel.Phone => "Phone",
        _ => channel.ToString(),
    };

    public static string Levels(IEnumerable<LevelOfCare> levels) => string.Join(", ", levels.Select(LevelsOfCare.Describe));

    public static string Purposes(DisclosurePurpose purposes) => string.Join(", ", Labels.Flags(purposes).Select(p => p switch
    {
        DisclosurePurpose.HealthCareOperations => "Health care operations",
        _ => p.ToString(),
    }));

    public static string Date(DateOnly date) => date.ToString("MMM d, yyyy", FacilityClock.UsEnglish);

    /// <summary>How urgent a utilization review date is, or null when it is not close.</summary>
    public static (string Text, Color Color)? ReviewDue(DateOnly? nextReview, DateOnly today) => nextReview switch
    {
        null => null,
        { } day when day < today => ("Overdue", Color.Error),
        { } day when day == today => ("Today", Color.Warning),
        { } day when day == today.AddDays(1) => ("Tomorrow", Color.Warning),
        _ => null,
    };

    public static Color AuthorizationColor(AuthorizationStatus status) => status switch
    {
        AuthorizationStatus.Certified => Color.Success,
        AuthorizationStatus.Partial or AuthorizationStatus.Pended => Color.Warning,
        AuthorizationStatus.Denied => Color.Error,
        AuthorizationStatus.Requested => Color.Info,
        _ => Color.Default,
    };
}
