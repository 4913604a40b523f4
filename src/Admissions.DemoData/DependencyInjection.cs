using Microsoft.Extensions.DependencyInjection;

namespace Admissions.DemoData;

public static class DependencyInjection
{
    /// <summary>The demo and bulk-history seeders; the Web registers them only where demo data may be seeded, never in Production.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<BulkHistorySeeder>();
        return services;
    }
}
