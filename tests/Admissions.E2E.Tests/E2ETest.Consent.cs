using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

/// <summary>The patient's side of a consent: the signing link from the file outbox, opened and signed in the patient's own browser.</summary>
public abstract partial class E2ETest
{
    /// <summary>Sends the consent dialog's signing link by text to <paramref name="phone"/> (the dialog must be open).</summary>
    protected async Task SendSigningLinkAsync(string phone)
    {
        await Input("consent-send-to").FillAsync(phone);
        await ByTestId("consent-save").ClickAsync();
        await Expect(ByTestId("consent").First).ToContainTextAsync("Awaiting signature");
    }

    /// <summary>The newest signing link the outbox wrote as a text (a .json file under data/outbox/sms) to <paramref name="e164"/>.</summary>
    protected async Task<string> SigningLinkTokenAsync(string e164)
    {
        var folder = Path.Combine(App.DataDirectory, "outbox", "sms");
        // The dispatch job runs at once when a message is queued, and every minute anyway.
        var deadline = DateTime.UtcNow.AddSeconds(100);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in new DirectoryInfo(folder).GetFiles("*.json").OrderByDescending(f => f.LastWriteTimeUtc))
                {
                    var text = await File.ReadAllTextAsync(file.FullName);
                    // The JSON writer escapes "+", so match the ten digits.
                    if (text.Contains(e164[2..], StringComparison.Ordinal) && SigningLink().Match(text) is { Success: true } match)
                    {
                        return match.Groups[1].Value;
                    }
                }
            }

            await Task.Delay(500);
        }

        var output = App.Output;
        throw new TimeoutException($"No signing link to {e164} appeared in {folder}. App output (end): {output[Math.Max(0, output.Length - 3000)..]}");
    }

    /// <summary>Opens the link in a fresh browser (no staff session) and signs: typed name, date of birth (yyyy-MM-dd), confirmation.</summary>
    protected async Task<IPage> PatientSignsAsync(string token, string fullName, string? dateOfBirth, string? screenshot = null)
    {
        var patient = await App.NewPageAsync();
        await patient.GotoAsync($"/sign/{token}");
        await Expect(patient.Locator("[data-testid=signing-consent]")).ToContainTextAsync("42 CFR part 2");
        await patient.Locator("[data-testid=signing-name]").FillAsync(fullName);
        if (dateOfBirth is not null)
        {
            await patient.Locator("[data-testid=signing-birth-date]").FillAsync(dateOfBirth);
        }

        await patient.Locator("[data-testid=signing-agree]").CheckAsync();
        if (screenshot is not null)
        {
            await patient.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(App.ScreenshotDirectory, screenshot), FullPage = true });
        }

        await patient.Locator("[data-testid=signing-submit]").ClickAsync();
        await Expect(patient.Locator("[data-testid=signing-done]")).ToContainTextAsync("Your consent is signed");
        return patient;
    }

    /// <summary>"(555) 301-2345" → "+15553012345", the form the outbox writes.</summary>
    protected static string E164(string phone) => "+1" + new string([.. phone.Where(char.IsAsciiDigit)]);

    [GeneratedRegex(@"/sign/([A-Za-z0-9_-]{20,})")]
    private static partial Regex SigningLink();
}
