namespace Admissions.Infrastructure.Persistence;

/// <summary>
/// Indexes the model cannot declare (the inquiry details are an EF complex property) but the inquiry list needs on a
/// million rows: sorting by patient name and urgency, filtering by source.
/// </summary>
public static class InquiryListIndexes
{
    /// <summary>
    /// Safe to run again: the SQLite migration creates them and start-up runs them on every SQLite database, since a
    /// migration that rebuilds the Inquiries table drops them with it.
    /// </summary>
    public static readonly IReadOnlyList<string> Sqlite =
    [
        "CREATE INDEX IF NOT EXISTS IX_Inquiries_PatientName ON Inquiries (PatientLastName, PatientFirstName, Id);",
        "CREATE INDEX IF NOT EXISTS IX_Inquiries_Urgency ON Inquiries (Urgency, Id);",
        "CREATE INDEX IF NOT EXISTS IX_Inquiries_Source ON Inquiries (Source, CreatedAt, Id);",
    ];
}
