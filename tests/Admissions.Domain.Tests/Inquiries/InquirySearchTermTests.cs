using Admissions.Domain.Inquiries;
using static Admissions.Domain.Tests.Inquiries.InquiryTestData;

namespace Admissions.Domain.Tests.Inquiries;

public class InquirySearchTermTests
{
    private static string[] Terms(string first, string last, string caller) =>
        [.. InquirySearchTerm.For(new InquiryDetails { PatientFirstName = first, PatientLastName = last, CallerName = caller }).Order(StringComparer.Ordinal)];

    private static string[] Terms(Inquiry inquiry) => [.. inquiry.SearchTerms.Select(t => t.Term).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_terms_are_the_upper_case_words_of_the_patient_and_caller_names_once_each()
    {
        Assert.Equal(["ALEX", "LOPEZ", "MARIA"], Terms("Alex", "Lopez", "Maria Lopez"));
    }

    [Theory]
    [InlineData("Mary-Jane", new[] { "JANE", "MARY" })]
    [InlineData("  Mary   Jane ", new[] { "JANE", "MARY" })]
    [InlineData("J. R.", new[] { "J", "R" })]
    [InlineData("Smith/Jones, Jr", new[] { "JONES", "JR", "SMITH" })]
    [InlineData("Anna2", new[] { "ANNA2" })]
    public void Hyphens_periods_spaces_and_other_punctuation_separate_words(string name, string[] expected)
    {
        Assert.Equal(expected, Terms(name, "", ""));
    }

    [Theory]
    [InlineData("O'Neil")]
    [InlineData("O’Neil")]
    public void An_apostrophe_joins_its_word_and_the_part_after_it_is_a_term_too(string name)
    {
        Assert.Equal(["NEIL", "ONEIL"], Terms(name, "", ""));
    }

    [Theory]
    [InlineData("José Núñez", new[] { "JOSE", "NUNEZ" })]
    [InlineData("Zoë Brontë", new[] { "BRONTE", "ZOE" })]
    [InlineData("ÅSA", new[] { "ASA" })]
    public void Diacritics_are_dropped(string name, string[] expected)
    {
        Assert.Equal(expected, Terms(name, "", ""));
    }

    [Fact]
    public void Names_with_no_letters_or_digits_give_no_terms()
    {
        Assert.Empty(Terms("", " - ", "?"));
    }

    [Fact]
    public void A_word_longer_than_a_term_column_is_cut_to_its_length()
    {
        var term = Assert.Single(Terms(new string('a', 150), "", ""));

        Assert.Equal(InquirySearchTerm.MaxLength, term.Length);
    }

    [Theory]
    [InlineData("o'neil", new[] { "ONEIL" })]
    [InlineData("ONEIL", new[] { "ONEIL" })]
    [InlineData("mary-jane", new[] { "MARY", "JANE" })]
    [InlineData("  núñez  ", new[] { "NUNEZ" })]
    [InlineData("%_'", new string[0])]
    public void Search_words_are_normalised_like_the_terms(string search, string[] expected)
    {
        Assert.Equal(expected, InquirySearchTerm.SearchWords(search));
    }

    [Fact]
    public void A_search_word_that_starts_another_is_left_out_as_the_longer_word_implies_it()
    {
        Assert.Equal(["MARY", "GARC"], InquirySearchTerm.SearchWords("mar mary garc ga mary"));
    }

    [Fact]
    public void A_new_inquiry_has_the_terms_of_its_names()
    {
        var inquiry = Inquiry.Create(Number, Details() with { CallerName = "Maria O'Neil" }, Coordinator, CreatedAt);

        Assert.Equal(["ALEX", "LOPEZ", "MARIA", "NEIL", "ONEIL"], Terms(inquiry));
        Assert.All(inquiry.SearchTerms, t => Assert.Equal(inquiry.Id, t.InquiryId));
    }

    [Fact]
    public void Changing_a_name_replaces_only_the_words_that_changed()
    {
        var inquiry = Inquiry.Create(Number, Details(), Coordinator, CreatedAt);
        var alex = inquiry.SearchTerms.Single(t => t.Term == "ALEX");

        inquiry.UpdateDetails(Details() with { PatientLastName = "Rivera" }, Coordinator, CreatedAt.AddMinutes(5));

        Assert.Equal(["ALEX", "LOPEZ", "MARIA", "RIVERA"], Terms(inquiry)); // the caller is still Maria Lopez
        Assert.Same(alex, inquiry.SearchTerms.Single(t => t.Term == "ALEX"));
    }

    [Fact]
    public void Changing_details_other_than_names_leaves_the_terms_alone()
    {
        var inquiry = Inquiry.Create(Number, Details(), Coordinator, CreatedAt);
        var before = inquiry.SearchTerms.ToList();

        inquiry.UpdateDetails(Details() with { Notes = "Prefers texts.", CallerName = "maria  LOPEZ" }, Coordinator, CreatedAt.AddMinutes(5));

        Assert.Equal(before, inquiry.SearchTerms);
    }
}
