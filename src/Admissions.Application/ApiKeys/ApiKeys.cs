using System.Security.Cryptography;
using System.Text;
using Admissions.Application.Common;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.ApiKeys;

public static class ApiKeySecret
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>A new key: a readable prefix plus 32 random bytes. Only its hash is stored.</summary>
    public static string Generate() =>
        "adm_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + "_"
        + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SHA-256 is enough here: the secret is random, not a password a person chose.</summary>
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string PrefixOf(string key) => key.Length > 12 ? key[..12] : key;
}

/// <param name="FacilityId">Where the inquiries sent with the key belong; none means the first active facility.</param>
public sealed record ApiKeyItem(
    Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, Guid? FacilityId = null);

public sealed record CreatedApiKey(Guid Id, string Name, string Key);

[RequiresRole(Roles.Admin)]
public sealed record ListApiKeys : IQuery<IReadOnlyList<ApiKeyItem>>;

public sealed class ListApiKeysHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeyItem>>
{
    public async ValueTask<IReadOnlyList<ApiKeyItem>> Handle(ListApiKeys query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking()
            .Select(k => new ApiKeyItem(k.Id, k.Name, k.Prefix, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.LastUsedAt, k.FacilityId))
            .ToListAsync(cancellationToken);
        return [.. keys.OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt)];
    }
}

/// <summary>Creates a key for a web form or call-tracking integration; the secret is shown once.</summary>
[RequiresRole(Roles.Admin)]
public sealed record CreateApiKey(string Name, Guid? FacilityId = null) : ICommand<CreatedApiKey>;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator() =>
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name the integration that will use this key, e.g. 'Website form'.")
            .MaximumLength(100);
}

public sealed class CreateApiKeyHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateApiKey, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await ApiKeyFacility.EnsureActiveAsync(db, command.FacilityId, cancellationToken);
        var secret = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            Name = command.Name.Trim(),
            Prefix = ApiKeySecret.PrefixOf(secret),
            SecretHash = ApiKeySecret.Hash(secret),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user.Name,
            FacilityId = command.FacilityId,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(key.Id, key.Name, secret);
    }
}

[RequiresRole(Roles.Admin)]
public sealed record RevokeApiKey(Guid ApiKeyId) : ICommand;

public sealed class RevokeApiKeyHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock) : ICommandHandler<RevokeApiKey>
{
    public async ValueTask<Unit> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.ApiKeyId, cancellationToken)
            ?? throw new NotFoundException("The API key");
        key.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Sets the facility the key's inquiries belong to (none: the first active facility).</summary>
[RequiresRole(Roles.Admin)]
public sealed record SetApiKeyFacility(Guid ApiKeyId, Guid? FacilityId) : ICommand;

public sealed class SetApiKeyFacilityHandler(IAdmissionsDbContextFactory dbFactory) : ICommandHandler<SetApiKeyFacility>
{
    public async ValueTask<Unit> Handle(SetApiKeyFacility command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await ApiKeyFacility.EnsureActiveAsync(db, command.FacilityId, cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.ApiKeyId, cancellationToken)
            ?? throw new NotFoundException("The API key");
        key.FacilityId = command.FacilityId;
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class ApiKeyFacility
{
    public static async Task EnsureActiveAsync(IAdmissionsDbContext db, Guid? facilityId, CancellationToken cancellationToken)
    {
        if (facilityId is { } id && !await db.Facilities.AnyAsync(f => f.Id == id && f.IsActive, cancellationToken))
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["FacilityId"] = ["Choose one of the active facilities."] });
        }
    }
}
