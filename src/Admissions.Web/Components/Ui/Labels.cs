using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using MudBlazor;

namespace Admissions.Web.Components.Ui;

/// <summary>How the domain's codes read on screen.</summary>
public static class Labels
{
    public static string Source(InquirySource source) => Inquiry.DescribeSource(source);

    public static string Outcome(ContactOutcome outcome) => Capitalize(Inquiry.DescribeOutcome(outcome));

    public static string Concerns(InquiryForm form) => string.Join(", ",
        Flags(form.Substances).Select(Substance).Concat(Flags(form.MentalHealthConcerns).Select(MentalHealth)));

    public static string Relationship(CallerRelationship relationship) => relationship switch
    {
        CallerRelationship.Self => "Self (the patient)",
        CallerRelationship.SpousePartner => "Spouse / partner",
        _ => relationship.ToString(),
    };

    public static string Substance(SubstanceConcerns substance) => Domain.Care.ClinicalIntake.Describe(substance);

    public static string MentalHealth(MentalHealthConcerns concern) => concern switch
    {
        MentalHealthConcerns.Ptsd => "PTSD",
        MentalHealthConcerns.Adhd => "ADHD",
        MentalHealthConcerns.EatingDisorder => "Eating disorder",
        MentalHealthConcerns.PersonalityDisorder => "Personality disorder",
        _ => concern.ToString(),
    };

    public static string NotAdmittedReason(NotAdmittedReason reason) => Capitalize(Inquiry.DescribeReason(reason));

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static IEnumerable<T> Flags<T>(T value)
        where T : struct, Enum =>
        Enum.GetValues<T>().Where(f => Convert.ToInt32(f, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(f));

    public static Color StageColor(InquiryStage stage) => stage switch
    {
        InquiryStage.New => Color.Info,
        InquiryStage.Admitted => Color.Success,
        InquiryStage.NotAdmitted => Color.Default,
        InquiryStage.ReferredOut => Color.Default,
        InquiryStage.AdmissionScheduled or InquiryStage.Approved => Color.Secondary,
        _ => Color.Primary,
    };
}
