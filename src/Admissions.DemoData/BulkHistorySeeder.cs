using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Persistence;
using Admissions.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Admissions.DemoData;

/// <summary>
/// Writes a realistic admissions history of many inquiries (three years up to now) for load and dashboard work:
/// name-search terms, sources, referral organisations, coordinators, contact times, stages and lost reasons, primary policies, VOBs,
/// authorizations, levels of care and open tasks. Rows go in with prepared statements in large transactions,
/// not through the change tracker. Deterministic for a given seed. Never run against Production (callers check).
/// </summary>
public sealed partial class BulkHistorySeeder(IDbContextFactory<AdmissionsDbContext> contexts, IStaffDirectory staff, TimeProvider clock)
{
    private const int Batch = 20_000;
    private static readonly TimeSpan History = TimeSpan.FromDays(3 * 365);

    private static readonly string[] FirstNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard",
        "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Chris", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Ashley", "Mark",
        "Emily", "Steven", "Megan", "Andrew", "Rachel", "Kevin", "Laura", "Brian", "Amber", "Tyler", "Hannah", "Jacob", "Olivia",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez",
        "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris",
        "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill",
    ];

    private static readonly string[] OrganisationKinds =
    [
        "Hospital ED", "Behavioral Health Clinic", "Interventions", "Counseling Group", "EAP", "Drug Court", "Recovery Residence",
        "Family Medicine", "Psychiatry Associates", "Sober Living", "University Health", "Community Services Board",
    ];

    private static readonly string[] Cities =
    [
        "Lakeside", "Riverside", "Cedar Grove", "Pine Hill", "Harbor", "Summit", "Oak Park", "Westfield", "Fairview", "Bayview", "Maple Ridge",
        "Stonebridge", "Clearwater", "Elm Street", "North Shore", "Valley",
    ];

    private static readonly (InquirySource Source, int Weight)[] Sources =
    [
        (InquirySource.Phone, 45), (InquirySource.WebForm, 25), (InquirySource.Referral, 14), (InquirySource.Text, 7),
        (InquirySource.Alumni, 4), (InquirySource.Email, 3), (InquirySource.WalkIn, 2),
    ];

    private static readonly (NotAdmittedReason Reason, int Weight)[] LostReasons =
    [
        (NotAdmittedReason.Unreachable, 27), (NotAdmittedReason.OutOfNetwork, 18), (NotAdmittedReason.NoInsurance, 15),
        (NotAdmittedReason.ChoseAnotherProvider, 15), (NotAdmittedReason.NotClinicallyAppropriate, 10), (NotAdmittedReason.Declined, 10),
        (NotAdmittedReason.Invalid, 5),
    ];

    private static readonly (LevelOfCare Level, int Weight)[] Levels =
    [
        (LevelOfCare.WithdrawalManagement, 30), (LevelOfCare.Residential, 30), (LevelOfCare.MentalHealthResidential, 8),
        (LevelOfCare.PartialHospitalization, 14), (LevelOfCare.IntensiveOutpatient, 13), (LevelOfCare.Outpatient, 5),
    ];

    public sealed record Result(int Inquiries, int Policies, int Checks, int Authorizations, int Levels, int Tasks, TimeSpan Elapsed);

    public async Task<Result> SeedAsync(int count, TextWriter progress, int seed = 20_26, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var started = Stopwatch.StartNew();
        var random = new Random(seed);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sqlite = db.Database.IsSqlite();
        var values = new ProviderValues(ProviderValues.KindOf(db), db.Model.GetRelationalModel());

        var payers = await db.Payers.AsNoTracking().Where(p => p.IsActive).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var coordinators = (await staff.ListAsync(cancellationToken))
            .Where(s => s.Roles.Contains(Roles.AdmissionsCoordinator) || s.Roles.Contains(Roles.AdmissionsManager))
            .Select(s => new Actor(s.Id, s.Name)).ToList();
        if (payers.Count == 0 || coordinators.Count == 0)
        {
            throw new InvalidOperationException("Seed the demo data first: the history needs payers and coordinators.");
        }

        var organisations = await EnsureOrganisationsAsync(db, random, now, cancellationToken);
        // Spread over the active facilities with a generator of its own, so the rest of the history is the same whatever the facilities.
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.Name).Select(f => (Guid?)f.Id).ToListAsync(cancellationToken);
        var facilityRandom = new Random(seed + 1);
        var sequences = await db.NumberSequences.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.LastValue, cancellationToken);
        var system = new Actor("system", "Data generator");

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        if (sqlite)
        {
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY;", cancellationToken);
        }

        var inquiry = new Insert(connection, values, "Inquiries",
            "Id", "Number", "CallerName", "CallerPhone", "CallerEmail", "CallerRelationship", "PatientFirstName", "PatientLastName", "PatientDateOfBirth",
            "PatientSex", "PatientPhone", "PatientState", "Source", "ReferralSource", "Substances", "MentalHealthConcerns", "Urgency", "Notes",
            "CallerPhoneDigits", "PatientPhoneDigits", "PatientNameKey", "IsDualDiagnosis", "Stage", "NotAdmittedReason", "StageChangedAt", "CreatedAt",
            "CreatedById", "CreatedByName", "FirstContactAt", "LastActivityAt", "ClosedAt", "AssignedCoordinatorId", "AssignedCoordinatorName",
            "PossibleDuplicateOfId", "ReferralOrganisationId", "FacilityId", "Version");
        var term = new Insert(connection, values, "InquirySearchTerms", "InquiryId", "Term");
        var policy = new Insert(connection, values, "InsurancePolicies",
            "Id", "InquiryId", "Rank", "PayerId", "PayerName", "MemberId", "GroupNumber", "Relationship", "CreatedAt", "UpdatedAt", "Version");
        var check = new Insert(connection, values, "EligibilityChecks",
            "Id", "InquiryId", "PolicyId", "PayerId", "PayerName", "Method", "State", "Levels", "TraceNumber", "RequestedAt", "RequestedById",
            "RequestedByName", "Attempts", "CompletedAt", "Result", "Version");
        var authorization = new Insert(connection, values, "PriorAuthorizations",
            "Id", "InquiryId", "PolicyId", "PayerId", "PayerName", "Level", "ServiceType", "AdmissionDate", "RequestedDays", "Diagnoses", "Channel",
            "TraceNumber", "RequestedAt", "RequestedById", "RequestedByName", "Status", "CertificationNumber", "ApprovedDays", "ApprovedFrom", "ApprovedTo",
            "DecidedAt", "PendedAt", "Rechecks", "Notes", "Reviews", "AwaitingSubmission", "Version");
        var level = new Insert(connection, values, "LevelOfCareHistories", "Id", "InquiryId", "Decisions", "AdmittingCareSetting", "Version");
        var task = new Insert(connection, values, "FollowUpTasks",
            "Id", "InquiryId", "Kind", "Title", "DueAt", "AssigneeId", "AssigneeName", "Priority", "State", "CreatedAt", "CreatedById", "CreatedByName",
            "SnoozeCount", "EscalationCount", "UniqueKey", "Version");
        Insert[] all = [inquiry, term, policy, check, authorization, level, task];

        // Inquiries are written oldest first so time-ordered keys and indexes grow at their ends.
        var start = now - History;
        var step = History.Ticks / count;
        var levelsByCare = AsamLevels.For(AsamEdition.Third).Where(l => l.CareSetting is not null).GroupBy(l => l.CareSetting!.Value)
            .ToDictionary(g => g.Key, g => g.Last());
        var runId = RandomNumberGenerator.GetHexString(6);
        Guid? previous = null;
        DbTransaction? transaction = null;
        for (var n = 0; n < count; n++)
        {
            if (n % Batch == 0)
            {
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                    await transaction.DisposeAsync();
                    Progress(progress, n, count, started.Elapsed);
                }

                transaction = await connection.BeginTransactionAsync(cancellationToken);
                foreach (var insert in all)
                {
                    insert.Prepare(transaction);
                }
            }

            var created = start + TimeSpan.FromTicks(step * n + random.NextInt64(step)) + DaytimeShift(random);
            if (created > now)
            {
                created = now.AddMinutes(-random.Next(1, 600));
            }

            var id = Guid.CreateVersion7(created);
            var age = now - created;
            var source = Pick(random, Sources);
            var organisation = source == InquirySource.Referral || (source == InquirySource.Phone && random.NextDouble() < 0.08)
                ? organisations[Zipf(random, organisations.Count)]
                : null;
            if (organisation is { Stopped: true } && created > now.AddDays(-75))
            {
                organisation = null;
            }

            var duplicate = previous is not null && random.NextDouble() < 0.04;
            var coordinator = random.NextDouble() < 0.93 ? coordinators[random.Next(coordinators.Count)] : null;
            var contactMinutes = random.NextDouble() < 0.88 ? MinutesToContact(random) : (double?)null;
            var firstContact = contactMinutes is { } m && created.AddMinutes(m) < now ? created.AddMinutes(m) : (DateTimeOffset?)null;
            var insured = random.NextDouble() < 0.78;

            // Where it ended up: old inquiries are closed; recent ones are still moving through the pipeline.
            var (stage, reason, closedAt) = Outcome(random, created, age, firstContact, duplicate, insured, now);
            var stageChangedAt = closedAt ?? (stage == InquiryStage.New ? created : Min(now, (firstContact ?? created).AddHours(random.Next(1, 72))));
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var phone = $"{random.Next(201, 989)}{random.Next(200, 999)}{random.Next(1000, 9999)}";
            var patientPhone = random.NextDouble() < 0.4 ? $"{random.Next(201, 989)}{random.Next(200, 999)}{random.Next(1000, 9999)}" : null;
            var year = created.Year;
            var sequenceName = InquiryNumber.SequenceName(year);
            var sequence = sequences.GetValueOrDefault(sequenceName) + 1;
            sequences[sequenceName] = sequence;
            var substances = (SubstanceConcerns)(1 << random.Next(0, 9));
            var mental = random.NextDouble() < 0.45 ? (MentalHealthConcerns)(1 << random.Next(0, 10)) : MentalHealthConcerns.None;

            var caller = $"{FirstNames[random.Next(FirstNames.Length)]} {last}";
            await inquiry.RunAsync(cancellationToken,
                id, InquiryNumber.Format(year, sequence), caller, Format(phone), null,
                (int)(CallerRelationship)random.Next(0, 7), first, last, values.Day(new DateOnly(1960, 1, 1).AddDays(random.Next(0, 16_000))),
                random.Next(0, 2), patientPhone is null ? null : Format(patientPhone), "CA", (int)source, organisation?.Name, (int)substances, (int)mental, random.Next(0, 4), null,
                phone, patientPhone, $"{first} {last}".ToUpperInvariant(), mental != MentalHealthConcerns.None, (int)stage, (int?)reason, values.Instant(stageChangedAt),
                values.Instant(created), system.Id, system.Name, values.Instant(firstContact), values.Instant(Max(stageChangedAt, firstContact ?? created)),
                values.Instant(closedAt), coordinator?.Id, coordinator?.Name, duplicate ? previous : null, organisation?.Id,
                facilities.Count == 0 ? null : facilities[facilityRandom.Next(facilities.Count)], values.Version());
            previous = id;
            foreach (var searchTerm in InquirySearchTerm.For(new InquiryDetails { PatientFirstName = first, PatientLastName = last, CallerName = caller }))
            {
                await term.RunAsync(cancellationToken, id, searchTerm);
            }

            if (!insured)
            {
                continue;
            }

            var payer = payers[Zipf(random, payers.Count)];
            var policyId = Guid.CreateVersion7(created);
            await policy.RunAsync(cancellationToken, policyId, id, (int)PolicyRank.Primary, payer.Id, payer.Name, $"M{random.NextInt64(100_000_000, 999_999_999)}",
                null, (int)SubscriberRelationship.Self, values.Instant(created), values.Instant(created), values.Version());

            var advanced = stage is InquiryStage.InsuranceVerification or InquiryStage.ClinicalReview or InquiryStage.Approved or InquiryStage.AdmissionScheduled
                or InquiryStage.Admitted || (firstContact is not null && random.NextDouble() < 0.45);
            if (!advanced)
            {
                continue;
            }

            var care = Pick(random, Levels);
            var requested = Min(now, (firstContact ?? created).AddMinutes(random.Next(5, 2880)));
            var electronic = random.NextDouble() < 0.8;
            var completed = requested.AddMinutes(electronic ? random.Next(0, 4) + random.NextDouble() : random.Next(30, 1440));
            var checkState = completed > now ? VerificationState.Pending : random.NextDouble() < 0.93 ? VerificationState.Completed : VerificationState.Failed;
            await check.RunAsync(cancellationToken, Guid.CreateVersion7(requested), id, policyId, payer.Id, payer.Name,
                (int)(electronic ? VerificationMethod.Electronic : VerificationMethod.Phone), (int)checkState, values.Numbers((int)care), $"SEED-{runId}-{n}",
                values.Instant(requested), system.Id, system.Name, 1, values.Instant(checkState == VerificationState.Pending ? null : completed),
                checkState == VerificationState.Completed ? """{"CoverageActive":true,"PlanName":"Commercial PPO","Levels":[]}""" : null, values.Version());

            if (stage is not (InquiryStage.ClinicalReview or InquiryStage.Approved or InquiryStage.AdmissionScheduled or InquiryStage.Admitted))
            {
                continue;
            }

            var history = new LevelOfCareHistory(id);
            var asam = levelsByCare.GetValueOrDefault(care) ?? levelsByCare[LevelOfCare.Residential];
            history.Decide(new LevelOfCareRecommendation(asam, care, new DimensionRatings(2, 1, 2, 2, 3, 2), [], []), coordinator ?? system, requested.AddHours(2));
            await level.RunAsync(cancellationToken, history.Id, id, DecisionsJson.Write([.. history.Decisions]), (int?)history.AdmittingCareSetting, values.Version());

            if (LevelsOfCare.IsInpatient(care) && random.NextDouble() < 0.7)
            {
                var authRequested = requested.AddHours(random.Next(1, 24));
                var status = random.NextDouble() switch
                {
                    < 0.70 => AuthorizationStatus.Certified,
                    < 0.80 => AuthorizationStatus.Partial,
                    < 0.88 => AuthorizationStatus.Denied,
                    < 0.95 => AuthorizationStatus.Pended,
                    _ => AuthorizationStatus.Cancelled,
                };
                var decided = status == AuthorizationStatus.Pended ? (DateTimeOffset?)null : authRequested.AddHours(Math.Exp(random.NextDouble() * 4.5));
                if (decided > now)
                {
                    (status, decided) = (AuthorizationStatus.Pended, null);
                }

                // A certification's days run from the admission date through its last covered day, as a decision records them.
                var admissionDay = DateOnly.FromDateTime(authRequested.UtcDateTime.AddDays(1));
                int? approved = status == AuthorizationStatus.Certified ? 14 : status == AuthorizationStatus.Partial ? 7 : null;
                await authorization.RunAsync(cancellationToken, Guid.CreateVersion7(authRequested), id, policyId, payer.Id, payer.Name, (int)care, "AI",
                    values.Day(admissionDay), 14, "F10.20", 0, $"SEED-{runId}-A{n}", values.Instant(authRequested),
                    system.Id, system.Name, (int)status, approved is null ? null : $"C{n}", approved,
                    approved is null ? null : values.Day(admissionDay), approved is { } days ? values.Day(PriorAuthorization.LastDay(admissionDay, days)) : null,
                    values.Instant(decided), status == AuthorizationStatus.Pended ? values.Instant(authRequested.AddHours(2)) : null, 0, "[]", "[]", false, values.Version());
            }

            if (InquiryStageMachine.IsOpen(stage) && coordinator is not null && random.NextDouble() < 0.5)
            {
                await task.RunAsync(cancellationToken, Guid.CreateVersion7(now), id, 1, "Call back", values.Instant(now.AddHours(random.Next(-72, 48))),
                    coordinator.Id, coordinator.Name, 0, 0, values.Instant(created), Actor.System.Id, Actor.System.Name, 0, 0, $"seed-{runId}-{n}", values.Version());
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        foreach (var insert in all)
        {
            insert.Dispose();
        }

        Progress(progress, count, count, started.Elapsed);
        await progress.WriteLineAsync();
        await SaveSequencesAsync(connection, values, sequences, cancellationToken);

        // These rows went around the change log, so the dashboards' daily figures are counted again from scratch.
        await ExecuteAsync(connection, "DELETE FROM \"DailyFiguresStates\";", cancellationToken);
        if (values.Kind != ProviderKind.SqlServer)
        {
            await progress.WriteLineAsync("Updating query planner statistics (ANALYZE)…");
            await ExecuteAsync(connection, sqlite ? "ANALYZE; PRAGMA synchronous=NORMAL;" : "ANALYZE;", cancellationToken);
        }

        return new Result(count, policy.Rows, check.Rows, authorization.Rows, level.Rows, task.Rows, started.Elapsed);
    }
}
