using System.Text;
using Admissions.Domain.Screening;
using static Admissions.Domain.Screening.InstrumentCode;

namespace Admissions.Domain.Tests.Screening;

public class InstrumentCatalogTests
{
    /// <summary>A small valid instrument; each test breaks one thing in it.</summary>
    private static string Definition(
        string bands = """{ "min": 0, "max": 2, "label": "Low", "severity": "mild" }, { "min": 3, "max": 6, "label": "High", "severity": "severe" }""",
        string secondItemOptions = """{ "value": 0, "label": "Never" }, { "value": 1, "label": "Sometimes" }, { "value": 3, "label": "Often" }""",
        string reverseScored = "",
        string totalRange = """{ "min": 0, "max": 6 }""") => $$"""
        {
          "code": "gad7",
          "name": "Worry check",
          "description": "Two questions.",
          "licence": "Ours.",
          "scoring": "sum",
          "items": [
            { "id": "a", "number": 1, "label": "Worry", "kind": "scale",
              "options": [{ "value": 0, "label": "Never" }, { "value": 3, "label": "Always" }] },
            { "id": "b", "number": 2, "label": "Sleep", "kind": "scale", "options": [{{secondItemOptions}}] }
          ],
          "reverseScored": [{{reverseScored}}],
          "totalRange": {{totalRange}},
          "bandSets": [{ "name": "standard", "bands": [{{bands}}] }]
        }
        """;

    private static InstrumentDefinitionException Refused(string json) =>
        Assert.Throws<InstrumentDefinitionException>(() => InstrumentCatalog.Load([json]));

    [Theory]
    [InlineData(Phq9, 9, 27)]
    [InlineData(Gad7, 7, 21)]
    [InlineData(CiwaAr, 10, 67)]
    [InlineData(Cows, 11, 48)]
    [InlineData(Audit, 10, 40)]
    [InlineData(Dast10, 10, 10)]
    public void The_shipped_instruments_have_the_published_items_and_range(InstrumentCode code, int items, int max)
    {
        var instrument = InstrumentCatalog.Default.Get(code);

        Assert.Equal(items, instrument.Items.Count);
        Assert.Equal(new ScoreRange(0, max), instrument.TotalRange);
        Assert.Equal(ScoringMethod.Sum, instrument.Scoring);
        Assert.False(string.IsNullOrWhiteSpace(instrument.Licence));
    }

    [Fact]
    public void Every_instrument_code_has_a_shipped_definition()
    {
        Assert.Equal(Enum.GetValues<InstrumentCode>().Order(), InstrumentCatalog.Default.Instruments.Select(i => i.Code).Order());
    }

    [Fact]
    public void The_shipped_cssrs_screener_is_graded_by_rule_with_a_follow_up_to_item_6()
    {
        var cssrs = InstrumentCatalog.Default.Get(Cssrs);

        Assert.Equal(ScoringMethod.Cssrs, cssrs.Scoring);
        Assert.All(cssrs.Items, item => Assert.Equal(ItemKind.YesNo, item.Kind));
        Assert.Equal(new ItemCondition("q6", 1), cssrs.FindItem("q6-recent")?.AskedWhen);
    }

    [Fact]
    public void Ciwa_ar_ships_the_common_band_set_as_default_and_the_asam_one_as_an_alternative()
    {
        var ciwa = InstrumentCatalog.Default.Get(CiwaAr);

        Assert.Equal(["common", "asam"], ciwa.BandSets.Select(set => set.Name));
        Assert.Equal("common", ciwa.GetBandSet().Name);
    }

    [Fact]
    public void Dast10_scores_item_3_in_reverse()
    {
        var dast = InstrumentCatalog.Default.Get(Dast10);

        Assert.Equal(["q3"], dast.ReverseScored);
    }

    [Fact]
    public void A_valid_definition_loads()
    {
        var catalog = InstrumentCatalog.Load([Definition()]);

        Assert.Equal("Worry check", catalog.Get(Gad7).Name);
        Assert.False(catalog.TryGet(Phq9, out _));
    }

    [Fact]
    public void A_definition_also_loads_from_a_stream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Definition()));

        Assert.True(InstrumentCatalog.Load([stream]).TryGet(Gad7, out _));
    }

    [Fact]
    public void A_customer_phq9_with_its_own_wording_and_bands_scores_with_them()
    {
        var phq9 = InstrumentCatalog.Default.Get(Phq9);
        var replaced = phq9 with
        {
            Items = [.. phq9.Items.Select(item => item with { Label = $"Pregunta {item.Number}" })],
            BandSets = [new BandSet("clinic", [new ScoreBand(0, 9, "Watch", BandSeverity.Mild), new ScoreBand(10, 27, "Refer", BandSeverity.Moderate)])],
            DefaultBandSet = "clinic",
        };
        var json = InstrumentCatalog.ToJson(replaced);

        var customer = InstrumentCatalog.Load([json]).Get(Phq9);

        Assert.Equal("Pregunta 1", customer.Items[0].Label);
        Assert.Equal("Watch", ScreeningScorer.Score(customer, ScreeningTestData.Numbered(1, 1, 1, 1, 1, 1, 1, 1, 1)).Band?.Label);
        Assert.Equal("Refer", ScreeningScorer.Score(customer, ScreeningTestData.Numbered(2, 1, 1, 1, 1, 1, 1, 1, 1)).Band?.Label);
    }

    [Fact]
    public void A_gap_between_bands_is_refused()
    {
        var error = Refused(Definition(bands: """{ "min": 0, "max": 2, "label": "Low", "severity": "mild" }, { "min": 4, "max": 6, "label": "High", "severity": "severe" }"""));

        Assert.Equal("Band set 'standard' leaves a gap: no band holds 3–3.", Assert.Single(error.Errors));
        Assert.StartsWith("The Worry check (definition #1) definition cannot be used:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_bands_are_refused()
    {
        var error = Refused(Definition(bands: """{ "min": 0, "max": 3, "label": "Low", "severity": "mild" }, { "min": 3, "max": 6, "label": "High", "severity": "severe" }"""));

        Assert.Equal("Band set 'standard' has overlapping bands: 'Low' and 'High' both hold 3–3.", Assert.Single(error.Errors));
    }

    [Fact]
    public void Bands_that_stop_short_of_either_end_of_the_range_are_refused()
    {
        var error = Refused(Definition(bands: """{ "min": 1, "max": 2, "label": "Low", "severity": "mild" }, { "min": 3, "max": 5, "label": "High", "severity": "severe" }"""));

        Assert.Equal(
            ["Band set 'standard' must start at 0, the lowest total; it starts at 1.", "Band set 'standard' must end at 6, the highest total; it ends at 5."],
            error.Errors);
    }

    [Fact]
    public void An_option_value_past_the_total_range_is_refused()
    {
        var error = Refused(Definition(secondItemOptions: """{ "value": 0, "label": "Never" }, { "value": 5, "label": "Often" }"""));

        Assert.Equal("The total range is 0–6 but the items add up to 0–8: an option value is out of range.", Assert.Single(error.Errors));
    }

    [Fact]
    public void A_numeric_anchor_outside_the_item_range_is_refused()
    {
        var ciwa = InstrumentCatalog.Default.Get(CiwaAr);
        var nausea = ciwa.Items[0] with { Options = [new AnswerOption(0, "None"), new AnswerOption(9, "Constant")] };
        var json = InstrumentCatalog.ToJson(ciwa with { Items = [nausea, .. ciwa.Items.Skip(1)] });

        var error = Refused(json);

        Assert.Equal("Item 'nausea' has option 9 outside its range 0–7.", Assert.Single(error.Errors));
    }

    [Fact]
    public void A_reverse_scored_item_that_does_not_exist_is_refused()
    {
        var error = Refused(Definition(reverseScored: "\"c\""));

        Assert.Equal("Reverse-scored item 'c' is not an item of Worry check.", Assert.Single(error.Errors));
    }

    [Fact]
    public void A_missing_total_range_is_refused()
    {
        var error = Refused(Definition(totalRange: "null"));

        Assert.Equal("The total range is missing.", Assert.Single(error.Errors));
    }

    [Theory]
    [InlineData("\"licence\": \"Ours.\",", "", "'licence'")]
    [InlineData("\"code\": \"gad7\"", "\"code\": \"gad8\"", "$.code")]
    [InlineData("\"kind\": \"scale\",", "\"kind\": \"scale\", \"colour\": \"red\",", "'colour'")]
    public void A_file_with_a_missing_or_unknown_field_is_refused_with_the_json_error(string field, string replacement, string mentioned)
    {
        var error = Refused(Definition().Replace(field, replacement, StringComparison.Ordinal));

        Assert.StartsWith("It is not a valid instrument file:", Assert.Single(error.Errors), StringComparison.Ordinal);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_band_sets_without_a_named_default_are_refused()
    {
        var dast = InstrumentCatalog.Default.Get(Dast10);

        var error = Refused(InstrumentCatalog.ToJson(dast with { BandSets = [dast.BandSets[0], dast.BandSets[0] with { Name = "clinic" }], DefaultBandSet = null }));

        Assert.Equal("There are several band sets: name the default one.", Assert.Single(error.Errors));
    }

    [Fact]
    public void A_follow_up_to_an_item_that_does_not_come_before_it_is_refused()
    {
        var cssrs = InstrumentCatalog.Default.Get(Cssrs);
        var followUp = cssrs.Items[^1] with { AskedWhen = new ItemCondition("q7", 1) };

        var error = Refused(InstrumentCatalog.ToJson(cssrs with { Items = [.. cssrs.Items.SkipLast(1), followUp] }));

        Assert.Equal("Item 'q6-recent' is asked after 'q7', which is not an earlier item.", Assert.Single(error.Errors));
    }

    [Fact]
    public void Every_shipped_definition_exports_to_a_file_that_loads_again()
    {
        var files = InstrumentCatalog.Default.Instruments.Select(InstrumentCatalog.ToJson).ToList();

        var reloaded = InstrumentCatalog.Load(files);

        Assert.Equal(InstrumentCatalog.Default.Instruments.Count, reloaded.Instruments.Count);
        Assert.All(files, json => Assert.DoesNotContain("allowedAnswers", json, StringComparison.Ordinal));
        Assert.Equal(12, ScreeningScorer.Score(reloaded.Get(Phq9), ScreeningTestData.Numbered(2, 2, 1, 2, 1, 1, 2, 1, 0)).Total);
    }

    [Fact]
    public void Two_definitions_of_one_instrument_are_refused()
    {
        var error = Assert.Throws<InstrumentDefinitionException>(() => InstrumentCatalog.Load([Definition(), Definition()]));

        Assert.Equal("Gad7 is defined more than once.", Assert.Single(error.Errors));
    }

    [Fact]
    public void A_cssrs_definition_without_the_items_its_rule_reads_is_refused()
    {
        var cssrs = InstrumentCatalog.Default.Get(Cssrs);
        var json = InstrumentCatalog.ToJson(cssrs with { Items = [.. cssrs.Items.Where(item => item.Id != "q5")] });

        Assert.Equal("C-SSRS scoring needs a yes/no item 'q5'.", Assert.Single(Refused(json).Errors));
    }
}
