namespace Admissions.Edi.Writing;

/// <summary>Segments every transaction set writes the same way.</summary>
internal static class Loops
{
    /// <summary>NM1 for an organisation: NM102 = 2, NM103 name, NM108/NM109 id when there is one.</summary>
    public static void Organization(X12Writer writer, string entityCode, string? name, string idQualifier, string? id) =>
        writer.Segment("NM1", entityCode, "2", X12Writer.Name(name), null, null, null, null,
            string.IsNullOrEmpty(id) ? null : idQualifier, id);

    /// <summary>NM1 for a person: NM102 = 1, last and first name, NM108 MI member id when there is one.</summary>
    public static void Person(X12Writer writer, string entityCode, string? lastName, string? firstName, string? memberId) =>
        writer.Segment("NM1", entityCode, "1", X12Writer.Name(lastName), X12Writer.Name(firstName), null, null, null,
            string.IsNullOrEmpty(memberId) ? null : "MI", memberId);

    /// <summary>DMG with a D8 birth date and gender, when either is known.</summary>
    public static void Demographics(X12Writer writer, DateOnly? birthDate, string? gender)
    {
        if (birthDate is not null || !string.IsNullOrEmpty(gender))
        {
            writer.Segment("DMG", birthDate is null ? null : "D8",
                birthDate is { } date ? X12Writer.Date(date) : null, gender);
        }
    }

    /// <summary>One AAA per error: AAA01 Y/N, AAA03 reason, AAA04 follow-up action.</summary>
    public static void Errors(X12Writer writer, IReadOnlyList<RequestError> errors)
    {
        foreach (var error in errors)
        {
            writer.Segment("AAA", error.Valid ? "Y" : "N", null, error.Code, error.FollowUp);
        }
    }

    /// <summary>TRN*1 with its originator (TRN03, required by X12), when there is a trace number.</summary>
    public static void CurrentTrace(X12Writer writer, string? traceNumber, string? originator)
    {
        if (string.IsNullOrEmpty(traceNumber))
        {
            return;
        }

        if (string.IsNullOrEmpty(originator))
        {
            throw writer.Invalid($"Trace number '{traceNumber}' needs its originator (TRN03)");
        }

        writer.Segment("TRN", "1", traceNumber, originator);
    }

    /// <summary>
    /// TRN*2 for each trace number the request sent. The models keep only the numbers, so TRN03,
    /// which X12 requires, names the inquirer who originated them: this interchange's receiver.
    /// </summary>
    public static void ReferencedTraces(X12Writer writer, IReadOnlyList<string> traceNumbers)
    {
        foreach (var traceNumber in traceNumbers)
        {
            if (string.IsNullOrEmpty(traceNumber))
            {
                throw writer.Invalid("Cannot write an empty trace number (TRN02)");
            }

            writer.Segment("TRN", "2", traceNumber, writer.ReceiverId);
        }
    }
}
