namespace Admissions.Edi.Reading;

/// <summary>Which HL level (HL03) may sit under which, per transaction family; a null parent is the top.</summary>
internal static class Levels
{
    /// <summary>270/271: information source, receiver, subscriber, dependent.</summary>
    public static bool Eligibility(string? parent, string child) => (parent, child) switch
    {
        (null, HierarchyLevel.InformationSource) or (HierarchyLevel.InformationSource, HierarchyLevel.InformationReceiver) or (HierarchyLevel.InformationReceiver, HierarchyLevel.Subscriber) or (HierarchyLevel.Subscriber, HierarchyLevel.Dependent) => true,
        _ => false,
    };

    /// <summary>278: UMO, requester, subscriber, dependent, patient event, service.</summary>
    public static bool ServiceReview(string? parent, string child) => (parent, child) switch
    {
        (null, HierarchyLevel.InformationSource) or (HierarchyLevel.InformationSource, HierarchyLevel.InformationReceiver) or (HierarchyLevel.InformationReceiver, HierarchyLevel.Subscriber) or (HierarchyLevel.Subscriber, HierarchyLevel.Dependent) => true,
        (HierarchyLevel.Subscriber or HierarchyLevel.Dependent, HierarchyLevel.PatientEvent) or (HierarchyLevel.PatientEvent, HierarchyLevel.Service) => true,
        _ => false,
    };
}
