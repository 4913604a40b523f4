using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Admissions.Infrastructure.Clearinghouse;

/// <summary>multipart/form-data in both directions, one text field per envelope element.</summary>
public static class CoreMultipart
{
    /// <summary>Far above any real-time 270/271/278, far below what would hurt the server.</summary>
    private const int FieldLimit = 4 * 1024 * 1024;

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static MultipartFormDataContent Write(IEnumerable<(string Name, string? Value)> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                content.Add(new StringContent(value, Encoding.UTF8), name);
            }
        }

        return content;
    }

    /// <summary>The form fields of a multipart body; none when the body is not a readable multipart message.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string? contentType, Stream body, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary) is not { Length: > 0 } boundary)
        {
            return None;
        }

        var reader = new MultipartReader(boundary.Value!, body) { BodyLengthLimit = FieldLimit };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || HeaderUtilities.RemoveQuotes(disposition.Name) is not { Length: > 0 } name)
                {
                    continue;
                }

                using var text = new StreamReader(section.Body, Encoding.UTF8);
                fields.TryAdd(name.Value!, await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return None;
        }

        return fields;
    }
}
