using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Placement;
using Admissions.Domain.Auditing;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Placement;

public class ReservationTests
{
    private static async Task<Guid> InquiryAsync(TestHost host, string first = "Sam", string last = "Rivera") =>
        (await host.CreateInquiryAsync(TestForms.Valid(f =>
        {
            f.PatientFirstName = first;
            f.PatientLastName = last;
        }), allowDuplicates: true)).InquiryId!.Value;

    private static Task<Bed> BedAsync(TestHost host, Guid id) => host.QueryAsync(db => db.Beds.AsNoTracking().SingleAsync(b => b.Id == id));

    private static Task<List<InquiryActivity>> PlacementTimelineAsync(TestHost host, Guid inquiryId) =>
        host.QueryAsync(db => db.InquiryActivities.AsNoTracking()
            .Where(a => a.InquiryId == inquiryId && a.Kind == ActivityKind.Placement).OrderBy(a => a.OccurredAt).ToListAsync());

    [Fact]
    public async Task Reserving_a_bed_holds_it_for_the_inquiry_puts_it_on_the_timeline_and_in_the_audit_trail()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await InquiryAsync(host);

        var reservation = await host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[0], inquiryId, TestHost.StartTime.AddHours(24)));

        Assert.Equal(("D-1", (string?)null), (reservation.BedLabel, reservation.ReleasedBedLabel));
        var bed = await BedAsync(host, campus.BedIds[0]);
        Assert.Equal((BedState.Reserved, inquiryId, TestHost.StartTime.AddHours(24), host.Coordinator.Name),
            (bed.State, bed.ReservedForInquiryId!.Value, bed.ReservedUntil!.Value, bed.ReservedByName));
        var entry = Assert.Single(await PlacementTimelineAsync(host, inquiryId));
        // 14:00 UTC on 11 March is 7:00 AM in Los Angeles (PDT).
        Assert.Equal("Reserved bed D-1 in Detox Unit (Medical Detox) until Mar 11, 7:00 AM", entry.Summary);
        Assert.Equal(host.Coordinator.Name, entry.ActorName);
        Assert.True(await host.QueryAsync(db => db.AuditEntries.AnyAsync(a =>
            a.EntityType == nameof(Bed) && a.EntityId == bed.Id.ToString() && a.Action == AuditAction.Update && a.UserId == host.Coordinator.Id)));

        var board = await host.SendAsync(host.Clinician, new GetBedBoard());
        var census = Assert.Single(board.Census);
        Assert.Equal((3, 0, 1, 2, 0), (census.Total, census.Occupied, census.Reserved, census.Available, census.OccupancyPercent));
        var shown = board.Units.Single().Beds[0];
        Assert.Equal((BedState.Reserved, "S.R."), (shown.State, shown.PatientInitials));
        Assert.StartsWith("INQ-", shown.InquiryNumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reserving_a_second_bed_for_the_same_inquiry_moves_the_reservation()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await InquiryAsync(host);
        await host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[0], inquiryId, TestHost.StartTime.AddHours(24)));

        var moved = await host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[1], inquiryId, TestHost.StartTime.AddHours(48)));

        Assert.Equal("D-1", moved.ReleasedBedLabel);
        Assert.Equal(BedState.Available, (await BedAsync(host, campus.BedIds[0])).State);
        Assert.Equal(inquiryId, (await BedAsync(host, campus.BedIds[1])).ReservedForInquiryId);
        Assert.Equal(1, await host.QueryAsync(db => db.Beds.CountAsync(b => b.ReservedForInquiryId == inquiryId)));
        Assert.Contains(await PlacementTimelineAsync(host, inquiryId), a => a.Summary == "Released bed D-1 (moved to bed D-2)");
    }

    [Fact]
    public async Task A_bed_reserved_for_someone_else_is_refused_with_the_taken_message()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var first = await InquiryAsync(host);
        var second = await InquiryAsync(host, "Alex", "Moore");
        await host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[0], first, TestHost.StartTime.AddHours(24)));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Coordinator2, new ReserveBed(campus.BedIds[0], second, TestHost.StartTime.AddHours(24))));

        Assert.Equal(Placements.BedTakenMessage, error.Message);
        Assert.Equal(first, (await BedAsync(host, campus.BedIds[0])).ReservedForInquiryId);
    }

    [Fact]
    public async Task Two_coordinators_reserving_the_last_bed_at_once_one_wins_and_the_other_is_told()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host, beds: 1);
        var first = await InquiryAsync(host);
        var second = await InquiryAsync(host, "Alex", "Moore");
        var until = TestHost.StartTime.AddHours(24);

        async Task<Exception?> Try(TestUser user, Guid inquiryId)
        {
            await Task.Yield();
            try
            {
                await host.SendAsync(user, new ReserveBed(campus.BedIds[0], inquiryId, until));
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }

        var outcomes = await Task.WhenAll(Try(host.Coordinator, first), Try(host.Coordinator2, second));

        Assert.Single(outcomes, o => o is null);
        var loser = Assert.IsType<DomainRuleException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal(Placements.BedTakenMessage, loser.Message);
        var bed = await BedAsync(host, campus.BedIds[0]);
        Assert.Equal(BedState.Reserved, bed.State);
        var winner = outcomes[0] is null ? first : second;
        Assert.Equal(winner, bed.ReservedForInquiryId);
        Assert.Single(await PlacementTimelineAsync(host, winner));
        Assert.Empty(await PlacementTimelineAsync(host, winner == first ? second : first));
    }

    [Fact]
    public async Task Expiry_must_be_in_the_future_and_within_seven_days_and_the_inquiry_open()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await InquiryAsync(host);

        var past = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[0], inquiryId, TestHost.StartTime.AddMinutes(-1))));
        Assert.Contains("The reservation must end in the future.", past.Errors[nameof(ReserveBed.Until)]);
        var tooLong = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[0], inquiryId, TestHost.StartTime.AddDays(7).AddMinutes(1))));
        Assert.Contains("A bed can be held for at most 7 days.", tooLong.Errors[nameof(ReserveBed.Until)]);

        await host.SendAsync(host.Coordinator, new MoveInquiryStage(inquiryId, InquiryStage.NotAdmitted, NotAdmittedReason.Declined));
        var closed = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[0], inquiryId, TestHost.StartTime.AddDays(7))));
        Assert.EndsWith("is closed; reopen it before reserving a bed.", closed.Message, StringComparison.Ordinal);
        Assert.Equal(BedState.Available, (await BedAsync(host, campus.BedIds[0])).State);
    }

    [Fact]
    public async Task Only_admissions_staff_reserve_and_only_admins_and_managers_set_bed_states()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await InquiryAsync(host);
        var until = TestHost.StartTime.AddHours(24);

        foreach (var user in new[] { host.Clinician, host.UtilizationReview, host.BusinessDevelopment })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new ReserveBed(campus.BedIds[0], inquiryId, until)));
        }

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new GetBedBoard()));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new SetBedState(campus.BedIds[0], BedState.Cleaning)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Manager, new AddBeds(campus.UnitId, "X-", 1)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new ReleaseExpiredReservations()));

        await host.SendAsync(host.Manager, new SetBedState(campus.BedIds[0], BedState.OutOfService, "Broken frame"));
        var bed = await BedAsync(host, campus.BedIds[0]);
        Assert.Equal((BedState.OutOfService, "Broken frame"), (bed.State, bed.OutOfServiceReason));
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[0], inquiryId, until)));
        Assert.Equal(Placements.BedTakenMessage, refused.Message);
        var noReason = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Admin, new SetBedState(campus.BedIds[1], BedState.OutOfService)));
        Assert.Contains("Say why the bed is out of service.", noReason.Errors["Reason"]);
    }

    [Fact]
    public async Task Releasing_frees_the_bed_and_notes_it_on_the_timeline()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await InquiryAsync(host);
        await host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[2], inquiryId, TestHost.StartTime.AddHours(24)));

        await host.SendAsync(host.Coordinator2, new ReleaseReservation(campus.BedIds[2]));

        Assert.Equal(BedState.Available, (await BedAsync(host, campus.BedIds[2])).State);
        Assert.Equal("Released bed D-3", (await PlacementTimelineAsync(host, inquiryId))[^1].Summary);
        await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator2, new ReleaseReservation(campus.BedIds[2])));
    }

    [Fact]
    public async Task The_sweep_releases_expired_reservations_once_with_a_timeline_entry_and_one_notification()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var expiring = await InquiryAsync(host);
        var lasting = await InquiryAsync(host, "Alex", "Moore");
        await host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[0], expiring, TestHost.StartTime.AddHours(2)));
        await host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[1], lasting, TestHost.StartTime.AddHours(30)));

        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.SendAsSystemAsync(new ReleaseExpiredReservations()));

        host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5));
        Assert.Equal(1, await host.SendAsSystemAsync(new ReleaseExpiredReservations()));

        Assert.Equal(BedState.Available, (await BedAsync(host, campus.BedIds[0])).State);
        Assert.Equal(BedState.Reserved, (await BedAsync(host, campus.BedIds[1])).State);
        var entry = (await PlacementTimelineAsync(host, expiring))[^1];
        Assert.Equal("Reservation of bed D-1 in Detox Unit (Medical Detox) expired at Mar 10, 9:00 AM and was released", entry.Summary);
        Assert.Equal(Actor.System.Name, entry.ActorName);
        var notification = Assert.Single(await host.QueryAsync(db => db.Notifications.AsNoTracking().ToListAsync()));
        Assert.Equal(host.Coordinator.Id, notification.UserId);
        Assert.StartsWith("Bed reservation expired: INQ-", notification.Title, StringComparison.Ordinal);
        Assert.Equal($"/inquiries/{expiring}", notification.Link);
        Assert.Contains(host.Live.InquiriesChanged, id => id == expiring);

        // Again: nothing new.
        var activities = await host.QueryAsync(db => db.InquiryActivities.CountAsync());
        Assert.Equal(0, await host.SendAsSystemAsync(new ReleaseExpiredReservations()));
        Assert.Equal(1, await host.QueryAsync(db => db.Notifications.CountAsync()));
        Assert.Equal(activities, await host.QueryAsync(db => db.InquiryActivities.CountAsync()));
    }

    [Fact]
    public async Task The_board_for_a_later_day_shows_reservations_ending_before_it_as_available()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await InquiryAsync(host);
        await host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[0], inquiryId, TestHost.StartTime.AddHours(12)));
        await host.SendAsync(host.Admin, new SetBedState(campus.BedIds[1], BedState.Cleaning));

        var today = await host.SendAsync(host.Coordinator, new GetBedBoard(campus.ProgramId));
        var later = await host.SendAsync(host.Coordinator, new GetBedBoard(campus.ProgramId, today.Today.AddDays(2)));

        Assert.Equal([BedState.Reserved, BedState.Cleaning, BedState.Available], today.Units.Single().Beds.Select(b => b.State));
        Assert.Equal([BedState.Available, BedState.Cleaning, BedState.Available], later.Units.Single().Beds.Select(b => b.State));
        await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Coordinator, new GetBedBoard(null, today.Today.AddDays(-1))));
    }
}
