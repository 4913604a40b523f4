using Admissions.Application.Common;
using Admissions.Application.FollowUps;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Security;
using Admissions.Infrastructure.Seeding;
using Bogus;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Admissions.DemoData;

/// <summary>
/// Demo users for every role, a few dozen inquiries spread over every stage (with insurance, referrals attributed
/// to the organisations in <see cref="DemoReferrals"/>), the past weeks' callers who were not admitted, and a campus with
/// programs and beds (some occupied or reserved by those inquiries), so a new install
/// can be explored. Never runs in Production (the callers check).
/// </summary>
public sealed class DemoDataSeeder(
    UserManager<AdmissionsUser> users, IAdmissionsDbContextFactory dbFactory, CurrentUser currentUser, TimeProvider clock, IFacilityCalendar calendar,
    ISender sender)
{
    public const string DemoPassword = "Admissions!2026";

    /// <summary>The working pipeline, a few in every stage.</summary>
    public const int PipelineInquiries = 42;

    /// <summary>Callers of the past weeks not admitted (not clinically appropriate, no insurance, referred out...), so
    /// the demo's inquiry-to-admit rate sits near a real centre's next to the residents <see cref="DemoResidents"/> adds.</summary>
    public const int ClosedEarlier = 150;

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> DemoUsers =
    [
        ("admin@demo.admissions.local", "Avery Admin", Roles.Admin),
        ("manager@demo.admissions.local", "Morgan Reyes", Roles.AdmissionsManager),
        ("coordinator@demo.admissions.local", "Casey Nguyen", Roles.AdmissionsCoordinator),
        ("coordinator2@demo.admissions.local", "Jordan Patel", Roles.AdmissionsCoordinator),
        ("clinician@demo.admissions.local", "Dr. Riley Brooks", Roles.Clinician),
        ("ur@demo.admissions.local", "Taylor Kim", Roles.UtilizationReview),
        ("bd@demo.admissions.local", "Quinn Foster", Roles.BusinessDevelopment),
    ];

    private static readonly string[] ReferralSources = [.. DemoReferrals.Organisations.Select(o => o.TypedAs)];

    private static readonly string[] Notes =
    [
        "Caller is the mother; son has been using fentanyl daily for a year.",
        "Wants residential, asked about Blue Cross coverage and family visits.",
        "Previous detox in 2024; relapsed after 3 months.",
        "Spouse calling; patient is drinking about a fifth a day, shaky in the mornings.",
        "Self-referral after an ED visit; interested in PHP while keeping her job.",
        "Asked whether we take TRICARE; active-duty spouse.",
        "Daughter is 19, anxiety and cannabis use, parents want an assessment.",
    ];

    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await users.Users.AnyAsync(u => u.Email == DemoUsers[0].Email, cancellationToken))
        {
            return false;
        }

        var staff = new Dictionary<string, Actor>();
        foreach (var (email, name, role) in DemoUsers)
        {
            var result = await StaffAccounts.CreateAsync(users, email, name, DemoPassword, role);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            var user = await users.FindByEmailAsync(email);
            staff[role == Roles.AdmissionsCoordinator && staff.ContainsKey(role) ? role + "2" : role] = new Actor(user!.Id, name);
        }

        currentUser.SetSystem();
        await SeedInquiriesAsync([staff[Roles.AdmissionsCoordinator], staff[Roles.AdmissionsCoordinator + "2"], staff[Roles.AdmissionsManager]], cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await DemoInsurance.SeedAsync(db, new Faker("en") { Random = new Randomizer(20261129) }, staff[Roles.AdmissionsCoordinator],
            staff[Roles.UtilizationReview], calendar.Organisation, cancellationToken);
        await using var placementDb = await dbFactory.CreateAsync(cancellationToken);
        await DemoPlacement.SeedAsync(placementDb, staff[Roles.AdmissionsCoordinator], clock.GetUtcNow(), cancellationToken);
        await DemoPlacement.SeedPartnersAsync(placementDb, cancellationToken);
        await DemoFacilities.AssignAsync(placementDb, cancellationToken);
        await DemoInsurance.SeedCoveredResidentAsync(placementDb, new Faker("en") { Random = new Randomizer(20261207) }, staff[Roles.AdmissionsCoordinator],
            staff[Roles.UtilizationReview], calendar.Organisation, cancellationToken);
        await using var payersDb = await dbFactory.CreateAsync(cancellationToken);
        await DemoPayers.SeedAsync(payersDb, staff[Roles.AdmissionsCoordinator], clock.GetUtcNow(), cancellationToken);
        await DemoPlacement.SeedOnCallAsync(placementDb, staff[Roles.Clinician], cancellationToken);
        await using var careDb = await dbFactory.CreateAsync(cancellationToken);
        await DemoCare.SeedAsync(careDb, staff[Roles.Clinician], clock.GetUtcNow(), cancellationToken);
        await using var messagingDb = await dbFactory.CreateAsync(cancellationToken);
        await DemoMessaging.SeedAsync(messagingDb, DemoUsers[1].Email, clock.GetUtcNow(), cancellationToken);
        await using var tasksDb = await dbFactory.CreateAsync(cancellationToken);
        await DemoTasks.TouchOpenInquiriesAsync(tasksDb, staff[Roles.AdmissionsCoordinator], clock.GetUtcNow(), cancellationToken);
        await DemoTasks.SeedAsync(tasksDb, staff[Roles.AdmissionsCoordinator], staff[Roles.AdmissionsManager], clock.GetUtcNow(), cancellationToken);
        // The morning sweep's concurrent-review tasks, so utilization review's work list agrees with its board from the first sign-in.
        await sender.Send(new RemindAuthorizationReviews(), cancellationToken);
        return true;
    }

    private async Task SeedInquiriesAsync(IReadOnlyList<Actor> coordinators, CancellationToken cancellationToken)
    {
        var faker = new Faker("en") { Random = new Randomizer(20261128) };
        var now = clock.GetUtcNow();
        var stages = Enum.GetValues<InquiryStage>();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var sequenceName = InquiryNumber.SequenceName(now.Year);
        var sequence = await db.NumberSequences.FirstOrDefaultAsync(s => s.Name == sequenceName, cancellationToken);
        if (sequence is null)
        {
            sequence = new NumberSequence { Name = sequenceName };
            db.NumberSequences.Add(sequence);
        }

        var startOfYear = new DateTimeOffset(now.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var referrers = await DemoReferrals.SeedOrganisationsAsync(db, now, cancellationToken);

        for (var n = 0; n < PipelineInquiries + ClosedEarlier; n++)
        {
            // The working pipeline first, over every stage; then the callers of the past weeks who were not admitted.
            var target = n < PipelineInquiries ? stages[n % stages.Length] : n % 3 == 0 ? InquiryStage.ReferredOut : InquiryStage.NotAdmitted;
            // New inquiries are recent (a live queue); later stages are days or weeks old.
            var createdAt = target == InquiryStage.New
                ? now.AddMinutes(-faker.Random.Int(1, 180))
                : now.AddDays(-faker.Random.Double(1, n < PipelineInquiries ? 40 : 55));
            // Early in January, keep every inquiry inside this year's numbering and never in the future.
            if (createdAt < startOfYear)
            {
                createdAt = startOfYear.AddTicks((now - startOfYear).Ticks * (n + 1) / (PipelineInquiries + ClosedEarlier + 1));
            }

            var inquiry = Inquiry.Create(InquiryNumber.Format(now.Year, ++sequence.LastValue), Details(faker), coordinators[n % 2], createdAt);
            var typed = inquiry.Details.Source == InquirySource.Alumni ? DemoReferrals.AlumniTypedAs : inquiry.Details.ReferralSource;
            if (typed is not null && referrers.TryGetValue(typed, out var referrer))
            {
                inquiry.AttributeReferral(referrer, coordinators[n % 2], createdAt);
            }

            var at = createdAt;

            // Assignment and the first call come within minutes, as a working team's would; later steps take hours.
            Actor Next(out DateTimeOffset when, int minMinutes = 3, int maxMinutes = 600)
            {
                at = at.AddMinutes(faker.Random.Int(minMinutes, maxMinutes));
                when = at < now ? at : now;
                return coordinators[faker.Random.Int(0, 1)];
            }

            if (n % 5 != 0)
            {
                var by = Next(out var when, 0, 2);
                inquiry.AssignTo(coordinators[n % 2], by, when);
            }

            if (target != InquiryStage.New)
            {
                var by = Next(out var when, 1, 12);
                if (faker.Random.Bool(0.4f))
                {
                    inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.NoAnswer, null, by, when);
                    by = Next(out when, 5, 60);
                }

                inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.Reached, "Spoke with the caller; explained next steps.", by, when);
            }

            foreach (var step in PathTo(target))
            {
                var by = Next(out var when);
                var reason = step == InquiryStage.NotAdmitted ? faker.PickRandom<NotAdmittedReason>() : (NotAdmittedReason?)null;
                inquiry.MoveTo(step, reason, null, by, when);
            }

            if (n >= PipelineInquiries)
            {
                // Closed weeks ago: nothing it raised (a speed-to-lead check, stage-change notices) is news today.
                inquiry.PullDomainEvents();
            }

            db.Inquiries.Add(inquiry);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal static IEnumerable<InquiryStage> PathTo(InquiryStage target)
    {
        InquiryStage[] pipeline =
        [
            InquiryStage.PreScreening, InquiryStage.InsuranceVerification, InquiryStage.ClinicalReview,
            InquiryStage.Approved, InquiryStage.AdmissionScheduled, InquiryStage.Admitted,
        ];
        switch (target)
        {
            case InquiryStage.New or InquiryStage.Contacted:
                yield break;
            case InquiryStage.NotAdmitted or InquiryStage.ReferredOut:
                yield return InquiryStage.PreScreening;
                yield return target;
                yield break;
            default:
                foreach (var stage in pipeline)
                {
                    yield return stage;
                    if (stage == target)
                    {
                        yield break;
                    }
                }

                break;
        }
    }

    /// <summary>A caller and patient; <paramref name="sex"/> and <paramref name="bornBy"/> fit a patient to a program that is already chosen.</summary>
    internal static InquiryDetails Details(Faker faker, Sex? patientSex = null, DateTime? bornBy = null)
    {
        var relationship = faker.PickRandom<CallerRelationship>();
        var sex = patientSex ?? (faker.Random.Bool() ? Sex.Female : Sex.Male);
        var first = faker.Name.FirstName(sex == Sex.Female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
        var last = faker.Name.LastName();
        var caller = relationship == CallerRelationship.Self ? $"{first} {last}" : faker.Name.FullName();
        var source = faker.PickRandom<InquirySource>();
        return new InquiryDetails
        {
            CallerName = caller,
            CallerPhone = PhoneNumber.Format($"{faker.Random.Int(201, 989)}{faker.Random.Int(200, 999)}{faker.Random.Int(1000, 9999)}"),
            CallerEmail = faker.Random.Bool(0.6f) ? faker.Internet.Email(caller.Split(' ')[0], last).ToLowerInvariant() : null,
            CallerRelationship = relationship,
            PatientFirstName = first,
            PatientLastName = last,
            PatientDateOfBirth = DateOnly.FromDateTime(faker.Date.Between(new DateTime(1960, 1, 1), bornBy ?? new DateTime(2006, 12, 31))),
            PatientSex = sex,
            PatientState = faker.PickRandom("CA", "TX", "FL", "AZ", "NV", "CO", "NY", "GA"),
            Source = source,
            ReferralSource = source == InquirySource.Referral ? faker.PickRandom(ReferralSources) : null,
            Substances = faker.PickRandom(SubstanceConcerns.Alcohol, SubstanceConcerns.OpioidsHeroin | SubstanceConcerns.Fentanyl,
                SubstanceConcerns.MethamphetamineAmphetamines, SubstanceConcerns.Benzodiazepines | SubstanceConcerns.Alcohol,
                SubstanceConcerns.Cocaine, SubstanceConcerns.Cannabis, SubstanceConcerns.None),
            MentalHealthConcerns = faker.PickRandom(MentalHealthConcerns.None, MentalHealthConcerns.Depression,
                MentalHealthConcerns.Anxiety | MentalHealthConcerns.Depression, MentalHealthConcerns.Ptsd | MentalHealthConcerns.Trauma,
                MentalHealthConcerns.Bipolar, MentalHealthConcerns.None),
            Urgency = faker.PickRandom(Urgency.Routine, Urgency.Routine, Urgency.Soon, Urgency.Urgent, Urgency.Crisis),
            Notes = faker.PickRandom(Notes),
        };
    }
}
