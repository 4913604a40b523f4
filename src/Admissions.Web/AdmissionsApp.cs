using Admissions.Domain.Security;
using Admissions.Infrastructure;
using Admissions.Infrastructure.Seeding;
using Admissions.Web.Api;
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
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<Components.Ui.FacilityClock>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureApiJson();
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

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // API clients get a problem body for bare error statuses (e.g. a 400 for unreadable JSON), not the HTML page.
        app.UseWhen(ApiProblems.IsApiRequest, api => api.UseStatusCodePages());
        app.UseSerilogRequestLogging();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        // After authorization: API-key callers are only authenticated there (by the endpoint's policy).
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAntiforgery();
        app.Use((context, next) =>
        {
            // A rejected antiforgery token stays a plain 400: re-executing the POST for the status page
            // would read the rejected form again and turn it into a 500.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            return next(context);
        });

        // Styles and scripts are public: the sign-in page needs them before anyone has signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization();
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            DashboardTitle = "Admissions jobs",
            AppPath = "/",
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        app.MapAccountEndpoints();
        app.MapIntakeApi();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization();
        return app;
    }

    /// <summary>Migrates the database and, outside Production, seeds the demo users and inquiries when asked to.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        if (app.Configuration.GetValue<bool>("Admissions:SeedDemoData") && !app.Environment.IsProduction())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }
    }
}
