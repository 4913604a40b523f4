using Admissions.Application.Common;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

/// <summary>
/// How a request goes to a payer through the clearinghouse, for the 270 and the 278 alike: earlier attempts cut off
/// by a stop are marked, the exchange and what the caller puts on record (the disclosure, 42 CFR 2.24) are saved
/// before anything leaves, then the answer, or that none came, is kept on the exchange for the caller to read and save.
/// </summary>
internal static class PayerExchange
{
    public const string NoConsent = "Not sent: there is no active Part 2 consent covering this payer (it may have been revoked or expired).";

    /// <summary>The payer's answer (null when the clearinghouse did not answer; <see cref="Unavailable"/> says why).</summary>
    public sealed record Answer(string? Response, string? Unavailable);

    public static async Task<Answer> SendAsync(
        IAdmissionsDbContext db, X12Exchange exchange, Func<Task> beforeSending, Func<string, CancellationToken, Task<string>> send,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        await MarkInterruptedAttemptsAsync(db, exchange.SubjectId, cancellationToken);
        db.X12Exchanges.Add(exchange);
        await beforeSending();
        await db.SaveChangesAsync(cancellationToken);

        try
        {
            exchange.Response = await send(exchange.Request, cancellationToken);
            exchange.ReceivedAt = clock.GetUtcNow();
            return new(exchange.Response, null);
        }
        catch (ClearinghouseUnavailableException ex)
        {
            exchange.NoAnswer = $"The clearinghouse did not answer: {ex.Message}";
            return new(null, ex.Message);
        }
    }

    /// <summary>
    /// Before a request is sent again, the earlier attempts that neither got an answer nor failed to reach the
    /// clearinghouse were cut off (the app stopped while waiting): they are marked so, rather than left looking unanswered.
    /// </summary>
    private static async Task MarkInterruptedAttemptsAsync(IAdmissionsDbContext db, Guid subjectId, CancellationToken cancellationToken)
    {
        foreach (var cutOff in await db.X12Exchanges.Where(x => x.SubjectId == subjectId && x.Response == null && x.NoAnswer == null).ToListAsync(cancellationToken))
        {
            cutOff.NoAnswer = X12Exchange.Interrupted;
        }
    }
}
