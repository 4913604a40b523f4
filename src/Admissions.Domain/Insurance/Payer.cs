using Admissions.Domain.Care;

namespace Admissions.Domain.Insurance;

public enum PayerKind
{
    Commercial,
    Military,
    Medicaid,
    Medicare,
    SelfPay,
}

/// <summary>The X12 service type code (EQ01) asked for each level of care; configurable per payer.</summary>
public sealed record ServiceTypeCodes
{
    public string WithdrawalManagement { get; init; } = "AI";
    public string Residential { get; init; } = "RT";
    public string MentalHealthResidential { get; init; } = "A7";
    public string PartialHospitalization { get; init; } = "BB";
    public string IntensiveOutpatient { get; init; } = "A8";
    public string Outpatient { get; init; } = "MH";

    public string For(LevelOfCare level) => level switch
    {
        LevelOfCare.WithdrawalManagement => WithdrawalManagement,
        LevelOfCare.Residential => Residential,
        LevelOfCare.MentalHealthResidential => MentalHealthResidential,
        LevelOfCare.PartialHospitalization => PartialHospitalization,
        LevelOfCare.IntensiveOutpatient => IntensiveOutpatient,
        _ => Outpatient,
    };
}

/// <summary>
/// A health plan in the payer directory: how the clearinghouse knows it, who manages its
/// behavioural benefits when they are carved out, and which service types to ask for.
/// </summary>
public sealed class Payer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public PayerKind Kind { get; set; }

    /// <summary>The payer id the clearinghouse routes on (NM109 with qualifier PI).</summary>
    public string? ClearinghousePayerId { get; set; }

    /// <summary>The managed behavioural health organisation that holds the benefits, if carved out.</summary>
    public string? BehavioralCarveOut { get; set; }
    public string? BehavioralCarveOutPhone { get; set; }

    /// <summary>Whether the facility is contracted (in network) with this payer.</summary>
    public bool InNetwork { get; set; }

    public ServiceTypeCodes ServiceTypes { get; set; } = new();
    public bool IsActive { get; set; } = true;

    public bool IsSelfPay => Kind == PayerKind.SelfPay;

    /// <summary>Electronic verification needs a clearinghouse payer id; self-pay needs none.</summary>
    public bool SupportsElectronicVerification => !IsSelfPay && !string.IsNullOrWhiteSpace(ClearinghousePayerId);
}
