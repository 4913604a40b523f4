namespace Admissions.Application.Dashboards;

public sealed class DailyFiguresOptions
{
    public const string Section = "Dashboards";

    /// <summary>Cron expression (UTC) of the job that brings the stored daily figures up to date; long periods are this fresh.</summary>
    public string DailyFiguresRefresh { get; set; } = "*/5 * * * *";
}
