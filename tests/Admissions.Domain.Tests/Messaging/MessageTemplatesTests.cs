using Admissions.Domain.Messaging;

namespace Admissions.Domain.Tests.Messaging;

public class MessageTemplatesTests
{
    public static TheoryData<string> ProspectTemplates() => [.. MessageTemplates.All.Where(t => t.Audience == MessageAudience.Prospect).Select(t => t.Key)];

    [Theory]
    [MemberData(nameof(ProspectTemplates))]
    public void Prospect_templates_never_mention_treatment_substances_or_conditions(string key)
    {
        var template = MessageTemplates.Get(key);

        Assert.Empty(MessageTemplates.BannedWordsIn(template.Subject));
        Assert.Empty(MessageTemplates.BannedWordsIn(template.EmailBody));
        Assert.Empty(MessageTemplates.BannedWordsIn(template.SmsBody));
    }

    [Theory]
    [MemberData(nameof(ProspectTemplates))]
    public void Every_prospect_text_says_how_to_opt_out_and_fits_in_two_sms_segments(string key)
    {
        var text = MessageTemplates.Render(key, MessageChannel.Sms, Values());

        Assert.EndsWith("Reply STOP to opt out.", text.Body, StringComparison.Ordinal);
        Assert.True(text.Body.Length <= 306, $"{key} is {text.Body.Length} characters");
        Assert.DoesNotContain("{", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogue_has_the_reminder_missed_call_nurture_digest_safety_escalation_and_account_templates()
    {
        Assert.Equal(
            ["callback-reminder", "missed-call", "nurture-1d", "nurture-7d", "nurture-30d", "admission-reminder", "consent-signing", "manager-digest", "safety-escalation", "staff-invitation", "password-reset"],
            MessageTemplates.All.Select(t => t.Key));
    }

    [Theory]
    [InlineData("Your treatment starts Monday", "treatment")]
    [InlineData("DETOX bed available", "detox")]
    [InlineData("Cedar Ridge Recovery", "recovery")]
    [InlineData("Bring your AA chip", "AA")]
    public void The_banned_word_check_finds_whole_words_in_any_case(string text, string expected)
    {
        Assert.Contains(expected, MessageTemplates.BannedWordsIn(text));
    }

    [Fact]
    public void Words_that_merely_contain_a_banned_word_pass()
    {
        Assert.Empty(MessageTemplates.BannedWordsIn("Hi Nadia, thanks for reaching out; call us anytime, Aaron"));
    }

    [Fact]
    public void A_prospect_message_that_would_name_the_treatment_through_a_value_is_refused()
    {
        var values = Values();
        values["Team"] = "Riverbend Recovery Center";

        var refused = Assert.Throws<InvalidOperationException>(() => MessageTemplates.Render(MessageTemplates.MissedCall, MessageChannel.Sms, values));

        Assert.Contains("recovery", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_rendering_fills_the_subject_and_body()
    {
        var values = Values();
        values["When"] = "tomorrow at 10:00 AM";

        var email = MessageTemplates.Render(MessageTemplates.CallbackReminder, MessageChannel.Email, values);

        Assert.Equal("We'll call you back tomorrow at 10:00 AM", email.Subject);
        Assert.StartsWith("Hi Maria,\n\nThis is Jordan from Admissions at Cedar Ridge.", email.Body, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Values() => new()
    {
        ["Name"] = "Maria",
        ["Sender"] = "Jordan",
        ["Team"] = "Cedar Ridge",
        ["Phone"] = "(555) 010-0100",
        ["When"] = "Tuesday, March 10 at 2:30 PM",
    };
}
