using Admissions.Infrastructure.Persistence;

namespace Admissions.Infrastructure.Tests;

/// <summary>Demo and bulk seeding live in Admissions.DemoData, so a production install carries neither them nor Bogus.</summary>
public class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Infrastructure = typeof(AdmissionsDbContext).Assembly;

    [Fact]
    public void Production_infrastructure_does_not_reference_Bogus()
    {
        var referenced = Infrastructure.GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain("Bogus", referenced);
    }

    [Fact]
    public void Production_infrastructure_holds_no_demo_or_bulk_history_seeder()
    {
        var seeders = Infrastructure.GetTypes()
            .Where(t => t.Namespace == "Admissions.Infrastructure.Seeding" && (t.Name.StartsWith("Demo", StringComparison.Ordinal) || t.Name.StartsWith("BulkHistory", StringComparison.Ordinal)))
            .Select(t => t.FullName);

        Assert.Empty(seeders);
    }
}
