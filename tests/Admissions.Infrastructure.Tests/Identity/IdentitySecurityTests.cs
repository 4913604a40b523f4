using System.Buffers.Binary;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Tests.Identity;

public class IdentitySecurityTests
{
    private const string Password = "Correct-Horse-Battery-9";

    [Fact]
    public async Task Passwords_are_hashed_with_at_least_210000_iterations_and_five_failures_lock_an_account()
    {
        await using var services = InfrastructureHost.Create();

        var hashing = services.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;
        var identity = services.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;

        Assert.True(hashing.IterationCount >= 210_000, $"PBKDF2 iterations: {hashing.IterationCount}");
        Assert.Equal(PasswordHasherCompatibilityMode.IdentityV3, hashing.CompatibilityMode);
        Assert.Equal(5, identity.Lockout.MaxFailedAccessAttempts);
        Assert.True(identity.Lockout.AllowedForNewUsers);
        Assert.Equal(TimeSpan.FromMinutes(15), identity.Lockout.DefaultLockoutTimeSpan);
        Assert.True(identity.Password.RequiredLength >= 12);
        Assert.True(identity.User.RequireUniqueEmail);
    }

    [Fact]
    public async Task A_stored_password_hash_really_uses_the_configured_iterations()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdmissionsUser>>();
        Assert.True((await StaffAccounts.CreateAsync(users, "casey@test.local", "Casey Nguyen", Password, Roles.AdmissionsCoordinator)).Succeeded);

        var user = (await users.FindByEmailAsync("casey@test.local"))!;
        var hash = Convert.FromBase64String(user.PasswordHash!);

        // Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
        Assert.Equal(0x01, hash[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 210_000);
        Assert.True(await users.CheckPasswordAsync(user, Password));
    }

    [Fact]
    public async Task An_account_is_locked_after_five_failed_sign_ins_and_not_before()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdmissionsUser>>();
        Assert.True((await StaffAccounts.CreateAsync(users, "casey@test.local", "Casey Nguyen", Password, Roles.AdmissionsCoordinator)).Succeeded);
        var user = (await users.FindByEmailAsync("casey@test.local"))!;

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await users.AccessFailedAsync(user);
        }

        Assert.False(await users.IsLockedOutAsync(user));
        Assert.Equal(4, await users.GetAccessFailedCountAsync(user));

        await users.AccessFailedAsync(user);

        Assert.True(await users.IsLockedOutAsync(user));
        Assert.Equal(0, await users.GetAccessFailedCountAsync(user));
        var lockoutEnd = await users.GetLockoutEndDateAsync(user);
        Assert.NotNull(lockoutEnd);
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14) || lockoutEnd > host.Clock.GetUtcNow().AddMinutes(14),
            $"Locked until {lockoutEnd}");
    }
}
