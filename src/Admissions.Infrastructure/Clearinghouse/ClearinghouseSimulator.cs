using System.Collections.Concurrent;
using System.Globalization;
using Admissions.Application.Insurance;
using Admissions.Edi;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Clearinghouse;

/// <summary>
/// A deterministic payer behind a pretend clearinghouse, for demos and tests: reads a 270 or 278 request
/// and writes the answer that the last two characters of the subscriber's member id call for
/// (the table is in README.md, "Clearinghouse simulator"). Throws <see cref="InvalidDataException"/>
/// for a payload that is not the request it should be.
/// </summary>
public sealed class ClearinghouseSimulator(ClearinghouseIdentity identity, IOptions<ClearinghouseSettings> settings, TimeProvider clock)
{
    public const string SlowPayer = "09";
    public const string PendedFirst = "05";

    private readonly ConcurrentDictionary<(string MemberId, DateOnly AdmissionDate), bool> _pended = new();
    private int _controlNumber;

    public async Task<string> AnswerEligibilityAsync(string request270, CancellationToken cancellationToken = default)
    {
        var request = Read<EligibilityRequest>(request270, "270 eligibility inquiry");
        if (MemberSuffix(request.Subscriber.MemberId) == SlowPayer)
        {
            await Task.Delay(TimeSpan.FromSeconds(settings.Value.SimulatorDelaySeconds), clock, cancellationToken).ConfigureAwait(false);
        }

        var number = Interlocked.Increment(ref _controlNumber);
        return Write(() => X12.Write(SimulatedEligibility.Answer(request, ControlNumber(number)), Envelope(number)));
    }

    public string AnswerReview(string request278)
    {
        var request = Read<ServiceReviewRequest>(request278, "278 request for review");
        // Only the first request for a member's admission is pended; every later one is decided.
        var firstForAdmission = MemberSuffix(request.Subscriber.MemberId) == PendedFirst
            && _pended.TryAdd((request.Subscriber.MemberId ?? "", request.AdmissionDate), true);
        var number = Interlocked.Increment(ref _controlNumber);
        return Write(() => X12.Write(SimulatedReview.Answer(request, ControlNumber(number), firstForAdmission), Envelope(number)));
    }

    internal static string MemberSuffix(string? memberId) => memberId is { Length: >= 2 } id ? id[^2..] : "";

    internal static bool IsMemberError(string suffix) => suffix is "72" or "73" or "75";

    private static T Read<T>(string text, string expected) where T : X12Transaction
    {
        X12Document document;
        try
        {
            document = X12.Read(text);
        }
        catch (X12ParseException e)
        {
            // The reason stays out: it may quote the segment, and segments carry PHI.
            throw new InvalidDataException($"The payload is not readable X12 (segment {e.SegmentIndex}).", e);
        }

        return document.Transactions.OfType<T>().FirstOrDefault()
            ?? throw new InvalidDataException($"The payload holds no {expected}.");
    }

    /// <summary>The answer echoes the request's names; a request written with other delimiters may hold ours.</summary>
    private static string Write(Func<string> write)
    {
        try
        {
            return write();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException("The payload holds values that cannot be echoed in the answer.", e);
        }
    }

    private static string ControlNumber(int number) => number.ToString("D4", CultureInfo.InvariantCulture);

    private X12Envelope Envelope(int number) =>
        new(identity.ReceiverId, identity.SubmitterId, number, clock.GetUtcNow(), Production: false);
}
