using Admissions.Application;
using Admissions.DemoData;
using Admissions.Domain.Security;
using Admissions.Infrastructure;
using Admissions.Infrastructure.Operations;
using Admissions.Infrastructure.Persistence;
using Admissions.Infrastructure.Seeding;
using Admissions.Web.Api;
using Admissions.Web.Clearinghouse;
using Admissions.Web.Components;
using Admissions.Web.Diagnostics;
using Admissions.Web.Nodes;
using Admissions.Web.Security;
using Hangfire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor.Services;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Admissions.Web;

/// <summary>The composition root: services, middleware and endpoints of the web app.</summary>
public static class AdmissionsApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (!builder.Environment.IsDevelopment() && !builder.Environment.IsProduction())
        {
            // Demo and test environments run from the build output, not a publish folder.
            builder.WebHost.UseStaticWebAssets();
        }

        // The server's name and version help nobody but someone looking for a known flaw.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Hangfire", Serilog.Events.LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(new RenderedCompactJsonFormatter()),
            // Each app has its own logger (the tests run several side by side); nothing logs through the static one.
            preserveStaticLogger: true);

        builder.Services.AddApplication().AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        if (SeedsDemoData(builder.Configuration, builder.Environment))
        {
            builder.Services.AddDemoData();
        }

        if (builder.Configuration.GetValue("Jobs:RunServer", true))
        {
            builder.Services.AddFollowUpJobServer(builder.Configuration);
        }

        builder.Services.AddAdmissionsSecurity(builder.Configuration, builder.Environment);
        builder.Services.AddApiChallenges();
        builder.Services.AddSecureCookies(builder.Environment);
        builder.Services.AddNodes(builder.Configuration);
        builder.Services.AddScoped<CircuitHandler, UserCircuitHandler>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMudServices(config =>
        {
            // Bottom centre: messages must not cover the inquiry header, the form being typed into, the Save buttons
            // (bottom right of forms and dialogs) or the draft prompt (bottom left). Problems with a field show at the field.
            config.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter;
            config.SnackbarConfiguration.MaxDisplayedSnackbars = 3;
            config.SnackbarConfiguration.PreventDuplicates = true;
            config.SnackbarConfiguration.VisibleStateDuration = 5000;
            config.SnackbarConfiguration.ClearAfterNavigation = true;
        });
        builder.Services.AddSingleton<Components.Ui.FacilityClock>();
        builder.Services.AddScoped<Components.Drafts.DraftSession>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddIntakeOpenApi();
        builder.Services.ConfigureApiJson();
        // Malformed bodies become a BadHttpRequestException, which the API error handler answers with a 400 problem.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddApiRateLimits(builder.Configuration);
        if (CircuitBench.Enabled(builder.Configuration, builder.Environment))
        {
            builder.Services.AddCircuitBench();
        }

        // Last, so nothing registered after it brings the system clock back; a no-op outside the E2E environment.
        builder.Services.AddTestClock(builder.Configuration, builder.Environment);
        return builder.Build().UseAdmissions();
    }

    private static WebApplication UseAdmissions(this WebApplication app)
    {
        // Outermost, so each request is logged with the status the client got: a refused request (400, 401, 404, 413,
        // 415, 422, 429) is a client's mistake, logged without a stack trace, not a 500 that would page someone.
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            o.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
                : context.Response.StatusCode == StatusCodes.Status429TooManyRequests ? LogEventLevel.Warning
                // The balancer asks /health/ready every second on every node: those answers are not worth a log line each.
                : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // People get a page for a bare error status; API clients get a problem body, never HTML.
        app.UseWhen(context => !ApiProblems.IsApiRequest(context),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseWhen(ApiProblems.IsApiRequest, api => api.UseStatusCodePages());
        app.UseDeclaredBodyLimits();
        app.UseAuthentication();
        app.UseMiddleware<MfaSetupGate>();
        app.UseRateLimiter();
        app.UseAuthorization();
        // After authorization: an API request's user is the API key principal the policy authenticated.
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAntiforgery();
        app.Use((context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false })
            {
                return next(context);
            }

            // A sign-out whose form outlived its session (a laptop asleep past the idle logoff) cannot be
            // verified; it changes nothing, and the person lands where they would have: the sign-in page.
            if (context.Request.Path.StartsWithSegments(AccountEndpoints.LogoutPath))
            {
                context.Response.Redirect("/account/login?reason=idle");
                return Task.CompletedTask;
            }

            // Any other rejected token stays a plain 400: re-executing the POST for the status page
            // would read the rejected form again and turn it into a 500.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            return next(context);
        });

        // Scripts, styles and fonts carry no patient data; the sign-in page needs them before anyone signs in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        // For the load balancer: live = the process answers; ready = its database, job storage (and Redis) answer too.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(NodeServices.ReadyTag),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        // The API's contract holds no patient data: integrators read it before they have a key.
        app.MapOpenApi(IntakeOpenApi.DocumentPath).AllowAnonymous();
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            DashboardTitle = "Admissions jobs",
            AppPath = "/",
        }).RequireAuthorization(Security.SecurityServices.JobsDashboardPolicy);
        app.MapAccountEndpoints();
        app.MapSingleSignOn();
        app.MapPasskeyEndpoints();
        app.MapIntakeApi();
        app.MapMessagingWebhooks();
        app.MapClearinghouseSimulator();
        if (CircuitBench.Enabled(app.Configuration, app.Environment))
        {
            app.MapCircuitBench();
            app.MapCircuitComponents();
        }

        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization();
        return app;
    }

    /// <summary>Migrates the database and, outside Production, seeds the demo users and inquiries when asked to.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        HoldEmbeddedDataFolder(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(
            recreateOutdated: app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Demo"));
        if (SeedsDemoData(app.Configuration, app.Environment))
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }
    }

    /// <summary>Demo data is seeded when asked to and never in Production, where the seeders are not even registered.</summary>
    private static bool SeedsDemoData(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool>("Admissions:SeedDemoData") && !environment.IsProduction();

    /// <summary>The embedded database is one node's: the lock keeps a second app or a restore off its files while this one runs.</summary>
    private static void HoldEmbeddedDataFolder(WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var folderLock = DataFolderLock.TryAcquire(database.DataFolder) ?? throw new DataFolderInUseException(database.DataFolder);
        app.Lifetime.ApplicationStopped.Register(folderLock.Dispose);
    }
}
