using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

public class PhoneVerificationTests
{
    /// <summary>A check with a payer the clearinghouse does not know: it starts waiting for a call.</summary>
    private static async Task<(InsuredInquiry Insured, Guid CheckId)> WaitingForACallAsync(TestHost host)
    {
        var insured = await InsuredAsync(host, await AddPhoneOnlyPayerAsync(host));
        var checkId = await RequestVerificationAsync(host, insured, LevelOfCare.Residential);
        return (insured, checkId);
    }

    private static PhoneVerificationForm Form(Action<PhoneVerificationForm>? change = null)
    {
        var form = new PhoneVerificationForm
        {
            CoverageActive = true,
            PlanName = " Gold PPO ",
            PayerRepName = " Dana ",
            CallReference = " REF-20260310-77 ",
            Levels =
            [
                new PhoneLevelForm
                {
                    Level = LevelOfCare.Residential,
                    AuthorizationRequired = true,
                    Deductible = 1000,
                    DeductibleRemaining = 400,
                    OutOfPocketMax = 4000,
                    OutOfPocketRemaining = 3600,
                    CoinsurancePercent = 20,
                    DayLimit = 28,
                    Notes = " Concurrent review every 7 days ",
                },
            ],
        };
        change?.Invoke(form);
        return form;
    }

    [Fact]
    public async Task Entering_what_the_payer_said_waits_for_a_manager_who_is_told()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await WaitingForACallAsync(host);

        await host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form()));

        var check = await CheckAsync(host, checkId);
        Assert.Equal(VerificationState.AwaitingApproval, check.State);
        Assert.Equal(VerificationMethod.Phone, check.Method);
        Assert.Equal(("Dana", "REF-20260310-77", host.Coordinator.Name), (check.PayerRepName, check.CallReference, check.EnteredByName));
        Assert.Null(check.ApprovedByName);
        var result = check.Result!;
        Assert.True(result.CoverageActive);
        Assert.Equal("Gold PPO", result.PlanName);
        Assert.Equal(new LevelBenefits
        {
            Level = LevelOfCare.Residential,
            ServiceType = "RT",
            Covered = true,
            InNetwork = true,
            AuthorizationRequired = true,
            Deductible = 1000,
            DeductibleRemaining = 400,
            OutOfPocketMax = 4000,
            OutOfPocketRemaining = 3600,
            Coinsurance = 0.2m,
            DayLimit = 28,
            Notes = "Concurrent review every 7 days",
        }, Assert.Single(result.Levels));

        var notification = await host.QueryAsync(db => db.Notifications.SingleAsync());
        Assert.Equal(host.Manager.Id, notification.UserId);
        Assert.Equal("Phone VOB to approve: INQ-2026-000001", notification.Title);
        Assert.Equal("Casey Nguyen entered benefits from Riverbend Community Health Plan.", notification.Body);
        Assert.Equal("/verifications", notification.Link);
        Assert.Equal([host.Manager.Id], Assert.Single(host.Live.Calls));
        Assert.Contains("Phone verification with Riverbend Community Health Plan entered (rep Dana, ref REF-20260310-77); awaiting manager approval",
            await TimelineAsync(host, insured.InquiryId));
        Assert.Equal(FollowUpState.Open, Assert.Single(await TasksAsync(host)).State);
    }

    [Fact]
    public async Task Coverage_reported_inactive_marks_every_level_not_covered()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await WaitingForACallAsync(host);

        await host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form(f => f.CoverageActive = false)));

        var result = (await CheckAsync(host, checkId)).Result!;
        Assert.False(result.CoverageActive);
        Assert.False(Assert.Single(result.Levels).Covered);
    }

    [Theory]
    [InlineData("no rep", "Form.PayerRepName", "Enter the name of the payer representative you spoke to.")]
    [InlineData("no reference", "Form.CallReference", "Enter the call reference number the representative gave.")]
    [InlineData("no levels", "Form.Levels", "Enter benefits for at least one level of care.")]
    [InlineData("remaining deductible over the deductible", "Form.Levels[0].DeductibleRemaining", "The remaining deductible cannot exceed the deductible.")]
    [InlineData("remaining out-of-pocket over the maximum", "Form.Levels[0].OutOfPocketRemaining", "The remaining out-of-pocket cannot exceed the maximum.")]
    [InlineData("coinsurance over 100", "Form.Levels[0].CoinsurancePercent", "Coinsurance is a percentage from 0 to 100.")]
    [InlineData("negative copay", "Form.Levels[0].Copay", "Amounts cannot be negative.")]
    public async Task An_incomplete_or_impossible_phone_result_is_refused(string problem, string field, string message)
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await WaitingForACallAsync(host);
        var form = Form(f =>
        {
            switch (problem)
            {
                case "no rep":
                    f.PayerRepName = " ";
                    break;
                case "no reference":
                    f.CallReference = null;
                    break;
                case "no levels":
                    f.Levels = [];
                    break;
                case "remaining deductible over the deductible":
                    f.Levels[0].DeductibleRemaining = 1000.01m;
                    break;
                case "remaining out-of-pocket over the maximum":
                    f.Levels[0].OutOfPocketRemaining = 4001;
                    break;
                case "coinsurance over 100":
                    f.Levels[0].CoinsurancePercent = 120;
                    break;
                case "negative copay":
                    f.Levels[0].Copay = -5;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
            }
        });

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, form)));

        Assert.Equal([field], error.Errors.Keys);
        Assert.Equal(message, Assert.Single(error.Errors[field]));
        var check = await CheckAsync(host, checkId);
        Assert.Equal(VerificationState.NeedsManual, check.State);
        Assert.Null(check.Result);
    }

    [Fact]
    public async Task Remaining_amounts_equal_to_the_totals_are_accepted()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await WaitingForACallAsync(host);

        await host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form(f =>
        {
            f.Levels[0].DeductibleRemaining = 1000;
            f.Levels[0].OutOfPocketRemaining = 4000;
        })));

        Assert.Equal(VerificationState.AwaitingApproval, (await CheckAsync(host, checkId)).State);
    }

    [Fact]
    public async Task A_check_still_running_electronically_takes_no_phone_results()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var checkId = await RequestVerificationAsync(host, insured);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form())));

        Assert.Equal("Only a verification waiting for a phone call, or one that failed, can take phone results.", error.Message);
        Assert.Equal(VerificationState.Pending, (await CheckAsync(host, checkId)).State);
    }

    [Fact]
    public async Task A_manager_approves_the_phone_result_which_completes_the_check_and_the_phone_task()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await WaitingForACallAsync(host);
        await host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form()));
        host.Clock.Advance(TimeSpan.FromMinutes(20));

        await host.SendAsync(host.Manager, new ApproveVerification(checkId));

        var check = await CheckAsync(host, checkId);
        Assert.Equal(VerificationState.Completed, check.State);
        Assert.Equal((host.Manager.Name, TestHost.StartTime.AddMinutes(20)), (check.ApprovedByName, check.ApprovedAt!.Value));
        Assert.Equal(TestHost.StartTime.AddMinutes(20), check.CompletedAt);
        Assert.Null(check.Problem);
        var task = Assert.Single(await TasksAsync(host));
        Assert.Equal(FollowUpState.Done, task.State);
        Assert.Equal("Phone verification approved", task.Outcome);
        Assert.Equal(TestHost.StartTime.AddMinutes(20), task.CompletedAt);
        Assert.Contains("Phone verification with Riverbend Community Health Plan approved", await TimelineAsync(host, insured.InquiryId));

        var overview = await host.SendAsync(host.Coordinator, new GetInsurance(insured.InquiryId));
        var view = Assert.Single(overview.Verifications);
        Assert.Equal((VerificationState.Completed, "Dana", host.Manager.Name), (view.State, view.PayerRepName, view.ApprovedByName));
        // The plan covers 28 of the 30 days: 28 at 850 = 23,800: 400 deductible + 20% of 23,400 = 5,080, capped at the 3,600
        // out-of-pocket remaining; the 2 days past the limit are not covered: 2 at 850 = 1,700. 3,600 + 1,700 = 5,300.
        Assert.Equal(5300m, Assert.Single(view.Estimates).Estimate!.PatientResponsibility);
    }

    [Fact]
    public async Task An_administrator_may_approve_too()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await WaitingForACallAsync(host);
        await host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form()));

        await host.SendAsync(host.Admin, new ApproveVerification(checkId));

        Assert.Equal(host.Admin.Name, (await CheckAsync(host, checkId)).ApprovedByName);
    }

    [Fact]
    public async Task Coordinators_and_utilization_review_cannot_approve_or_return()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await WaitingForACallAsync(host);
        await host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form()));

        foreach (var user in new[] { host.Coordinator, host.Coordinator2, host.UtilizationReview })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new ApproveVerification(checkId)));
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new ReturnVerification(checkId, "Looks wrong")));
        }

        var check = await CheckAsync(host, checkId);
        Assert.Equal(VerificationState.AwaitingApproval, check.State);
        Assert.Null(check.ApprovedByName);
        Assert.Equal(FollowUpState.Open, Assert.Single(await TasksAsync(host)).State);
    }

    [Fact]
    public async Task A_phone_result_not_yet_entered_cannot_be_approved()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await WaitingForACallAsync(host);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Manager, new ApproveVerification(checkId)));

        Assert.Equal(VerificationState.NeedsManual, (await CheckAsync(host, checkId)).State);
        Assert.Contains("only be done while the verification is “Awaiting approval”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returning_a_phone_result_sends_it_back_with_the_reason_and_it_can_be_entered_again()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await WaitingForACallAsync(host);
        await host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form()));

        await host.SendAsync(host.Manager, new ReturnVerification(checkId, "  Ask whether detox is covered too. "));

        var returned = await CheckAsync(host, checkId);
        Assert.Equal(VerificationState.NeedsManual, returned.State);
        Assert.Equal("Ask whether detox is covered too.", returned.Problem);
        Assert.Contains("Phone verification with Riverbend Community Health Plan returned for correction", await TimelineAsync(host, insured.InquiryId));
        Assert.Equal(FollowUpState.Open, Assert.Single(await TasksAsync(host)).State);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form(f => f.Levels.Add(new PhoneLevelForm
        {
            Level = LevelOfCare.WithdrawalManagement,
            Covered = true,
            Copay = 100,
        }))));
        await host.SendAsync(host.Manager, new ApproveVerification(checkId));

        var approved = await CheckAsync(host, checkId);
        Assert.Equal(VerificationState.Completed, approved.State);
        Assert.Equal([LevelOfCare.Residential, LevelOfCare.WithdrawalManagement], approved.Result!.Levels.Select(l => l.Level));
        Assert.Equal(2, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == host.Manager.Id)));
    }

    [Fact]
    public async Task Returning_needs_a_reason()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await WaitingForACallAsync(host);
        await host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form()));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Manager, new ReturnVerification(checkId, " ")));

        Assert.Equal("Say what needs correcting.", Assert.Single(error.Errors["Reason"]));
        Assert.Equal(VerificationState.AwaitingApproval, (await CheckAsync(host, checkId)).State);
    }

    [Fact]
    public async Task A_carve_out_found_electronically_keeps_the_carve_out_when_the_phone_result_is_entered()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, "Cigna");
        var checkId = await RequestVerificationAsync(host, insured);
        host.Gateway.Answer271(r => ClearinghouseScript.Eligibility(r,
        [
            ClearinghouseScript.Eb("1", "30", plan: "OPEN ACCESS PLUS", network: null),
            ClearinghouseScript.Eb("U", network: null),
        ]));
        await host.SendAsSystemAsync(new RunVerification(checkId));
        Assert.Equal("Evernorth Behavioral Health", (await CheckAsync(host, checkId)).Result!.CarveOutName);

        await host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form(f => f.PlanName = null)));
        await host.SendAsync(host.Manager, new ApproveVerification(checkId));

        var check = await CheckAsync(host, checkId);
        Assert.Equal(VerificationState.Completed, check.State);
        Assert.Equal(("Evernorth Behavioral Health", "8005550100", "OPEN ACCESS PLUS"), (check.Result!.CarveOutName, check.Result.CarveOutPhone, check.Result.PlanName));
        Assert.Equal(FollowUpState.Done, Assert.Single(await TasksAsync(host)).State);
    }

    [Fact]
    public async Task The_queue_lists_open_checks_first_and_filters_by_state_and_by_mine()
    {
        await using var host = await TestHost.StartAsync();
        var phonePayer = await AddPhoneOnlyPayerAsync(host);
        var mine = await InsuredAsync(host, phonePayer);
        var mineCheck = await RequestVerificationAsync(host, mine);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var theirs = await InsuredAsync(host, "Aetna", patient: f =>
        {
            f.CallerPhone = "(555) 777-1234";
            f.PatientFirstName = "Jamie";
            f.PatientLastName = "Carter";
            f.PatientDateOfBirth = new DateOnly(1985, 5, 5);
            f.PatientPhone = null;
        });
        var theirCheck = await host.SendAsync(host.Coordinator2, new RequestVerification(theirs.InquiryId, theirs.PolicyId, [LevelOfCare.Outpatient]));
        host.Gateway.Answer271(r => ClearinghouseScript.Eligibility(r, ClearinghouseScript.ActivePpo("AI")));
        await host.SendAsSystemAsync(new RunVerification(theirCheck));

        var all = await host.SendAsync(host.Coordinator, new ListVerifications([], null, MineOnly: false));
        var manual = await host.SendAsync(host.Coordinator, new ListVerifications([VerificationState.NeedsManual], null, MineOnly: false));
        var onlyMine = await host.SendAsync(host.Coordinator2, new ListVerifications([], null, MineOnly: true));
        var byPayer = await host.SendAsync(host.Coordinator, new ListVerifications([], phonePayer, MineOnly: false));

        Assert.Equal(2, all.TotalCount);
        Assert.Equal([mineCheck, theirCheck], all.Items.Select(i => i.CheckId));
        var first = all.Items[0];
        Assert.Equal(("INQ-2026-000001", "Alex Lopez", VerificationState.NeedsManual, VerificationMethod.Phone), (first.InquiryNumber, first.PatientName, first.State, first.Method));
        Assert.Equal([LevelOfCare.Residential], first.Levels);
        Assert.Equal(mineCheck, Assert.Single(manual.Items).CheckId);
        Assert.Equal(theirCheck, Assert.Single(onlyMine.Items).CheckId);
        Assert.Equal(mineCheck, Assert.Single(byPayer.Items).CheckId);

        var views = await host.QueryAsync(db => db.AuditEntries.Where(e => e.Action == Domain.Auditing.AuditAction.View && e.EntityType == "VerificationQueue").ToListAsync());
        Assert.Equal(4, views.Count);
        Assert.All(views, v => Assert.Equal("page 0", v.EntityId));
        Assert.Equal(1, views.Count(v => v.UserId == host.Coordinator2.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Clinician, new ListVerifications([], null, false)));
    }

    [Fact]
    public async Task A_manager_cannot_approve_a_phone_verification_they_entered()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await WaitingForACallAsync(host);
        await host.SendAsync(host.Manager, new EnterPhoneVerification(checkId, Form()));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Manager, new ApproveVerification(checkId)));
        await host.SendAsync(host.Admin, new ApproveVerification(checkId));

        Assert.Equal("Another manager must approve a phone verification you entered yourself.", error.Message);
        Assert.Equal((VerificationState.Completed, host.Admin.Name), ((await CheckAsync(host, checkId)).State, (await CheckAsync(host, checkId)).ApprovedByName));
    }

    [Fact]
    public async Task The_call_is_a_disclosure_recorded_under_the_consent()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await WaitingForACallAsync(host);

        await host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form()));

        var disclosure = Assert.Single(await DisclosuresAsync(host));
        Assert.Equal((insured.ConsentId!.Value, "Riverbend Community Health Plan", "REF-20260310-77", host.Coordinator.Name),
            (disclosure.ConsentId, disclosure.Recipient, disclosure.Reference, disclosure.DisclosedByName));
        Assert.Equal("Phone call with payer (representative Dana)", disclosure.Channel);
        Assert.Contains("Residential", disclosure.Information, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_active_consent_the_call_cannot_be_recorded()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await WaitingForACallAsync(host);
        await host.SendAsync(host.Coordinator, new RevokeConsent(insured.InquiryId, insured.ConsentId!.Value, "Patient called to revoke"));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form())));

        Assert.StartsWith("There is no active Part 2 consent to disclose to Riverbend Community Health Plan.", error.Message, StringComparison.Ordinal);
        Assert.Equal(VerificationState.NeedsManual, (await CheckAsync(host, checkId)).State);
        Assert.Empty(await DisclosuresAsync(host));
    }

    [Fact]
    public async Task A_check_waiting_for_a_call_blocks_a_second_request_for_the_policy()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, _) = await WaitingForACallAsync(host);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => RequestVerificationAsync(host, insured, LevelOfCare.Residential));

        Assert.StartsWith("A verification for this policy is still open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_the_payer_gave_no_figures_for_gets_no_estimate_rather_than_zero()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await WaitingForACallAsync(host);
        await host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, Form(f => f.Levels.Add(new PhoneLevelForm { Level = LevelOfCare.Outpatient }))));
        await host.SendAsync(host.Manager, new ApproveVerification(checkId));

        var view = Assert.Single((await host.SendAsync(host.Coordinator, new GetInsurance(insured.InquiryId))).Verifications);

        Assert.NotNull(view.Estimates.Single(e => e.Benefits.Level == LevelOfCare.Residential).Estimate);
        Assert.Null(view.Estimates.Single(e => e.Benefits.Level == LevelOfCare.Outpatient).Estimate);
    }
}
