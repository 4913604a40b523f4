using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Placement;
using static Admissions.Domain.Tests.Care.CareTestData;

namespace Admissions.Domain.Tests.Placement;

public class ProgramFitTests
{
    private static readonly DateOnly AdmissionDay = new(2026, 3, 3);

    private static readonly TreatmentProgram AdultResidential = new()
    {
        Name = "Adult Residential",
        Level = LevelOfCare.Residential,
        Population = Population.Adults,
        MinimumAge = 18,
        DailyRate = 850m,
        AcceptsSelfPay = true,
    };

    private static LevelOfCareDecision Decided(LevelOfCareRecommendation recommendation) =>
        new LevelOfCareHistory(Guid.NewGuid()).Decide(recommendation, Clinician, Now);

    private static readonly LevelOfCareDecision ResidentialDecision = Decided(Recommend(Quiet, Ratings(d5: 3)));

    private static PlacementCandidate Adult(Action<PlacementCandidateBuilder>? change = null)
    {
        var builder = new PlacementCandidateBuilder();
        change?.Invoke(builder);
        return builder.Build();
    }

    private static FitFinding Finding(IReadOnlyList<FitFinding> findings, FitCheck check) => Assert.Single(findings, f => f.Check == check);

    [Fact]
    public void A_matching_adult_with_in_network_coverage_and_no_authorization_needed_fits_everywhere()
    {
        var findings = ProgramFit.Check(AdultResidential, Adult(), AdmissionDay);

        Assert.All(findings, f => Assert.Equal(FitSeverity.Ok, f.Severity));
        Assert.Equal("Matches the decided level of care (ASAM 3.5, Residential).", Finding(findings, FitCheck.LevelOfCare).Message);
        Assert.Equal("In network with Cigna for Residential.", Finding(findings, FitCheck.Payer).Message);
        Assert.True(ProgramFit.Allows(findings, hasOverrideReason: false));
    }

    [Fact]
    public void An_open_safety_alert_blocks_even_with_an_override_reason()
    {
        var findings = ProgramFit.Check(AdultResidential, Adult(b => b.Safety = true), AdmissionDay);

        Assert.Equal(FitSeverity.Blocking, Finding(findings, FitCheck.Safety).Severity);
        Assert.False(ProgramFit.Allows(findings, hasOverrideReason: true));
    }

    [Fact]
    public void A_level_of_care_mismatch_needs_a_reason()
    {
        var php = new TreatmentProgram { Name = "PHP", Level = LevelOfCare.PartialHospitalization, MinimumAge = 18, AcceptsSelfPay = true };

        var findings = ProgramFit.Check(php, Adult(b => b.SelfPay = true), AdmissionDay);

        var level = Finding(findings, FitCheck.LevelOfCare);
        Assert.Equal(FitSeverity.NeedsOverride, level.Severity);
        Assert.Equal("The decided level of care is Residential (ASAM 3.5); this program is PHP (partial hospitalization).", level.Message);
        Assert.False(ProgramFit.Allows(findings, hasOverrideReason: false));
        Assert.True(ProgramFit.Allows(findings, hasOverrideReason: true));
    }

    [Fact]
    public void No_decision_yet_is_a_warning_not_a_block()
    {
        var findings = ProgramFit.Check(AdultResidential, Adult(b => b.Decision = null), AdmissionDay);

        Assert.Equal(FitSeverity.Warning, Finding(findings, FitCheck.LevelOfCare).Severity);
        Assert.True(ProgramFit.Allows(findings, hasOverrideReason: false));
    }

    [Fact]
    public void A_hospital_level_decision_blocks_every_program_and_says_refer_to_a_hospital()
    {
        var hospital = Decided(Recommend(Quiet with { CssrsRisk = Admissions.Domain.Screening.SuicideRisk.High }, AllOnes));
        Assert.Null(hospital.CareSetting);

        var level = Finding(ProgramFit.Check(AdultResidential, Adult(b => b.Decision = hospital), AdmissionDay), FitCheck.LevelOfCare);

        Assert.Equal(FitSeverity.Blocking, level.Severity);
        Assert.StartsWith($"The clinician decided ASAM {hospital.Level!.Code}, hospital care that no program here provides", level.Message, StringComparison.Ordinal);
        Assert.EndsWith("Refer to a hospital.", level.Message, StringComparison.Ordinal);
        Assert.False(ProgramFit.Allows([level], hasOverrideReason: true));
    }

    [Theory]
    [InlineData(Sex.Female, false)]
    [InlineData(Sex.Male, true)]
    [InlineData(Sex.Unknown, true)]
    public void A_womens_program_warns_unless_the_patient_is_recorded_female(Sex sex, bool warns)
    {
        var womens = new TreatmentProgram { Name = "Women's Residential", Level = LevelOfCare.Residential, Population = Population.Women, MinimumAge = 18 };

        var findings = ProgramFit.Check(womens, Adult(b => b.Sex = sex), AdmissionDay);

        Assert.Equal(warns, findings.Any(f => f.Check == FitCheck.Population));
        Assert.True(ProgramFit.Allows(findings, hasOverrideReason: false));
    }

    [Fact]
    public void A_first_responder_program_asks_to_confirm_membership()
    {
        var program = new TreatmentProgram { Name = "First Responder Residential", Level = LevelOfCare.Residential, Population = Population.FirstResponders, MinimumAge = 21 };

        var finding = Finding(ProgramFit.Check(program, Adult(), AdmissionDay), FitCheck.Population);

        Assert.Equal("First Responder Residential is for first responders: confirm the patient belongs to it.", finding.Message);
    }

    [Theory]
    [InlineData("2008-03-03", FitSeverity.Ok, "Age 18 on admission is within 18+.")] // eighteenth birthday on the admission day
    [InlineData("2008-03-04", FitSeverity.Warning, "Age 17 on admission is outside the program's range (18+).")]
    [InlineData(null, FitSeverity.Warning, "Date of birth not recorded: cannot check the program's age range (18+).")]
    public void Age_is_counted_on_the_admission_day(string? born, FitSeverity severity, string message)
    {
        var findings = ProgramFit.Check(AdultResidential, Adult(b => b.Born = born is null ? null : DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture)), AdmissionDay);

        Assert.Equal((severity, message), (Finding(findings, FitCheck.Age).Severity, Finding(findings, FitCheck.Age).Message));
    }

    [Fact]
    public void An_upper_age_limit_is_shown_as_a_range()
    {
        var adolescents = new TreatmentProgram { Name = "Teen IOP", Level = LevelOfCare.Residential, Population = Population.Adolescents, MinimumAge = 13, MaximumAge = 17 };

        var finding = Finding(ProgramFit.Check(adolescents, Adult(), AdmissionDay), FitCheck.Age);

        Assert.Equal("Age 36 on admission is outside the program's range (13–17).", finding.Message);
    }

    [Fact]
    public void Without_insurance_self_pay_is_offered_or_refused_by_the_program()
    {
        var accepts = Finding(ProgramFit.Check(AdultResidential, Adult(b => b.NoInsurance = true), AdmissionDay), FitCheck.Payer);
        var refuses = Finding(ProgramFit.Check(new TreatmentProgram { Name = "Insured Only", Level = LevelOfCare.Residential, AcceptsSelfPay = false },
            Adult(b => b.NoInsurance = true), AdmissionDay), FitCheck.Payer);

        Assert.Equal((FitSeverity.Warning, "No insurance on file: self-pay is accepted at $850/day."), (accepts.Severity, accepts.Message));
        Assert.Equal((FitSeverity.Warning, "No insurance on file, and Insured Only does not accept self-pay."), (refuses.Severity, refuses.Message));
    }

    [Theory]
    [InlineData(false, true, "Cigna coverage is not active.")]
    [InlineData(true, false, "Out of network with Cigna for Residential: quote out-of-network costs or self-pay.")]
    [InlineData(true, null, "Cigna did not say whether Residential is in network; confirm by phone.")]
    public void Payer_problems_are_warnings(bool active, bool? inNetwork, string message)
    {
        var finding = Finding(ProgramFit.Check(AdultResidential, Adult(b => b.Benefits = new(LevelOfCare.Residential, active, inNetwork, false)), AdmissionDay), FitCheck.Payer);

        Assert.Equal((FitSeverity.Warning, message), (finding.Severity, finding.Message));
    }

    [Fact]
    public void Benefits_not_verified_for_the_programs_level_are_a_warning()
    {
        var finding = Finding(ProgramFit.Check(AdultResidential, Adult(b => b.Benefits = new(LevelOfCare.IntensiveOutpatient, true, true, false)), AdmissionDay), FitCheck.Payer);

        Assert.Equal("Cigna benefits for Residential are not verified yet.", finding.Message);
    }

    [Theory]
    [InlineData(null, FitSeverity.Warning, "Cigna requires authorization for Residential; none has been requested.")]
    [InlineData(AuthorizationStatus.Pended, FitSeverity.Warning, "Cigna requires authorization for Residential; the request is still pending.")]
    [InlineData(AuthorizationStatus.Denied, FitSeverity.Warning, "Cigna did not certify Residential; see the authorization for appeal options.")]
    [InlineData(AuthorizationStatus.Certified, FitSeverity.Ok, "Authorized by Cigna (certification CERT-1).")]
    public void Authorization_is_checked_where_the_payer_requires_it(AuthorizationStatus? status, FitSeverity severity, string message)
    {
        var candidate = Adult(b =>
        {
            b.Benefits = new(LevelOfCare.Residential, true, true, AuthorizationRequired: true);
            b.Authorizations = status is { } s ? [new AuthorizationStanding(LevelOfCare.Residential, s, "CERT-1")] : [];
        });

        var finding = Finding(ProgramFit.Check(AdultResidential, candidate, AdmissionDay), FitCheck.Authorization);

        Assert.Equal((severity, message), (finding.Severity, finding.Message));
    }

    [Fact]
    public void A_certified_authorization_wins_over_an_older_denial()
    {
        var candidate = Adult(b =>
        {
            b.Benefits = new(LevelOfCare.Residential, true, true, AuthorizationRequired: true);
            b.Authorizations = [new(LevelOfCare.Residential, AuthorizationStatus.Denied, null), new(LevelOfCare.Residential, AuthorizationStatus.Certified, "C-9")];
        });

        Assert.Equal(FitSeverity.Ok, Finding(ProgramFit.Check(AdultResidential, candidate, AdmissionDay), FitCheck.Authorization).Severity);
    }

    private sealed class PlacementCandidateBuilder
    {
        public bool Safety { get; set; }
        public LevelOfCareDecision? Decision { get; set; } = ResidentialDecision;
        public Sex Sex { get; set; } = Sex.Female;
        public DateOnly? Born { get; set; } = new DateOnly(1990, 1, 15);
        public bool NoInsurance { get; set; }
        public bool SelfPay { get; set; }
        public LevelBenefitsStanding Benefits { get; set; } = new(LevelOfCare.Residential, true, true, false);
        public IReadOnlyList<AuthorizationStanding> Authorizations { get; set; } = [];

        public PlacementCandidate Build() => new()
        {
            HasOpenSafetyAlert = Safety,
            LevelOfCare = Decision,
            Sex = Sex,
            DateOfBirth = Born,
            Payer = NoInsurance ? null
                : SelfPay ? new PayerStanding("Self-pay", IsSelfPay: true)
                : new PayerStanding("Cigna", IsSelfPay: false) { Levels = [Benefits], Authorizations = Authorizations },
        };
    }
}
