using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Insurance;

public enum PayerImportAction
{
    Add,
    Change,
    Unchanged,
}

/// <summary>One good row of an import and what it would do: the payer it matched (by payer id, then by name or alias) and the fields it changes.</summary>
public sealed record PayerImportRow(int Line, PayerImportAction Action, string PayerId, string Name, IReadOnlyList<string> States,
    PayerTransactions Transactions, Guid? MatchedPayerId, string? MatchedName, IReadOnlyList<string> Changes);

public sealed record PayerImportError(int Line, string Text, string Reason);

public sealed record PayerImportPreview(string Clearinghouse, bool IsOurClearinghouse, IReadOnlyList<PayerImportRow> Rows, IReadOnlyList<PayerImportError> Errors)
{
    public int Adds => Rows.Count(r => r.Action == PayerImportAction.Add);
    public int Changes => Rows.Count(r => r.Action == PayerImportAction.Change);
    public bool CanApply => Errors.Count == 0 && Rows.Any(r => r.Action != PayerImportAction.Unchanged);
}

/// <summary>
/// Reads a clearinghouse payer list (CSV with a header: payer id, payer name, state, transactions supported) and says
/// what it would add and change, without writing anything. <see cref="IsOurClearinghouse"/> puts the ids in the payer id
/// the app sends; otherwise they are kept as another clearinghouse's ids.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record PreviewPayerImport(string Csv, string Clearinghouse, bool IsOurClearinghouse = true) : IQuery<PayerImportPreview>, IPayerImport;

/// <summary>Applies an import all at once; a file with any bad row writes nothing.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record ApplyPayerImport(string Csv, string Clearinghouse, bool IsOurClearinghouse = true) : ICommand<PayerImportPreview>, IPayerImport;

public interface IPayerImport
{
    string Csv { get; }
    string Clearinghouse { get; }
}

public abstract class PayerImportValidator<T> : AbstractValidator<T>
    where T : IPayerImport
{
    protected PayerImportValidator()
    {
        RuleFor(c => c.Csv).NotEmpty().WithMessage("Choose a CSV file or paste the payer list.").MaximumLength(PayerImports.MaxLength)
            .WithMessage("The file is too large (at most 2 MB).");
        RuleFor(c => c.Clearinghouse).NotEmpty().WithMessage("Name the clearinghouse the list comes from.").MaximumLength(60);
    }
}

public sealed class PreviewPayerImportValidator : PayerImportValidator<PreviewPayerImport>;

public sealed class ApplyPayerImportValidator : PayerImportValidator<ApplyPayerImport>;

public sealed class PreviewPayerImportHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<PreviewPayerImport, PayerImportPreview>
{
    public async ValueTask<PayerImportPreview> Handle(PreviewPayerImport query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var payers = await db.Payers.AsNoTracking().ToListAsync(cancellationToken);
        return PayerImports.Plan(query.Csv, query.Clearinghouse.Trim(), query.IsOurClearinghouse, payers);
    }
}

public sealed class ApplyPayerImportHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ApplyPayerImport, PayerImportPreview>
{
    public async ValueTask<PayerImportPreview> Handle(ApplyPayerImport command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var payers = await db.Payers.ToListAsync(cancellationToken);
        var clearinghouse = command.Clearinghouse.Trim();
        var plan = PayerImports.Plan(command.Csv, clearinghouse, command.IsOurClearinghouse, payers);
        if (plan.Errors.Count > 0)
        {
            throw new DomainRuleException($"Nothing was imported: {plan.Errors.Count} row(s) need correcting first (line {plan.Errors[0].Line}: {plan.Errors[0].Reason}).");
        }

        var now = clock.GetUtcNow();
        foreach (var row in plan.Rows.Where(r => r.Action != PayerImportAction.Unchanged))
        {
            var payer = row.MatchedPayerId is { } id ? payers.Single(p => p.Id == id) : NewPayer(row, db);
            PayerImports.Apply(payer, row, clearinghouse, command.IsOurClearinghouse);
            payer.UpdatedAt = now;
            payer.UpdatedByName = user.Name;
        }

        // One save: the whole file or nothing.
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    private static Payer NewPayer(PayerImportRow row, IAdmissionsDbContext db)
    {
        var payer = new Payer { Name = row.Name, Kind = PayerImports.KindFor(row.Name), InNetwork = false };
        db.Payers.Add(payer);
        return payer;
    }
}

/// <summary>The CSV rules of a payer import: columns found by their header, rows checked one by one.</summary>
public static class PayerImports
{
    public const int MaxLength = 2_000_000;

    private static readonly string[] IdHeaders = ["payer id", "payerid", "payer_id", "cpid", "id"];
    private static readonly string[] NameHeaders = ["payer name", "payername", "payer_name", "name"];
    private static readonly string[] StateHeaders = ["state", "states", "payer state"];
    private static readonly string[] TransactionHeaders = ["transactions supported", "transactions", "transaction", "supported transactions"];

    public static PayerImportPreview Plan(string csv, string clearinghouse, bool ours, IReadOnlyList<Payer> payers)
    {
        List<PayerImportRow> rows = [];
        List<PayerImportError> errors = [];
        var lines = Csv.Parse(csv);
        if (lines.Count == 0)
        {
            return new(clearinghouse, ours, rows, [new PayerImportError(1, "", "The file is empty.")]);
        }

        var header = lines[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string[] names) => header.FindIndex(h => names.Contains(h));
        var (idColumn, nameColumn, stateColumn, transactionColumn) = (Column(IdHeaders), Column(NameHeaders), Column(StateHeaders), Column(TransactionHeaders));
        if (idColumn < 0 || nameColumn < 0)
        {
            return new(clearinghouse, ours, rows,
                [new PayerImportError(1, string.Join(",", lines[0].Fields), "The first line must name the columns: Payer ID, Payer Name, State, Transactions.")]);
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Fields.Any(f => !string.IsNullOrWhiteSpace(f))))
        {
            string Field(int column) => column >= 0 && column < line.Fields.Count ? line.Fields[column].Trim() : "";
            var text = string.Join(",", line.Fields);
            var (payerId, name) = (Field(idColumn).ToUpperInvariant(), Field(nameColumn));
            var reason = payerId.Length == 0 ? "The payer id is missing."
                : !PayerFormValidator.IsPayerId(payerId) ? $"The payer id \u201c{payerId}\u201d may contain only letters, digits and hyphens (at most 80)."
                : name.Length == 0 ? "The payer name is missing."
                : name.Length > 100 ? "The payer name is longer than 100 characters."
                : seen.TryGetValue(payerId, out var first) ? $"The payer id {payerId} is also on line {first}."
                : null;
            var states = States(Field(stateColumn), out var badState);
            reason ??= badState is null ? null : $"\u201c{badState}\u201d is not a state code (use two letters, e.g. FL, or ALL).";
            var transactions = Transactions(Field(transactionColumn), out var badTransaction);
            reason ??= badTransaction is null ? null : $"\u201c{badTransaction}\u201d is not a transaction this import knows (270/271, 278, 278 inquiry, 276/277, 837, 835).";
            if (reason is not null)
            {
                errors.Add(new(line.Number, text, reason));
                continue;
            }

            seen[payerId] = line.Number;
            var match = Match(payers, payerId, name, clearinghouse, ours);
            var changes = match is null ? [] : Changes(match, payerId, states, transactions, clearinghouse, ours);
            var action = match is null ? PayerImportAction.Add : changes.Count > 0 ? PayerImportAction.Change : PayerImportAction.Unchanged;
            rows.Add(new(line.Number, action, payerId, name, states, transactions, match?.Id, match?.Name, changes));
        }

        var duplicateMatches = rows.Where(r => r.MatchedPayerId is not null).GroupBy(r => r.MatchedPayerId).Where(g => g.Count() > 1);
        foreach (var group in duplicateMatches)
        {
            foreach (var row in group.Skip(1))
            {
                errors.Add(new(row.Line, $"{row.PayerId},{row.Name}", $"Line {group.First().Line} already matches {row.MatchedName}; one payer takes one id per clearinghouse."));
            }
        }

        return new(clearinghouse, ours, rows, errors.OrderBy(e => e.Line).ToList());
    }

    public static void Apply(Payer payer, PayerImportRow row, string clearinghouse, bool ours)
    {
        if (ours)
        {
            payer.ClearinghousePayerId = row.PayerId;
        }
        else
        {
            payer.OtherClearinghouseIds =
            [
                .. payer.OtherClearinghouseIds.Where(o => !o.Clearinghouse.Equals(clearinghouse, StringComparison.OrdinalIgnoreCase)),
                new ClearinghousePayerId { Clearinghouse = clearinghouse, PayerId = row.PayerId },
            ];
        }

        if (row.States.Count > 0)
        {
            payer.States = [.. row.States];
        }

        if (ours && row.Transactions != PayerTransactions.None)
        {
            payer.Transactions = row.Transactions;
        }
    }

    public static PayerKind KindFor(string name) =>
        name.Contains("TRICARE", StringComparison.OrdinalIgnoreCase) ? PayerKind.Military
        : name.Contains("Medicare", StringComparison.OrdinalIgnoreCase) ? PayerKind.Medicare
        : name.Contains("Medicaid", StringComparison.OrdinalIgnoreCase) ? PayerKind.Medicaid
        : PayerKind.Commercial;

    private static Payer? Match(IReadOnlyList<Payer> payers, string payerId, string name, string clearinghouse, bool ours)
    {
        var byId = payers.FirstOrDefault(p => ours
            ? string.Equals(p.ClearinghousePayerId, payerId, StringComparison.OrdinalIgnoreCase)
            : p.OtherClearinghouseIds.Any(o => o.Clearinghouse.Equals(clearinghouse, StringComparison.OrdinalIgnoreCase) && o.PayerId.Equals(payerId, StringComparison.OrdinalIgnoreCase)));
        if (byId is not null)
        {
            return byId;
        }

        var key = PayerSearch.Key(name);
        return payers.FirstOrDefault(p => PayerSearch.Key(p.Name) == key) ?? payers.FirstOrDefault(p => p.Aliases.Any(a => PayerSearch.Key(a) == key));
    }

    private static List<string> Changes(Payer payer, string payerId, List<string> states, PayerTransactions transactions, string clearinghouse, bool ours)
    {
        List<string> changes = [];
        var current = ours ? payer.ClearinghousePayerId
            : payer.OtherClearinghouseIds.FirstOrDefault(o => o.Clearinghouse.Equals(clearinghouse, StringComparison.OrdinalIgnoreCase))?.PayerId;
        if (!string.Equals(current, payerId, StringComparison.OrdinalIgnoreCase))
        {
            changes.Add($"payer id {current ?? "(none)"} \u2192 {payerId}");
        }

        if (states.Count > 0 && !states.Order().SequenceEqual(payer.States.Order()))
        {
            changes.Add($"states {(payer.States.Count == 0 ? "(all)" : string.Join(" ", payer.States))} \u2192 {string.Join(" ", states)}");
        }

        if (ours && transactions != PayerTransactions.None && transactions != payer.Transactions)
        {
            changes.Add($"transactions {Describe(payer.Transactions)} \u2192 {Describe(transactions)}");
        }

        return changes;
    }

    /// <summary>States as a clearinghouse list writes them: "FL", "FL; GA", "ALL" or "National" (every state: none listed).</summary>
    private static List<string> States(string text, out string? bad)
    {
        bad = null;
        var parts = text.Split([',', ';', '|', ' ', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Any(p => p.Equals("ALL", StringComparison.OrdinalIgnoreCase) || p.Equals("NATIONAL", StringComparison.OrdinalIgnoreCase) || p.Equals("US", StringComparison.OrdinalIgnoreCase)))
        {
            return [];
        }

        bad = parts.FirstOrDefault(p => !UsStates.IsValid(p));
        return parts.Select(p => p.ToUpperInvariant()).Distinct().ToList();
    }

    /// <summary>"270/271; 278; 837P; 835" and words such as "Eligibility", "Authorization", "Claim status".</summary>
    private static PayerTransactions Transactions(string text, out string? bad)
    {
        bad = null;
        var result = PayerTransactions.None;
        foreach (var part in text.Split([',', ';', '|', '/', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var token = part.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            var flag = token switch
            {
                "270" or "271" or "ELIG" or "ELIGIBILITY" => PayerTransactions.Eligibility,
                "278" or "278R" or "AUTH" or "AUTHORIZATION" or "PRIORAUTH" or "PRIORAUTHORIZATION" or "REFERRALS" => PayerTransactions.ServiceReview,
                "278I" or "278INQUIRY" or "AUTHINQUIRY" or "AUTHSTATUS" or "X215" => PayerTransactions.ServiceReviewInquiry,
                "276" or "277" or "CLAIMSTATUS" => PayerTransactions.ClaimStatus,
                "837" or "837P" or "837I" or "CLAIMS" or "PROFESSIONAL" or "INSTITUTIONAL" => PayerTransactions.Claims,
                "835" or "ERA" or "REMITTANCE" => PayerTransactions.Remittance,
                _ => (PayerTransactions?)null,
            };
            if (flag is null)
            {
                bad = part;
                return result;
            }

            result |= flag.Value;
        }

        return result;
    }

    public static string Describe(PayerTransactions transactions)
    {
        if (transactions == PayerTransactions.None)
        {
            return "none";
        }

        List<string> names = [];
        if (transactions.HasFlag(PayerTransactions.Eligibility))
        {
            names.Add("270/271");
        }

        if (transactions.HasFlag(PayerTransactions.ServiceReview))
        {
            names.Add("278");
        }

        if (transactions.HasFlag(PayerTransactions.ServiceReviewInquiry))
        {
            names.Add("278 inquiry");
        }

        if (transactions.HasFlag(PayerTransactions.ClaimStatus))
        {
            names.Add("276/277");
        }

        if (transactions.HasFlag(PayerTransactions.Claims))
        {
            names.Add("837");
        }

        if (transactions.HasFlag(PayerTransactions.Remittance))
        {
            names.Add("835");
        }

        return string.Join(", ", names);
    }
}
