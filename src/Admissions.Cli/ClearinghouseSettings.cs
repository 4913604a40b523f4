using Admissions.Application.Insurance;
using Microsoft.Extensions.Configuration;

namespace Admissions.Cli;

/// <summary>
/// The Clearinghouse:* settings the x12 commands write requests with. The defaults are the demo
/// facility's, and test interchanges (ISA15 T) unless Clearinghouse:Production is true.
/// </summary>
internal static class ClearinghouseSettings
{
    public static ClearinghouseIdentity Identity(IConfiguration configuration)
    {
        var section = configuration.GetSection("Clearinghouse");
        return new ClearinghouseIdentity(
            SubmitterId: section["SubmitterId"] ?? "SUBMITTERID",
            ReceiverId: section["ReceiverId"] ?? "CLEARINGHSE",
            ProviderName: section["ProviderName"] ?? "RIVERBEND RECOVERY",
            ProviderNpi: section["ProviderNpi"] ?? "1234567893",
            TraceOriginator: section["TraceOriginator"] ?? "9123456789",
            Production: section.GetValue("Production", false));
    }
}
