using System.Reflection;
using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Placement;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Inquiries;

/// <summary>One host for the whole table: every case works on an inquiry of its own, put straight into its stage.</summary>
public sealed class StageTransitionHost : IAsyncLifetime
{
    private int _next;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public async Task<Guid> InquiryAtAsync(InquiryStage stage)
    {
        await using var db = Host.CreateDbContext();
        var number = InquiryNumber.Format(2026, 500_000 + Interlocked.Increment(ref _next));
        var inquiry = Inquiry.Create(number, TestForms.Person(_next, "Sam", "Case").ToDetails(), new Actor("seed", "Seed"), Host.Clock.GetUtcNow());
        db.Inquiries.Add(inquiry);
        db.Entry(inquiry).Property(i => i.Stage).CurrentValue = stage;
        if (stage == InquiryStage.NotAdmitted)
        {
            db.Entry(inquiry).Property(i => i.NotAdmittedReason).CurrentValue = NotAdmittedReason.Declined;
        }

        await db.SaveChangesAsync();
        return inquiry.Id;
    }
}

/// <summary>
/// Every (from stage, to stage, role) triple, generated, sent through the real handlers: the move is made exactly when the
/// stage machine's table gives it to the role on the stage panel (or as a reopen), refused with 403 when the table gives
/// it to others, and refused as impossible when the pipeline has no such move or it needs the Admission tab.
/// </summary>
public class StageTransitionRolesTests(StageTransitionHost fixture) : IClassFixture<StageTransitionHost>
{
    public enum Expected
    {
        Moved,
        Forbidden,
        NotAMove,
    }

    public static IEnumerable<object[]> Triples() =>
        from stage in Enum.GetValues<InquiryStage>() from target in Enum.GetValues<InquiryStage>() from role in Roles.StaffRoles select new object[] { stage, target, role };

    [Theory]
    [MemberData(nameof(Triples))]
    public async Task A_move_is_made_only_by_the_roles_the_table_gives_it(InquiryStage from, InquiryStage to, string role)
    {
        var host = fixture.Host;
        var user = host.Staff.All.First(u => u.Roles.Contains(role));
        var inquiryId = await fixture.InquiryAtAsync(from);
        var transition = InquiryStageMachine.Find(from, to);
        var reopening = transition?.Route == StageMoveRoute.Reopen;
        var requestRoles = (reopening ? typeof(ReopenInquiry) : typeof(MoveInquiryStage)).GetCustomAttribute<RequiresRoleAttribute>()!.Roles;
        var expected = !requestRoles.Contains(role) ? Expected.Forbidden
            : transition is null || transition.Route == StageMoveRoute.AdmissionTab ? Expected.NotAMove
            : transition.Roles.Contains(role) ? Expected.Moved
            : Expected.Forbidden;

        var actual = await TryAsync(() => reopening
            ? host.SendAsync(user, new ReopenInquiry(inquiryId, null))
            : host.SendAsync(user, new MoveInquiryStage(inquiryId, to, NotAdmittedReason.Declined)));

        Assert.Equal(expected, actual);
        var stage = await host.QueryAsync(db => db.Inquiries.Where(i => i.Id == inquiryId).Select(i => i.Stage).SingleAsync());
        Assert.Equal(expected == Expected.Moved ? to : from, stage);
    }

    [Theory]
    [InlineData(InquiryStage.ClinicalReview, InquiryStage.Approved, typeof(MoveInquiryStage))]
    [InlineData(InquiryStage.Approved, InquiryStage.AdmissionScheduled, typeof(ScheduleAdmission))]
    [InlineData(InquiryStage.AdmissionScheduled, InquiryStage.Admitted, typeof(CheckInPatient))]
    [InlineData(InquiryStage.AdmissionScheduled, InquiryStage.Approved, typeof(RecordNoShow))]
    [InlineData(InquiryStage.PreScreening, InquiryStage.ReferredOut, typeof(ReferOut))]
    [InlineData(InquiryStage.NotAdmitted, InquiryStage.Contacted, typeof(ReopenInquiry))]
    public void Every_request_that_makes_a_stage_move_admits_at_least_the_roles_the_table_gives_it(InquiryStage from, InquiryStage to, Type request)
    {
        var requestRoles = request.GetCustomAttribute<RequiresRoleAttribute>()!.Roles;
        var tableRoles = InquiryStageMachine.Find(from, to)!.Roles;

        // The Admission tab's requests make only their move: their roles are exactly the table's.
        if (request != typeof(MoveInquiryStage))
        {
            Assert.Equal(tableRoles.Order(), requestRoles.Order());
        }

        Assert.Empty(tableRoles.Except(requestRoles));
    }

    [Fact]
    public async Task A_coordinator_cannot_approve_and_is_told_who_can()
    {
        var host = fixture.Host;
        var inquiryId = await fixture.InquiryAtAsync(InquiryStage.ClinicalReview);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new MoveInquiryStage(inquiryId, InquiryStage.Approved)));

        Assert.Equal("Moving an inquiry from Clinical review to Approved is for admins, admissions managers and clinicians.", refused.Message);
        await host.SendAsync(host.Clinician, new MoveInquiryStage(inquiryId, InquiryStage.Approved));
    }

    [Fact]
    public async Task The_inquiry_page_offers_each_person_only_the_moves_they_may_make()
    {
        var host = fixture.Host;
        var review = await fixture.InquiryAtAsync(InquiryStage.ClinicalReview);
        var closed = await fixture.InquiryAtAsync(InquiryStage.NotAdmitted);

        var coordinator = await host.SendAsync(host.Coordinator, new GetInquiry(review));
        var clinician = await host.SendAsync(host.Clinician, new GetInquiry(review));
        var reviewer = await host.SendAsync(host.UtilizationReview, new GetInquiry(review));

        Assert.Equal([InquiryStage.InsuranceVerification, InquiryStage.NotAdmitted], coordinator.NextStages);
        Assert.Equal([InquiryStage.Approved, InquiryStage.InsuranceVerification, InquiryStage.NotAdmitted], clinician.NextStages);
        Assert.Equal([InquiryStage.InsuranceVerification], reviewer.NextStages);
        Assert.False((await host.SendAsync(host.Coordinator, new GetInquiry(closed))).CanReopen);
        Assert.True((await host.SendAsync(host.Manager, new GetInquiry(closed))).CanReopen);
    }

    private static async Task<Expected> TryAsync(Func<Task> send)
    {
        try
        {
            await send();
            return Expected.Moved;
        }
        catch (ForbiddenException)
        {
            return Expected.Forbidden;
        }
        catch (DomainRuleException)
        {
            return Expected.NotAMove;
        }
    }
}
