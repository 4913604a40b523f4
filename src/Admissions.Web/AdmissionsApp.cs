using Admissions.Domain.Security;
using Admissions.Infrastructure;
using Admissions.Infrastructure.Seeding;
using Admissions.Web.Api;
using Admissions.Web.Clearinghouse;
using Admissions.Web.Components;
using Admissions.Web.Security;
using Hangfire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor.Services;
using Serilog;
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

        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Hangfire", Serilog.Events.LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(new RenderedCompactJsonFormatter()));

        builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        if (builder.Configuration.GetValue("Jobs:RunServer", true))
        {
            builder.Services.AddFollowUpJobServer();
        }

        builder.Services.AddAdmissionsSecurity(builder.Configuration);
        builder.Services.AddSingleton<LiveNotifier>();
        builder.Services.AddSingleton<Application.Common.ILiveNotifier>(sp => sp.GetRequiredService<LiveNotifier>());
        builder.Services.AddScoped<CircuitHandler, UserCircuitHandler>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMudServices(config =>
        {
            // Bottom right: messages must not cover the inquiry header or the form being typed into.
            config.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.PreventDuplicates = true;
            config.SnackbarConfiguration.VisibleStateDuration = 5000;
            config.SnackbarConfiguration.ClearAfterNavigation = true;
        });
        builder.Services.AddSingleton<Components.Ui.FacilityClock>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureApiJson();
        // Malformed bodies become a BadHttpRequestException, which the API error handler answers with a 400 problem.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddIntakeRateLimiting(builder.Configuration);

        return builder.Build().UseAdmissions();
    }

    private static WebApplication UseAdmissions(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // People get a page for a bare error status; API clients get a problem body, never HTML.
        app.UseWhen(context => !ApiProblems.IsApiRequest(context),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseWhen(ApiProblems.IsApiRequest, api => api.UseStatusCodePages());
        app.UseSerilogRequestLogging();
        app.UseAuthentication();
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
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization();
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            DashboardTitle = "Admissions jobs",
            AppPath = "/",
        }).RequireAuthorization(Security.SecurityServices.JobsDashboardPolicy);
        app.MapAccountEndpoints();
        app.MapIntakeApi();
        app.MapMessagingWebhooks();
        app.MapClearinghouseSimulator();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization();
        return app;
    }

    /// <summary>Migrates the database and, outside Production, seeds the demo users and inquiries when asked to.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(
            recreateOutdated: app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Demo"));
        if (app.Configuration.GetValue<bool>("Admissions:SeedDemoData") && !app.Environment.IsProduction())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }
    }
}
