using Admissions.Web;

var app = AdmissionsApp.Build(args);
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
