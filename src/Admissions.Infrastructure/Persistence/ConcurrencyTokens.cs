using System.Security.Cryptography;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Admissions.Infrastructure.Persistence;

/// <summary>
/// Optimistic concurrency on every provider. SQL Server generates rowversion values itself. SQLite has no such type, and
/// PostgreSQL's automatic one (the xmin system column) is a 32-bit transaction id that would change the domain's
/// <c>byte[] Version</c>; on both, the application writes a fresh random rowversion-style token on every save.
/// </summary>
internal static class ConcurrencyTokens
{
    public static void Configure(ModelBuilder builder, bool appWritten)
    {
        foreach (var entity in builder.Model.GetEntityTypes()
                     .Where(e => typeof(AggregateRoot).IsAssignableFrom(e.ClrType) || e.ClrType == typeof(NumberSequence)))
        {
            var version = builder.Entity(entity.ClrType).Property<byte[]>(nameof(AggregateRoot.Version));
            if (appWritten)
            {
                version.IsConcurrencyToken().ValueGeneratedNever();
            }
            else
            {
                version.IsRowVersion();
            }
        }
    }

    public static void Refresh(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var version = entry.Metadata.FindProperty(nameof(AggregateRoot.Version));
            if (version is not null && version.IsConcurrencyToken)
            {
                entry.Property(nameof(AggregateRoot.Version)).CurrentValue = RandomNumberGenerator.GetBytes(8);
            }
        }
    }
}
