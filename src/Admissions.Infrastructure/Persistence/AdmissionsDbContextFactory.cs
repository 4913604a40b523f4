using Admissions.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Infrastructure.Persistence;

/// <summary>Gives each operation its own DbContext, stamped with the current user for auditing.</summary>
public sealed class AdmissionsDbContextFactory(
    IDbContextFactory<AdmissionsDbContext> contexts, ICurrentUser user, DomainEventDispatcher dispatcher, ILiveNotifier live, TimeProvider clock)
    : IAdmissionsDbContextFactory
{
    public async Task<IAdmissionsDbContext> CreateAsync(CancellationToken cancellationToken = default)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken);
        context.Attach(new SaveContext(user, dispatcher, live, clock));
        return context;
    }
}
