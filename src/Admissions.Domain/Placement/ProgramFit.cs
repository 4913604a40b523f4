using System.Globalization;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;

namespace Admissions.Domain.Placement;

public enum FitCheck
{
    Safety,
    LevelOfCare,
    Population,
    Age,
    Payer,
    Authorization,
}

public enum FitSeverity
{
    Ok,
    Warning,

    /// <summary>Scheduling is refused unless a reason is given (a level-of-care mismatch).</summary>
    NeedsOverride,

    /// <summary>Scheduling is refused (an open safety alert, or a hospital level of care).</summary>
    Blocking,
}

public sealed record FitFinding(FitCheck Check, FitSeverity Severity, string Message);

/// <summary>What the placement checks know about the patient.</summary>
public sealed record PlacementCandidate
{
    public DateOnly? DateOfBirth { get; init; }
    public Sex Sex { get; init; } = Sex.Unknown;
    public bool HasOpenSafetyAlert { get; init; }

    /// <summary>The clinician's current decision; null when none is made yet.</summary>
    public LevelOfCareDecision? LevelOfCare { get; init; }

    /// <summary>The primary policy's payer; null when no insurance is on file.</summary>
    public PayerStanding? Payer { get; init; }
}

/// <summary>What the payer said about one level of care (from the latest completed verification) and its authorizations.</summary>
public sealed record PayerStanding(string PayerName, bool IsSelfPay)
{
    /// <summary>The payer directory's age limits per level (TRICARE: residential treatment centres up to age 21).</summary>
    public IReadOnlyList<PayerAgeLimit> AgeLimits { get; init; } = [];

    /// <summary>The payer lets a network provider bill a non-covered stay only with the beneficiary's advance written waiver.</summary>
    public bool NonCoveredNeedsAdvanceWaiver { get; init; }

    public IReadOnlyList<LevelBenefitsStanding> Levels { get; init; } = [];
    public IReadOnlyList<AuthorizationStanding> Authorizations { get; init; } = [];
}

/// <summary>The oldest age a payer covers a level for.</summary>
public sealed record PayerAgeLimit(LevelOfCare Level, int MaximumAge)
{
    /// <summary>The age limits a payer's directory rules set, one per level.</summary>
    public static IReadOnlyList<PayerAgeLimit> Of(Payer payer) =>
        CareTracks.All.Select(t => payer.RuleFor(t.Level, t.Track))
            .Where(r => r.MaximumCoveredAge is not null)
            .Select(r => new PayerAgeLimit(r.Level, r.MaximumCoveredAge!.Value))
            .DistinctBy(l => l.Level)
            .ToList();
}

public sealed record AuthorizationStanding(LevelOfCare Level, AuthorizationStatus Status, string? CertificationNumber);

public sealed record LevelBenefitsStanding(LevelOfCare Level, bool CoverageActive, bool? InNetwork, bool? AuthorizationRequired);

/// <summary>
/// Checks a program against a patient before an admission is scheduled: level of care, population and age,
/// payer and authorization. Only an open safety alert blocks, and a level-of-care mismatch needs a reason;
/// everything else warns, because admissions can still decide to go ahead.
/// </summary>
public static class ProgramFit
{
    public static IReadOnlyList<FitFinding> Check(TreatmentProgram program, PlacementCandidate patient, DateOnly admissionDay)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(patient);
        List<FitFinding> findings = [];
        if (patient.HasOpenSafetyAlert)
        {
            findings.Add(new(FitCheck.Safety, FitSeverity.Blocking,
                "A safety alert is open: a clinician must record a safety disposition before an admission is scheduled."));
        }

        findings.Add(Level(program, patient.LevelOfCare));
        findings.AddRange(Population(program, patient.Sex));
        findings.Add(Age(program, patient.DateOfBirth, admissionDay));
        findings.AddRange(Payer(program, patient.Payer));
        findings.AddRange(PayerAgeLimit(program, patient.Payer, patient.DateOfBirth, admissionDay));
        return findings;
    }

    /// <summary>Scheduling may go ahead: nothing blocks, and a mismatch has a reason.</summary>
    public static bool Allows(IEnumerable<FitFinding> findings, bool hasOverrideReason) =>
        findings.All(f => f.Severity switch
        {
            FitSeverity.Blocking => false,
            FitSeverity.NeedsOverride => hasOverrideReason,
            _ => true,
        });

    private static FitFinding Level(TreatmentProgram program, LevelOfCareDecision? decision)
    {
        var offered = LevelsOfCare.Describe(program.Level);
        if (decision is null)
        {
            return new(FitCheck.LevelOfCare, FitSeverity.Warning, $"No level of care decided yet; this program is {offered}. Ask a clinician to decide before admission.");
        }

        // Level 4 (and LOCUS 6) is hospital care: no program here can provide it, whatever reason is given, so it blocks
        // rather than asking for an override (ASAM Criteria: Level 4 is delivered in an acute-care hospital).
        if (decision.CareSetting is not { } decided)
        {
            return new(FitCheck.LevelOfCare, FitSeverity.Blocking,
                $"The clinician decided {decision.Label}, hospital care that no program here provides ({program.Name} is {offered}). Refer to a hospital.");
        }

        return decided == program.Level
            ? new(FitCheck.LevelOfCare, FitSeverity.Ok, $"Matches the decided level of care ({decision.Label}, {offered}).")
            : new(FitCheck.LevelOfCare, FitSeverity.NeedsOverride,
                $"The decided level of care is {LevelsOfCare.Describe(decided)} ({decision.Label}); this program is {offered}.");
    }

    private static IEnumerable<FitFinding> Population(TreatmentProgram program, Sex sex)
    {
        var name = TreatmentProgram.Describe(program.Population);
        switch (program.Population)
        {
            case Placement.Population.Women when sex != Sex.Female:
            case Placement.Population.Men when sex != Sex.Male:
                var recorded = sex == Sex.Unknown ? "not recorded" : $"recorded as {sex.ToString().ToLowerInvariant()}";
                yield return new(FitCheck.Population, FitSeverity.Warning, $"{program.Name} is a program for {name.ToLowerInvariant()}; the patient's sex is {recorded}.");
                break;
            case Placement.Population.FirstResponders or Placement.Population.Veterans or Placement.Population.Lgbtq:
                yield return new(FitCheck.Population, FitSeverity.Warning, $"{program.Name} is for {name.ToLowerInvariant()}: confirm the patient belongs to it.");
                break;
        }
    }

    private static FitFinding Age(TreatmentProgram program, DateOnly? dateOfBirth, DateOnly admissionDay)
    {
        var range = program.MaximumAge is { } max
            ? string.Create(CultureInfo.InvariantCulture, $"{program.MinimumAge}–{max}")
            : string.Create(CultureInfo.InvariantCulture, $"{program.MinimumAge}+");
        if (dateOfBirth is not { } born)
        {
            return new(FitCheck.Age, FitSeverity.Warning, $"Date of birth not recorded: cannot check the program's age range ({range}).");
        }

        var age = AgeOn(born, admissionDay);
        return program.Admits(age)
            ? new(FitCheck.Age, FitSeverity.Ok, string.Create(CultureInfo.InvariantCulture, $"Age {age} on admission is within {range}."))
            : new(FitCheck.Age, FitSeverity.Warning, string.Create(CultureInfo.InvariantCulture, $"Age {age} on admission is outside the program's range ({range})."));
    }

    private static IEnumerable<FitFinding> Payer(TreatmentProgram program, PayerStanding? payer)
    {
        var selfPayRate = string.Create(CultureInfo.InvariantCulture, $"${program.DailyRate:N0}/day");
        if (payer is null || payer.IsSelfPay)
        {
            var lead = payer is null ? "No insurance on file" : "Self-pay";
            yield return program.AcceptsSelfPay
                ? new(FitCheck.Payer, payer is null ? FitSeverity.Warning : FitSeverity.Ok, $"{lead}: self-pay is accepted at {selfPayRate}.")
                : new(FitCheck.Payer, FitSeverity.Warning, $"{lead}, and {program.Name} does not accept self-pay.");
            yield break;
        }

        var level = LevelsOfCare.Describe(program.Level);
        var benefits = payer.Levels.FirstOrDefault(l => l.Level == program.Level);
        if (benefits is null)
        {
            yield return new(FitCheck.Payer, FitSeverity.Warning, $"{payer.PayerName} benefits for {level} are not verified yet.");
            yield break;
        }

        yield return benefits switch
        {
            { CoverageActive: false } => new(FitCheck.Payer, FitSeverity.Warning, $"{payer.PayerName} coverage is not active."),
            { InNetwork: true } => new(FitCheck.Payer, FitSeverity.Ok, $"In network with {payer.PayerName} for {level}."),
            { InNetwork: false } => new(FitCheck.Payer, FitSeverity.Warning, $"Out of network with {payer.PayerName} for {level}: quote out-of-network costs or self-pay."),
            _ => new(FitCheck.Payer, FitSeverity.Warning, $"{payer.PayerName} did not say whether {level} is in network; confirm by phone."),
        };

        if (benefits.AuthorizationRequired is not true)
        {
            yield break;
        }

        var authorization = payer.Authorizations.Where(a => a.Level == program.Level)
            .OrderBy(a => a.Status is AuthorizationStatus.Certified or AuthorizationStatus.Partial ? 0 : 1)
            .FirstOrDefault();
        yield return authorization?.Status switch
        {
            AuthorizationStatus.Certified or AuthorizationStatus.Partial =>
                new(FitCheck.Authorization, FitSeverity.Ok, $"Authorized by {payer.PayerName} (certification {authorization.CertificationNumber ?? "on file"})."),
            AuthorizationStatus.Requested or AuthorizationStatus.Pended =>
                new(FitCheck.Authorization, FitSeverity.Warning, $"{payer.PayerName} requires authorization for {level}; the request is still pending."),
            AuthorizationStatus.Denied =>
                new(FitCheck.Authorization, FitSeverity.Warning, $"{payer.PayerName} did not certify {level}; see the authorization for appeal options."),
            _ => new(FitCheck.Authorization, FitSeverity.Warning, $"{payer.PayerName} requires authorization for {level}; none has been requested."),
        };
    }

    /// <summary>
    /// A payer that covers the level only up to an age (TRICARE covers residential treatment centre care for mental
    /// health for beneficiaries under 21: 32 CFR 199.4(b)(4), tricare.mil "Residential Treatment Centers") warns
    /// that an older patient's stay would not be covered; where the payer holds network providers to its non-covered
    /// services waiver (TRICARE: the beneficiary agrees in advance and in writing, naming the service, dates and
    /// estimated cost; a general agreement to pay does not count), it says so.
    /// </summary>
    private static IEnumerable<FitFinding> PayerAgeLimit(TreatmentProgram program, PayerStanding? payer, DateOnly? dateOfBirth, DateOnly admissionDay)
    {
        if (payer?.AgeLimits.FirstOrDefault(l => l.Level == program.Level) is not { } limit || dateOfBirth is not { } born)
        {
            yield break;
        }

        var age = AgeOn(born, admissionDay);
        if (age <= limit.MaximumAge)
        {
            yield break;
        }

        var level = LevelsOfCare.Describe(program.Level);
        var waiver = payer.NonCoveredNeedsAdvanceWaiver
            ? " The facility may bill the patient for a non-covered stay only if the beneficiary signs the payer's non-covered services waiver before admission (in writing, naming the service, dates and estimated cost); a general agreement to pay is not enough."
            : " Quote the stay as self-pay or find a covered level.";
        yield return new(FitCheck.Payer, FitSeverity.Warning, string.Create(CultureInfo.InvariantCulture,
            $"{payer.PayerName} covers {level} only up to age {limit.MaximumAge}; the patient is {age} on admission, so the stay would not be covered.{waiver}"));
    }

    public static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }
}
