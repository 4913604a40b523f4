using Admissions.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Admissions.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the SQLite model without starting the app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AdmissionsDbContext>
{
    public AdmissionsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AdmissionsDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .UseApplicationServiceProvider(AdmissionsDbContext.DesignTimeServices())
            .Options);
}
