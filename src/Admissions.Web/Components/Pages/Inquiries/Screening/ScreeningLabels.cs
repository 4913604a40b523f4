using Admissions.Domain.Screening;
using MudBlazor;

namespace Admissions.Web.Components.Pages.Inquiries.Screening;

internal static class ScreeningLabels
{
    public static Color BandColor(BandSeverity? severity) => severity switch
    {
        BandSeverity.None or BandSeverity.Minimal => Color.Success,
        BandSeverity.Mild => Color.Info,
        BandSeverity.Moderate => Color.Warning,
        BandSeverity.ModeratelySevere or BandSeverity.Severe => Color.Error,
        _ => Color.Default,
    };

    public static Color RiskColor(SuicideRisk? risk) => risk switch
    {
        SuicideRisk.None => Color.Success,
        SuicideRisk.Low => Color.Info,
        SuicideRisk.Moderate => Color.Warning,
        SuicideRisk.High => Color.Error,
        _ => Color.Default,
    };

    public static string Risk(SuicideRisk risk) => risk switch
    {
        SuicideRisk.None => "No risk identified",
        SuicideRisk.Low => "Low risk",
        SuicideRisk.Moderate => "Moderate risk",
        _ => "High risk",
    };

    /// <summary>"Total 12 · Moderate", "High risk", or what is known so far of a draft.</summary>
    public static string Summary(int? total, string? band, SuicideRisk? risk) => risk is { } r
        ? Risk(r)
        : total is { } t
            ? band is null ? $"Total {t} so far" : $"Total {t} · {band}"
            : "Not scored";
}
