using Admissions.Application.Common;
using Admissions.Application.Placement;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;
using Bogus;
using Microsoft.EntityFrameworkCore;

namespace Admissions.DemoData;

/// <summary>
/// The demo campus: Riverbend Recovery Center with detox, residential (general, women's, first
/// responders), mental-health residential and day programs, rates as in Insurance:Rates. Admitted demo
/// inquiries occupy beds, scheduled ones hold reservations, residents admitted earlier (<see cref="DemoResidents"/>)
/// bring the census near 80%, and a few beds are cleaning or out of service. Admitted patients have a planned discharge;
/// the day programs have patients stepped down from residential, admitted directly and one discharged, so their census is real.
/// </summary>
internal static class DemoPlacement
{
    public const string FacilityName = "Riverbend Recovery Center";

    /// <summary>
    /// A unit's <c>Sex</c>: the halls of a mixed program house one sex each (null: anyone the program admits). <c>Occupied</c>:
    /// the beds in use today (residents fill each unit up to it), 48 of 62 in all: 80% of the 60 beds in service.
    /// </summary>
    private sealed record ProgramSpec(
        string Name, LevelOfCare Level, Population Population, int MinimumAge, decimal Rate, int Length, (string Unit, string Prefix, int Beds, Sex? Sex, int Occupied)[] Units);

    private static readonly ProgramSpec[] Programs =
    [
        new("Medical Detox", LevelOfCare.WithdrawalManagement, Population.Adults, 18, 1200m, 7, [("Detox Unit", "D-", 12, null, 9)]),
        new("Adult Residential", LevelOfCare.Residential, Population.Adults, 18, 850m, 30, [("Cedar Hall (men)", "C-", 12, Sex.Male, 9), ("Willow Hall (women)", "W-", 12, Sex.Female, 9)]),
        new("Women's Residential", LevelOfCare.Residential, Population.Women, 18, 850m, 30, [("Magnolia House", "M-", 8, Sex.Female, 6)]),
        new("First Responder Residential", LevelOfCare.Residential, Population.FirstResponders, 21, 850m, 30, [("Station House", "S-", 8, null, 6)]),
        new("Mental Health Residential", LevelOfCare.MentalHealthResidential, Population.Adults, 18, 950m, 30, [("Aspen Unit", "A-", 10, null, 9)]),
        new("Partial Hospitalization (PHP)", LevelOfCare.PartialHospitalization, Population.Adults, 18, 450m, 20, []),
        new("Intensive Outpatient (IOP)", LevelOfCare.IntensiveOutpatient, Population.Adults, 18, 250m, 36, []),
        new("Outpatient", LevelOfCare.Outpatient, Population.Adults, 16, 150m, 12, []),
    ];

    public static async Task SeedAsync(IAdmissionsDbContext db, Actor coordinator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Facilities.AnyAsync(f => f.Name == FacilityName, cancellationToken))
        {
            return;
        }

        var facility = new Facility { Name = FacilityName, TimeZoneId = "America/Los_Angeles", Address = "1400 Riverbend Road, Santa Rosa, CA 95401" };
        db.Facilities.Add(facility);
        var beds = new List<Bed>();
        var programOfUnit = new Dictionary<Guid, TreatmentProgram>();
        var sexOfUnit = new Dictionary<Guid, Sex?>();
        var occupiedOfUnit = new Dictionary<Guid, int>();
        foreach (var spec in Programs)
        {
            var program = new TreatmentProgram
            {
                FacilityId = facility.Id,
                Name = spec.Name,
                Level = spec.Level,
                Population = spec.Population,
                MinimumAge = spec.MinimumAge,
                DailyRate = spec.Rate,
                TypicalLengthOfStayDays = spec.Length,
                AcceptsSelfPay = true,
            };
            db.TreatmentPrograms.Add(program);
            foreach (var (unitName, prefix, count, sex, occupied) in spec.Units)
            {
                var unit = new CareUnit { FacilityId = facility.Id, ProgramId = program.Id, Name = unitName };
                db.CareUnits.Add(unit);
                programOfUnit[unit.Id] = program;
                sexOfUnit[unit.Id] = sex;
                occupiedOfUnit[unit.Id] = occupied;
                beds.AddRange(Enumerable.Range(1, count).Select(n => Bed.Create(unit.Id, $"{prefix}{n}", now.AddDays(-60))));
            }
        }

        db.Beds.AddRange(beds);

        // Spread the placed patients over the units (every fifth bed from the first, then the next ones), each in the
        // first such bed whose program and hall take their sex and age: no man in a women's program or hall.
        var inquiries = await db.Inquiries
            .Where(i => i.Stage == InquiryStage.Admitted || i.Stage == InquiryStage.AdmissionScheduled)
            .OrderBy(i => i.CreatedAt)
            .ToListAsync(cancellationToken);
        var order = beds.Select((bed, n) => (bed, n)).OrderBy(x => x.n % 5).ThenBy(x => x.n).Select(x => x.bed).ToList();
        var next = 0;
        var hours = new[] { 6, 20, 30, 52, 70 };
        foreach (var inquiry in inquiries)
        {
            var day = facility.DayAt(inquiry.Stage == InquiryStage.Admitted ? inquiry.StageChangedAt : now);
            var bed = order.First(b => Takes(programOfUnit[b.UnitId], sexOfUnit[b.UnitId], inquiry.Details, day));
            order.Remove(bed);
            next++;
            var program = programOfUnit[bed.UnitId];
            if (inquiry.Stage == InquiryStage.Admitted)
            {
                CheckIn(db, facility, program, bed, inquiry, coordinator);
            }
            else
            {
                var arrival = now.AddHours(hours[next % hours.Length]);
                var until = arrival + AdmissionRules.ArrivalWindow;
                var reservedAt = inquiry.StageChangedAt;
                db.Admissions.Add(Admission.Schedule(inquiry.Id, Plan(facility, program, bed, arrival, "Self, by rideshare"), coordinator, reservedAt));
                bed.Reserve(inquiry.Id, until, coordinator, reservedAt);
                inquiry.Record(ActivityKind.Placement,
                    $"Admission scheduled: {program.Name}, bed {bed.Label}, {Placements.LocalTime(arrival, facility.TimeZone)}", coordinator, reservedAt);
            }
        }

        // The residents admitted before today fill each unit up to its census, from its first free bed.
        var faker = new Faker("en") { Random = new Randomizer(20261206) };
        foreach (var bed in beds.Where(b => b.State == BedState.Available).ToList())
        {
            if (beds.Count(b => b.UnitId == bed.UnitId && b.State == BedState.Occupied) >= occupiedOfUnit[bed.UnitId])
            {
                continue;
            }

            var program = programOfUnit[bed.UnitId];
            var resident = await DemoResidents.CreateAsync(db, faker, program, sexOfUnit[bed.UnitId], coordinator, now, cancellationToken);
            CheckIn(db, facility, program, bed, resident, coordinator);
            order.Remove(bed);
        }

        // Housekeeping and maintenance, so the board shows every state, each in a program that keeps a bed free for tonight.
        Bed Spare() => order.First(bed => bed.State == BedState.Available
            && beds.Count(b => programOfUnit[b.UnitId] == programOfUnit[bed.UnitId] && b.State == BedState.Available) > 1);
        Spare().MarkCleaning(now.AddHours(-2));
        Spare().MarkCleaning(now.AddMinutes(-40));
        Spare().MarkCleaning(now.AddMinutes(-15));
        Spare().TakeOutOfService("Bathroom leak; plumber booked", now.AddDays(-1));
        Spare().TakeOutOfService("Bed frame replacement", now.AddHours(-5));
        await SeedDayProgramsAsync(db, faker, facility, coordinator, now, cancellationToken);
        SeedCensusHistory(db, facility, programOfUnit, beds, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void CheckIn(IAdmissionsDbContext db, Facility facility, TreatmentProgram program, Bed bed, Inquiry inquiry, Actor coordinator)
    {
        var admittedAt = inquiry.StageChangedAt;
        var admission = Admission.Schedule(inquiry.Id, Plan(facility, program, bed, admittedAt, "Family member driving"), coordinator, admittedAt.AddDays(-1));
        var admittedOn = facility.DayAt(admittedAt);
        admission.CheckIn(null, admittedOn, coordinator, admittedAt);
        admission.PlanDischarge(admittedOn.AddDays(program.TypicalLengthOfStayDays), admittedOn);
        db.Admissions.Add(admission);
        bed.Occupy(inquiry.Id, admittedAt);
        inquiry.Record(ActivityKind.Placement, $"Checked in to {program.Name}, bed {bed.Label}", coordinator, admittedAt);
    }

    /// <summary>
    /// The day programs' patients: three stepped down from Adult Residential to PHP midway through their stays so far (the
    /// residential stays discharged as stepped down), two admitted to IOP directly, and one who completed PHP.
    /// </summary>
    private static async Task SeedDayProgramsAsync(IAdmissionsDbContext db, Faker faker, Facility facility, Actor coordinator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var programs = db.TreatmentPrograms.Local.Where(p => p.FacilityId == facility.Id).ToList();
        var residential = programs.First(p => p.Name == "Adult Residential");
        var php = programs.First(p => p.Level == LevelOfCare.PartialHospitalization);
        var iop = programs.First(p => p.Level == LevelOfCare.IntensiveOutpatient);
        var today = facility.DayAt(now);
        for (var n = 0; n < 3; n++)
        {
            var patient = await DemoResidents.CreateAsync(db, faker, residential, null, coordinator, now, cancellationToken);
            var stay = Admit(db, facility, residential, patient, coordinator);
            var stepDownDay = Midway(stay.AdmittedOn!.Value, today);
            var stepDownAt = ZonedTime.At(stepDownDay, new TimeOnly(10, 0), facility.TimeZone);
            var next = stay.StepDownTo(DayPlan(facility, php, ZonedTime.At(stepDownDay, TimeOnly.MinValue, facility.TimeZone)), stepDownDay, coordinator, stepDownAt);
            stay.Discharge(stepDownDay, DischargeDisposition.SteppedDown, $"To {php.Name}", coordinator, stepDownAt);
            next.PlanDischarge(stepDownDay.AddDays(php.TypicalLengthOfStayDays), stepDownDay);
            db.Admissions.Add(next);
            patient.Record(ActivityKind.Placement, $"Stepped down from {residential.Name} to {php.Name} on {Stays.Day(stepDownDay)}", coordinator, stepDownAt);
        }

        for (var n = 0; n < 2; n++)
        {
            var patient = await DemoResidents.CreateAsync(db, faker, iop, null, coordinator, now, cancellationToken);
            var stay = Admit(db, facility, iop, patient, coordinator);
            stay.PlanDischarge(stay.AdmittedOn!.Value.AddDays(iop.TypicalLengthOfStayDays), stay.AdmittedOn.Value);
        }

        var completed = await DemoResidents.CreateAsync(db, faker, php, null, coordinator, now, cancellationToken);
        var completedStay = Admit(db, facility, php, completed, coordinator);
        var left = Midway(completedStay.AdmittedOn!.Value, today);
        var leftAt = ZonedTime.At(left, new TimeOnly(15, 0), facility.TimeZone);
        completedStay.Discharge(left, DischargeDisposition.Completed, "Completed the program; alumni group Thursdays", coordinator, leftAt);
        completed.Record(ActivityKind.Placement, $"Discharged from {php.Name} on {Stays.Day(left)} (completed treatment)", coordinator, leftAt);
    }

    private static DateOnly Midway(DateOnly from, DateOnly to) => from.AddDays((to.DayNumber - from.DayNumber) / 2);

    private static Admission Admit(IAdmissionsDbContext db, Facility facility, TreatmentProgram program, Inquiry inquiry, Actor coordinator)
    {
        var admittedAt = inquiry.StageChangedAt;
        var admission = Admission.Schedule(inquiry.Id, DayPlan(facility, program, admittedAt), coordinator, admittedAt.AddDays(-1));
        admission.CheckIn(null, facility.DayAt(admittedAt), coordinator, admittedAt);
        db.Admissions.Add(admission);
        inquiry.Record(ActivityKind.Placement, $"Checked in to {program.Name}", coordinator, admittedAt);
        return admission;
    }

    private static AdmissionPlan DayPlan(Facility facility, TreatmentProgram program, DateTimeOffset arrival) =>
        new(facility.Id, program.Id, program.Name, program.Level, null, null, arrival, null, "Self", null);

    /// <summary>Whether a program's hall takes the patient: the program's population and age range, and the hall's sex.</summary>
    private static bool Takes(TreatmentProgram program, Sex? hallSex, InquiryDetails patient, DateOnly day) =>
        (hallSex is null || hallSex == patient.PatientSex)
        && program.Population switch
        {
            Population.Women => patient.PatientSex == Sex.Female,
            Population.Men => patient.PatientSex == Sex.Male,
            _ => true,
        }
        && patient.PatientDateOfBirth is { } born && program.Admits(ProgramFit.AgeOn(born, day));

    /// <summary>Today's real count, and sixty days before it drifting back from today's occupancy.</summary>
    private static void SeedCensusHistory(IAdmissionsDbContext db, Facility facility, Dictionary<Guid, TreatmentProgram> programOfUnit, List<Bed> beds, DateTimeOffset now)
    {
        var random = new Random(20261129);
        var today = facility.DayAt(now);
        foreach (var program in beds.GroupBy(b => programOfUnit[b.UnitId]))
        {
            var total = program.Count();
            var inService = program.Count(b => b.State != BedState.OutOfService);
            var occupied = program.Count(b => b.State == BedState.Occupied);
            db.CensusSnapshots.Add(CensusSnapshot.Take(facility.Id, program.Key.Id, today,
                new BedCount(total, inService, occupied, program.Count(b => b.State == BedState.Reserved)), now));

            var occupancy = (double)occupied / total;
            for (var daysAgo = 1; daysAgo <= 60; daysAgo++)
            {
                occupancy = Math.Clamp(occupancy + ((random.NextDouble() - 0.45) * 0.08), 0, 0.95);
                var earlier = (int)Math.Round(total * occupancy);
                db.CensusSnapshots.Add(CensusSnapshot.Take(facility.Id, program.Key.Id, today.AddDays(-daysAgo),
                    new BedCount(total, total, earlier, Math.Min(total - earlier, random.Next(0, 3))), now.AddDays(-daysAgo)));
            }
        }
    }

    private static AdmissionPlan Plan(Facility facility, TreatmentProgram program, Bed bed, DateTimeOffset arrival, string broughtBy) =>
        new(facility.Id, program.Id, program.Name, program.Level, bed.Id, bed.Label, arrival, "Arrives at the main entrance; intake nurse paged on arrival.", broughtBy, null);

    private static readonly PartnerFacility[] Partners =
    [
        new() { Name = "Harborview Adolescent Recovery", Levels = [LevelOfCare.Residential, LevelOfCare.IntensiveOutpatient], City = "Oakland", State = "CA", IntakePhone = "(510) 555-0141", Notes = "Ages 13–17. Accepts Medi-Cal and most PPOs." },
        new() { Name = "Summit Ridge Hospital", Levels = [LevelOfCare.WithdrawalManagement, LevelOfCare.MentalHealthResidential], City = "Sacramento", State = "CA", IntakePhone = "(916) 555-0187", Notes = "Medically managed withdrawal (ASAM 4-WM) and acute psychiatric beds." },
        new() { Name = "Lighthouse Eating Disorder Center", Levels = [LevelOfCare.Residential, LevelOfCare.PartialHospitalization], City = "San Jose", State = "CA", IntakePhone = "(408) 555-0112", Notes = "Eating disorders, with co-occurring substance use." },
        new() { Name = "Coastal Community Clinic", Levels = [LevelOfCare.Outpatient, LevelOfCare.IntensiveOutpatient], City = "Santa Rosa", State = "CA", IntakePhone = "(707) 555-0163", Notes = "Sliding-scale fees; Medicaid; MAT (buprenorphine) clinic." },
        new() { Name = "Veterans Way Residential", Levels = [LevelOfCare.Residential], City = "Reno", State = "NV", IntakePhone = "(775) 555-0129", Notes = "TRICARE and VA Community Care network." },
    ];

    /// <summary>
    /// Who owns safety calls at the demo campus: the demo clinician on the day shift (7 AM to 7 PM, facility time) every
    /// day and as the fallback overnight, so a safety call always has an owner and the schedule page has shifts to show.
    /// </summary>
    public static async Task SeedOnCallAsync(IAdmissionsDbContext db, Actor clinician, CancellationToken cancellationToken)
    {
        var facility = await db.Facilities.FirstOrDefaultAsync(f => f.Name == FacilityName, cancellationToken);
        if (facility is null || facility.OnCallFallbackId is not null || await db.OnCallShifts.AnyAsync(s => s.FacilityId == facility.Id, cancellationToken))
        {
            return;
        }

        db.OnCallShifts.AddRange(Enum.GetValues<DayOfWeek>().Select(day => new OnCallShift
        {
            FacilityId = facility.Id,
            Day = day,
            Starts = new TimeOnly(7, 0),
            Ends = new TimeOnly(19, 0),
            ClinicianId = clinician.Id,
            ClinicianName = clinician.Name,
        }));
        facility.OnCallFallbackId = clinician.Id;
        facility.OnCallFallbackName = clinician.Name;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The partner directory admissions refers people to.</summary>
    public static async Task SeedPartnersAsync(IAdmissionsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.PartnerFacilities.AnyAsync(cancellationToken))
        {
            return;
        }

        db.PartnerFacilities.AddRange(Partners.Select(p => new PartnerFacility
        {
            Name = p.Name,
            Levels = [.. p.Levels],
            City = p.City,
            State = p.State,
            IntakePhone = p.IntakePhone,
            Notes = p.Notes,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
