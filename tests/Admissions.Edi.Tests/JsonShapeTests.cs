using System.Text.Json;

namespace Admissions.Edi.Tests;

/// <summary>The operator CLI prints each transaction with System.Text.Json's web defaults, by runtime type.</summary>
public class JsonShapeTests
{
    private static readonly string[] MemberKeys =
    [
        "traceNumbers", "memberId", "lastName", "firstName", "birthDate", "gender", "planBegin", "planEnd",
        "eligibilityBegin", "eligibilityEnd", "errors", "benefits",
    ];

    [Fact]
    public void An_eligibility_response_serializes_to_the_documented_shape()
    {
        using var json = JsonDocument.Parse(Json.Of(Fixtures.Single<EligibilityResponse>("271-cigna-active-carveout.x12")));
        var root = json.RootElement;

        AssertKeys(root, "type", "controlNumber", "reference", "payer", "receiver", "subscribers");
        Assert.Equal(("271", "0001", "VOB-8812"), (root.GetProperty("type").GetString(), root.GetProperty("controlNumber").GetString(), root.GetProperty("reference").GetString()));
        AssertKeys(root.GetProperty("payer"), "name", "id", "errors");
        AssertKeys(root.GetProperty("receiver"), "name", "id", "errors");

        var subscriber = root.GetProperty("subscribers")[0];
        AssertKeys(subscriber, [.. MemberKeys, "dependents"]);
        Assert.Equal("1988-04-12", subscriber.GetProperty("birthDate").GetString());
        Assert.Equal(JsonValueKind.Null, subscriber.GetProperty("planEnd").ValueKind);

        var benefits = subscriber.GetProperty("benefits");
        AssertKeys(benefits[0],
            "code", "coverageLevel", "serviceTypes", "insuranceType", "planDescription", "timePeriod", "amount", "percent",
            "quantityQualifier", "quantity", "authorizationRequired", "inNetwork", "messages", "entities");
        Assert.Equal(3000m, benefits[1].GetProperty("amount").GetDecimal());
        Assert.Equal("0.2", benefits[4].GetProperty("percent").GetRawText());
        Assert.Equal("PRIOR AUTHORIZATION REQUIRED FOR RESIDENTIAL", benefits[4].GetProperty("messages")[0].GetString());
        var entity = benefits[5].GetProperty("entities")[0];
        AssertKeys(entity, "entityCode", "name", "id", "phone");
        Assert.Equal("8005550100", entity.GetProperty("phone").GetString());
    }

    [Fact]
    public void Errors_and_dependents_serialize_with_their_own_keys()
    {
        using var unavailable = JsonDocument.Parse(Json.Of(Fixtures.Single<EligibilityResponse>("271-payer-unavailable.x12")));
        using var dependent = JsonDocument.Parse(Json.Of(Fixtures.Single<EligibilityResponse>(
            "peer/LinuxForHealth_x12__dependent-health-benefit-check.271")));

        var error = unavailable.RootElement.GetProperty("payer").GetProperty("errors")[0];
        AssertKeys(error, "valid", "code", "followUp");
        Assert.Equal((true, "42", "R"), (error.GetProperty("valid").GetBoolean(), error.GetProperty("code").GetString(), error.GetProperty("followUp").GetString()));
        AssertKeys(dependent.RootElement.GetProperty("subscribers")[0].GetProperty("dependents")[0], MemberKeys);
    }

    private static void AssertKeys(JsonElement element, params string[] keys) =>
        Assert.Equal(keys.Order(StringComparer.Ordinal), element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
}
