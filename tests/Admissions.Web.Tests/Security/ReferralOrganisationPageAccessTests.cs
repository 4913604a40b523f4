using System.Net;
using Admissions.Domain.Security;
using Admissions.Web.Tests.Support;

namespace Admissions.Web.Tests.Security;

/// <summary>The referral organisations are kept by admins, managers and business development.</summary>
public sealed class ReferralOrganisationPageAccessTests(AdmissionsWebFactory factory) : IClassFixture<AdmissionsWebFactory>
{
    private const string Url = "/admin/referral-organisations";

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.AdmissionsManager, true)]
    [InlineData(Roles.BusinessDevelopment, true)]
    [InlineData(Roles.AdmissionsCoordinator, false)]
    [InlineData(Roles.Clinician, false)]
    [InlineData(Roles.UtilizationReview, false)]
    public async Task The_referral_organisations_are_kept_by_managers_admins_and_business_development(string role, bool allowed)
    {
        using var client = await factory.SignInAsync(role);

        using var response = await client.GetAsync(Url);

        Assert.Equal(allowed, response.StatusCode == HttpStatusCode.OK);
        if (allowed)
        {
            Assert.Contains("Referral organisations", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("/access-denied", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
        }

        Assert.Equal(allowed, (await client.GetStringAsync(AdmissionsWebFactory.MenuPage)).Contains($"href=\"{Url}\"", StringComparison.Ordinal));
    }
}
