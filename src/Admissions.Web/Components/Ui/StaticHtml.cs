using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Admissions.Web.Components.Ui;

/// <summary>
/// Renders a component once to HTML, for a long read-only list: the page then keeps one markup string in its circuit
/// instead of a render tree of thousands of frames for as long as it is open (see <see cref="RowMarkup"/> for the cost).
/// Blazor encodes the text as it always does. Links in the HTML still go through the router; event handlers do not
/// work in it, so what is clicked must be a link.
/// </summary>
public static class StaticHtml
{
    public static async Task<MarkupString> RenderAsync<TComponent>(IServiceProvider services, IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return new MarkupString(html);
    }
}
