using Admissions.Application.Care;
using Admissions.Application.Common;
using Admissions.Application.Placement;
using Admissions.Application.Screening;
using Admissions.Application.Tests.Placement;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Screening;

namespace Admissions.Application.Tests.Screening;

internal static class ScreeningArrival
{
    /// <summary>The patient arrives: approved and booked into the campus's detox program for now (a walk-in).</summary>
    public static async Task ArriveAsync(TestHost host, Guid inquiryId, TimeSpan? bookedIn = null)
    {
        var campus = await Campus.CreateAsync(host);
        await AdmissionTests.WalkToApprovedAsync(host, inquiryId);
        await host.SendAsync(host.Coordinator, new ScheduleAdmission(inquiryId, campus.ProgramId, campus.BedIds[0], host.Clock.GetUtcNow() + (bookedIn ?? TimeSpan.Zero)));
    }
}

/// <summary>COWS and CIWA-Ar are observed in person by a clinician at or after arrival; SOWS and SAWS are the phone's self-reports.</summary>
public class ObservedScreeningTests
{
    private static async Task<Guid> InquiryAsync(TestHost host) => (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

    private static Dictionary<string, int> Cows(int pulse = 2) => new()
    {
        ["pulse"] = pulse,
        ["sweating"] = 2,
        ["restlessness"] = 3,
        ["pupils"] = 2,
        ["aches"] = 2,
        ["runnyNose"] = 2,
        ["giUpset"] = 2,
        ["tremor"] = 2,
        ["yawning"] = 2,
        ["anxiety"] = 2,
        ["gooseflesh"] = 3,
    };

    [Fact]
    public async Task Cows_cannot_be_filled_in_during_a_call()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Coordinator, new SaveScreening(inquiryId, null, InstrumentCode.Cows, Cows(), Complete: true)));

        Assert.Equal(
            "COWS is rated by a clinician in person at or after arrival, not during a call. By phone, use the self-report scale (SOWS for opioids, SAWS for alcohol).",
            Assert.Single(error.Errors["Instrument"]));
    }

    [Fact]
    public async Task Only_a_clinician_records_an_observation()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        foreach (var user in new[] { host.Coordinator, host.Manager, host.Admin })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                host.SendAsync(user, new RecordObservation(inquiryId, null, InstrumentCode.Cows, Cows(), true, ObservedInPerson: true)));
        }
    }

    [Fact]
    public async Task An_observation_before_the_patient_has_arrived_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        await ScreeningArrival.ArriveAsync(host, inquiryId, bookedIn: TimeSpan.FromHours(3));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Clinician, new RecordObservation(inquiryId, null, InstrumentCode.Cows, Cows(), true, ObservedInPerson: true)));

        Assert.Equal("COWS is observed in person, at or after the patient's arrival. Book the admission first (a walk-in: book it for now), then record it.", error.Message);
    }

    [Fact]
    public async Task A_clinician_records_cows_on_arrival_and_it_drives_the_withdrawal_rules()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        await ScreeningArrival.ArriveAsync(host, inquiryId);

        var saved = await host.SendAsync(host.Clinician, new RecordObservation(inquiryId, null, InstrumentCode.Cows, Cows(pulse: 4), true, ObservedInPerson: true));

        Assert.Equal(26, saved.Total);
        var view = await host.SendAsync(host.Clinician, new RecommendLevelOfCare(inquiryId, new ClinicalPictureForm(), new DimensionRatingsForm(1, 1, 1, 1, 1, 1)));
        Assert.Equal(26, view.Screenings.CowsTotal);
        Assert.Equal("3.7-WM", view.Recommendation.Level.Code);
    }

    [Fact]
    public async Task The_clinician_confirms_the_observation_was_in_person()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        await ScreeningArrival.ArriveAsync(host, inquiryId);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Clinician, new RecordObservation(inquiryId, null, InstrumentCode.Cows, Cows(), true, ObservedInPerson: false)));

        Assert.Equal("Confirm you observed the patient in person.", Assert.Single(error.Errors["ObservedInPerson"]));
    }

    [Fact]
    public async Task A_phone_sows_is_risk_information_and_does_not_place_in_withdrawal_management()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var answers = InstrumentCatalog.Default.Get(InstrumentCode.Sows).Items.ToDictionary(i => i.Id, _ => 3);

        var saved = await host.SendAsync(host.Coordinator, new SaveScreening(inquiryId, null, InstrumentCode.Sows, answers, Complete: true));
        var view = await host.SendAsync(host.Clinician, new RecommendLevelOfCare(inquiryId, new ClinicalPictureForm(), new DimensionRatingsForm(1, 1, 1, 1, 1, 1)));

        Assert.Equal((48, "Severe"), (saved.Total, saved.BandLabel));
        Assert.Equal(48, view.Screenings.SowsSelfReport);
        Assert.Equal("1", view.Recommendation.Level.Code);
        Assert.Contains(view.Recommendation.Warnings, w => w.StartsWith("Self-reported by phone: SOWS 48", StringComparison.Ordinal));
    }
}
