namespace Admissions.Edi.Writing;

/// <summary>
/// Writes a 278 response: UMO and requester with their AAA errors, the subscriber and optional
/// dependent, and one HL per decision: a patient event (EV) under the patient, a service (SS)
/// under the event before it. Each decision carries TRN*2, AAA, UM, HCR, DTP*AAH and HSD.
/// </summary>
internal static class ServiceReviewResponseWriter
{
    private const string Version = "005010X217";

    public static string Write(ServiceReviewResponse response, X12Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(response);
        var writer = new X12Writer(envelope, "HI", "278", Version, response.ControlNumber, nameof(response));
        CheckShape(writer, response);
        writer.Segment("BHT", "0007", "11", response.Reference, writer.Created, writer.Time);
        var reviewOrganization = writer.Level(null, HierarchyLevel.InformationSource, hasChildren: true);
        Loops.Organization(writer, "X3", response.ReviewOrganization.Name, "PI", response.ReviewOrganization.Id);
        Loops.Errors(writer, response.ReviewOrganization.Errors);
        var requester = writer.Level(reviewOrganization, HierarchyLevel.InformationReceiver, hasChildren: response.Subscriber is not null);
        Loops.Organization(writer, "FA", response.Requester.Name, "XX", response.Requester.Id);
        Loops.Errors(writer, response.Requester.Errors);
        if (response.Subscriber is null)
        {
            return writer.Finish();
        }

        var patient = writer.Level(requester, HierarchyLevel.Subscriber,
            hasChildren: response.Dependent is not null || response.Decisions.Count > 0);
        WriteMember(writer, "IL", response.Subscriber);
        if (response.Dependent is not null)
        {
            patient = writer.Level(patient, HierarchyLevel.Dependent, hasChildren: response.Decisions.Count > 0);
            WriteMember(writer, "03", response.Dependent);
        }

        var patientEvent = 0;
        for (var index = 0; index < response.Decisions.Count; index++)
        {
            var decision = response.Decisions[index];
            var hasServices = index + 1 < response.Decisions.Count && response.Decisions[index + 1].Level == HierarchyLevel.Service;
            if (decision.Level == HierarchyLevel.PatientEvent)
            {
                patientEvent = writer.Level(patient, HierarchyLevel.PatientEvent, hasServices);
            }
            else
            {
                writer.Level(patientEvent, HierarchyLevel.Service, hasChildren: false);
            }

            WriteDecision(writer, decision);
        }

        return writer.Finish();
    }

    private static void CheckShape(X12Writer writer, ServiceReviewResponse response)
    {
        if (response.Subscriber is null && (response.Dependent is not null || response.Decisions.Count > 0))
        {
            throw writer.Invalid("A dependent or a decision needs the subscriber loop to sit under");
        }

        for (var index = 0; index < response.Decisions.Count; index++)
        {
            var decision = response.Decisions[index];
            if (decision.Level is not (HierarchyLevel.PatientEvent or HierarchyLevel.Service) || (index == 0 && decision.Level == HierarchyLevel.Service))
            {
                throw writer.Invalid(
                    $"Decision {index + 1} has level '{decision.Level}': expected EV (patient event) or SS (service) after an EV");
            }

            if (decision.ActionCode is null && (decision.CertificationNumber is not null || decision.ReasonCode is not null))
            {
                throw writer.Invalid($"Decision {index + 1} has a certification number or reason without an action code (HCR01)");
            }

            if (decision.CertifiedEnd is not null && decision.CertifiedBegin is null)
            {
                throw writer.Invalid($"Decision {index + 1} has a certified end date without a begin date");
            }

            if ((decision.QuantityQualifier is null) != (decision.Quantity is null))
            {
                throw writer.Invalid($"Decision {index + 1} needs both a quantity qualifier and a quantity (HSD), or neither");
            }
        }
    }

    private static void WriteMember(X12Writer writer, string entityCode, ReviewedMember member)
    {
        Loops.Person(writer, entityCode, member.LastName, member.FirstName, member.MemberId);
        Loops.Errors(writer, member.Errors);
        Loops.Demographics(writer, member.BirthDate, gender: null);
    }

    private static void WriteDecision(X12Writer writer, ServiceReviewDecision decision)
    {
        Loops.ReferencedTraces(writer, decision.TraceNumbers);
        Loops.Errors(writer, decision.Errors);

        // UM01 and UM02 are mandatory; without them, state an initial admission or service review.
        writer.Segment("UM", decision.RequestCategory ?? (decision.Level == HierarchyLevel.PatientEvent ? "AR" : "HS"),
            decision.CertificationType ?? "I", decision.ServiceType);
        if (decision.ActionCode is not null)
        {
            writer.Segment("HCR", decision.ActionCode, decision.CertificationNumber, decision.ReasonCode);
        }

        if (decision is { CertifiedBegin: { } begin, CertifiedEnd: { } end })
        {
            writer.Segment("DTP", "AAH", "RD8", $"{X12Writer.Date(begin)}-{X12Writer.Date(end)}");
        }
        else if (decision.CertifiedBegin is { } date)
        {
            writer.Segment("DTP", "AAH", "D8", X12Writer.Date(date));
        }

        if (decision.QuantityQualifier is not null)
        {
            writer.Segment("HSD", decision.QuantityQualifier, X12Writer.Number(decision.Quantity));
        }
    }
}
