using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Inquiries;

/// <summary>
/// The intake form refuses what would make a name display as another (U+202E and the other direction marks, control
/// characters) and concern flags that are not on the list, whether it comes from a page or the public API.
/// </summary>
public class InquiryFormTextTests
{
    private static async Task<IReadOnlyDictionary<string, string[]>> RefusedAsync(TestHost host, Action<InquiryForm> change)
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Coordinator, new CreateInquiry(TestForms.Valid(change))));
        Assert.Equal(0, await host.QueryAsync(db => db.Inquiries.CountAsync()));
        return error.Errors;
    }

    [Theory]
    [InlineData("CallerName", "Maria \u202Eзаб")]
    [InlineData("PatientFirstName", "Al\u202Dex")]
    [InlineData("PatientLastName", "Lopez\u2067")]
    [InlineData("PatientLastName", "Lo\u200Bpez")]
    [InlineData("PatientFirstName", "Alex\u0007")]
    [InlineData("CallerName", "Maria\r\nLopez")]
    [InlineData("ReferralSource", "Dr. \u202EKing")]
    public async Task A_name_with_a_direction_mark_or_a_control_character_is_refused_at_that_field(string field, string value)
    {
        await using var host = await TestHost.StartAsync();

        var errors = await RefusedAsync(host, f => typeof(InquiryForm).GetProperty(field)!.SetValue(f, value));

        Assert.Equal([TextRules.UnsafeCharacterMessage], errors[$"Form.{field}"]);
    }

    [Fact]
    public async Task Notes_may_have_line_breaks_and_tabs_but_not_direction_marks()
    {
        await using var host = await TestHost.StartAsync();

        var errors = await RefusedAsync(host, f => f.Notes = "Called twice.\n\u202Eeno ton");
        var created = await host.CreateInquiryAsync(TestForms.Valid(f => f.Notes = "Called twice.\r\n\tPrefers texts."));

        Assert.True(errors.ContainsKey("Form.Notes"));
        Assert.True(created.Created);
    }

    [Fact]
    public async Task Names_in_any_script_with_accents_hyphens_and_apostrophes_are_kept()
    {
        await using var host = await TestHost.StartAsync();

        var created = await host.CreateInquiryAsync(TestForms.Valid(f => (f.PatientFirstName, f.PatientLastName, f.CallerName) = ("Zoë", "Núñez-O'Neil", "Đặng Thị Hương")));

        var stored = await host.QueryAsync(db => db.Inquiries.SingleAsync(i => i.Id == created.InquiryId));
        Assert.Equal(("Zoë", "Núñez-O'Neil", "Đặng Thị Hương"), (stored.Details.PatientFirstName, stored.Details.PatientLastName, stored.Details.CallerName));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(512)]
    public async Task Substances_that_are_not_on_the_list_are_refused(int value)
    {
        await using var host = await TestHost.StartAsync();

        var errors = await RefusedAsync(host, f => f.Substances = (SubstanceConcerns)value);

        Assert.True(errors.ContainsKey("Form.Substances"));
    }

    [Fact]
    public async Task Mental_health_concerns_that_are_not_on_the_list_are_refused()
    {
        await using var host = await TestHost.StartAsync();

        var errors = await RefusedAsync(host, f => f.MentalHealthConcerns = (MentalHealthConcerns)(-1));

        Assert.True(errors.ContainsKey("Form.MentalHealthConcerns"));
    }
}
