using Admissions.Infrastructure.Security;
using Mediator;

namespace Admissions.Infrastructure.Jobs;

/// <summary>
/// How a job sends its request: as the system user, which every job is. Written once here, so no job can forget it;
/// the job's scope (Hangfire activates each job in its own) holds the identity.
/// </summary>
public sealed class SystemSender(CurrentUser currentUser, ISender sender)
{
    public ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken)
    {
        currentUser.SetSystem();
        return sender.Send(command, cancellationToken);
    }
}
