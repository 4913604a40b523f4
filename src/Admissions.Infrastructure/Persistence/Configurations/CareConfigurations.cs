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
/// ratings, reasons and warnings) are one JSON document. Editions are stored by name and levels by code.
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

internal static class DecisionsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(List<LevelOfCareDecision> decisions) =>
        JsonSerializer.Serialize(decisions.Select(ToDto).ToList(), Options);

    public static List<LevelOfCareDecision> Read(string json) =>
        [.. (JsonSerializer.Deserialize<List<DecisionDto>>(json, Options) ?? []).Select(FromDto)];

    private static DecisionDto ToDto(LevelOfCareDecision d) => new(
        d.Id,
        d.Edition.ToString(),
        d.Level.Code,
        d.CareSetting?.ToString(),
        d.OverrideReason,
        d.IsAdmitting,
        d.DecidedBy.Id,
        d.DecidedBy.Name,
        d.DecidedAt,
        new RecommendationDto(
            d.Recommendation.Level.Code,
            d.Recommendation.CareSetting?.ToString(),
            new RatingsDto(d.Ratings.IntoxicationWithdrawal, d.Ratings.Biomedical, d.Ratings.EmotionalBehavioral, d.Ratings.Readiness,
                d.Ratings.Relapse, d.Ratings.RecoveryEnvironment),
            [.. d.Recommendation.Reasons.Select(r => new FindingDto(r.Rule, r.Level.Code, r.CareSetting?.ToString(), r.Reason))],
            [.. d.Recommendation.Warnings]));

    private static LevelOfCareDecision FromDto(DecisionDto dto)
    {
        var edition = Enum.Parse<AsamEdition>(dto.Edition);
        var r = dto.Recommendation;
        var recommendation = new LevelOfCareRecommendation(
            AsamLevels.Parse(edition, r.LevelCode),
            Setting(r.CareSetting),
            new DimensionRatings(r.Ratings.IntoxicationWithdrawal, r.Ratings.Biomedical, r.Ratings.EmotionalBehavioral, r.Ratings.Readiness,
                r.Ratings.Relapse, r.Ratings.RecoveryEnvironment),
            [.. r.Reasons.Select(f => new RuleFinding(f.Rule, AsamLevels.Parse(edition, f.LevelCode), Setting(f.CareSetting), f.Reason))],
            r.Warnings);
        return LevelOfCareDecision.Restore(dto.Id, recommendation, AsamLevels.Parse(edition, dto.LevelCode), Setting(dto.CareSetting),
            dto.OverrideReason, dto.IsAdmitting, new Actor(dto.DecidedById, dto.DecidedByName), dto.DecidedAt);
    }

    private static LevelOfCare? Setting(string? value) => value is null ? null : Enum.Parse<LevelOfCare>(value);

    private sealed record DecisionDto(
        Guid Id, string Edition, string LevelCode, string? CareSetting, string? OverrideReason, bool IsAdmitting,
        string DecidedById, string DecidedByName, DateTimeOffset DecidedAt, RecommendationDto Recommendation);

    private sealed record RecommendationDto(
        string LevelCode, string? CareSetting, RatingsDto Ratings, List<FindingDto> Reasons, List<string> Warnings);

    private sealed record RatingsDto(
        int IntoxicationWithdrawal, int Biomedical, int EmotionalBehavioral, int Readiness, int Relapse, int RecoveryEnvironment);

    private sealed record FindingDto(string Rule, string LevelCode, string? CareSetting, string Reason);
}
