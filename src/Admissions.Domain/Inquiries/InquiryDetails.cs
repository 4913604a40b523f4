namespace Admissions.Domain.Inquiries;

/// <summary>What is known about the caller, the prospective patient and their concerns.</summary>
public sealed record InquiryDetails
{
    public string CallerName { get; init; } = "";
    public string? CallerPhone { get; init; }
    public string? CallerEmail { get; init; }
    public CallerRelationship CallerRelationship { get; init; }

    /// <summary>Where the caller is, when they are not the patient: their texting hours follow it.</summary>
    public string? CallerState { get; init; }

    public string PatientFirstName { get; init; } = "";
    public string PatientLastName { get; init; } = "";
    public DateOnly? PatientDateOfBirth { get; init; }
    public Sex PatientSex { get; init; } = Sex.Unknown;
    public string? PatientPhone { get; init; }
    public string? PatientState { get; init; }

    public InquirySource Source { get; init; }
    public string? ReferralSource { get; init; }
    public SubstanceConcerns Substances { get; init; }
    public MentalHealthConcerns MentalHealthConcerns { get; init; }
    public Urgency Urgency { get; init; }
    public string? Notes { get; init; }

    /// <summary>Dual diagnosis: a substance-use concern together with a mental-health concern.</summary>
    public bool IsDualDiagnosis => Substances != SubstanceConcerns.None && MentalHealthConcerns != MentalHealthConcerns.None;

    /// <summary>Names of the fields that differ, as a person would read them.</summary>
    public static IReadOnlyList<string> ChangedFields(InquiryDetails before, InquiryDetails after)
    {
        var changed = new List<string>();
        void Check<T>(string name, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                changed.Add(name);
            }
        }

        Check("Caller name", before.CallerName, after.CallerName);
        Check("Caller phone", before.CallerPhone, after.CallerPhone);
        Check("Caller email", before.CallerEmail, after.CallerEmail);
        Check("Caller's state", before.CallerState, after.CallerState);
        Check("Relationship", before.CallerRelationship, after.CallerRelationship);
        Check("Patient first name", before.PatientFirstName, after.PatientFirstName);
        Check("Patient last name", before.PatientLastName, after.PatientLastName);
        Check("Date of birth", before.PatientDateOfBirth, after.PatientDateOfBirth);
        Check("Sex", before.PatientSex, after.PatientSex);
        Check("Patient phone", before.PatientPhone, after.PatientPhone);
        Check("State", before.PatientState, after.PatientState);
        Check("Source", before.Source, after.Source);
        Check("Referral source", before.ReferralSource, after.ReferralSource);
        Check("Substances", before.Substances, after.Substances);
        Check("Mental-health concerns", before.MentalHealthConcerns, after.MentalHealthConcerns);
        Check("Urgency", before.Urgency, after.Urgency);
        Check("Notes", before.Notes, after.Notes);
        return changed;
    }
}
