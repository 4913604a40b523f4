using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Admissions.Web.Components.Ui;

/// <summary>
/// MudBlazor's look without its components, for what repeats on every row of a list (chips, captions, icons, links).
/// Each component instance costs its circuit a few kilobytes of server memory for as long as the page is open (two
/// render trees, its state, its parameters), so a 25-row list drawn with components holds hundreds of them. These
/// fragments render the same elements and classes straight into the row.
/// </summary>
public static class RowMarkup
{
    /// <summary>A small chip, as MudChip draws it (no click, no close button).</summary>
    public static RenderFragment Chip(string text, Color color, Variant variant, string? css = null, string? testId = null, string? icon = null) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-chip-container");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class",
            $"mud-chip mud-chip-{(variant == Variant.Filled ? "filled" : "outlined")} mud-chip-size-small mud-chip-color-{ColorName(color)}{(css is null ? "" : " " + css)}");
        builder.AddAttribute(4, "data-testid", testId);
        if (icon is not null)
        {
            builder.AddContent(5, SvgIcon(icon, "mud-icon-root mud-svg-icon mud-icon-size-small mud-chip-icon"));
        }

        builder.OpenElement(6, "span");
        builder.AddAttribute(7, "class", "mud-chip-content");
        builder.AddContent(8, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>A small icon in a colour, with its meaning as a tooltip (the browser's, not a MudTooltip).</summary>
    public static RenderFragment Icon(string icon, Color color, string title) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "title", title);
        builder.AddContent(2, SvgIcon(icon, $"mud-icon-root mud-svg-icon mud-{ColorName(color)}-text mud-icon-size-small"));
        builder.CloseElement();
    };

    /// <summary>A caption line under a cell's main text.</summary>
    public static RenderFragment Caption(string text, string? css = "mud-text-secondary") => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", $"mud-typography mud-typography-caption d-block{(css is null ? "" : " " + css)}");
        builder.AddContent(2, text);
        builder.CloseElement();
    };

    /// <summary>A link as MudLink draws it; Blazor's router still handles the click.</summary>
    public static RenderFragment Link(string href, RenderFragment content, string? css = null) => builder =>
    {
        builder.OpenElement(0, "a");
        builder.AddAttribute(1, "href", href);
        builder.AddAttribute(2, "class", $"mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body2{(css is null ? "" : " " + css)}");
        builder.AddContent(3, content);
        builder.CloseElement();
    };

    /// <summary>An icon as MudIcon draws it.</summary>
    public static RenderFragment SvgIcon(string icon, string css) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", css);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    };

    private static string ColorName(Color color) => color.ToString().ToLowerInvariant();
}
