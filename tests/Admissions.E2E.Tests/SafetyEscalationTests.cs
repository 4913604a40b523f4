using System.Globalization;
using System.Text.RegularExpressions;
using Admissions.Web.Diagnostics;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

/// <summary>
/// An app of its own whose clock the test can move (the E2E environment reads the offset from a file in its data folder),
/// with the escalation sweep every five seconds instead of every minute. Its own, so the shared app's clock never jumps.
/// </summary>
public sealed class MovableClockAppServer : AppServer
{
    public string ClockOffsetFile => Path.Combine(DataDirectory, "clock-offset");

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = TestClock.Environment,
        ["Admissions__Testing__ClockOffsetFile"] = ClockOffsetFile,
        // MFA is off in Demo, where the shared app runs; the demo users here sign in with a password too.
        ["Security__RequireMfa"] = "false",
        ["Safety__EscalationSweep"] = "*/5 * * * * *",
    };

    /// <summary>From now on the app reads a time <paramref name="by"/> later than the real one.</summary>
    public Task MoveClockAsync(TimeSpan by) => File.WriteAllTextAsync(ClockOffsetFile, by.ToString("c", CultureInfo.InvariantCulture));
}

[CollectionDefinition(Name)]
public sealed class MovableClockGroup : ICollectionFixture<MovableClockAppServer>
{
    public const string Name = "E2E movable clock";
}

[Collection(MovableClockGroup.Name)]
public sealed class SafetyEscalationTests(MovableClockAppServer app) : E2ETest(app)
{
    /// <summary>
    /// Issue 12: a safety call nobody clears in 15 minutes escalates. The coordinator records PHQ-9 item 9 above 0, the
    /// clock moves 16 minutes on, and the sweep tells every manager (and the on-call clinician) in red, in the bell, with the
    /// escalation on the inquiry's timeline.
    /// </summary>
    [Fact]
    public async Task A_safety_call_without_a_disposition_16_minutes_after_the_alert_is_escalated_to_the_managers_bell()
    {
        await SignInAsync(AppServer.Coordinator);
        await Page.SetViewportSizeAsync(1366, 768);
        await OpenNewInquiryAsync();
        var phone = UniquePhone();
        await FillMinimalInquiryAsync("Robin Hale", phone, "Casey", UniqueSurname("Hale"));
        await Expect(Input("caller-phone")).ToHaveValueAsync(phone);
        await ByTestId("save-inquiry").ClickAsync();
        var number = await WaitForCreatedInquiryAsync();

        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Screening" }).ClickAsync();
        await ByTestId("instrument-Phq9").ClickAsync();
        foreach (var item in new[] { "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8" })
        {
            await AnswerAsync(item, 0);
        }

        await AnswerAsync("q9", 2);
        await ByTestId("save-draft").ClickAsync();
        await Expect(ByTestId("safety-banner")).ToBeVisibleAsync();
        await Expect(ByTestId("open-task").And(Page.Locator("[data-kind=SafetyCall]"))).ToContainTextAsync("Safety call within 15 minutes");

        await ((MovableClockAppServer)App).MoveClockAsync(TimeSpan.FromMinutes(16));

        // Sessions idle for 15 minutes have ended by the moved clock: the manager signs in after the move.
        await SwitchUserAsync(AppServer.Manager);
        await Page.SetViewportSizeAsync(1366, 768);
        await ByTestId("notification-bell-button").ClickAsync();
        // 16 minutes by the moved clock, plus the real seconds until the sweep ran.
        var escalation = ByTestId("notification-title")
            .Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"SAFETY: no disposition on {number} after 1[67] min") });
        // The sweep runs every five seconds by the real clock; the app may still be busy with the demo's start-up jobs.
        await Expect(escalation).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 45_000 });
        await Expect(escalation).ToHaveAttributeAsync("data-urgent", "true");
        await Expect(escalation).ToHaveClassAsync(new Regex("notification-urgent"));
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(App.ScreenshotDirectory, "safety-escalation-bell-manager-1366.png"),
            Animations = ScreenshotAnimations.Disabled,
        });

        // The notification opens the inquiry, whose timeline says who was told.
        await escalation.ClickAsync();
        await Expect(ByTestId("inquiry-number")).ToHaveTextAsync(number);
        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Timeline" }).ClickAsync();
        await Expect(ByTestId("timeline")).ToContainTextAsync(new Regex(@"Safety call escalated \(1st\): no disposition 1[67] min after the alert"));
        await Expect(ByTestId("timeline")).ToContainTextAsync("Dr. Riley Brooks");
        await Expect(ByTestId("timeline")).ToContainTextAsync("Morgan Reyes");
    }

    private Task AnswerAsync(string itemId, int value) =>
        ByTestId($"item-{itemId}").Locator(".mud-radio").Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^\\s*{value} ·") }).ClickAsync();
}
