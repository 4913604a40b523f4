using System.Net;
using Admissions.Domain.Security;
using Admissions.Web.Tests.Support;

namespace Admissions.Web.Tests.Security;

/// <summary>The bed board is for the clinical and admissions roles; facility set-up is for admins.</summary>
public sealed class PlacementPageAccessTests(AdmissionsWebFactory factory) : IClassFixture<AdmissionsWebFactory>
{
    private static Uri Resolve(Uri location) => new(new Uri("http://localhost"), location);

    [Theory]
    [InlineData("/beds")]
    [InlineData("/admin/facilities")]
    [InlineData("/admin/partners")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", Resolve(response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.AdmissionsManager)]
    [InlineData(Roles.AdmissionsCoordinator)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.UtilizationReview)]
    public async Task The_board_roles_reach_the_bed_board_and_see_the_link(string role)
    {
        using var client = await factory.SignInAsync(role);

        using var response = await client.GetAsync("/beds");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Contains("Bed board", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("href=\"/beds\"", await client.GetStringAsync(AdmissionsWebFactory.MenuPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Business_development_is_refused_the_board_and_does_not_see_the_link()
    {
        using var client = await factory.SignInAsync(Roles.BusinessDevelopment);

        using var response = await client.GetAsync("/beds");

        Assert.Equal("/access-denied", Resolve(response.Headers.Location!).AbsolutePath);
        Assert.DoesNotContain("href=\"/beds\"", await client.GetStringAsync(AdmissionsWebFactory.MenuPage), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.AdmissionsManager)]
    [InlineData(Roles.AdmissionsCoordinator)]
    [InlineData(Roles.Clinician)]
    public async Task Only_admins_reach_facility_set_up(string role)
    {
        using var admin = await factory.SignInAsync(Roles.Admin);
        using var allowed = await admin.GetAsync("/admin/facilities");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("Facilities, programs and beds", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/facilities\"", await admin.GetStringAsync(AdmissionsWebFactory.MenuPage), StringComparison.Ordinal);

        using var client = await factory.SignInAsync(role);
        using var response = await client.GetAsync("/admin/facilities");
        Assert.Equal("/access-denied", Resolve(response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData(Roles.AdmissionsManager, true)]
    [InlineData(Roles.BusinessDevelopment, true)]
    [InlineData(Roles.AdmissionsCoordinator, false)]
    [InlineData(Roles.Clinician, false)]
    public async Task The_partner_directory_is_kept_by_managers_admins_and_business_development(string role, bool allowed)
    {
        using var client = await factory.SignInAsync(role);

        using var response = await client.GetAsync("/admin/partners");

        Assert.Equal(allowed, response.StatusCode == HttpStatusCode.OK);
        Assert.Equal(allowed, (await client.GetStringAsync(AdmissionsWebFactory.MenuPage)).Contains("href=\"/admin/partners\"", StringComparison.Ordinal));
    }
}
