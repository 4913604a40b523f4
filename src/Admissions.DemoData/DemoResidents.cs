using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;
using Bogus;
using Microsoft.EntityFrameworkCore;

namespace Admissions.DemoData;

/// <summary>
/// The people already in treatment at the demo campus: each an inquiry that went the whole way (called, screened,
/// verified, approved, booked) and was checked in days or weeks ago, fitted to the hall it sleeps in (its sex, the
/// program's population and minimum age), so the bed board and the census open near a working centre's occupancy.
/// </summary>
internal static class DemoResidents
{
    /// <summary>Patients in withdrawal management stay about a week; the other bedded programs about a month.</summary>
    private const double DetoxStayDays = 6;
    private const double ResidentialStayDays = 28;

    public static async Task<Inquiry> CreateAsync(
        IAdmissionsDbContext db, Faker faker, TreatmentProgram program, Sex? hallSex, Actor coordinator, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var sex = program.Population switch
        {
            Population.Women => Sex.Female,
            Population.Men => Sex.Male,
            _ => hallSex ?? (faker.Random.Bool() ? Sex.Female : Sex.Male),
        };
        // Old enough for every demo program (first responders from 21), whatever year the demo is seeded in.
        var details = DemoDataSeeder.Details(faker, sex, new DateTime(now.Year - Math.Max(program.MinimumAge, 21) - 1, 12, 31));

        var stay = TimeSpan.FromDays(faker.Random.Double(0.25, program.Level == Domain.Care.LevelOfCare.WithdrawalManagement ? DetoxStayDays : ResidentialStayDays));
        var lead = TimeSpan.FromDays(faker.Random.Double(1, 5));
        // Early in January the whole story is squeezed into this year, so the number's year is the year it was taken.
        var sinceNewYear = now - new DateTimeOffset(now.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var squeeze = Math.Min(1, sinceNewYear / (stay + lead) * 0.95);
        var admittedAt = now - (stay * squeeze);
        var createdAt = admittedAt - (lead * squeeze);

        var inquiry = Inquiry.Create(await NextNumberAsync(db, now.Year, cancellationToken), details, coordinator, createdAt);
        var referrers = await DemoReferrals.SeedOrganisationsAsync(db, now, cancellationToken);
        var typed = details.Source == InquirySource.Alumni ? DemoReferrals.AlumniTypedAs : details.ReferralSource;
        if (typed is not null && referrers.TryGetValue(typed, out var referrer))
        {
            inquiry.AttributeReferral(referrer, coordinator, createdAt);
        }

        inquiry.AssignTo(coordinator, coordinator, createdAt.AddMinutes(1));
        inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.Reached, "Spoke with the caller; explained next steps.", coordinator, createdAt.AddMinutes(6));
        var steps = DemoDataSeeder.PathTo(InquiryStage.Admitted).ToList();
        var from = createdAt.AddMinutes(10);
        for (var n = 0; n < steps.Count; n++)
        {
            inquiry.MoveTo(steps[n], null, null, coordinator, n == steps.Count - 1 ? admittedAt : from + ((admittedAt - from) * (n + 1) / steps.Count));
        }

        // Weeks-old history: nothing it raised (a speed-to-lead check, stage-change notices) is news today.
        inquiry.PullDomainEvents();
        db.Inquiries.Add(inquiry);
        return inquiry;
    }

    private static async Task<string> NextNumberAsync(IAdmissionsDbContext db, int year, CancellationToken cancellationToken)
    {
        var name = InquiryNumber.SequenceName(year);
        var sequence = db.NumberSequences.Local.FirstOrDefault(s => s.Name == name)
            ?? await db.NumberSequences.FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (sequence is null)
        {
            sequence = new NumberSequence { Name = name };
            db.NumberSequences.Add(sequence);
        }

        return InquiryNumber.Format(year, ++sequence.LastValue);
    }
}
