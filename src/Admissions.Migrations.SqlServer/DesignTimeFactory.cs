using Admissions.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Admissions.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the SQL Server model and scripts without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AdmissionsDbContext>
{
    public AdmissionsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AdmissionsDbContext>()
            .UseSqlServer("Server=(none);Database=Admissions;Trusted_Connection=True;TrustServerCertificate=True",
                o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .UseApplicationServiceProvider(AdmissionsDbContext.DesignTimeServices())
            .Options);
}
