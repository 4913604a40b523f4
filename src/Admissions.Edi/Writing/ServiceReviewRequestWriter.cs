namespace Admissions.Edi.Writing;

/// <summary>
/// Writes a 278 request for review: UMO (NM1*X3, PI), requester (NM1*FA, XX), subscriber
/// (NM1*IL, MI, DMG), an optional dependent, and the patient event (2000E) with TRN*1, UM,
/// DTP*435, HI and HSD.
/// </summary>
internal static class ServiceReviewRequestWriter
{
    private const string Version = "005010X217";

    /// <summary>The 278 inquiry's implementation guide (Health Care Services Review - Inquiry and Response).</summary>
    public const string InquiryVersion = "005010X215";

    /// <summary>X12 allows twelve diagnosis codes in one HI segment.</summary>
    private const int DiagnosesPerSegment = 12;

    public static string Write(ServiceReviewRequest request, X12Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(request);
        var writer = new X12Writer(envelope, "HI", "278", request.Inquiry ? InquiryVersion : Version, request.ControlNumber, nameof(request));
        if (string.IsNullOrEmpty(request.RequestCategory) || string.IsNullOrEmpty(request.CertificationType))
        {
            throw writer.Invalid("A 278 request needs its request category (UM01) and certification type (UM02)");
        }

        if (string.IsNullOrEmpty(request.QuantityQualifier) && request.Quantity != 0)
        {
            throw writer.Invalid($"Quantity {request.Quantity} needs its quantity qualifier (HSD01)");
        }

        writer.Segment("BHT", "0007", "13", request.Reference, writer.Created, writer.Time);
        var reviewOrganization = writer.Level(null, HierarchyLevel.InformationSource, hasChildren: true);
        Loops.Organization(writer, "X3", request.ReviewOrganization.Name, "PI", request.ReviewOrganization.Id);
        var requester = writer.Level(reviewOrganization, HierarchyLevel.InformationReceiver, hasChildren: true);
        Loops.Organization(writer, "FA", request.Requester.Name, "XX", request.Requester.Id);
        var patient = writer.Level(requester, HierarchyLevel.Subscriber, hasChildren: true);
        WriteMember(writer, "IL", request.Subscriber);
        if (request.Dependent is not null)
        {
            patient = writer.Level(patient, HierarchyLevel.Dependent, hasChildren: true);
            WriteMember(writer, "03", request.Dependent);
        }

        writer.Level(patient, HierarchyLevel.PatientEvent, hasChildren: false);
        Loops.CurrentTrace(writer, request.TraceNumber, request.TraceOriginator);
        writer.Segment("UM", request.RequestCategory, request.CertificationType, request.ServiceType,
            string.IsNullOrEmpty(request.FacilityCode) ? null : writer.Composite("UM04", request.FacilityCode, "B"));
        if (!string.IsNullOrEmpty(request.ReviewReference))
        {
            writer.Segment("REF", "BB", request.ReviewReference);
        }

        if (request.AdmissionDate != DateOnly.MinValue)
        {
            writer.Segment("DTP", "435", "D8", X12Writer.Date(request.AdmissionDate));
        }

        WriteDiagnoses(writer, request.Diagnoses);
        if (!string.IsNullOrEmpty(request.QuantityQualifier))
        {
            writer.Segment("HSD", request.QuantityQualifier, X12Writer.Number(request.Quantity));
        }

        return writer.Finish();
    }

    private static void WriteMember(X12Writer writer, string entityCode, RequestedMember member)
    {
        Loops.Person(writer, entityCode, member.LastName, member.FirstName, member.MemberId);
        Loops.Demographics(writer, member.BirthDate, member.Gender);
    }

    /// <summary>HI: the first code is the principal diagnosis (ABK), the rest are other diagnoses (ABF).</summary>
    private static void WriteDiagnoses(X12Writer writer, IReadOnlyList<string> diagnoses)
    {
        for (var first = 0; first < diagnoses.Count; first += DiagnosesPerSegment)
        {
            var count = Math.Min(DiagnosesPerSegment, diagnoses.Count - first);
            var elements = new X12Value[count];
            for (var index = 0; index < count; index++)
            {
                var code = diagnoses[first + index];
                if (string.IsNullOrEmpty(code))
                {
                    throw writer.Invalid("Cannot write an empty diagnosis code (HI)");
                }

                elements[index] = writer.Composite("HI", first + index == 0 ? "ABK" : "ABF", code);
            }

            writer.Segment("HI", elements);
        }
    }
}
