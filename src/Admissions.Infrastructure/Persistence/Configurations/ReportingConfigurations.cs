using Admissions.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admissions.Infrastructure.Persistence.Configurations;

internal sealed class DailyFiguresConfiguration : IEntityTypeConfiguration<DailyFigures>
{
    public void Configure(EntityTypeBuilder<DailyFigures> builder)
    {
        builder.HasKey(d => new { d.TimeZoneId, d.FacilityId, d.Day });
        builder.Property(d => d.TimeZoneId).HasMaxLength(64);
    }
}

internal sealed class DailyDurationConfiguration : IEntityTypeConfiguration<DailyDuration>
{
    public void Configure(EntityTypeBuilder<DailyDuration> builder)
    {
        // Read a measure at a time for a run of days: each is one range of the key.
        builder.HasKey(d => new { d.TimeZoneId, d.FacilityId, d.Measure, d.Day, d.Key, d.Value });
        builder.Property(d => d.TimeZoneId).HasMaxLength(64);
        builder.Property(d => d.Key).HasMaxLength(200);
    }
}

internal sealed class DailyFiguresStateConfiguration : IEntityTypeConfiguration<DailyFiguresState>
{
    public void Configure(EntityTypeBuilder<DailyFiguresState> builder)
    {
        builder.HasKey(s => new { s.TimeZoneId, s.FacilityId });
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
    }
}

internal sealed class DailyFiguresChangeConfiguration : IEntityTypeConfiguration<DailyFiguresChange>
{
    public void Configure(EntityTypeBuilder<DailyFiguresChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
    }
}

internal sealed class DailyGroupConfiguration : IEntityTypeConfiguration<DailyGroup>
{
    public void Configure(EntityTypeBuilder<DailyGroup> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedOnAdd();
        builder.Property(g => g.TimeZoneId).HasMaxLength(64);
        builder.Property(g => g.Key).HasMaxLength(200);
        builder.Property(g => g.Label).HasMaxLength(200);
        builder.HasIndex(g => new { g.TimeZoneId, g.FacilityId, g.Event, g.Dimension, g.Day });
    }
}
