using System.Text;

namespace Admissions.Application.Insurance;

/// <summary>A small RFC 4180 reader: quoted fields may hold commas, line breaks and doubled quotes.</summary>
public static class Csv
{
    public sealed record Line(int Number, IReadOnlyList<string> Fields);

    public static IReadOnlyList<Line> Parse(string text)
    {
        List<Line> lines = [];
        List<string> fields = [];
        var field = new StringBuilder();
        var (inQuotes, number, start) = (false, 1, 1);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    number += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    lines.Add(new(start, fields));
                    fields = [];
                    number++;
                    start = number;
                    break;
                case '\uFEFF' when i == 0:
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            lines.Add(new(start, fields));
        }

        return lines;
    }
}
