namespace Admissions.Edi.Tests;

/// <summary>Hand-written transaction bodies wrapped in a valid interchange with a correct SE count.</summary>
internal static class Interchange
{
    public const string Isa =
        "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260115*0930*^*00501*000000001*0*T*:~";

    /// <summary>
    /// Wraps segments (BHT onwards, "~"-terminated, line breaks ignored) in ST/SE, GS/GE and ISA/IEA.
    /// </summary>
    public static string Wrap(string type, string body)
    {
        var segments = body.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim();
        var count = segments.Count(c => c == '~') + 2;
        return $"{Isa}GS*HB*SENDER*RECEIVER*20260115*0930*1*X*005010X279A1~ST*{type}*0001~{segments}SE*{count}*0001~GE*1*1~IEA*1*000000001~";
    }
}
