using Admissions.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admissions.Infrastructure.Persistence.Configurations;

internal sealed class DailyFiguresConfiguration : IEntityTypeConfiguration<DailyFigures>
{
    public void Configure(EntityTypeBuilder<DailyFigures> builder)
    {
        builder.HasKey(d => new { d.TimeZoneId, d.Day });
        builder.Property(d => d.TimeZoneId).HasMaxLength(64);
    }
}

internal sealed class DailyDurationConfiguration : IEntityTypeConfiguration<DailyDuration>
{
    public void Configure(EntityTypeBuilder<DailyDuration> builder)
    {
        builder.HasKey(d => new { d.TimeZoneId, d.Day, d.Measure, d.Value });
        builder.Property(d => d.TimeZoneId).HasMaxLength(64);
    }
}

internal sealed class DailyFiguresStateConfiguration : IEntityTypeConfiguration<DailyFiguresState>
{
    public void Configure(EntityTypeBuilder<DailyFiguresState> builder)
    {
        builder.HasKey(s => s.TimeZoneId);
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
