using Admissions.Domain.Common;

namespace Admissions.Domain.Tests.Common;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("(555) 201-4477")]
    [InlineData("555.201.4477")]
    [InlineData("+1 555 201 4477")]
    [InlineData("15552014477")]
    [InlineData("5552014477")]
    [InlineData("555-201-4477")]
    [InlineData("+1 (555) 201-4477")]
    [InlineData("1-555-201-4477")]
    [InlineData("  555 201 4477  ")]
    public void Common_ways_of_writing_a_number_give_its_ten_digits(string input)
    {
        Assert.True(PhoneNumber.TryNormalize(input, out var digits));
        Assert.Equal("5552014477", digits);
        Assert.Equal("5552014477", PhoneNumber.Normalize(input));
    }

    [Theory]
    [InlineData("555-201-447A")] // a letter
    [InlineData("1-800-FLOWERS")] // vanity letters
    [InlineData("555 201 4477 x12")] // extension
    [InlineData("555/201/4477")] // unexpected separator
    [InlineData("555201447")] // 9 digits
    [InlineData("(555) 201-447")] // 9 digits, formatted
    [InlineData("555201447712")] // 12 digits
    [InlineData("25552014477")] // 11 digits, not a +1 prefix
    [InlineData("+44 20 7946 0958")] // not North American
    [InlineData("055 201 4477")] // area code starts with 0
    [InlineData("155 201 4477")] // area code starts with 1
    [InlineData("+1 055 201 4477")] // area code starts with 0 after the country code
    [InlineData("1 155 201 4477")] // area code starts with 1 after the country code
    [InlineData("555 001 4477")] // exchange starts with 0
    [InlineData("555 101 4477")] // exchange starts with 1
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("()-.+")]
    [InlineData(null)]
    public void Anything_that_is_not_a_valid_nanp_number_is_rejected(string? input)
    {
        Assert.False(PhoneNumber.TryNormalize(input, out var digits));
        Assert.Null(digits);
        Assert.Null(PhoneNumber.Normalize(input));
    }

    /// <summary>
    /// char.IsDigit accepts every Unicode decimal digit, not just 0-9. Ten digits are meant to be
    /// ASCII so that the same number typed two ways matches for duplicate detection, and the
    /// NANP check compares against ASCII '0' and '1' only. Either rejecting these inputs or
    /// converting them to ASCII is acceptable; returning non-ASCII "digits" is not.
    /// </summary>
    [Theory]
    [InlineData("５５５-２０１-４４７７")] // full-width digits (IME input)
    [InlineData("٥٥٥-٢٠١-٤٤٧٧")] // Arabic-Indic digits
    [InlineData("५५५-२०१-४४७७")] // Devanagari digits
    public void Non_ascii_digits_never_come_back_as_phone_digits(string input)
    {
        var digits = PhoneNumber.Normalize(input);

        Assert.True(digits is null or "5552014477", $"Normalize returned \"{digits}\".");
    }

    [Theory]
    [InlineData("٠٥٥-٢٠١-٤٤٧٧")] // Arabic-Indic: area code starts with zero
    [InlineData("５５５-０１２-４４７７")] // full-width: exchange starts with zero
    public void The_nanp_rules_also_hold_for_non_ascii_digits(string input)
    {
        Assert.Null(PhoneNumber.Normalize(input));
    }

    [Fact]
    public void Format_writes_ten_digits_the_american_way()
    {
        Assert.Equal("(555) 201-4477", PhoneNumber.Format("5552014477"));
    }

    [Theory]
    [InlineData("555201447")]
    [InlineData("15552014477")]
    [InlineData("")]
    public void Format_leaves_anything_but_ten_digits_unchanged(string digits)
    {
        Assert.Equal(digits, PhoneNumber.Format(digits));
    }

    [Theory]
    [InlineData("+1 555 201 4477")]
    [InlineData("555.309.8812")]
    [InlineData("(212) 555-0148")]
    public void A_formatted_number_normalizes_back_to_the_same_digits(string input)
    {
        var digits = PhoneNumber.Normalize(input);
        Assert.NotNull(digits);

        Assert.Equal(digits, PhoneNumber.Normalize(PhoneNumber.Format(digits)));
    }
}
