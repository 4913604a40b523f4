using System.Globalization;
using Admissions.Domain.Care;
using Admissions.Domain.Common;

namespace Admissions.Domain.Insurance;

/// <summary>One expected item on a Good Faith Estimate: a level of care at the program's rate for its typical length.</summary>
public sealed class GoodFaithEstimateItem
{
    public LevelOfCare Level { get; set; }
    public string Description { get; set; } = "";

    /// <summary>The expected service code: a UB-04 revenue code and a HCPCS code for the level.</summary>
    public string ServiceCode { get; set; } = "";
    public int Units { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Total => UnitPrice * Units;
}

/// <summary>
/// A Good Faith Estimate for an uninsured or self-pay patient under the No Surprises Act (PHSA 2799B-6,
/// 45 CFR 149.610): the expected charges for the scheduled care, with the required content, given in writing
/// by the deadline counted from scheduling, and kept with the inquiry.
/// </summary>
public sealed class GoodFaithEstimate : AggregateRoot, IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public string PatientName { get; init; } = "";
    public DateOnly? PatientDateOfBirth { get; init; }

    /// <summary>The primary service in plain words, with the scheduled date.</summary>
    public string PrimaryService { get; init; } = "";
    public DateOnly? ServiceDay { get; init; }
    public DateOnly ScheduledOn { get; init; }
    public DateOnly? DueOn { get; init; }
    public string ProviderName { get; init; } = "";
    public string? ProviderAddress { get; init; }
    public string? ProviderNpi { get; init; }
    public string? ProviderTaxId { get; init; }
    public string? DiagnosisCodes { get; init; }
    public List<GoodFaithEstimateItem> Items { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedByName { get; init; } = "";
    public DateTimeOffset? GivenAt { get; private set; }
    public string? GivenByName { get; private set; }
    public string? GivenHow { get; private set; }

    public decimal Total => Items.Sum(i => i.Total);

    public bool IsGiven => GivenAt is not null;

    public void Give(string how, Actor by, DateTimeOffset at)
    {
        if (IsGiven)
        {
            throw new DomainRuleException("This Good Faith Estimate was already given.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(how);
        GivenAt = at;
        GivenByName = by.Name;
        GivenHow = how.Trim();
    }

    /// <summary>
    /// The disclaimers 45 CFR 149.610(c)(1)(viii)–(xii) requires, in plain words. The dispute threshold ($400) is
    /// 45 CFR 149.620(b)(1)(ii); the patient has 120 days from the bill to start a dispute (149.620(b)(3)).
    /// </summary>
    public static readonly IReadOnlyList<string> Disclaimers =
    [
        "There may be additional items or services the provider recommends as part of your care that must be scheduled or requested separately and are not reflected in this Good Faith Estimate.",
        "This Good Faith Estimate is only an estimate: actual items, services, or charges may differ.",
        "You have the right to start a dispute (patient-provider dispute resolution) if you are billed at least $400 more than this Good Faith Estimate for any provider or facility listed. You have 120 calendar days from the date on the bill to start it.",
        "For questions or more information about your right to a Good Faith Estimate and how to start a dispute, visit www.cms.gov/nosurprises or call 1-800-985-3059.",
        "This Good Faith Estimate is not a contract and does not require you to obtain the items or services from any of the providers or facilities listed.",
        "Keep a copy of this Good Faith Estimate.",
    ];
}

public static class GoodFaithEstimates
{
    /// <summary>
    /// When a Good Faith Estimate is due (45 CFR 149.610(b)(1)(vi)): scheduled at least 3 business days ahead, no later
    /// than 1 business day after scheduling; at least 10 business days ahead, no later than 3 business days after
    /// scheduling; asked for without scheduling, no later than 3 business days after the request. Care scheduled less
    /// than 3 business days ahead has no deadline (null). Business days are Monday to Friday until the facility
    /// calendar carries holidays.
    /// </summary>
    public static DateOnly? DueOn(DateOnly scheduledOn, DateOnly? serviceDay)
    {
        if (serviceDay is not { } service)
        {
            return AddBusinessDays(scheduledOn, 3);
        }

        var lead = BusinessDaysBetween(scheduledOn, service);
        return lead switch
        {
            >= 10 => AddBusinessDays(scheduledOn, 3),
            >= 3 => AddBusinessDays(scheduledOn, 1),
            _ => null,
        };
    }

    public static bool IsBusinessDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public static DateOnly AddBusinessDays(DateOnly day, int count)
    {
        var result = day;
        while (count > 0)
        {
            result = result.AddDays(1);
            if (IsBusinessDay(result))
            {
                count--;
            }
        }

        return result;
    }

    /// <summary>Business days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsBusinessDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The expected service codes for a level: the UB-04 revenue code (NUBC) and a HCPCS Level II code. The centre's
    /// billing team confirms them; they are what the estimate prints, not what a claim must carry.
    /// </summary>
    public static string ServiceCode(LevelOfCare level, CareTrack track) => (level, CareTracks.For(level, track)) switch
    {
        (LevelOfCare.WithdrawalManagement, _) => "Rev 1002 / HCPCS H0011",
        (LevelOfCare.Residential, _) => "Rev 1002 / HCPCS H0018",
        (LevelOfCare.MentalHealthResidential, _) => "Rev 1001 / HCPCS H0018",
        (LevelOfCare.PartialHospitalization, CareTrack.SubstanceUse) => "Rev 0913 / HCPCS H2036",
        (LevelOfCare.PartialHospitalization, _) => "Rev 0913 / HCPCS H0035",
        (LevelOfCare.IntensiveOutpatient, CareTrack.SubstanceUse) => "Rev 0906 / HCPCS H0015",
        (LevelOfCare.IntensiveOutpatient, _) => "Rev 0905 / HCPCS S9480",
        (_, CareTrack.SubstanceUse) => "Rev 0944 / HCPCS H0004",
        _ => "Rev 0900 / CPT 90837",
    };

    public static string Unit(LevelOfCare level) => LevelsOfCare.IsInpatient(level) ? "days" : "sessions";

    public static string DescribeItem(LevelOfCare level, int units) =>
        string.Create(CultureInfo.InvariantCulture, $"{LevelsOfCare.Describe(level)}, {units} {Unit(level)} (typical length)");
}
