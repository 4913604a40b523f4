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

    public static Color VerificationColor(VerificationState state) => state switch
    {
        VerificationState.Completed => Color.Success,
        VerificationState.Pending => Color.Info,
        VerificationState.NeedsManual or VerificationState.AwaitingApproval => Color.Warning,
        _ => Color.Error,
    };

    public static Color AuthorizationColor(AuthorizationStatus status) => status switch
    {
        AuthorizationStatus.Certified => Color.Success,
        AuthorizationStatus.Partial or AuthorizationStatus.Pended => Color.Warning,
        AuthorizationStatus.Denied => Color.Error,
        AuthorizationStatus.Cancelled => Color.Default,
        _ => Color.Info,
    };
}
