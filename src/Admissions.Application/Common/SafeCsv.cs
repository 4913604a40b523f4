using System.Globalization;
using CsvHelper;

namespace Admissions.Application.Common;

/// <summary>
/// The one way the app writes a CSV file for people to open. A cell that starts with =, +, -, @, a tab or a carriage
/// return would run as a formula in a spreadsheet (a referral organisation named "=HYPERLINK(…)"): it is written with a
/// leading apostrophe, which spreadsheets show as text.
/// </summary>
public static class SafeCsv
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static byte[] Write(IEnumerable<string[]> records)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            foreach (var record in records)
            {
                csv.WriteRecord(record);
            }

            csv.Flush();
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }
}
