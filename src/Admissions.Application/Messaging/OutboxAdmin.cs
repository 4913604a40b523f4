using Admissions.Application.Common;
using Admissions.Domain.Messaging;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Messaging;

public sealed record OutboundMessageItem(
    Guid Id, MessageChannel Channel, MessageAudience Audience, string Recipient, string Subject, string TemplateKey, Guid? InquiryId,
    MessageState State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

public sealed record OutboundMessageDetail(OutboundMessageItem Message, string Body, string? InquiryNumber, string? ProviderMessageId, string? FileCopy);

/// <summary>The outbox, newest first, filtered by state and channel, searched by recipient.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record ListOutboundMessages(MessageState? State, MessageChannel? Channel, string? Recipient) : IQuery<PagedResult<OutboundMessageItem>>
{
    public PageRequest Page { get; init; } = new();
}

public sealed class ListOutboundMessagesValidator : AbstractValidator<ListOutboundMessages>
{
    public ListOutboundMessagesValidator() => RuleFor(q => q.Page).ValidPage(200, "messages");
}

public sealed class ListOutboundMessagesHandler(IAdmissionsDbContextFactory dbFactory)
    : IQueryHandler<ListOutboundMessages, PagedResult<OutboundMessageItem>>
{
    public async ValueTask<PagedResult<OutboundMessageItem>> Handle(ListOutboundMessages query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var messages = db.OutboundMessages.AsNoTracking();
        if (query.State is { } state)
        {
            messages = messages.Where(m => m.State == state);
        }

        if (query.Channel is { } channel)
        {
            messages = messages.Where(m => m.Channel == channel);
        }

        if (!string.IsNullOrWhiteSpace(query.Recipient))
        {
            var pattern = LikePattern.ContainingIgnoringCase(query.Recipient.Trim());
#pragma warning disable CA1304, CA1311 // Translated to SQL UPPER(); culture overloads have no translation.
            messages = messages.Where(m => EF.Functions.Like(m.Recipient.ToUpper(), pattern, LikePattern.Escape));
#pragma warning restore CA1304, CA1311
        }

        return await messages
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new OutboundMessageItem(m.Id, m.Channel, m.Audience, m.Recipient, m.Subject, m.TemplateKey, m.InquiryId, m.State,
                m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError))
            .ToPageAsync(query.Page, cancellationToken);
    }
}

/// <summary>One message with its body (and the file the file outbox wrote). Bodies can concern a patient: every view is audited.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record GetOutboundMessage(Guid Id) : IQuery<OutboundMessageDetail>, IAuditedRead
{
    public string AuditEntityType => nameof(OutboundMessage);
    public string AuditEntityId => Id.ToString();
}

public sealed class GetOutboundMessageHandler(IAdmissionsDbContextFactory dbFactory, IOutboxFileReader files)
    : IQueryHandler<GetOutboundMessage, OutboundMessageDetail>
{
    public async ValueTask<OutboundMessageDetail> Handle(GetOutboundMessage query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var m = await db.OutboundMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("The message");
        var number = m.InquiryId is { } inquiryId
            ? await db.Inquiries.AsNoTracking().Where(i => i.Id == inquiryId).Select(i => i.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
        var copy = m.ProviderMessageId is { } providerId ? await files.ReadAsync(m.Channel, providerId, cancellationToken) : null;
        var item = new OutboundMessageItem(m.Id, m.Channel, m.Audience, m.Recipient, m.Subject, m.TemplateKey, m.InquiryId, m.State,
            m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError);
        if (MessageTemplates.AccountLinkTemplates.Contains(m.TemplateKey))
        {
            return new OutboundMessageDetail(item, Staff.AccountLinks.HideLinks(m.Body), number, m.ProviderMessageId, copy is null ? null : Staff.AccountLinks.HideLinks(copy));
        }

        return new OutboundMessageDetail(item, m.Body, number, m.ProviderMessageId, copy);
    }
}

/// <summary>Sends a failed message again, with a fresh round of attempts.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record RetryOutboundMessage(Guid Id) : ICommand;

public sealed class RetryOutboundMessageHandler(IAdmissionsDbContextFactory dbFactory, IOutboxDispatchSignal dispatch, TimeProvider clock)
    : ICommandHandler<RetryOutboundMessage>
{
    public async ValueTask<Unit> Handle(RetryOutboundMessage command, CancellationToken cancellationToken)
    {
        await OutboxChanges.ChangeAsync(dbFactory, command.Id, m => m.Retry(clock.GetUtcNow()), cancellationToken);
        dispatch.DispatchSoon();
        return Unit.Value;
    }
}

/// <summary>Stops a pending or deferred message from being sent.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record CancelOutboundMessage(Guid Id) : ICommand;

public sealed class CancelOutboundMessageHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user)
    : ICommandHandler<CancelOutboundMessage>
{
    public async ValueTask<Unit> Handle(CancelOutboundMessage command, CancellationToken cancellationToken)
    {
        await OutboxChanges.ChangeAsync(dbFactory, command.Id, m => m.Cancel($"Cancelled by {user.Name}."), cancellationToken);
        return Unit.Value;
    }
}

internal static class OutboxChanges
{
    public static async Task ChangeAsync(IAdmissionsDbContextFactory dbFactory, Guid id, Action<OutboundMessage> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var message = await db.OutboundMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException("The message");
        change(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("The message changed while you were looking at it (it may have just been sent). The list has been refreshed.", []);
        }
    }
}
