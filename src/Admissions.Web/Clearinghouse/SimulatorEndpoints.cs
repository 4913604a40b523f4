using Admissions.Application.Insurance;
using Admissions.Infrastructure.Clearinghouse;
using Microsoft.Extensions.Options;

namespace Admissions.Web.Clearinghouse;

/// <summary>
/// The embedded clearinghouse in Simulator mode: a CAQH CORE real-time endpoint that the CORE client
/// calls like any other, so the whole wire path runs in demos and tests.
/// </summary>
public static partial class SimulatorEndpoints
{
    public static void MapClearinghouseSimulator(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ClearinghouseSettings>>().Value.Mode != ClearinghouseMode.Simulator)
        {
            return;
        }

        if (app.Environment.IsProduction())
        {
            // Allowed (a trial install has no clearinghouse contract yet), but nobody may mistake simulated benefits for a payer's.
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SimulatorEndpoints));
            LogSimulatorInProduction(logger);
        }

        app.MapPost(ClearinghouseEndpoint.SimulatorPath, AnswerAsync)
            // Machine to machine: the envelope's UserName and Password authenticate, not a sign-in cookie.
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
    }

    private static async Task AnswerAsync(HttpContext context, ClearinghouseSimulator simulator,
        ClearinghouseCredentials credentials, ClearinghouseIdentity identity, TimeProvider clock)
    {
        var cancellationToken = context.RequestAborted;
        var fields = await CoreMultipart.ReadAsync(context.Request.ContentType, context.Request.Body, cancellationToken);
        CoreResponse response;
        if (!CoreRequest.TryRead(fields, out var request, out var error))
        {
            response = CoreResponse.Refusal(error, fields, identity.ReceiverId, clock.GetUtcNow());
        }
        else if (!credentials.Match(request.UserName, request.Password))
        {
            error = new CoreEnvelopeError(Core.UnAuthorized, "UserName and Password were not accepted.");
            response = CoreResponse.Refusal(error, fields, identity.ReceiverId, clock.GetUtcNow());
        }
        else
        {
            try
            {
                var payload = request.PayloadType == Core.EligibilityRequest
                    ? await simulator.AnswerEligibilityAsync(request.Payload, cancellationToken)
                    : simulator.AnswerReview(request.Payload);
                response = CoreResponse.Answer(request, payload, clock.GetUtcNow());
            }
            catch (InvalidDataException e)
            {
                error = new CoreEnvelopeError(Core.Illegal(CoreField.Payload), e.Message);
                response = CoreResponse.Refusal(error, fields, identity.ReceiverId, clock.GetUtcNow());
            }
        }

        context.Response.StatusCode = error is null ? StatusCodes.Status200OK
            : error.IsAuthentication ? StatusCodes.Status401Unauthorized
            : StatusCodes.Status400BadRequest;
        using var content = response.ToContent();
        context.Response.ContentType = content.Headers.ContentType!.ToString();
        await content.CopyToAsync(context.Response.Body, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Clearinghouse:Mode is Simulator in Production: eligibility and authorization answers are simulated, no payer is asked. Set Clearinghouse__Mode=Core with the clearinghouse's endpoint and credentials.")]
    private static partial void LogSimulatorInProduction(ILogger logger);
}
