using MudBlazor;

namespace Admissions.Web.Components.Layout;

public static class AdmissionsTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f7a",
            Secondary = "#2e8b74",
            Tertiary = "#6a5acd",
            AppbarBackground = "#1f5f7a",
            Background = "#f5f7f9",
            DrawerBackground = "#ffffff",
            Error = "#c62828",
            Warning = "#ed6c02",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
