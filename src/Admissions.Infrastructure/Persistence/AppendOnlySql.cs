namespace Admissions.Infrastructure.Persistence;

/// <summary>
/// The database itself refuses to change or delete audit rows and disclosure-ledger rows, whatever connects to it, and
/// the audit chain's head only moves forward. One list of statements per provider; each provider's migration runs its
/// own list (the PostgreSQL one is here for the PostgreSQL provider's migration).
/// </summary>
public static class AppendOnlySql
{
    /// <summary>Safe to run again: start-up runs them on every SQLite database (a table rebuild would have dropped them).</summary>
    public static readonly IReadOnlyList<string> Sqlite =
    [
        "CREATE TRIGGER IF NOT EXISTS AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only: rows are never changed.'); END;",
        "CREATE TRIGGER IF NOT EXISTS AuditEntries_NoDelete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only: rows are never deleted.'); END;",
        "CREATE TRIGGER IF NOT EXISTS Disclosures_NoUpdate BEFORE UPDATE ON Disclosures BEGIN SELECT RAISE(ABORT, 'Disclosures is append-only: rows are never changed.'); END;",
        "CREATE TRIGGER IF NOT EXISTS Disclosures_NoDelete BEFORE DELETE ON Disclosures BEGIN SELECT RAISE(ABORT, 'Disclosures is append-only: rows are never deleted.'); END;",
        "CREATE TRIGGER IF NOT EXISTS AuditChainHeads_Forward BEFORE UPDATE ON AuditChainHeads WHEN NEW.Id <> OLD.Id OR NEW.Sequence < OLD.Sequence BEGIN SELECT RAISE(ABORT, 'The audit chain head only moves forward.'); END;",
        "CREATE TRIGGER IF NOT EXISTS AuditChainHeads_NoDelete BEFORE DELETE ON AuditChainHeads BEGIN SELECT RAISE(ABORT, 'The audit chain head is never deleted.'); END;",
    ];

    /// <summary>
    /// DENY binds every user but the database owner (dbo, sysadmin); the INSTEAD OF triggers bind the owner too, unless
    /// they are disabled, which takes ALTER on the table. Run the app as a login that owns nothing.
    /// </summary>
    public static readonly IReadOnlyList<string> SqlServer =
    [
        "DENY UPDATE, DELETE ON [dbo].[AuditEntries] TO [public];",
        "DENY UPDATE, DELETE ON [dbo].[Disclosures] TO [public];",
        "DENY DELETE ON [dbo].[AuditChainHeads] TO [public];",
        """
        CREATE TRIGGER [dbo].[AuditEntries_AppendOnly] ON [dbo].[AuditEntries] INSTEAD OF UPDATE, DELETE AS
        BEGIN
            THROW 51000, 'AuditEntries is append-only: rows are never changed or deleted.', 1;
        END;
        """,
        """
        CREATE TRIGGER [dbo].[Disclosures_AppendOnly] ON [dbo].[Disclosures] INSTEAD OF UPDATE, DELETE AS
        BEGIN
            THROW 51000, 'Disclosures is append-only: rows are never changed or deleted.', 1;
        END;
        """,
        """
        CREATE TRIGGER [dbo].[AuditChainHeads_Forward] ON [dbo].[AuditChainHeads] AFTER UPDATE, DELETE AS
        BEGIN
            IF (EXISTS (SELECT 1 FROM deleted) AND NOT EXISTS (SELECT 1 FROM inserted))
                OR EXISTS (SELECT 1 FROM inserted i JOIN deleted d ON d.[Id] = i.[Id] WHERE i.[Sequence] < d.[Sequence])
                THROW 51000, 'The audit chain head only moves forward and is never deleted.', 1;
        END;
        """,
    ];

    /// <summary>For the PostgreSQL provider's migration: row triggers for UPDATE and DELETE, statement triggers for TRUNCATE.</summary>
    public static readonly IReadOnlyList<string> PostgreSql =
    [
        """
        CREATE FUNCTION admissions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only: rows are never changed or deleted.', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END $$;
        """,
        """
        CREATE FUNCTION admissions_audit_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' OR NEW."Id" <> OLD."Id" OR NEW."Sequence" < OLD."Sequence" THEN
                RAISE EXCEPTION 'The audit chain head only moves forward and is never deleted.' USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END $$;
        """,
        "CREATE TRIGGER \"AuditEntries_AppendOnly\" BEFORE UPDATE OR DELETE ON \"AuditEntries\" FOR EACH ROW EXECUTE FUNCTION admissions_refuse_change();",
        "CREATE TRIGGER \"AuditEntries_NoTruncate\" BEFORE TRUNCATE ON \"AuditEntries\" FOR EACH STATEMENT EXECUTE FUNCTION admissions_refuse_change();",
        "CREATE TRIGGER \"Disclosures_AppendOnly\" BEFORE UPDATE OR DELETE ON \"Disclosures\" FOR EACH ROW EXECUTE FUNCTION admissions_refuse_change();",
        "CREATE TRIGGER \"Disclosures_NoTruncate\" BEFORE TRUNCATE ON \"Disclosures\" FOR EACH STATEMENT EXECUTE FUNCTION admissions_refuse_change();",
        "CREATE TRIGGER \"AuditChainHeads_Forward\" BEFORE UPDATE OR DELETE ON \"AuditChainHeads\" FOR EACH ROW EXECUTE FUNCTION admissions_audit_head_forward();",
        "CREATE TRIGGER \"AuditChainHeads_NoTruncate\" BEFORE TRUNCATE ON \"AuditChainHeads\" FOR EACH STATEMENT EXECUTE FUNCTION admissions_refuse_change();",
    ];
}
