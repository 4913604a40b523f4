using Admissions.Infrastructure.Operations;
using Admissions.Infrastructure.Seeding;
using Admissions.Web;

var app = AdmissionsApp.Build(args);
try
{
    await app.PrepareDatabaseAsync();
}
catch (Exception refused) when (refused is OutdatedDatabaseException or DataFolderInUseException)
{
    // An operator reads this at start-up: say what to do, not a stack trace.
    await Console.Error.WriteLineAsync($"Admissions cannot start: {refused.Message}");
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
