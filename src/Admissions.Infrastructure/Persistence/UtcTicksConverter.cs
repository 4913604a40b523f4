using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Admissions.Infrastructure.Persistence;

/// <summary>Stores an instant as UTC ticks (SQLite only); every instant in this app is UTC.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
