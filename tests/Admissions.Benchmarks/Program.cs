using System.Globalization;
using Admissions.Benchmarks;
using Admissions.Edi;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

var summaries = BenchmarkSwitcher.FromAssembly(typeof(X12Benchmarks).Assembly).Run(args);
ThroughputTable.Print(summaries, Console.Out);

/// <summary>
/// BenchmarkDotNet's table has no throughput: this one divides the X12 each benchmark reads or
/// writes by its mean time. MB is 1,000,000 bytes (the X12 is ASCII: one byte a character).
/// </summary>
internal static class ThroughputTable
{
    public static void Print(IEnumerable<Summary> summaries, TextWriter output)
    {
        var x12PerOperation = new Dictionary<string, string>
        {
            [nameof(X12Benchmarks.ParseTypical271)] = Workloads.Typical271,
            [nameof(X12Benchmarks.ParseBatch271)] = Workloads.Batch271,
            [nameof(X12Benchmarks.Write270)] = X12.Write(Workloads.Request270, Workloads.Envelope),
        };

        List<string[]> rows = [["benchmark", "bytes/op", "segments/op", "mean", "allocated", "MB/s", "segments/s"]];
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var x12 = x12PerOperation[name];
            var segments = Workloads.Segments(x12);
            if (report.ResultStatistics is not { Mean: > 0 } statistics)
            {
                rows.Add([name, Number(x12.Length), Number(segments), "failed", "", "", ""]);
                continue;
            }

            var seconds = statistics.Mean / 1e9;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            rows.Add([
                name,
                Number(x12.Length),
                Number(segments),
                Duration(statistics.Mean),
                allocated is { } bytes ? Size(bytes) : "?",
                (x12.Length / 1e6 / seconds).ToString("N1", CultureInfo.InvariantCulture),
                Number(segments / seconds),
            ]);
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        output.WriteLine();
        output.WriteLine(Row(rows[0], widths));
        output.WriteLine(Row(widths.Select(width => new string('-', width)).ToArray(), widths));
        foreach (var row in rows.Skip(1))
        {
            output.WriteLine(Row(row, widths));
        }
    }

    /// <summary>A Markdown table row, names left-aligned and figures right-aligned.</summary>
    private static string Row(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))) + " |";

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Duration(double nanoseconds) => nanoseconds switch
    {
        < 1e3 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:N1} ns"),
        < 1e6 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e3:N2} µs"),
        < 1e9 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e6:N2} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e9:N2} s"),
    };

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:N1} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:N2} MB"),
    };
}
