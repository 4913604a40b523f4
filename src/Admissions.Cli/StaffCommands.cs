using System.Security.Claims;
using Admissions.Application.Common;
using Admissions.Application.Staff;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Security;
using Admissions.Infrastructure.Seeding;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Cli;

/// <summary>create-user and disable-user: the staff-account rules of Admin → Staff, for scripted set-ups.</summary>
internal static class StaffCommands
{
    /// <summary>Who the audit log names for a change made from the command line.</summary>
    private static readonly ClaimsPrincipal Operator = new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "cli"),
            new Claim(CurrentUser.DisplayNameClaim, "Operator (admissions CLI)"),
            new Claim(ClaimTypes.Role, Roles.Admin),
        ],
        authenticationType: "Cli"));

    public static async Task<int> CreateUserAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var email = OperatorCommands.Option(args, "--email");
        var name = OperatorCommands.Option(args, "--name");
        var roles = (OperatorCommands.Option(args, "--roles") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name) || roles.Length == 0)
        {
            await error.WriteLineAsync("error: create-user needs --email, --name and --roles (e.g. --roles AdmissionsCoordinator).");
            return 2;
        }

        if (roles.FirstOrDefault(r => !Roles.StaffRoles.Contains(r)) is { } unknown)
        {
            await error.WriteLineAsync($"error: '{unknown}' is not a role. Roles: {string.Join(", ", Roles.StaffRoles)}.");
            return 2;
        }

        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        if (args.Contains("--invite"))
        {
            return await SendAsync(services, error, new InviteStaffMember(name, email, roles, null, OperatorCommands.Option(args, "--phone")), async id =>
                await output.WriteLineAsync($"{email} created as {string.Join(", ", roles)}; the invitation is in the outbox (the link works once, for 72 hours)."));
        }

        var password = Environment.GetEnvironmentVariable("ADMISSIONS_USER_PASSWORD");
        if (string.IsNullOrEmpty(password) && !Console.IsInputRedirected)
        {
            await output.WriteAsync($"Password for {email}: ");
            password = OperatorCommands.ReadHidden();
        }

        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("error: set ADMISSIONS_USER_PASSWORD, run in a terminal to be asked for the password, or pass --invite.");
            return 2;
        }

        var users = services.GetRequiredService<UserManager<AdmissionsUser>>();
        var result = await StaffAccounts.CreateAsync(users, email, name, password, roles);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync("error: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        if (OperatorCommands.Option(args, "--phone") is { } phone && await users.FindByEmailAsync(email) is { } user)
        {
            await users.SetPhoneNumberAsync(user, phone);
        }

        await output.WriteLineAsync($"{email} created as {string.Join(", ", roles)}.");
        return 0;
    }

    public static async Task<int> DisableUserAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var email = OperatorCommands.Option(args, "--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            await error.WriteLineAsync("error: disable-user needs --email.");
            return 2;
        }

        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        if (await services.GetRequiredService<IStaffAccounts>().FindByEmailAsync(email) is not { } account)
        {
            await error.WriteLineAsync($"error: no account has the email {email}.");
            return 1;
        }

        var reason = OperatorCommands.Option(args, "--reason") ?? "Disabled with the admissions CLI";
        return await SendAsync(services, error, new DisableStaffMember(account.Id, reason), async result =>
        {
            await output.WriteLineAsync($"{email} disabled: {result.SessionsEnded} session(s) ended, {result.TasksReturned} open task(s) back to the team queue.");
            foreach (var inquiry in result.AssignedInquiries)
            {
                await output.WriteLineAsync($"  reassign {inquiry.Number}");
            }
        });
    }

    private static async Task<int> SendAsync<T>(IServiceProvider services, TextWriter error, ICommand<T> command, Func<T, Task> done)
    {
        services.GetRequiredService<CurrentUser>().Set(Operator, null);
        try
        {
            await done(await services.GetRequiredService<ISender>().Send(command));
            return 0;
        }
        catch (RequestValidationException invalid)
        {
            foreach (var message in invalid.Errors.Values.SelectMany(m => m))
            {
                await error.WriteLineAsync("error: " + message);
            }

            return 2;
        }
        catch (Domain.Common.DomainRuleException refused)
        {
            await error.WriteLineAsync("error: " + refused.Message);
            return 1;
        }
    }
}
