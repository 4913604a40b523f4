using Admissions.Application.Common;
using Admissions.Domain.Care;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

/// <summary>
/// The daily rate and typical length a patient-cost estimate uses for each level: the average over the active programs
/// at that level (inquiries are not tied to one facility before placement, so every facility's programs count), or the
/// configured <see cref="InsuranceOptions.Rates"/> for a level no active program offers.
/// </summary>
public sealed class StayRates(IReadOnlyDictionary<LevelOfCare, LevelRate> programRates, InsuranceOptions settings)
{
    public static async Task<StayRates> LoadAsync(IAdmissionsDbContext db, InsuranceOptions settings, CancellationToken cancellationToken)
    {
        var programs = await db.TreatmentPrograms.AsNoTracking()
            .Where(p => p.IsActive)
            .Select(p => new { p.Level, p.DailyRate, p.TypicalLengthOfStayDays })
            .ToListAsync(cancellationToken);
        var rates = programs.GroupBy(p => p.Level).ToDictionary(g => g.Key, g => new LevelRate
        {
            DailyRate = Math.Round(g.Average(p => p.DailyRate), 2, MidpointRounding.AwayFromZero),
            TypicalLength = Math.Max(1, (int)Math.Round(g.Average(p => p.TypicalLengthOfStayDays), MidpointRounding.AwayFromZero)),
        });
        return new StayRates(rates, settings);
    }

    public LevelRate For(LevelOfCare level) => programRates.TryGetValue(level, out var rate) ? rate : settings.RateFor(level);
}
