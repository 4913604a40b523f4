using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;
using Admissions.Application.Tests.Insurance;
using Admissions.Domain.Placement;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Application.Tests.Common;

/// <summary>
/// Date-only rules read the facility's day, not the UTC date: at 4:30 PM Pacific it is already tomorrow in UTC, and a
/// consent that expires "today" must keep working until midnight where the patient is.
/// </summary>
public class FacilityCalendarTests
{
    private const string Pacific = "America/Los_Angeles";
    private const string Eastern = "America/New_York";

    private static readonly DateOnly NewYearsEve = new(2026, 12, 31);

    private static Task<TestHost> StartInAsync(string zone) =>
        TestHost.StartAsync(services => services.Configure<CalendarOptions>(o => o.TimeZone = zone));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static TheoryData<string, DateTimeOffset, DateTimeOffset> ConsentBoundaries => new()
    {
        // 23:30 Pacific on the 31st is 07:30 UTC on 1 January; 00:30 Pacific on the 1st is 08:30 UTC.
        { Pacific, Utc(2027, 1, 1, 7, 30), Utc(2027, 1, 1, 8, 30) },
        // 23:30 Eastern is 04:30 UTC; 00:30 Eastern is 05:30 UTC.
        { Eastern, Utc(2027, 1, 1, 4, 30), Utc(2027, 1, 1, 5, 30) },
    };

    [Theory]
    [MemberData(nameof(ConsentBoundaries))]
    public async Task A_consent_expiring_on_the_31st_covers_disclosures_until_midnight_at_the_facility(string zone, DateTimeOffset lastHalfHour, DateTimeOffset firstHalfHourAfter)
    {
        await using var host = await StartInAsync(zone);
        host.Clock.SetUtcNow(Utc(2026, 12, 31, 18, 0));
        var insured = await InsuranceSetup.InsuredAsync(host, consent: false);
        var form = InsuranceSetup.Consent(insured.PayerId);
        form.ExpiresOn = NewYearsEve;
        await InsuranceSetup.SignedConsentAsync(host, insured.InquiryId, form);

        host.Clock.SetUtcNow(lastHalfHour);
        var stillValid = await host.SendAsync(host.Coordinator, new GetInsurance(insured.InquiryId));
        Assert.True(stillValid.Consents.Single().IsActive);
        Assert.True(stillValid.Consents.Single().ExpiresToday);
        Assert.Empty(stillValid.Policies.Single().MissingForVerification);
        var checkId = await InsuranceSetup.RequestVerificationAsync(host, insured);
        Assert.NotEqual(Guid.Empty, checkId);

        host.Clock.SetUtcNow(firstHalfHourAfter);
        var expired = await host.SendAsync(host.Coordinator, new GetInsurance(insured.InquiryId));
        Assert.False(expired.Consents.Single().IsActive);
        Assert.False(expired.Consents.Single().ExpiresToday);
        Assert.Contains(expired.Policies.Single().MissingForVerification, m => m.Contains("consent", StringComparison.OrdinalIgnoreCase));
    }

    public static TheoryData<string, DateTimeOffset, DateTimeOffset> YearBoundaries => new()
    {
        // 16:30 Pacific on the 31st is 00:30 UTC on 1 January; 00:30 Pacific on the 1st is 08:30 UTC.
        { Pacific, Utc(2027, 1, 1, 0, 30), Utc(2027, 1, 1, 8, 30) },
        // 16:30 Eastern on the 31st is 21:30 UTC the same day; 23:30 Eastern is 04:30 UTC; 00:30 Eastern is 05:30 UTC.
        { Eastern, Utc(2027, 1, 1, 4, 30), Utc(2027, 1, 1, 5, 30) },
    };

    [Theory]
    [MemberData(nameof(YearBoundaries))]
    public async Task An_inquiry_taken_on_New_Years_Eve_at_the_facility_gets_that_years_number(string zone, DateTimeOffset eveningOfThe31st, DateTimeOffset afterMidnight)
    {
        await using var host = await StartInAsync(zone);

        host.Clock.SetUtcNow(eveningOfThe31st);
        var lastOfTheYear = await host.CreateInquiryAsync(TestForms.Person(1, "Alex", "Lopez"));
        host.Clock.SetUtcNow(afterMidnight);
        var firstOfTheYear = await host.CreateInquiryAsync(TestForms.Person(2, "Jamie", "Carter"));

        Assert.Equal("INQ-2026-000001", lastOfTheYear.Number);
        Assert.Equal("INQ-2027-000001", firstOfTheYear.Number);
    }

    [Fact]
    public async Task An_inquiry_at_4_30_PM_Pacific_counts_as_new_today_after_the_UTC_date_has_turned()
    {
        await using var host = await StartInAsync(Pacific);
        host.Clock.SetUtcNow(Utc(2026, 3, 10, 23, 30));
        await host.CreateInquiryAsync(TestForms.Person(1, "Alex", "Lopez"));

        // 5:30 PM Pacific: 01:30 UTC on the 11th.
        host.Clock.SetUtcNow(Utc(2026, 3, 11, 1, 30));
        var evening = await host.SendAsync(host.Coordinator, new GetPipelineSummary());
        // 00:30 Pacific on the 11th: a new facility day.
        host.Clock.SetUtcNow(Utc(2026, 3, 11, 8, 30));
        var nextDay = await host.SendAsync(host.Coordinator, new GetPipelineSummary());

        Assert.Equal(1, evening.NewToday);
        Assert.Equal(0, nextDay.NewToday);
    }

    [Fact]
    public async Task A_facility_in_another_zone_has_its_own_day_and_an_unknown_facility_falls_back_to_the_organisation()
    {
        await using var host = await StartInAsync(Pacific);
        var eastern = new Facility { Name = "Harbor House", TimeZoneId = Eastern };
        await using (var db = host.CreateDbContext())
        {
            db.Facilities.Add(eastern);
            await db.SaveChangesAsync();
        }

        // 02:00 UTC on 1 January: 9 PM Eastern and 6 PM Pacific on the 31st; 06:00 UTC: 1 AM Eastern on the 1st.
        host.Clock.SetUtcNow(Utc(2027, 1, 1, 6, 0));
        var calendar = host.Services.GetRequiredService<IFacilityCalendar>();

        Assert.Equal(new DateOnly(2027, 1, 1), (await calendar.ForAsync(eastern.Id)).Today);
        Assert.Equal(NewYearsEve, (await calendar.ForAsync(null)).Today);
        Assert.Equal(NewYearsEve, (await calendar.ForAsync(Guid.NewGuid())).Today);
        Assert.Equal(NewYearsEve, calendar.Organisation.Today);
    }

    [Fact]
    public void Times_are_said_relative_to_the_facility_day()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Utc(2026, 12, 6, 17, 0)); // 9:00 AM Pacific
        var days = new FacilityDays(TimeZoneInfo.FindSystemTimeZoneById(Pacific), clock);

        Assert.Equal("today at 9:39 AM", days.Describe(Utc(2026, 12, 6, 17, 39)));
        Assert.Equal("today at 11:30 PM", days.Describe(Utc(2026, 12, 7, 7, 30)));
        Assert.Equal("tomorrow at 7:00 AM", days.Describe(Utc(2026, 12, 7, 15, 0)));
        Assert.Equal("yesterday at 4:00 PM", days.Describe(Utc(2026, 12, 6, 0, 0)));
        Assert.Equal("on Dec 9 at 10:00 AM", days.Describe(Utc(2026, 12, 9, 18, 0)));
    }
}
