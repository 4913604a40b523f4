using Admissions.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Admissions.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef` build the PostgreSQL model and scripts without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AdmissionsDbContext>
{
    public AdmissionsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AdmissionsDbContext>()
            .UseNpgsql("Host=(none);Database=admissions", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .UseApplicationServiceProvider(AdmissionsDbContext.DesignTimeServices())
            .Options);
}
