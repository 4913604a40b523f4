using System.Text.Json;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Admissions.Infrastructure.Persistence.Configurations;

/// <summary>
/// A level-of-care history is one row per inquiry; its append-only decisions (each with the recommendation shown,
/// ratings, reasons and warnings) are one JSON document. Editions are stored by name and levels by code; a mental-health placement
/// keeps its criteria set, level and rationale instead.
/// </summary>
internal sealed class LevelOfCareHistoryConfiguration : IEntityTypeConfiguration<LevelOfCareHistory>
{
    public void Configure(EntityTypeBuilder<LevelOfCareHistory> builder)
    {
        builder.ToTable("LevelOfCareHistories");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasIndex(h => h.InquiryId).IsUnique();
        builder.HasIndex(h => new { h.InquiryId, h.AdmittingCareSetting });
        builder.Property<List<LevelOfCareDecision>>("_decisions")
            .HasColumnName("Decisions")
            .HasConversion(new DecisionsConverter(), new DecisionsComparer())
            .IsRequired();
        builder.Ignore(h => h.Decisions);
        builder.Ignore(h => h.Admitting);
        builder.Ignore(h => h.Current);
        builder.Ignore(h => h.DomainEvents);
    }
}

internal sealed class DecisionsConverter() : ValueConverter<List<LevelOfCareDecision>, string>(
    v => DecisionsJson.Write(v),
    v => DecisionsJson.Read(v));

/// <summary>Decisions are only ever appended, so the ids in order tell whether the list changed.</summary>
internal sealed class DecisionsComparer() : ValueComparer<List<LevelOfCareDecision>>(
    (a, b) => a != null && b != null && a.Select(d => d.Id).SequenceEqual(b.Select(d => d.Id)),
    v => v.Aggregate(0, (hash, d) => HashCode.Combine(hash, d.Id)),
    v => v.ToList());

/// <summary>The stored JSON form of the level-of-care decisions, shared by the column converter and the bulk history seeder.</summary>
public static class DecisionsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(List<LevelOfCareDecision> decisions) =>
        JsonSerializer.Serialize(decisions.Select(ToDto).ToList(), Options);

    public static List<LevelOfCareDecision> Read(string json) =>
        [.. (JsonSerializer.Deserialize<List<DecisionDto>>(json, Options) ?? []).Select(FromDto)];

    private static DecisionDto ToDto(LevelOfCareDecision d) => d.Recommendation is not { } r
        ? new(d.Id, null, null, d.CareSetting?.ToString(), null, d.IsAdmitting, d.DecidedBy.Id, d.DecidedBy.Name, d.DecidedAt, null,
            d.Criteria.ToString(), d.CriteriaName, d.CriteriaLevel, d.Rationale)
        : new(
            d.Id,
            r.Edition.ToString(),
            d.Level!.Code,
            d.CareSetting?.ToString(),
            d.OverrideReason,
            d.IsAdmitting,
            d.DecidedBy.Id,
            d.DecidedBy.Name,
            d.DecidedAt,
            new RecommendationDto(
                r.Level.Code,
                r.CareSetting?.ToString(),
                new RatingsDto(r.Ratings.IntoxicationWithdrawal, r.Ratings.Biomedical, r.Ratings.EmotionalBehavioral, r.Ratings.Readiness,
                    r.Ratings.Relapse, r.Ratings.RecoveryEnvironment),
                [.. r.Reasons.Select(f => new FindingDto(f.Rule, f.Level.Code, f.CareSetting?.ToString(), f.Reason))],
                [.. r.Warnings]));

    private static LevelOfCareDecision FromDto(DecisionDto dto)
    {
        // Decisions written before criteria sets were recorded are ASAM decisions.
        if (dto.Criteria is { } criteria && Enum.Parse<CriteriaSet>(criteria) != CriteriaSet.Asam)
        {
            return LevelOfCareDecision.Restore(dto.Id, Enum.Parse<CriteriaSet>(criteria), dto.CriteriaName!, dto.CriteriaLevel!, Setting(dto.CareSetting),
                dto.Rationale!, dto.IsAdmitting, new Actor(dto.DecidedById, dto.DecidedByName), dto.DecidedAt);
        }

        var edition = Enum.Parse<AsamEdition>(dto.Edition!);
        var r = dto.Recommendation!;
        var recommendation = new LevelOfCareRecommendation(
            AsamLevels.Parse(edition, r.LevelCode),
            Setting(r.CareSetting),
            new DimensionRatings(r.Ratings.IntoxicationWithdrawal, r.Ratings.Biomedical, r.Ratings.EmotionalBehavioral, r.Ratings.Readiness,
                r.Ratings.Relapse, r.Ratings.RecoveryEnvironment),
            [.. r.Reasons.Select(f => new RuleFinding(f.Rule, AsamLevels.Parse(edition, f.LevelCode), Setting(f.CareSetting), f.Reason))],
            r.Warnings);
        return LevelOfCareDecision.Restore(dto.Id, recommendation, AsamLevels.Parse(edition, dto.LevelCode!), Setting(dto.CareSetting),
            dto.OverrideReason, dto.IsAdmitting, new Actor(dto.DecidedById, dto.DecidedByName), dto.DecidedAt);
    }

    private static LevelOfCare? Setting(string? value) => value is null ? null : Enum.Parse<LevelOfCare>(value);

    /// <summary>An ASAM decision has an edition, level and recommendation; a mental-health placement its criteria set, level and rationale.</summary>
    private sealed record DecisionDto(
        Guid Id, string? Edition, string? LevelCode, string? CareSetting, string? OverrideReason, bool IsAdmitting,
        string DecidedById, string DecidedByName, DateTimeOffset DecidedAt, RecommendationDto? Recommendation,
        string? Criteria = null, string? CriteriaName = null, string? CriteriaLevel = null, string? Rationale = null);

    private sealed record RecommendationDto(
        string LevelCode, string? CareSetting, RatingsDto Ratings, List<FindingDto> Reasons, List<string> Warnings);

    private sealed record RatingsDto(
        int IntoxicationWithdrawal, int Biomedical, int EmotionalBehavioral, int Readiness, int Relapse, int RecoveryEnvironment);

    private sealed record FindingDto(string Rule, string LevelCode, string? CareSetting, string Reason);
}

/// <summary>A clinical intake is one row per inquiry; its substance entries are one JSON document with enums by name.</summary>
internal sealed class ClinicalIntakeConfiguration : IEntityTypeConfiguration<ClinicalIntake>
{
    public void Configure(EntityTypeBuilder<ClinicalIntake> builder)
    {
        builder.ToTable("ClinicalIntakes");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasIndex(i => i.InquiryId).IsUnique();
        builder.Property<List<SubstanceUse>>("_substances")
            .HasColumnName("Substances")
            .HasConversion(new SubstancesConverter(), new SubstancesComparer())
            .IsRequired();
        builder.Property(i => i.Medications).HasMaxLength(2000);
        builder.Property(i => i.MedicalConditions).HasMaxLength(2000);
        builder.Property(i => i.UpdatedById).HasMaxLength(100);
        builder.Property(i => i.UpdatedByName).HasMaxLength(200);
        builder.Ignore(i => i.Substances);
        builder.Ignore(i => i.DomainEvents);
    }
}

internal sealed class SubstancesConverter() : ValueConverter<List<SubstanceUse>, string>(
    v => SubstancesJson.Write(v),
    v => SubstancesJson.Read(v));

/// <summary>Entries are immutable records, so value equality in order tells whether the list changed.</summary>
internal sealed class SubstancesComparer() : ValueComparer<List<SubstanceUse>>(
    (a, b) => a != null && b != null && a.SequenceEqual(b),
    v => v.Aggregate(0, (hash, s) => HashCode.Combine(hash, s)),
    v => v.ToList());

internal static class SubstancesJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(List<SubstanceUse> substances) => JsonSerializer.Serialize(
        substances.Select(s => new SubstanceDto(s.Substance.ToString(), s.Route.ToString(), s.Frequency?.ToString(), s.Amount, s.LastUse,
            s.YearsOfUse, s.PriorSeizures, s.PriorDeliriumTremens, s.PriorTreatmentEpisodes)).ToList(),
        Options);

    public static List<SubstanceUse> Read(string json) =>
    [
        .. (JsonSerializer.Deserialize<List<SubstanceDto>>(json, Options) ?? []).Select(d => new SubstanceUse
        {
            Substance = Enum.Parse<Domain.Inquiries.SubstanceConcerns>(d.Substance),
            Route = Enum.Parse<SubstanceRoute>(d.Route),
            Frequency = d.Frequency is null ? null : Enum.Parse<UseFrequency>(d.Frequency),
            Amount = d.Amount,
            LastUse = d.LastUse,
            YearsOfUse = d.YearsOfUse,
            PriorSeizures = d.PriorSeizures,
            PriorDeliriumTremens = d.PriorDeliriumTremens,
            PriorTreatmentEpisodes = d.PriorTreatmentEpisodes,
        }),
    ];

    private sealed record SubstanceDto(
        string Substance, string Route, string? Frequency, string? Amount, DateTimeOffset? LastUse, decimal? YearsOfUse,
        bool PriorSeizures, bool PriorDeliriumTremens, int PriorTreatmentEpisodes);
}
