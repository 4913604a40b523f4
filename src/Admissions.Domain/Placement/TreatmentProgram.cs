using Admissions.Domain.Care;

namespace Admissions.Domain.Placement;

/// <summary>Who a program is for; programs for a population keep their own units.</summary>
public enum Population
{
    Adults,
    Women,
    Men,
    Adolescents,
    YoungAdults,
    FirstResponders,
    Veterans,
    Lgbtq,
}

/// <summary>
/// A program a facility runs at one level of care (detox, residential, PHP…), for a population,
/// with the daily rate and typical length of stay admissions quotes from.
/// </summary>
public sealed class TreatmentProgram
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FacilityId { get; set; }
    public string Name { get; set; } = "";
    public LevelOfCare Level { get; set; }
    public Population Population { get; set; }
    public int MinimumAge { get; set; } = 18;
    public int? MaximumAge { get; set; }
    public decimal DailyRate { get; set; }

    /// <summary>Days for a stay; for day programs, the typical number of program days.</summary>
    public int TypicalLengthOfStayDays { get; set; }
    public bool AcceptsSelfPay { get; set; } = true;
    public bool IsActive { get; set; } = true;

    /// <summary>Residential and detox programs place people in beds; day programs do not.</summary>
    public bool HasBeds => LevelsOfCare.IsInpatient(Level);

    public bool Admits(int age) => age >= MinimumAge && (MaximumAge is null || age <= MaximumAge);

    public static string Describe(Population population) => population switch
    {
        Population.Adults => "Adults",
        Population.Women => "Women",
        Population.Men => "Men",
        Population.Adolescents => "Adolescents",
        Population.YoungAdults => "Young adults",
        Population.FirstResponders => "First responders",
        Population.Veterans => "Veterans",
        Population.Lgbtq => "LGBTQ+",
        _ => population.ToString(),
    };
}
