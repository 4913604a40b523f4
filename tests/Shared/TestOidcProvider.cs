using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Admissions.Testing;

/// <summary>Who the provider says is signing in.</summary>
public sealed record OidcPerson(string Subject, string Email, string Name, IReadOnlyList<string> Groups);

/// <summary>
/// A small OpenID Connect provider on 127.0.0.1 for the tests: discovery, JWKS, an authorize endpoint that signs in
/// <see cref="NextPerson"/> at once, and a token endpoint that checks the code, the client and PKCE and returns an
/// RS256-signed id token. Nothing leaves the machine.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "admissions-tests";
    public const string ClientSecret = "test-secret-not-for-production";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    private readonly ConcurrentDictionary<string, (OidcPerson Person, string Nonce, string? Challenge, string RedirectUri)> _codes = new();
    private WebApplication? _app;

    public string Issuer { get; private set; } = "";

    /// <summary>Who the next authorize request signs in.</summary>
    public OidcPerson NextPerson { get; set; } = new("sub-1", "someone@sso.test", "Someone", []);

    /// <summary>Token requests that came with a valid PKCE verifier.</summary>
    public int PkceVerified { get; private set; }

    private static readonly string[] CodeOnly = ["code"];
    private static readonly string[] PublicOnly = ["public"];
    private static readonly string[] Rs256Only = ["RS256"];
    private static readonly string[] S256Only = ["S256"];

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = CodeOnly,
            ["subject_types_supported"] = PublicOnly,
            ["id_token_signing_alg_values_supported"] = Rs256Only,
            ["code_challenge_methods_supported"] = S256Only,
        }));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        _app.MapGet("/authorize", (HttpContext context) =>
        {
            var query = context.Request.Query;
            if (query["client_id"] != ClientId || query["response_type"] != "code")
            {
                return Results.BadRequest("unknown client or response type");
            }

            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _codes[code] = (NextPerson, query["nonce"].ToString(), query["code_challenge"], query["redirect_uri"].ToString());
            return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
        });
        _app.MapPost("/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["grant_type"] != "authorization_code"
                || !_codes.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri)
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }

            if (grant.Challenge is not null)
            {
                var verifier = form["code_verifier"].ToString();
                var computed = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
                if (computed != grant.Challenge)
                {
                    return Results.BadRequest(new { error = "invalid_grant", error_description = "PKCE" });
                }

                PkceVerified++;
            }

            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = ClientId,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(5),
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
                Claims = new Dictionary<string, object>
                {
                    ["sub"] = grant.Person.Subject,
                    ["email"] = grant.Person.Email,
                    ["name"] = grant.Person.Name,
                    ["nonce"] = grant.Nonce,
                    ["groups"] = grant.Person.Groups.ToArray(),
                },
            });
            return Results.Json(new { access_token = "not-used", token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
        await _app.StartAsync();
        Issuer = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _key.Rsa.Dispose();
    }
}
