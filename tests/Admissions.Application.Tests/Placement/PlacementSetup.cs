using Admissions.Application.Placement;
using Admissions.Domain.Care;
using Admissions.Domain.Placement;

namespace Admissions.Application.Tests.Placement;

/// <summary>A small campus made through the admin commands: one detox program with one unit of <paramref name="beds"/> beds.</summary>
internal sealed record Campus(Guid FacilityId, Guid ProgramId, Guid UnitId, IReadOnlyList<Guid> BedIds)
{
    public static async Task<Campus> CreateAsync(TestHost host, int beds = 3)
    {
        var facility = await host.SendAsync(host.Admin, new SaveFacility(null, new FacilityForm { Name = "Riverbend", TimeZoneId = "America/Los_Angeles" }));
        var program = await host.SendAsync(host.Admin, new SaveProgram(null, new ProgramForm
        {
            FacilityId = facility,
            Name = "Medical Detox",
            Level = LevelOfCare.WithdrawalManagement,
            Population = Population.Adults,
            DailyRate = 1200m,
            TypicalLengthOfStayDays = 7,
        }));
        var unit = await host.SendAsync(host.Admin, new SaveUnit(null, new UnitForm { ProgramId = program, Name = "Detox Unit" }));
        await host.SendAsync(host.Admin, new AddBeds(unit, "D-", beds));
        var ids = await host.QueryAsync(db => Task.FromResult(db.Beds.Where(b => b.UnitId == unit).AsEnumerable()
            .OrderBy(b => Placements.NaturalKey(b.Label), StringComparer.Ordinal).Select(b => b.Id).ToList()));
        return new Campus(facility, program, unit, ids);
    }
}
