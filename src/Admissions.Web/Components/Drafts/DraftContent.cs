using System.Text.Json;

namespace Admissions.Web.Components.Drafts;

/// <summary>What an autosave writes: the words the prompt uses, the page that reopens the form, and the form's fields.</summary>
public sealed record DraftContent(string Summary, string ReturnUrl, string Payload)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DraftContent Of<T>(string summary, string returnUrl, T fields) =>
        new(summary, returnUrl, JsonSerializer.Serialize(fields, Json));

    public static T? Read<T>(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(payload, Json);
        }
        catch (JsonException)
        {
            // A draft written by an older form that no longer reads: start afresh rather than fail the page.
            return default;
        }
    }
}
