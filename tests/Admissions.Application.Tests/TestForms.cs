using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;

namespace Admissions.Application.Tests;

/// <summary>Intake forms that pass validation, for tests to change one thing at a time.</summary>
public static class TestForms
{
    public const string PatientFirstName = "Alex";
    public const string PatientLastName = "Lopez";
    public const string CallerPhone = "(555) 201-4477";
    public const string PatientPhone = "(555) 309-8812";
    public static readonly DateOnly PatientDateOfBirth = new(1999, 7, 14);

    public static InquiryForm Valid(Action<InquiryForm>? change = null)
    {
        var form = new InquiryForm
        {
            CallerName = "Maria Lopez",
            CallerPhone = CallerPhone,
            CallerEmail = "maria@example.org",
            CallerRelationship = CallerRelationship.Parent,
            PatientFirstName = PatientFirstName,
            PatientLastName = PatientLastName,
            PatientDateOfBirth = PatientDateOfBirth,
            PatientSex = Sex.Male,
            PatientPhone = PatientPhone,
            PatientState = "TX",
            CallerState = "TX",
            Source = InquirySource.Phone,
            Substances = SubstanceConcerns.Alcohol,
            MentalHealthConcerns = MentalHealthConcerns.Depression,
            Urgency = Urgency.Soon,
            Notes = "Called after an ER visit.",
        };
        change?.Invoke(form);
        return form;
    }

    /// <summary>A different person each time <paramref name="n"/> differs: no phone, name or birth date in common.</summary>
    public static InquiryForm Person(int n, string firstName, string lastName, Action<InquiryForm>? change = null) =>
        Valid(f =>
        {
            f.CallerName = $"{firstName} {lastName}";
            f.CallerRelationship = CallerRelationship.Self;
            f.CallerEmail = $"person{n}@example.org";
            f.CallerPhone = $"(555) {600 + n:000}-{1000 + n:0000}";
            f.PatientPhone = null;
            f.PatientFirstName = firstName;
            f.PatientLastName = lastName;
            f.PatientDateOfBirth = new DateOnly(1980 + n, 1 + (n % 12), 1 + (n % 28));
            change?.Invoke(f);
        });

    /// <summary>A separate copy, as a second browser would hold it.</summary>
    public static InquiryForm Copy(InquiryForm form) => form.Copy();
}
