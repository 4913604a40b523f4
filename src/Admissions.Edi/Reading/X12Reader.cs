namespace Admissions.Edi.Reading;

/// <summary>
/// Reads the envelopes (ISA/IEA, GS/GE, ST/SE), checks their counts and control numbers, and
/// hands each transaction set to the reader for its ST01 (and BHT02 for 278).
/// </summary>
internal static class X12Reader
{
    public static X12Document Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new X12ParseException("The text is empty: expected an interchange starting with ISA", 0, 0);
        }

        var tokens = new X12Tokenizer(text);
        if (!tokens.NextInterchange())
        {
            throw tokens.EndError("The text holds only whitespace: expected an interchange starting with ISA");
        }

        var transactions = new List<X12Transaction>();
        do
        {
            ReadInterchange(tokens, transactions);
        }
        while (tokens.NextInterchange());

        return new X12Document(transactions);
    }

    private static void ReadInterchange(X12Tokenizer tokens, List<X12Transaction> transactions)
    {
        var control = tokens.Text(13);
        var groups = 0;
        while (tokens.Next())
        {
            if (tokens.Is("GS"))
            {
                ReadGroup(tokens, transactions);
                groups++;
            }
            else if (tokens.Is("IEA"))
            {
                CheckCount(tokens, groups, "functional groups");
                CheckControlNumber(tokens, 2, control, "ISA13");
                return;
            }
            else
            {
                throw tokens.Error($"Expected GS or IEA in the interchange, found {tokens.Id}");
            }
        }

        throw tokens.EndError($"The text ends before the IEA that closes interchange {control}");
    }

    private static void ReadGroup(X12Tokenizer tokens, List<X12Transaction> transactions)
    {
        var control = tokens.Text(6);
        var sets = 0;
        while (tokens.Next())
        {
            if (tokens.Is("ST"))
            {
                transactions.Add(ReadTransaction(tokens));
                sets++;
            }
            else if (tokens.Is("GE"))
            {
                CheckCount(tokens, sets, "transaction sets");
                CheckControlNumber(tokens, 2, control, "GS06");
                return;
            }
            else
            {
                throw tokens.Error($"Expected ST or GE in the functional group, found {tokens.Id}");
            }
        }

        throw tokens.EndError($"The text ends before the GE that closes functional group {control}");
    }

    private static X12Transaction ReadTransaction(X12Tokenizer tokens)
    {
        var first = tokens.Index;
        var type = tokens.Text(1);
        if (type is not ("270" or "271" or "278"))
        {
            throw tokens.Error($"Transaction set '{type}' is not supported: expected 270, 271 or 278", 1);
        }

        var control = tokens.Text(2) ?? throw tokens.Error("ST02, the transaction set control number, is missing", 2);
        var inquiry = tokens.Text(3) == Writing.ServiceReviewRequestWriter.InquiryVersion;
        if (!tokens.Next())
        {
            throw tokens.EndError("The text ends after ST: expected BHT");
        }

        if (!tokens.Is("BHT"))
        {
            throw tokens.Error($"Expected BHT after ST, found {tokens.Id}");
        }

        var reference = tokens.Text(3);
        X12Transaction transaction = type switch
        {
            "270" => EligibilityRequestReader.Read(tokens, control, reference),
            "271" => EligibilityResponseReader.Read(tokens, control, reference),
            _ when tokens[2].SequenceEqual("13") => ServiceReviewRequestReader.Read(tokens, control, reference) with { Inquiry = inquiry },
            _ when tokens[2].SequenceEqual("11") => ServiceReviewResponseReader.Read(tokens, control, reference),
            _ => throw tokens.Error($"278 BHT02 '{tokens.Text(2)}' is not supported: expected 13 (request) or 11 (response)", 2),
        };

        // The readers stop on SE.
        var segments = tokens.Index - first + 1;
        var declared = tokens.Integer(1);
        if (declared != segments)
        {
            throw tokens.Error(
                $"SE01 declares {declared} segments, but transaction set {type} {control} has {segments} (ST to SE inclusive)", 1);
        }

        CheckControlNumber(tokens, 2, control, "ST02");
        return transaction;
    }

    private static void CheckCount(X12Tokenizer tokens, int actual, string what)
    {
        var declared = tokens.Integer(1);
        if (declared != actual)
        {
            throw tokens.Error($"{tokens.Name(1)} declares {declared} {what}, but there are {actual}", 1);
        }
    }

    private static void CheckControlNumber(X12Tokenizer tokens, int index, string? opening, string openingName)
    {
        if (!tokens[index].SequenceEqual(opening))
        {
            throw tokens.Error(
                $"{tokens.Name(index)} '{tokens.Text(index)}' does not match {openingName} '{opening}'", index);
        }
    }
}
