using System.Reflection;
using Admissions.Application.Auditing;
using Admissions.Application.Common;
using Admissions.Application.Dashboards;
using Admissions.Application.FollowUps;
using Admissions.Application.Inquiries;
using Admissions.Application.Notifications;
using Admissions.Application.Placement;
using Admissions.Application.Referrals;
using Admissions.Application.Staff;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Common;

public class AuthorizationTests
{
    // ---- Business development never sees patient data ----

    [Fact]
    public async Task Business_development_cannot_list_inquiries()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateInquiryAsync(TestForms.Valid());

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new ListInquiries(new InquiryFilter())));
    }

    [Fact]
    public async Task Business_development_cannot_open_an_inquiry_and_the_refusal_leaves_no_view_in_the_audit_log()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateInquiryAsync(TestForms.Valid());

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new GetInquiry(created.InquiryId!.Value)));

        Assert.Equal("You do not have permission to do that.", error.Message);
        Assert.Equal(0, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.UserId == host.BusinessDevelopment.Id)));
    }

    [Fact]
    public async Task Business_development_cannot_create_an_inquiry()
    {
        await using var host = await TestHost.StartAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new CreateInquiry(TestForms.Valid())));

        Assert.Equal(0, await host.QueryAsync(db => db.Inquiries.CountAsync()));
        Assert.Empty(host.Scheduler.Checks);
    }

    [Fact]
    public async Task Business_development_sees_the_pipeline_counts()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateInquiryAsync(TestForms.Valid());

        var summary = await host.SendAsync(host.BusinessDevelopment, new GetPipelineSummary());

        Assert.Equal(1, summary.NewToday);
        Assert.Equal(1, summary.AwaitingFirstContact);
        Assert.Equal(1, summary.OpenByStage.Single(s => s.Stage == InquiryStage.New).Count);
    }

    // ---- Managers' decisions ----

    [Fact]
    public async Task A_coordinator_cannot_reopen_an_inquiry_but_a_manager_can()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await host.SendAsync(host.Coordinator, new MoveInquiryStage(id, InquiryStage.NotAdmitted, NotAdmittedReason.Declined));

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new ReopenInquiry(id, "Caller rang back.")));
        Assert.Equal(InquiryStage.NotAdmitted, await host.QueryAsync(db => db.Inquiries.Where(i => i.Id == id).Select(i => i.Stage).SingleAsync()));

        await host.SendAsync(host.Manager, new ReopenInquiry(id, "Caller rang back."));
        Assert.Equal(InquiryStage.Contacted, await host.QueryAsync(db => db.Inquiries.Where(i => i.Id == id).Select(i => i.Stage).SingleAsync()));
    }

    [Fact]
    public async Task Only_admins_read_the_audit_log()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateInquiryAsync(TestForms.Valid());

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Manager, new ListAuditEntries(new AuditFilter())));
        var page = await host.SendAsync(host.Admin, new ListAuditEntries(new AuditFilter(EntityType: "Inquiry")));

        Assert.NotEqual(0, page.TotalCount);
    }

    // ---- Who is not a person ----

    [Fact]
    public async Task A_request_without_a_signed_in_user_is_refused()
    {
        await using var host = await TestHost.StartAsync();

        var create = await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(TestUser.Anonymous, new CreateInquiry(TestForms.Valid())));
        var summary = await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(TestUser.Anonymous, new GetPipelineSummary()));

        Assert.Equal("Please sign in again.", create.Message);
        Assert.Equal("Please sign in again.", summary.Message);
        Assert.Equal(0, await host.QueryAsync(db => db.Inquiries.CountAsync()));
    }

    [Fact]
    public async Task A_principal_with_the_right_role_claim_but_no_authentication_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        var unauthenticatedAdmin = host.Admin with { Authenticated = false };

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(unauthenticatedAdmin, new ListInquiries(new InquiryFilter())));
    }

    [Fact]
    public async Task An_api_key_can_only_submit_and_ask_for_status()
    {
        await using var host = await TestHost.StartAsync();
        var api = TestUser.ApiKey(Guid.NewGuid());

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(api, new ListInquiries(new InquiryFilter())));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(api, new CreateInquiry(TestForms.Valid())));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(api, new GetPipelineSummary()));
    }

    [Fact]
    public async Task Staff_cannot_run_the_speed_to_lead_check_only_the_system_can()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Admin, new CheckSpeedToLead(id)));
        Assert.Equal(0, await host.QueryAsync(db => db.FollowUpTasks.CountAsync()));

        var outcome = await host.SendAsSystemAsync(new CheckSpeedToLead(id));
        Assert.True(outcome.Escalated);
    }

    // ---- Every request declares who may send it ----

    private static readonly Assembly Application = typeof(DependencyInjection).Assembly;

    private static IEnumerable<Type> RequestTypes() =>
        Application.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t));

    private static Type ResponseOf(Type request)
    {
        var generic = request.GetInterfaces()
            .Where(i => i.IsGenericType && i.Namespace == "Mediator")
            .Select(i => i.GetGenericArguments())
            .Where(args => args.Length == 1)
            .Select(args => args[0])
            .Distinct()
            .ToList();
        return Assert.Single(generic);
    }

    [Fact]
    public void Every_request_in_the_application_declares_the_roles_that_may_send_it()
    {
        var requests = RequestTypes().ToList();
        Assert.Contains(typeof(CreateInquiry), requests);
        Assert.Contains(typeof(GetPipelineSummary), requests);
        Assert.True(requests.Count >= 15, $"Only {requests.Count} requests found; is the scan looking at the right assembly?");

        var undeclared = requests.Where(t => t.GetCustomAttribute<RequiresRoleAttribute>() is not { Roles.Count: > 0 }).Select(t => t.FullName);

        Assert.Empty(undeclared);
    }

    [Fact]
    public void Every_role_named_on_a_request_is_a_known_role()
    {
        var known = Roles.StaffRoles.Concat([Roles.IntakeApi, Roles.System, Roles.ConsentSigner]).ToHashSet();

        var unknown = RequestTypes()
            .SelectMany(t => t.GetCustomAttribute<RequiresRoleAttribute>()?.Roles.Select(r => $"{t.Name}: {r}") ?? [])
            .Where(entry => !known.Contains(entry[(entry.IndexOf(": ", StringComparison.Ordinal) + 2)..]));

        Assert.Empty(unknown);
    }

    [Fact]
    public void Business_development_never_receives_patient_data()
    {
        // The dashboards' results are counts and shares; DashboardAccessTests proves no names reach business development.
        // The partner directory and the referral organisations are about providers, not patients: business development keeps them.
        // My account is the person's own roles and sign-ins. The dashboards' facility filter lists sites, not patients.
        // The pipeline board gives business development initials only (PipelineBoardTests proves it).
        Type[] allowed =
        [
            typeof(PipelineSummary), typeof(MyNotifications), typeof(Unit), typeof(DashboardOverview), typeof(Funnel), typeof(Trends),
            typeof(Breakdown), typeof(LostReasons), typeof(Census), typeof(AuthorizationOutcomes), typeof(ReferralSources), typeof(CsvFile),
            typeof(IReadOnlyList<PartnerItem>), typeof(IReadOnlyList<ReferralOrganisationItem>), typeof(PagedResult<NotificationItem>), typeof(PipelineBoard),
            typeof(MyAccount), typeof(IReadOnlyList<FacilityOption>),
        ];
        Type[] allowedRequests = [typeof(SavePartnerFacility), typeof(SaveReferralOrganisation)];

        var forBusinessDevelopment = RequestTypes()
            .Where(t => t.GetCustomAttribute<RequiresRoleAttribute>()?.Roles.Contains(Roles.BusinessDevelopment) == true)
            .ToList();

        Assert.Contains(typeof(GetPipelineSummary), forBusinessDevelopment);
        Assert.Contains(typeof(GetMyNotifications), forBusinessDevelopment);
        var leaking = forBusinessDevelopment
            .Where(t => !allowed.Contains(ResponseOf(t)) && !allowedRequests.Contains(t))
            .Select(t => $"{t.Name} returns {ResponseOf(t).Name}");
        Assert.Empty(leaking);
    }

    [Fact]
    public void Requests_that_return_patient_details_are_limited_to_roles_that_may_see_them()
    {
        Type[] phi = [typeof(InquiryDetail), typeof(PagedResult<InquiryListItem>), typeof(CreateInquiryResult)];

        var tooWide = RequestTypes()
            .Where(t => phi.Contains(ResponseOf(t)))
            .SelectMany(t => t.GetCustomAttribute<RequiresRoleAttribute>()!.Roles
                .Where(r => !Roles.PhiRoles.Contains(r))
                .Select(r => $"{t.Name} allows {r}"));

        Assert.Empty(tooWide);
    }
}
