using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Inquiries;

public class PublicIntakeTests
{
    private static readonly Guid WebsiteKey = Guid.Parse("0194f3d2-7a10-7c4e-9a55-3b1f0e2d4c11");
    private static readonly Guid CallTrackingKey = Guid.Parse("0194f3d2-7a10-7c4e-9a55-3b1f0e2d4c22");

    private static InquiryForm WebForm(Action<InquiryForm>? change = null) => TestForms.Valid(f =>
    {
        f.Source = InquirySource.WebForm;
        change?.Invoke(f);
    });

    [Fact]
    public async Task The_same_idempotency_key_and_body_twice_opens_one_inquiry_and_replays_the_first_answer()
    {
        await using var host = await TestHost.StartAsync();
        var api = TestUser.ApiKey(WebsiteKey);

        var first = await host.SendAsync(api, new SubmitWebInquiry(WebsiteKey, "form-8c1f", WebForm()));
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var retry = await host.SendAsync(api, new SubmitWebInquiry(WebsiteKey, "form-8c1f", WebForm()));

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal("INQ-2026-000001", first.Number);
        Assert.Equal(first.Number, retry.Number);
        Assert.Equal(first.InquiryId, retry.InquiryId);
        Assert.Equal(TestHost.StartTime, retry.CreatedAt);
        Assert.Equal(1, await host.QueryAsync(db => db.Inquiries.CountAsync()));
        Assert.Single(host.Scheduler.Checks);
    }

    [Fact]
    public async Task Two_simultaneous_retries_with_the_same_key_still_open_one_inquiry()
    {
        await using var host = await TestHost.StartAsync();
        var api = TestUser.ApiKey(WebsiteKey);

        var results = await Task.WhenAll(
            Task.Run(() => host.SendAsync(api, new SubmitWebInquiry(WebsiteKey, "form-8c1f", WebForm()))),
            Task.Run(() => host.SendAsync(api, new SubmitWebInquiry(WebsiteKey, "form-8c1f", WebForm()))));

        Assert.Single(results, r => !r.Replayed);
        Assert.Single(results, r => r.Replayed);
        Assert.Equal(results[0].InquiryId, results[1].InquiryId);
        Assert.Equal(1, await host.QueryAsync(db => db.Inquiries.CountAsync()));
        Assert.Equal(1, await host.QueryAsync(db => db.IdempotencyRecords.CountAsync()));
        Assert.Single(host.Scheduler.Checks); // the losing save was rolled back and scheduled nothing
    }

    [Fact]
    public async Task The_same_idempotency_key_with_a_different_body_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        var api = TestUser.ApiKey(WebsiteKey);
        await host.SendAsync(api, new SubmitWebInquiry(WebsiteKey, "form-8c1f", WebForm()));

        var error = await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() =>
            host.SendAsync(api, new SubmitWebInquiry(WebsiteKey, "form-8c1f", WebForm(f => f.Notes = "Different message."))));

        Assert.Contains("Idempotency-Key", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await host.QueryAsync(db => db.Inquiries.CountAsync()));
    }

    [Fact]
    public async Task A_key_is_scoped_to_the_api_key_that_sent_it()
    {
        await using var host = await TestHost.StartAsync();

        var website = await host.SendAsync(TestUser.ApiKey(WebsiteKey), new SubmitWebInquiry(WebsiteKey, "shared-key", WebForm()));
        var tracking = await host.SendAsync(TestUser.ApiKey(CallTrackingKey), new SubmitWebInquiry(CallTrackingKey, "shared-key", WebForm()));

        Assert.False(tracking.Replayed);
        Assert.NotEqual(website.InquiryId, tracking.InquiryId);
    }

    [Fact]
    public async Task Without_an_idempotency_key_a_repeat_is_flagged_as_a_possible_duplicate_not_refused()
    {
        await using var host = await TestHost.StartAsync();
        var api = TestUser.ApiKey(WebsiteKey);

        var first = await host.SendAsync(api, new SubmitWebInquiry(WebsiteKey, null, WebForm()));
        var second = await host.SendAsync(api, new SubmitWebInquiry(WebsiteKey, null, WebForm()));

        Assert.Equal("INQ-2026-000002", second.Number);
        var stored = await host.QueryAsync(db => db.Inquiries.SingleAsync(i => i.Id == second.InquiryId));
        Assert.Equal(first.InquiryId, stored.PossibleDuplicateOfId);
    }

    [Fact]
    public async Task An_inquiry_from_the_api_is_created_by_the_api_key_and_gets_a_speed_to_lead_check()
    {
        await using var host = await TestHost.StartAsync();
        var api = TestUser.ApiKey(WebsiteKey);

        var result = await host.SendAsync(api, new SubmitWebInquiry(WebsiteKey, null, WebForm()));

        var inquiry = await host.QueryAsync(db => db.Inquiries.SingleAsync(i => i.Id == result.InquiryId));
        Assert.Equal($"apikey:{WebsiteKey}", inquiry.CreatedById);
        Assert.Equal(InquirySource.WebForm, inquiry.Details.Source);
        Assert.Equal(new ScheduledCheck(result.InquiryId, TestHost.StartTime.AddMinutes(5)), Assert.Single(host.Scheduler.Checks));
    }

    [Fact]
    public async Task An_invalid_api_form_is_refused_like_the_intake_form()
    {
        await using var host = await TestHost.StartAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(TestUser.ApiKey(WebsiteKey),
            new SubmitWebInquiry(WebsiteKey, new string('k', 101), WebForm(f =>
            {
                f.CallerEmail = "not-an-email";
                f.ReferralOrganisationId = Guid.NewGuid();
            }))));

        Assert.Equal(["Idempotency-Key is limited to 100 characters."], error.Errors[nameof(SubmitWebInquiry.IdempotencyKey)]);
        Assert.Equal(["Enter an email address like name@example.com."], error.Errors["Form.CallerEmail"]);
        Assert.Equal(["ReferralOrganisationId is not accepted here; name the referrer in ReferralSource."], error.Errors["Form.ReferralOrganisationId"]);
        Assert.Equal(0, await host.QueryAsync(db => db.Inquiries.CountAsync()));
    }

    [Fact]
    public async Task An_api_key_sees_only_the_coarse_status_of_its_own_inquiry()
    {
        await using var host = await TestHost.StartAsync();
        var api = TestUser.ApiKey(WebsiteKey);
        var submitted = await host.SendAsync(api, new SubmitWebInquiry(WebsiteKey, null, WebForm()));

        var received = await host.SendAsync(api, new GetInquiryStatus(" inq-2026-000001 "));
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.SendAsync(host.Coordinator, new LogContactAttempt(submitted.InquiryId, ContactChannel.Call, ContactOutcome.Reached, null));
        var inProgress = await host.SendAsync(api, new GetInquiryStatus("INQ-2026-000001"));
        host.Clock.Advance(TimeSpan.FromDays(2));
        await host.SendAsync(host.Manager, new MoveInquiryStage(submitted.InquiryId, InquiryStage.NotAdmitted, NotAdmittedReason.Declined, "Chose to wait"));
        var closed = await host.SendAsync(api, new GetInquiryStatus("INQ-2026-000001"));

        Assert.Equal(new InquiryStatus("INQ-2026-000001", InquiryProgress.Received, TestHost.StartTime, null), received);
        Assert.Equal(new InquiryStatus("INQ-2026-000001", InquiryProgress.InProgress, TestHost.StartTime, null), inProgress);
        Assert.Equal(new InquiryStatus("INQ-2026-000001", InquiryProgress.Closed, TestHost.StartTime, TestHost.StartTime.AddMinutes(3).AddDays(2)), closed);
    }

    [Fact]
    public async Task An_api_key_cannot_see_inquiries_it_did_not_send()
    {
        await using var host = await TestHost.StartAsync();
        var byCoordinator = await host.CreateInquiryAsync(TestForms.Valid());
        var byOtherKey = await host.SendAsync(TestUser.ApiKey(CallTrackingKey), new SubmitWebInquiry(CallTrackingKey, null, WebForm(f =>
        {
            f.CallerPhone = "(555) 777-2000";
            f.PatientPhone = null;
        })));
        var api = TestUser.ApiKey(WebsiteKey);

        var notMine = await Assert.ThrowsAsync<NotFoundException>(() => host.SendAsync(api, new GetInquiryStatus(byCoordinator.Number!)));
        await Assert.ThrowsAsync<NotFoundException>(() => host.SendAsync(api, new GetInquiryStatus(byOtherKey.Number)));

        Assert.StartsWith("Inquiry INQ-2026-000001 was not found.", notMine.Message, StringComparison.Ordinal);
        var asCoordinator = await host.SendAsync(host.Coordinator, new GetInquiryStatus(byOtherKey.Number));
        Assert.Equal(byOtherKey.Number, asCoordinator.Number);
    }
}
