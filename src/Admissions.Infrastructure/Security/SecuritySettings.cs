namespace Admissions.Infrastructure.Security;

public static class SecuritySettings
{
    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA512; ASP.NET Core's default is lower.</summary>
    public const int PasswordHashIterations = 210_000;

    public const int MaxFailedSignIns = 5;
}
