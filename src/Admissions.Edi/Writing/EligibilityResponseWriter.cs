namespace Admissions.Edi.Writing;

/// <summary>
/// Writes a 271: payer (2000A), receiver (2000B), and each subscriber (2000C) with its
/// dependents (2000D), benefits (EB, MSG) and related entities (LS/NM1/PER/LE).
/// </summary>
internal static class EligibilityResponseWriter
{
    private const string Version = "005010X279A1";

    public static string Write(EligibilityResponse response, X12Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(response);
        var writer = new X12Writer(envelope, "HB", "271", Version, response.ControlNumber, nameof(response));
        writer.Segment("BHT", "0022", "11", response.Reference, writer.Created, writer.Time);

        // A payer that cannot answer at all (AAA at 2100A) sends no receiver loop.
        var hasReceiver = response.Receiver is not { Name: null, Id: null, Errors.Count: 0 } || response.Subscribers.Count > 0;
        var payer = writer.Level(null, HierarchyLevel.InformationSource, hasChildren: hasReceiver);
        Loops.Organization(writer, "PR", response.Payer.Name, "PI", response.Payer.Id);
        Loops.Errors(writer, response.Payer.Errors);
        if (!hasReceiver)
        {
            return writer.Finish();
        }

        var receiver = writer.Level(payer, HierarchyLevel.InformationReceiver, hasChildren: response.Subscribers.Count > 0);
        Loops.Organization(writer, "1P", response.Receiver.Name, "XX", response.Receiver.Id);
        Loops.Errors(writer, response.Receiver.Errors);
        foreach (var subscriber in response.Subscribers)
        {
            var level = writer.Level(receiver, HierarchyLevel.Subscriber, hasChildren: subscriber.Dependents.Count > 0);
            WriteMember(writer, "IL", subscriber);
            foreach (var dependent in subscriber.Dependents)
            {
                writer.Level(level, HierarchyLevel.Dependent, hasChildren: false);
                WriteMember(writer, "03", dependent);
            }
        }

        return writer.Finish();
    }

    private static void WriteMember(X12Writer writer, string entityCode, MemberResult member)
    {
        Loops.ReferencedTraces(writer, member.TraceNumbers);
        Loops.Person(writer, entityCode, member.LastName, member.FirstName, member.MemberId);
        Loops.Errors(writer, member.Errors);
        Loops.Demographics(writer, member.BirthDate, member.Gender);
        WriteDate(writer, "346", member.PlanBegin);
        WriteDate(writer, "347", member.PlanEnd);
        WriteDate(writer, "356", member.EligibilityBegin);
        WriteDate(writer, "357", member.EligibilityEnd);
        foreach (var benefit in member.Benefits)
        {
            WriteBenefit(writer, benefit);
        }
    }

    private static void WriteDate(X12Writer writer, string qualifier, DateOnly? date)
    {
        if (date is { } value)
        {
            writer.Segment("DTP", qualifier, "D8", X12Writer.Date(value));
        }
    }

    private static void WriteBenefit(X12Writer writer, Benefit benefit)
    {
        if (string.IsNullOrEmpty(benefit.Code))
        {
            throw writer.Invalid("Every benefit needs its eligibility or benefit code (EB01)");
        }

        writer.Segment("EB", benefit.Code, benefit.CoverageLevel, writer.Repeated("EB03", benefit.ServiceTypes),
            benefit.InsuranceType, benefit.PlanDescription, benefit.TimePeriod, X12Writer.Number(benefit.Amount),
            X12Writer.Number(benefit.Percent), benefit.QuantityQualifier, X12Writer.Number(benefit.Quantity),
            benefit.AuthorizationRequired, benefit.InNetwork);
        foreach (var message in benefit.Messages)
        {
            if (string.IsNullOrEmpty(message))
            {
                throw writer.Invalid("Cannot write an empty benefit message (MSG01)");
            }

            writer.Segment("MSG", message);
        }

        if (benefit.Entities.Count == 0)
        {
            return;
        }

        writer.Segment("LS", "2120");
        foreach (var entity in benefit.Entities)
        {
            if (string.IsNullOrEmpty(entity.EntityCode))
            {
                throw writer.Invalid("Every related entity needs its entity code (NM101)");
            }

            Loops.Organization(writer, entity.EntityCode, entity.Name, IdQualifier(entity.EntityCode), entity.Id);
            if (!string.IsNullOrEmpty(entity.Phone))
            {
                writer.Segment("PER", "IC", null, "TE", entity.Phone);
            }
        }

        writer.Segment("LE", "2120");
    }

    /// <summary>Providers are named by NPI (XX); payers, plan sponsors and the rest by payer id (PI).</summary>
    private static string IdQualifier(string entityCode) =>
        entityCode is "1P" or "P3" or "FA" or "SJ" or "71" or "72" or "80" or "DK" or "DN" or "DQ" ? "XX" : "PI";
}
