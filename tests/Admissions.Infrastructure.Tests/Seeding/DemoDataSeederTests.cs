using System.Security.Claims;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Security;
using Admissions.DemoData;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Infrastructure.Tests.Seeding;

public class DemoDataSeederTests
{
    /// <summary>Admitted before today to fill the demo campus to its census (48 occupied beds, 4 of them demo pipeline inquiries).</summary>
    private const int Residents = 44;

    /// <summary>The day programs' patients: three stepped down to PHP, two in IOP, one who completed PHP (no beds).</summary>
    private const int DayProgramPatients = 6;

    private const int Seeded = DemoDataSeeder.PipelineInquiries + DemoDataSeeder.ClosedEarlier + Residents + DayProgramPatients;

    private static async Task<bool> SeedAsync(InfrastructureHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
    }

    [Fact]
    public async Task Seeding_creates_the_demo_staff_and_42_inquiries_over_every_stage_and_a_second_run_adds_nothing()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync(fastPasswordHashing: true);

        Assert.True(await SeedAsync(host));

        // Staff: one account per demo user, each in its role, able to sign in with the demo password.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AdmissionsUser>>();
            Assert.Equal(7, await users.Users.CountAsync());
            foreach (var (email, name, role) in DemoDataSeeder.DemoUsers)
            {
                var user = await users.FindByEmailAsync(email);
                Assert.NotNull(user);
                Assert.Equal(name, user.DisplayName);
                Assert.Equal([role], await users.GetRolesAsync(user));
            }

            Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(DemoDataSeeder.DemoUsers[0].Email))!, DemoDataSeeder.DemoPassword));
        }

        // Inquiries: 42 over every stage, the past weeks' callers not admitted, and the residents admitted before today;
        // numbered 1..N this year with the sequence at N.
        var inquiries = await host.QueryAsync(db => db.Inquiries.ToListAsync());
        var total = inquiries.Count;
        Assert.Equal(Seeded, total);
        Assert.Equal(Enum.GetValues<InquiryStage>().Order(), inquiries.Select(i => i.Stage).Distinct().Order());
        Assert.Equal(Enumerable.Range(1, total).Select(n => $"INQ-2026-{n:000000}"), inquiries.Select(i => i.Number).Order());
        var sequence = await host.QueryAsync(db => db.NumberSequences.SingleAsync());
        Assert.Equal(("INQ-2026", (long)total), (sequence.Name, sequence.LastValue));

        // Plausible histories: nothing in the future, contacted unless new, closed ones closed.
        var now = host.Clock.GetUtcNow();
        Assert.All(inquiries, i =>
        {
            Assert.True(i.CreatedAt <= now, $"{i.Number} was created in the future");
            Assert.True(i.LastActivityAt <= now, $"{i.Number} has activity in the future");
            Assert.Equal(i.Stage != InquiryStage.New, i.FirstContactAt is not null);
            Assert.Equal(InquiryStageMachine.IsClosed(i.Stage), i.ClosedAt is not null);
            Assert.Equal(i.Stage == InquiryStage.NotAdmitted, i.NotAdmittedReason is not null);
        });
        // Speed-to-lead checks for the working pipeline only: closed and admitted history is not news.
        Assert.Equal(DemoDataSeeder.PipelineInquiries, host.Scheduler.Checks.Count);

        // Referrals: every referral inquiry is attributed to one of the demo referral organisations, alumni ones to the alumni association.
        var organisations = await host.QueryAsync(db => db.ReferralOrganisations.ToDictionaryAsync(o => o.Id, o => o.Name));
        Assert.Equal(6, organisations.Count);
        var referred = inquiries.Where(i => i.Details.Source is InquirySource.Referral or InquirySource.Alumni).ToList();
        Assert.Contains(referred, i => i.Details.Source == InquirySource.Referral);
        Assert.All(referred, i => Assert.True(i.ReferralOrganisationId is { } id && organisations.ContainsKey(id), $"{i.Number} is not attributed"));
        Assert.All(referred.Where(i => i.Details.Source == InquirySource.Alumni),
            i => Assert.Equal("Riverbend Alumni Association", organisations[i.ReferralOrganisationId!.Value]));
        Assert.All(inquiries.Except(referred), i => Assert.Null(i.ReferralOrganisationId));

        // Again: nothing added.
        var activities = await host.QueryAsync(db => db.InquiryActivities.CountAsync());
        var audit = await host.QueryAsync(db => db.AuditEntries.CountAsync());

        Assert.False(await SeedAsync(host));

        Assert.Equal(7, await host.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(total, await host.QueryAsync(db => db.Inquiries.CountAsync()));
        Assert.Equal(6, await host.QueryAsync(db => db.ReferralOrganisations.CountAsync()));
        Assert.Equal(activities, await host.QueryAsync(db => db.InquiryActivities.CountAsync()));
        Assert.Equal(audit, await host.QueryAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(DemoDataSeeder.PipelineInquiries, host.Scheduler.Checks.Count);

        // The sequence the seeder left is the one intake continues.
        Assert.Equal($"INQ-2026-{total + 1:000000}", await CreateInquiryAsCoordinatorAsync(host));
    }

    private static async Task<string?> CreateInquiryAsCoordinatorAsync(InfrastructureHost host)
    {
        var coordinator = await host.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "coordinator@demo.admissions.local"));
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, coordinator.Id),
                new Claim(CurrentUser.DisplayNameClaim, coordinator.DisplayName),
                new Claim(ClaimTypes.Role, Roles.AdmissionsCoordinator),
            ], "Test")), "10.0.0.1");
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateInquiry(new InquiryForm
        {
            CallerName = "Pat Doe",
            CallerPhone = "(555) 201-9999",
            PatientFirstName = "Pat",
            PatientLastName = "Doe",
        }, AllowDuplicates: true));
        return result.Number;
    }

    [Fact]
    public async Task Seeding_on_new_years_day_creates_nothing_in_the_future()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), fastPasswordHashing: true);

        await SeedAsync(host);

        var clock = host.Clock.GetUtcNow();
        var inTheFuture = await host.QueryAsync(db => db.Inquiries.Where(i => i.CreatedAt > clock).Select(i => i.Number).ToListAsync());
        Assert.Empty(inTheFuture);
        var numbers = await host.QueryAsync(db => db.Inquiries.Select(i => i.Number).ToListAsync());
        Assert.All(numbers, n => Assert.StartsWith($"INQ-{clock.Year}-", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seeding_a_database_that_already_took_an_inquiry_continues_its_number_sequence()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync(fastPasswordHashing: true);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, "first-admin"),
                    new Claim(ClaimTypes.Role, Roles.Admin),
                ], "Test")), "10.0.0.1");
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateInquiry(new InquiryForm
            {
                CallerName = "Test Call",
                CallerPhone = "(555) 201-9999",
                PatientFirstName = "Test",
            }));
        }

        Assert.True(await SeedAsync(host));

        var numbers = await host.QueryAsync(db => db.Inquiries.Select(i => i.Number).ToListAsync());
        Assert.Equal(Enumerable.Range(1, Seeded + 1).Select(n => $"INQ-2026-{n:000000}"), numbers.Order());
    }
    [Fact]
    public async Task Seeding_fills_the_outbox_with_a_message_in_every_state_and_neutral_prospect_wording()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync(fastPasswordHashing: true);

        await SeedAsync(host);

        var messages = await host.QueryAsync(db => db.OutboundMessages.ToListAsync());
        Assert.Equal(Enum.GetValues<Domain.Messaging.MessageState>().Except([Domain.Messaging.MessageState.Sending]).Order(),
            messages.Select(m => m.State).Distinct().Order());
        Assert.All(messages.Where(m => m.Audience == Domain.Messaging.MessageAudience.Prospect),
            m => Assert.Empty(Domain.Messaging.MessageTemplates.BannedWordsIn($"{m.Subject} {m.Body}")));
        Assert.Equal("+15552010004", (await host.QueryAsync(db => db.MessagingOptOuts.SingleAsync())).Address);
    }

    [Fact]
    public async Task Seeding_builds_the_demo_campus_with_admitted_patients_in_beds_and_scheduled_ones_holding_reservations()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync(fastPasswordHashing: true);

        await SeedAsync(host);

        var facility = await host.QueryAsync(db => db.Facilities.SingleAsync());
        Assert.Equal(("Riverbend Recovery Center", "America/Los_Angeles"), (facility.Name, facility.TimeZoneId));
        // Every demo inquiry belongs to the demo facility, set as intake sets it (no "facility changed" on a demo timeline).
        Assert.All(await host.QueryAsync(db => db.Inquiries.Select(i => i.FacilityId).ToListAsync()), f => Assert.Equal(facility.Id, f));
        Assert.False(await host.QueryAsync(db => db.InquiryActivities.AnyAsync(a => a.Summary.StartsWith("Facility changed"))));
        var programs = await host.QueryAsync(db => db.TreatmentPrograms.ToListAsync());
        Assert.Equal(8, programs.Count);
        Assert.Equal(1200m, programs.Single(p => p.Name == "Medical Detox").DailyRate);
        var beds = await host.QueryAsync(db => db.Beds.ToListAsync());
        Assert.Equal(62, beds.Count);
        var stages = await host.QueryAsync(db => db.Inquiries.ToDictionaryAsync(i => i.Id, i => i.Stage));
        Assert.All(beds.Where(b => b.State == Domain.Placement.BedState.Occupied), b => Assert.Equal(InquiryStage.Admitted, stages[b.OccupiedByInquiryId!.Value]));
        Assert.All(beds.Where(b => b.State == Domain.Placement.BedState.Reserved), b =>
        {
            Assert.Equal(InquiryStage.AdmissionScheduled, stages[b.ReservedForInquiryId!.Value]);
            Assert.True(b.ReservedUntil > host.Clock.GetUtcNow());
        });
        Assert.Equal(stages.Values.Count(s => s == InquiryStage.Admitted) - DayProgramPatients, beds.Count(b => b.State == Domain.Placement.BedState.Occupied));
        Assert.Equal(stages.Values.Count(s => s == InquiryStage.AdmissionScheduled), beds.Count(b => b.State == Domain.Placement.BedState.Reserved));
        Assert.Equal(3, beds.Count(b => b.State == Domain.Placement.BedState.Cleaning));
        Assert.Equal(2, beds.Count(b => b.State == Domain.Placement.BedState.OutOfService));
    }

    [Fact]
    public async Task Seeding_places_each_patient_in_a_program_and_hall_that_takes_their_sex_and_age()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync(fastPasswordHashing: true);

        await SeedAsync(host);

        var facility = await host.QueryAsync(db => db.Facilities.SingleAsync());
        var units = await host.QueryAsync(db => db.CareUnits.ToDictionaryAsync(u => u.Id));
        var programs = await host.QueryAsync(db => db.TreatmentPrograms.ToDictionaryAsync(p => p.Id));
        var inquiries = await host.QueryAsync(db => db.Inquiries.ToDictionaryAsync(i => i.Id));
        var placed = (await host.QueryAsync(db => db.Beds.ToListAsync()))
            .Where(b => (b.OccupiedByInquiryId ?? b.ReservedForInquiryId) is not null)
            .Select(b => (Unit: units[b.UnitId], Patient: inquiries[(b.OccupiedByInquiryId ?? b.ReservedForInquiryId)!.Value].Details))
            .ToList();

        Assert.NotEmpty(placed);
        Assert.Contains(placed, p => p.Unit.Name == "Willow Hall (women)" || programs[p.Unit.ProgramId].Population == Domain.Placement.Population.Women);
        Assert.All(placed, p =>
        {
            var program = programs[p.Unit.ProgramId];
            if (program.Population == Domain.Placement.Population.Women || p.Unit.Name.EndsWith("(women)", StringComparison.Ordinal))
            {
                Assert.Equal(Sex.Female, p.Patient.PatientSex);
            }

            if (p.Unit.Name.EndsWith("(men)", StringComparison.Ordinal))
            {
                Assert.Equal(Sex.Male, p.Patient.PatientSex);
            }

            Assert.True(program.Admits(Domain.Placement.ProgramFit.AgeOn(p.Patient.PatientDateOfBirth!.Value, facility.DayAt(host.Clock.GetUtcNow()))));
        });
    }

    [Fact]
    public async Task A_fresh_demo_campus_is_about_80_percent_occupied_today_on_the_dashboard_and_the_bed_board_with_a_bed_free_in_every_program()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync(fastPasswordHashing: true);
        await SeedAsync(host);

        var manager = await host.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "manager@demo.admissions.local"));
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, manager.Id),
                new Claim(CurrentUser.DisplayNameClaim, manager.DisplayName),
                new Claim(ClaimTypes.Role, Roles.AdmissionsManager),
            ], "Test")), "10.0.0.1");
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        // The dashboard: occupied over beds in service.
        var census = await sender.Send(new Application.Dashboards.GetCensus(new Application.Dashboards.DashboardFilter()));
        Assert.InRange(census.Occupancy!.Value, 0.75, 0.85);
        Assert.Equal(48, census.Occupied);

        // The bed board: occupied over all beds, and somewhere to put tonight's admission in every bedded program.
        var board = await sender.Send(new Application.Placement.GetBedBoard());
        Assert.InRange(100.0 * board.Census.Sum(c => c.Occupied) / board.Census.Sum(c => c.Total), 75, 85);
        Assert.All(board.Census, c => Assert.True(c.Available > 0, $"{c.Name} has no bed free"));
        Assert.All(board.Census, c => Assert.InRange(c.OccupancyPercent, 60, 90));

        // Everyone in a bed arrived before now, within the last few weeks.
        var checkedIn = await host.QueryAsync(db => db.Admissions.Where(a => a.State == Domain.Placement.AdmissionState.Admitted).ToListAsync());
        var now = host.Clock.GetUtcNow();
        Assert.Equal(48, checkedIn.Count(a => a.BedId != null));

        // The day programs have patients too (stepped down to PHP, admitted to IOP), counted from admissions.
        Assert.Equal(5, checkedIn.Count(a => a.BedId == null));
        Assert.Contains(census.DayPrograms, p => p.Level == Domain.Care.LevelOfCare.PartialHospitalization && p.Patients == 3);
        Assert.All(checkedIn, a => Assert.InRange(a.ClosedAt!.Value, now.AddDays(-41), now));

        // Filling the beds does not make every caller an admission: of the past 30 days' inquiries, a plausible share is admitted.
        var lastMonth = await host.QueryAsync(db => db.Inquiries.Where(i => i.CreatedAt >= now.AddDays(-30)).Select(i => i.Stage).ToListAsync());
        Assert.InRange((double)lastMonth.Count(s => s == InquiryStage.Admitted) / lastMonth.Count, 0.15, 0.40);
    }

    [Fact]
    public async Task A_fresh_demo_day_has_a_few_overdue_tasks_and_the_unworked_sweep_finds_nothing_to_add()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync(fastPasswordHashing: true);
        await SeedAsync(host);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem();
            var swept = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new Application.FollowUps.FlagUnworkedInquiries());
            Assert.Equal(0, swept.TasksCreated);
        }

        var coordinator = await host.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "coordinator@demo.admissions.local"));
        var now = host.Clock.GetUtcNow();
        var mine = await host.QueryAsync(db => db.FollowUpTasks.Where(t => t.AssigneeId == coordinator.Id && t.State == Domain.FollowUps.FollowUpState.Open).ToListAsync());
        Assert.Equal(2, mine.Count(t => t.DueAt <= now));
        Assert.True(mine.Count(t => t.DueAt > now) > mine.Count(t => t.DueAt <= now));
    }

    [Fact]
    public async Task Seeding_puts_the_demo_clinician_on_call_every_day_shift_and_as_the_fallback_overnight()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync(fastPasswordHashing: true);

        await SeedAsync(host);

        var facility = await host.QueryAsync(db => db.Facilities.SingleAsync());
        var shifts = await host.QueryAsync(db => db.OnCallShifts.ToListAsync());
        Assert.Equal(Enum.GetValues<DayOfWeek>().Order(), shifts.Select(s => s.Day).Order());
        Assert.All(shifts, s => Assert.Equal(("Dr. Riley Brooks", new TimeOnly(7, 0), new TimeOnly(19, 0), facility.Id), (s.ClinicianName, s.Starts, s.Ends, s.FacilityId)));
        Assert.Equal("Dr. Riley Brooks", facility.OnCallFallbackName);
        Assert.Equal(shifts[0].ClinicianId, facility.OnCallFallbackId);
    }

    [Fact]
    public async Task Seeding_gives_inquiries_in_clinical_review_and_later_a_clinical_intake_the_rules_can_read()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync(fastPasswordHashing: true);

        await SeedAsync(host);

        var intakes = await host.QueryAsync(db => db.ClinicalIntakes.ToListAsync());
        Assert.NotEmpty(intakes);
        var stages = await host.QueryAsync(db => db.Inquiries.ToDictionaryAsync(i => i.Id, i => i.Stage));
        Assert.All(intakes, i => Assert.Contains(stages[i.InquiryId],
            (InquiryStage[])[InquiryStage.ClinicalReview, InquiryStage.Approved, InquiryStage.AdmissionScheduled, InquiryStage.Admitted]));
        Assert.Contains(intakes, i => i.Substances.Any(s => s.HadComplicatedWithdrawal));
        Assert.All(intakes, i => Assert.Equal("Dr. Riley Brooks", i.UpdatedByName));
    }

    [Fact]
    public async Task Demo_authorizations_agree_with_themselves_and_fill_every_section_of_the_utilization_review_board()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync(fastPasswordHashing: true);
        await SeedAsync(host);

        var rows = await host.QueryAsync(db => (from a in db.PriorAuthorizations
                                                join i in db.Inquiries on a.InquiryId equals i.Id
                                                select new { Authorization = a, i.Stage }).ToListAsync());
        foreach (var row in rows)
        {
            var a = row.Authorization;
            if (Domain.Insurance.PriorAuthorization.IsCertification(a.Status))
            {
                // A certified stay belongs to an admitted patient, and its days run from its first to its last day.
                Assert.Equal(InquiryStage.Admitted, row.Stage);
                Assert.Equal(a.ApprovedDays, a.ApprovedTo!.Value.DayNumber - a.ApprovedFrom!.Value.DayNumber + 1);
                Assert.InRange(a.NextReviewOn!.Value, a.ApprovedFrom.Value, a.ApprovedTo.Value);
                Assert.Equal(a.ApprovedTo, a.Reviews[^1].LastCoveredDay);
            }
            else
            {
                Assert.Null(a.ApprovedDays);
            }
        }

        var reviewer = await host.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "ur@demo.admissions.local"));
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, reviewer.Id),
                new Claim(CurrentUser.DisplayNameClaim, reviewer.DisplayName),
                new Claim(ClaimTypes.Role, Roles.UtilizationReview),
            ], "Test")), "10.0.0.1");
        var board = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new Application.Insurance.GetUtilizationReviewBoard());
        Assert.NotEmpty(board.Covered);
        Assert.Contains(board.Covered, c => c.LastCoveredDay <= board.Today.AddDays(1));
        // Covered residential stays the demo's walk-throughs each end or review on their own: one with its review days away and no agreement.
        Assert.True(board.Covered.Count(c => c.Admitted && c.Level == LevelOfCare.Residential) >= 3);
        Assert.Contains(board.Covered, c => c.Admitted && c.Level == LevelOfCare.Residential && c.NextReviewOn > board.Today.AddDays(2) && c.Agreement is null);
        Assert.NotEmpty(board.ReviewsDue);
        Assert.All(board.Pended, p => Assert.NotNull(p.PendedReason));
        Assert.Equal(1, board.LongPends);
        Assert.NotEmpty(board.Denials);
    }

    [Fact]
    public async Task One_out_of_network_demo_patient_has_a_single_case_agreement_for_its_authorized_days()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync(fastPasswordHashing: true);
        await SeedAsync(host);

        var agreement = Assert.Single(await host.QueryAsync(db => db.SingleCaseAgreements.ToListAsync()));
        var authorization = await host.QueryAsync(db => db.PriorAuthorizations.SingleAsync(a => a.Id == agreement.AuthorizationId));
        var payer = await host.QueryAsync(db => db.Payers.SingleAsync(p => p.Id == authorization.PayerId));

        Assert.False(payer.InNetwork);
        Assert.True(agreement.IsActive);
        Assert.Equal((authorization.InquiryId, authorization.Level), (agreement.InquiryId, agreement.Level));
        Assert.Equal(authorization.ApprovedFrom ?? authorization.AdmissionDate, agreement.StartsOn);
        Assert.Equal(authorization.ApprovedTo ?? Domain.Insurance.PriorAuthorization.LastDay(authorization.AdmissionDate, authorization.RequestedDays), agreement.EndsOn);
        Assert.Equal(agreement.Units, agreement.EndsOn.DayNumber - agreement.StartsOn.DayNumber + 1);
    }
}
