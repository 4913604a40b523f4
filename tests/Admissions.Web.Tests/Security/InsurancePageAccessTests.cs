using System.Net;
using Admissions.Domain.Security;
using Admissions.Web.Tests.Support;

namespace Admissions.Web.Tests.Security;

/// <summary>
/// The insurance queues and the disclosure ledger carry PHI and payer work: the insurance roles
/// reach them, business development and clinicians are turned away, visitors are sent to sign in.
/// </summary>
public sealed class InsurancePageAccessTests(AdmissionsWebFactory factory) : IClassFixture<AdmissionsWebFactory>
{
    private static readonly string[] Urls = ["/verifications", "/authorizations", "/authorizations/all", $"/inquiries/{Guid.NewGuid()}/disclosures"];

    public static TheoryData<string> Pages => [.. Urls];

    private static Uri Resolve(Uri location) => new(new Uri("http://localhost"), location);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", Resolve(response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Business_development_and_clinicians_are_refused(string url)
    {
        foreach (var role in new[] { Roles.BusinessDevelopment, Roles.Clinician })
        {
            using var client = await factory.SignInAsync(role);

            using var response = await client.GetAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{role} got {(int)response.StatusCode} for {url}");
            Assert.Equal("/access-denied", Resolve(response.Headers.Location!).AbsolutePath);
        }
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.AdmissionsManager)]
    [InlineData(Roles.AdmissionsCoordinator)]
    [InlineData(Roles.UtilizationReview)]
    public async Task The_insurance_roles_reach_every_page_and_see_the_links(string role)
    {
        using var client = await factory.SignInAsync(role);

        // What each page shows on its first (prerendered) paint; the ledger's inquiry does not exist.
        string[] markers = ["Verifications of benefits", "data-testid=\"ur-board-title\"", "Prior authorizations by next review date", "disclosures could not be loaded"];
        foreach (var (url, marker) in Urls.Zip(markers))
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} got {(int)response.StatusCode} {response.Headers.Location} for {url}");
            Assert.Contains(marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var home = await client.GetStringAsync(AdmissionsWebFactory.MenuPage);
        Assert.Contains("href=\"/verifications\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/authorizations\"", home, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.BusinessDevelopment)]
    [InlineData(Roles.Clinician)]
    public async Task Other_roles_do_not_see_the_links(string role)
    {
        using var client = await factory.SignInAsync(role);

        var home = await client.GetStringAsync(AdmissionsWebFactory.MenuPage);

        Assert.Contains("Dashboard", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/verifications\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/authorizations\"", home, StringComparison.Ordinal);
    }
}
