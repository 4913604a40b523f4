namespace Admissions.Domain.Insurance;

/// <summary>What a stay costs and how much of it the patient should expect to pay.</summary>
public sealed record StayEstimate(decimal TotalCharge, decimal PatientResponsibility, decimal PlanPays, string Basis)
{
    /// <summary>
    /// Remaining deductible first, then coinsurance on the rest (copay per day or session when
    /// there is no coinsurance), capped at the remaining out-of-pocket maximum. Without coverage
    /// the patient pays the self-pay rate.
    /// </summary>
    public static StayEstimate For(LevelBenefits? benefits, decimal dailyRate, int days, decimal selfPayDiscount)
    {
        var total = dailyRate * days;
        if (benefits is not { Covered: true })
        {
            var selfPay = Math.Round(total * (1 - selfPayDiscount), 2);
            return new(total, selfPay, 0, selfPayDiscount > 0 ? $"Self-pay at {(selfPayDiscount * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}% off the daily rate" : "Self-pay at the daily rate");
        }

        var deductible = Math.Min(benefits.DeductibleRemaining ?? benefits.Deductible ?? 0, total);
        var afterDeductible = total - deductible;
        var share = benefits.Coinsurance is { } coinsurance
            ? afterDeductible * coinsurance
            : (benefits.Copay ?? 0) * days;
        var patient = deductible + share;
        if ((benefits.OutOfPocketRemaining ?? benefits.OutOfPocketMax) is { } cap)
        {
            patient = Math.Min(patient, cap);
        }

        patient = Math.Round(Math.Min(patient, total), 2);
        return new(total, patient, total - patient, "Remaining deductible, then coinsurance, capped at the out-of-pocket remaining");
    }
}
