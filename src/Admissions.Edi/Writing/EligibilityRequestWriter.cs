namespace Admissions.Edi.Writing;

/// <summary>
/// Writes a 270: payer (NM1*PR, PI), provider (NM1*1P, XX), subscriber (NM1*IL, MI) and an
/// optional dependent. The patient's loop (the dependent's when there is one) carries TRN*1,
/// DTP*291 and the EQ segments.
/// </summary>
internal static class EligibilityRequestWriter
{
    private const string Version = "005010X279A1";

    public static string Write(EligibilityRequest request, X12Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(request);
        var writer = new X12Writer(envelope, "HS", "270", Version, request.ControlNumber, nameof(request));
        if (request.ServiceTypes is not { Count: > 0 })
        {
            throw writer.Invalid("A 270 asks about at least one service type (EQ01)");
        }

        writer.Segment("BHT", "0022", "13", request.Reference, writer.Created, writer.Time);
        var payer = writer.Level(null, HierarchyLevel.InformationSource, hasChildren: true);
        Loops.Organization(writer, "PR", request.Payer.Name, "PI", request.Payer.Id);
        var provider = writer.Level(payer, HierarchyLevel.InformationReceiver, hasChildren: true);
        Loops.Organization(writer, "1P", request.Provider.Name, "XX", request.Provider.Id);
        var subscriber = writer.Level(provider, HierarchyLevel.Subscriber, hasChildren: request.Dependent is not null);
        if (request.Dependent is null)
        {
            WritePatient(writer, request, "IL", request.Subscriber);
        }
        else
        {
            WriteMember(writer, "IL", request.Subscriber);
            writer.Level(subscriber, HierarchyLevel.Dependent, hasChildren: false);
            WritePatient(writer, request, "03", request.Dependent);
        }

        return writer.Finish();
    }

    private static void WritePatient(X12Writer writer, EligibilityRequest request, string entityCode, RequestedMember patient)
    {
        Loops.CurrentTrace(writer, request.TraceNumber, request.TraceOriginator);
        WriteMember(writer, entityCode, patient);
        if (request.ServiceDate != DateOnly.MinValue)
        {
            writer.Segment("DTP", "291", "D8", X12Writer.Date(request.ServiceDate));
        }

        if (request.CombineServiceTypes)
        {
            writer.Segment("EQ", writer.Repeated("EQ01", request.ServiceTypes));
            return;
        }

        foreach (var serviceType in request.ServiceTypes)
        {
            writer.Segment("EQ", writer.Repeated("EQ01", [serviceType]));
        }
    }

    private static void WriteMember(X12Writer writer, string entityCode, RequestedMember member)
    {
        Loops.Person(writer, entityCode, member.LastName, member.FirstName, member.MemberId);
        Loops.Demographics(writer, member.BirthDate, member.Gender);
    }
}
