namespace Admissions.Edi;

/// <summary>The HL03 level codes of the 270/271 and 278 hierarchies (X12 005010X279A1 and X217).</summary>
public static class HierarchyLevel
{
    /// <summary>2000A: the payer (270/271) or utilization management organisation (278).</summary>
    public const string InformationSource = "20";

    /// <summary>2000B: the provider asking.</summary>
    public const string InformationReceiver = "21";

    /// <summary>2000C: the subscriber.</summary>
    public const string Subscriber = "22";

    /// <summary>2000D: a dependent, when the patient is not the subscriber.</summary>
    public const string Dependent = "23";

    /// <summary>278 2000E: the patient event (the admission or stay asked for).</summary>
    public const string PatientEvent = "EV";

    /// <summary>278 2000F: one service within the event.</summary>
    public const string Service = "SS";
}
