using System.Text.RegularExpressions;
using Admissions.Application.Common;
using Admissions.Application.FollowUps;
using Admissions.Application.Inquiries;
using Admissions.Application.Messaging;
using Admissions.Application.Staff;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Messaging;
using Admissions.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Application.Tests.Staff;

public sealed partial class StaffAccountTests : IAsyncLifetime
{
    private const string NewPassword = "Brand-New-Password-7";
    private TestHost _host = default!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<string> InviteAsync(string email = "jordan.lee@test.local", params string[] roles) =>
        _host.SendAsync(_host.Admin, new InviteStaffMember("Jordan Lee", email, roles.Length == 0 ? [Roles.AdmissionsCoordinator] : roles, null, "(555) 201-4477"));

    /// <summary>The set-password token from the newest account email to <paramref name="email"/> (what the person clicks).</summary>
    private async Task<string> TokenSentToAsync(string email)
    {
        var body = await _host.QueryAsync(db => db.OutboundMessages.Where(m => m.Recipient == email)
            .OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstAsync());
        return TokenPattern().Match(body).Groups[1].Value;
    }

    private async Task<T> WithServiceAsync<T>(Func<AccountRecovery, Task<T>> use)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<AccountRecovery>());
    }

    private Task<StaffAccount?> AccountAsync(string id) => _host.Services.GetRequiredService<IStaffAccounts>().FindAsync(id);

    private async Task<string> StartSessionAsync(string userId)
    {
        var session = UserSession.Start(userId, "Password", _host.Clock.GetUtcNow(), TimeSpan.FromHours(12), TestHost.IpAddress, "test");
        await using var db = _host.CreateDbContext();
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    [Fact]
    public async Task Inviting_creates_an_account_with_no_password_and_emails_a_single_use_link()
    {
        var id = await InviteAsync();

        var account = await AccountAsync(id);
        Assert.NotNull(account);
        Assert.False(account.HasPassword);
        Assert.Equal([Roles.AdmissionsCoordinator], account.Roles);
        Assert.Equal("(555) 201-4477", account.Phone);
        var message = await _host.QueryAsync(db => db.OutboundMessages.SingleAsync(m => m.Recipient == "jordan.lee@test.local"));
        Assert.Equal(MessageTemplates.StaffInvitation, message.TemplateKey);
        Assert.Contains("/account/set-password?token=", message.Body, StringComparison.Ordinal);
        var link = await _host.QueryAsync(db => db.AccountLinks.SingleAsync(l => l.UserId == id));
        Assert.Equal(_host.Clock.GetUtcNow().AddHours(72), link.ExpiresAt);
        Assert.DoesNotContain(await TokenSentToAsync("jordan.lee@test.local"), await _host.AllCellsAsync("AccountLinks"));
        var list = await _host.SendAsync(_host.Admin, new ListStaffAccounts());
        Assert.Equal(StaffStatus.Invited, list.Single(s => s.Id == id).Status);
    }

    [Fact]
    public async Task An_invitation_link_sets_the_password_once()
    {
        var id = await InviteAsync();
        var token = await TokenSentToAsync("jordan.lee@test.local");

        await WithServiceAsync(r => r.SetPasswordAsync(token, NewPassword));
        var second = await Assert.ThrowsAsync<DomainRuleException>(() => WithServiceAsync(r => r.SetPasswordAsync(token, "Another-Password-8")));

        Assert.Contains("already been used", second.Message, StringComparison.Ordinal);
        Assert.True((await AccountAsync(id))!.HasPassword);
        Assert.Equal(AccountLinkState.Used, (await WithServiceAsync(r => r.ReadLinkAsync(token)))!.State);
        var list = await _host.SendAsync(_host.Admin, new ListStaffAccounts());
        Assert.Equal(StaffStatus.Active, list.Single(s => s.Id == id).Status);
    }

    [Fact]
    public async Task An_invitation_link_expires_after_72_hours()
    {
        await InviteAsync();
        var token = await TokenSentToAsync("jordan.lee@test.local");

        _host.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => WithServiceAsync(r => r.SetPasswordAsync(token, NewPassword)));
        Assert.Contains("expired", refused.Message, StringComparison.Ordinal);
        var list = await _host.SendAsync(_host.Admin, new ListStaffAccounts());
        Assert.Equal(StaffStatus.InvitationLapsed, list.Single(s => s.Email == "jordan.lee@test.local").Status);
    }

    [Fact]
    public async Task A_password_the_policy_refuses_leaves_the_link_usable()
    {
        await InviteAsync();
        var token = await TokenSentToAsync("jordan.lee@test.local");

        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() => WithServiceAsync(r => r.SetPasswordAsync(token, "short")));
        Assert.Contains("Password", invalid.Errors.Keys);

        await WithServiceAsync(r => r.SetPasswordAsync(token, NewPassword));
    }

    [Fact]
    public async Task Sending_the_invitation_again_withdraws_the_old_link()
    {
        var id = await InviteAsync();
        var first = await TokenSentToAsync("jordan.lee@test.local");
        _host.Clock.Advance(TimeSpan.FromMinutes(1));

        await _host.SendAsync(_host.Admin, new ResendInvitation(id));
        var second = await TokenSentToAsync("jordan.lee@test.local");

        Assert.NotEqual(first, second);
        await Assert.ThrowsAsync<DomainRuleException>(() => WithServiceAsync(r => r.SetPasswordAsync(first, NewPassword)));
        await WithServiceAsync(r => r.SetPasswordAsync(second, NewPassword));
    }

    [Fact]
    public async Task A_withdrawn_invitation_cannot_be_used()
    {
        var id = await InviteAsync();
        var token = await TokenSentToAsync("jordan.lee@test.local");

        await _host.SendAsync(_host.Admin, new RevokeInvitation(id));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => WithServiceAsync(r => r.SetPasswordAsync(token, NewPassword)));
        Assert.Contains("withdrawn", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_already_in_use_is_refused_at_the_field()
    {
        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() =>
            _host.SendAsync(_host.Admin, new InviteStaffMember("Someone", "coordinator@test.local", [Roles.Clinician], null, null)));

        Assert.Contains("Email", invalid.Errors.Keys);
    }

    [Fact]
    public async Task An_invitation_needs_a_role_a_name_and_a_valid_phone()
    {
        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() =>
            _host.SendAsync(_host.Admin, new InviteStaffMember("", "new@test.local", [], null, "12")));

        Assert.Contains("Name", invalid.Errors.Keys);
        Assert.Contains("Roles", invalid.Errors.Keys);
        Assert.Contains("Phone", invalid.Errors.Keys);
    }

    [Fact]
    public async Task Only_administrators_manage_staff()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(_host.Manager, new ListStaffAccounts()));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _host.SendAsync(_host.Manager, new InviteStaffMember("Jordan Lee", "jordan@test.local", [Roles.Admin], null, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(_host.Coordinator, new DisableStaffMember(_host.Coordinator2.Id, "left")));
    }

    [Fact]
    public async Task The_last_active_admin_keeps_the_admin_role()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            _host.SendAsync(_host.Admin, new ChangeStaffRoles(_host.Admin.Id, [Roles.AdmissionsManager], "Moving to management")));

        Assert.Contains("last active administrator", refused.Message, StringComparison.Ordinal);
        Assert.Contains(Roles.Admin, (await AccountAsync(_host.Admin.Id))!.Roles);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_disabled_but_one_of_two_can()
    {
        var second = await InviteAsync("second.admin@test.local", Roles.Admin);
        await WithServiceAsync(r => r.SetPasswordAsync(TokenSentToAsync("second.admin@test.local").Result, NewPassword));
        var admin2 = new TestUser(second, "Jordan Lee", [Roles.Admin]);

        await _host.SendAsync(admin2, new DisableStaffMember(_host.Admin.Id, "Left the organisation"));
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => _host.SendAsync(_host.Admin, new DisableStaffMember(second, "Test")));

        Assert.Contains("last active administrator", refused.Message, StringComparison.Ordinal);
        Assert.True((await AccountAsync(_host.Admin.Id))!.IsDisabled);
    }

    [Fact]
    public async Task An_invited_admin_who_never_set_a_password_does_not_count_as_another_admin()
    {
        await InviteAsync("pending.admin@test.local", Roles.Admin);

        await Assert.ThrowsAsync<DomainRuleException>(() =>
            _host.SendAsync(_host.Admin, new ChangeStaffRoles(_host.Admin.Id, [Roles.Clinician], "Test")));
    }

    [Fact]
    public async Task Administrators_cannot_disable_themselves()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => _host.SendAsync(_host.Admin, new DisableStaffMember(_host.Admin.Id, "Leaving")));

        Assert.Contains("your own account", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_a_leaver_ends_their_sessions_returns_their_tasks_and_lists_their_inquiries()
    {
        var created = await _host.CreateInquiryAsync(TestForms.Valid());
        var inquiryId = created.InquiryId!.Value;
        await _host.SendAsync(_host.Coordinator, new AssignInquiry(inquiryId, _host.Coordinator.Id));
        var taskId = await _host.SendAsync(_host.Coordinator, new CreateTask(inquiryId, "Call back about insurance", _host.Clock.GetUtcNow().AddHours(1), _host.Coordinator.Id));
        var session = await StartSessionAsync(_host.Coordinator.Id);
        var otherSession = await StartSessionAsync(_host.Coordinator2.Id);

        var result = await _host.SendAsync(_host.Admin, new DisableStaffMember(_host.Coordinator.Id, "Left the organisation"));

        Assert.Equal(1, result.SessionsEnded);
        Assert.Equal(1, result.TasksReturned);
        Assert.Equal([created.Number!], result.AssignedInquiries.Select(i => i.Number));
        var sessions = await _host.QueryAsync(db => db.UserSessions.AsNoTracking().ToDictionaryAsync(s => s.Id));
        Assert.Equal(SessionEndReason.AccountDisabled, sessions[session].EndReason);
        Assert.Null(sessions[otherSession].EndedAt);
        var task = await _host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
        Assert.Null(task.AssigneeId);
        Assert.Equal(FollowUpState.Open, task.State);
        Assert.True(await _host.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == _host.Manager.Id && n.Title.Contains("no longer has access"))));
        Assert.True((await AccountAsync(_host.Coordinator.Id))!.IsDisabled);
        Assert.DoesNotContain(_host.Coordinator.Id, (await _host.SendAsync(_host.Manager, new ListAssignableStaff())).Select(s => s.Id));
        var audit = await _host.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "StaffAccount" && a.EntityId == _host.Coordinator.Id).ToListAsync());
        Assert.Contains(audit, a => a.UserId == _host.Admin.Id && a.Fields!.Contains("Left the organisation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disabled_account_cannot_use_a_reset_link()
    {
        await _host.SendAsync(_host.Admin, new SendPasswordReset(_host.Coordinator.Id));
        var token = await TokenSentToAsync("coordinator@test.local");

        await _host.SendAsync(_host.Admin, new DisableStaffMember(_host.Coordinator.Id, "Left"));

        await Assert.ThrowsAsync<DomainRuleException>(() => WithServiceAsync(r => r.SetPasswordAsync(token, NewPassword)));
    }

    [Fact]
    public async Task Changing_roles_is_audited_with_who_and_why_and_ends_the_persons_sessions()
    {
        var session = await StartSessionAsync(_host.Coordinator.Id);

        await _host.SendAsync(_host.Admin, new ChangeStaffRoles(_host.Coordinator.Id, [Roles.AdmissionsCoordinator, Roles.AdmissionsManager], "Promoted to lead"));

        Assert.Equal([Roles.AdmissionsManager, Roles.AdmissionsCoordinator], (await AccountAsync(_host.Coordinator.Id))!.Roles);
        var entry = await _host.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "StaffAccount" && a.EntityId == _host.Coordinator.Id));
        Assert.Equal(_host.Admin.Id, entry.UserId);
        Assert.Contains("Admissions coordinator → Admissions manager, Admissions coordinator", entry.Fields, StringComparison.Ordinal);
        Assert.Contains("Promoted to lead", entry.Fields, StringComparison.Ordinal);
        Assert.Equal(SessionEndReason.RolesChanged, (await _host.QueryAsync(db => db.UserSessions.SingleAsync(s => s.Id == session))).EndReason);
    }

    [Fact]
    public async Task A_role_change_needs_a_reason()
    {
        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() =>
            _host.SendAsync(_host.Admin, new ChangeStaffRoles(_host.Coordinator.Id, [Roles.Clinician], " ")));

        Assert.Contains("Reason", invalid.Errors.Keys);
    }

    [Fact]
    public async Task Unlocking_clears_the_sign_in_delays_from_every_address()
    {
        await using (var db = _host.CreateDbContext())
        {
            foreach (var address in new[] { "10.0.0.9", "10.0.0.10" })
            {
                var throttle = new SignInThrottle { Subject = SignInThrottle.SubjectOf("coordinator@test.local"), IpAddress = address };
                for (var i = 0; i < 6; i++)
                {
                    throttle.RecordFailure(_host.Clock.GetUtcNow());
                }

                db.SignInThrottles.Add(throttle);
            }

            await db.SaveChangesAsync();
        }

        Assert.Equal(StaffStatus.Locked, (await _host.SendAsync(_host.Admin, new ListStaffAccounts())).Single(s => s.Id == _host.Coordinator.Id).Status);

        await _host.SendAsync(_host.Admin, new UnlockStaffMember(_host.Coordinator.Id));

        Assert.Equal(0, await _host.QueryAsync(db => db.SignInThrottles.CountAsync()));
        Assert.Equal(StaffStatus.Active, (await _host.SendAsync(_host.Admin, new ListStaffAccounts())).Single(s => s.Id == _host.Coordinator.Id).Status);
        Assert.True(await _host.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == _host.Coordinator.Id && a.Fields!.StartsWith("Unlocked"))));
    }

    [Fact]
    public async Task A_forgotten_password_link_goes_only_to_an_account_that_can_sign_in()
    {
        await WithServiceAsync(async r => { await r.RequestPasswordResetAsync("nobody@test.local"); return true; });
        await WithServiceAsync(async r => { await r.RequestPasswordResetAsync(" Coordinator@Test.local "); return true; });

        var messages = await _host.QueryAsync(db => db.OutboundMessages.Select(m => new { m.Recipient, m.TemplateKey }).ToListAsync());
        Assert.Equal([("coordinator@test.local", MessageTemplates.PasswordReset)], messages.Select(m => (m.Recipient, m.TemplateKey)));
        var token = await TokenSentToAsync("coordinator@test.local");
        await WithServiceAsync(r => r.SetPasswordAsync(token, NewPassword));
        var link = await _host.QueryAsync(db => db.AccountLinks.SingleAsync());
        Assert.Equal(AccountLinkPurpose.PasswordReset, link.Purpose);
        Assert.Equal(_host.Clock.GetUtcNow().AddHours(24), link.ExpiresAt);
    }

    [Fact]
    public async Task Setting_a_password_from_a_link_ends_the_persons_sessions()
    {
        var session = await StartSessionAsync(_host.Coordinator.Id);
        await _host.SendAsync(_host.Admin, new SendPasswordReset(_host.Coordinator.Id));

        await WithServiceAsync(r => r.SetPasswordAsync(TokenSentToAsync("coordinator@test.local").Result, NewPassword));

        Assert.Equal(SessionEndReason.PasswordChanged, (await _host.QueryAsync(db => db.UserSessions.SingleAsync(s => s.Id == session))).EndReason);
    }

    [Fact]
    public async Task The_outbox_page_hides_set_password_links()
    {
        await InviteAsync();
        var token = await TokenSentToAsync("jordan.lee@test.local");
        var id = await _host.QueryAsync(db => db.OutboundMessages.Select(m => m.Id).SingleAsync());

        var shown = await _host.SendAsync(_host.Manager, new GetOutboundMessage(id));

        Assert.DoesNotContain(token, shown.Body, StringComparison.Ordinal);
        Assert.Contains("[link hidden", shown.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_my_password_needs_the_current_one_and_ends_my_sessions()
    {
        var session = await StartSessionAsync(_host.Coordinator.Id);

        var wrong = await Assert.ThrowsAsync<RequestValidationException>(() =>
            _host.SendAsync(_host.Coordinator, new ChangeMyPassword("Not-My-Password-1", NewPassword, NewPassword)));
        Assert.Contains("CurrentPassword", wrong.Errors.Keys);
        var weak = await Assert.ThrowsAsync<RequestValidationException>(() =>
            _host.SendAsync(_host.Coordinator, new ChangeMyPassword(TemplateDatabase.Password, "weak", "weak")));
        Assert.Contains("NewPassword", weak.Errors.Keys);

        await _host.SendAsync(_host.Coordinator, new ChangeMyPassword(TemplateDatabase.Password, NewPassword, NewPassword));

        Assert.Equal(SessionEndReason.PasswordChanged, (await _host.QueryAsync(db => db.UserSessions.SingleAsync(s => s.Id == session))).EndReason);
        var mine = await _host.SendAsync(_host.Coordinator, new GetMyAccount());
        Assert.Equal([Roles.AdmissionsCoordinator], mine.Roles);
        Assert.Single(mine.RecentSignIns);
    }

    [Fact]
    public async Task Resetting_mfa_is_audited_and_ends_the_persons_sessions()
    {
        var session = await StartSessionAsync(_host.Clinician.Id);

        await _host.SendAsync(_host.Admin, new ResetStaffMfa(_host.Clinician.Id, "Lost phone; identity checked by call-back"));

        Assert.Equal(SessionEndReason.MfaReset, (await _host.QueryAsync(db => db.UserSessions.SingleAsync(s => s.Id == session))).EndReason);
        Assert.True(await _host.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == _host.Clinician.Id && a.UserId == _host.Admin.Id && a.Fields!.Contains("Lost phone"))));
    }

    [GeneratedRegex(@"/account/set-password\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex TokenPattern();
}
