using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record AddAuthorizationNote(Guid AuthorizationId, AuthorizationNoteKind Kind, string Text) : ICommand<Unit>;

public sealed class AddAuthorizationNoteValidator : AbstractValidator<AddAuthorizationNote>
{
    public AddAuthorizationNoteValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write the note.").MaximumLength(2000);
    }
}

public sealed class AddAuthorizationNoteHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AddAuthorizationNote, Unit>
{
    public ValueTask<Unit> Handle(AddAuthorizationNote command, CancellationToken cancellationToken) =>
        SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var authorization = await AuthorizationDecisions.LoadAsync(db, command.AuthorizationId, cancellationToken);
            authorization.AddNote(command.Kind, command.Text, user.Actor(), clock.GetUtcNow());
            return Unit.Value;
        }, cancellationToken);
}
