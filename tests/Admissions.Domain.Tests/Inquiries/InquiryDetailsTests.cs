using System.Reflection;
using Admissions.Domain.Inquiries;

namespace Admissions.Domain.Tests.Inquiries;

public class InquiryDetailsTests
{
    [Fact]
    public void Identical_details_have_no_changed_fields()
    {
        Assert.Empty(InquiryDetails.ChangedFields(InquiryTestData.Details(), InquiryTestData.Details()));
    }

    [Theory]
    [InlineData("Caller name")]
    [InlineData("Caller phone")]
    [InlineData("Caller email")]
    [InlineData("Relationship")]
    [InlineData("Patient first name")]
    [InlineData("Patient last name")]
    [InlineData("Date of birth")]
    [InlineData("Sex")]
    [InlineData("Patient phone")]
    [InlineData("State")]
    [InlineData("Source")]
    [InlineData("Referral source")]
    [InlineData("Substances")]
    [InlineData("Mental-health concerns")]
    [InlineData("Urgency")]
    [InlineData("Notes")]
    public void Changing_one_field_reports_it_by_its_readable_name(string field)
    {
        var before = InquiryTestData.Details();

        var changed = InquiryDetails.ChangedFields(before, ChangeOne(before, field));

        Assert.Equal([field], changed);
    }

    [Fact]
    public void Several_changes_are_reported_in_form_order()
    {
        var before = InquiryTestData.Details();
        var after = before with
        {
            Notes = "Update",
            CallerName = "Maria L.",
            PatientState = "NM",
        };

        Assert.Equal(["Caller name", "State", "Notes"], InquiryDetails.ChangedFields(before, after));
    }

    [Fact]
    public void Clearing_an_optional_field_counts_as_a_change()
    {
        var before = InquiryTestData.Details();

        Assert.Equal(["Caller email"], InquiryDetails.ChangedFields(before, before with { CallerEmail = null }));
    }

    [Fact]
    public void Adding_one_more_substance_counts_as_a_change()
    {
        var before = InquiryTestData.Details();
        var after = before with { Substances = before.Substances | SubstanceConcerns.Cannabis };

        Assert.Equal(["Substances"], InquiryDetails.ChangedFields(before, after));
    }

    /// <summary>
    /// Guards against a property added to the record but forgotten in ChangedFields: a change to
    /// it would be saved without a line on the timeline.
    /// </summary>
    [Fact]
    public void Every_settable_property_is_compared()
    {
        var before = InquiryTestData.Details();
        var properties = typeof(InquiryDetails)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToArray();
        Assert.Equal(17, properties.Length);

        var missed = new List<string>();
        foreach (var property in properties)
        {
            var after = before with { };
            property.SetValue(after, DifferentValue(property.PropertyType, property.GetValue(before)));
            Assert.NotEqual(before, after);
            if (InquiryDetails.ChangedFields(before, after).Count != 1)
            {
                missed.Add(property.Name);
            }
        }

        Assert.Empty(missed);
    }

    [Theory]
    [InlineData(SubstanceConcerns.None, MentalHealthConcerns.None, false)]
    [InlineData(SubstanceConcerns.Alcohol, MentalHealthConcerns.None, false)]
    [InlineData(SubstanceConcerns.None, MentalHealthConcerns.Depression, false)]
    [InlineData(SubstanceConcerns.Other, MentalHealthConcerns.Other, true)]
    [InlineData(SubstanceConcerns.Alcohol, MentalHealthConcerns.Depression, true)]
    [InlineData(SubstanceConcerns.Fentanyl | SubstanceConcerns.Cocaine, MentalHealthConcerns.Ptsd | MentalHealthConcerns.Trauma, true)]
    public void Dual_diagnosis_is_a_substance_concern_together_with_a_mental_health_concern(
        SubstanceConcerns substances, MentalHealthConcerns mentalHealth, bool dual)
    {
        var details = new InquiryDetails { Substances = substances, MentalHealthConcerns = mentalHealth };

        Assert.Equal(dual, details.IsDualDiagnosis);
    }

    private static InquiryDetails ChangeOne(InquiryDetails d, string field) => field switch
    {
        "Caller name" => d with { CallerName = "Maria L." },
        "Caller phone" => d with { CallerPhone = "(555) 201-9999" },
        "Caller email" => d with { CallerEmail = "maria.lopez@example.org" },
        "Relationship" => d with { CallerRelationship = CallerRelationship.SpousePartner },
        "Patient first name" => d with { PatientFirstName = "Alexander" },
        "Patient last name" => d with { PatientLastName = "Lopez-Garcia" },
        "Date of birth" => d with { PatientDateOfBirth = new DateOnly(1999, 7, 15) },
        "Sex" => d with { PatientSex = Sex.Unknown },
        "Patient phone" => d with { PatientPhone = null },
        "State" => d with { PatientState = "NM" },
        "Source" => d with { Source = InquirySource.Referral },
        "Referral source" => d with { ReferralSource = "St. Mary's ER" },
        "Substances" => d with { Substances = SubstanceConcerns.Alcohol | SubstanceConcerns.Fentanyl },
        "Mental-health concerns" => d with { MentalHealthConcerns = MentalHealthConcerns.Depression },
        "Urgency" => d with { Urgency = Urgency.Urgent },
        "Notes" => d with { Notes = "Called after an ER visit. Mother is the contact." },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown field."),
    };

    private static object DifferentValue(Type type, object? current)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return (current as string) + " (changed)";
        }

        if (underlying == typeof(DateOnly))
        {
            return current is DateOnly date ? date.AddDays(1) : new DateOnly(1990, 1, 1);
        }

        if (underlying.IsEnum)
        {
            return Enum.GetValues(underlying).Cast<object>().First(v => !v.Equals(current));
        }

        throw new InvalidOperationException($"No different value written for {type}.");
    }
}
