using System.Net;
using Admissions.Domain.Security;
using Admissions.Web.Tests.Support;

namespace Admissions.Web.Tests.Security;

/// <summary>The Outbox is for admins and admissions managers; everyone has their own notifications page.</summary>
public sealed class OutboxPageAccessTests(AdmissionsWebFactory factory) : IClassFixture<AdmissionsWebFactory>
{
    private static Uri Resolve(Uri location) => new(new Uri("http://localhost"), location);

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.AdmissionsManager)]
    public async Task Admins_and_managers_reach_the_outbox_and_see_the_link(string role)
    {
        using var client = await factory.SignInAsync(role);

        using var response = await client.GetAsync("/admin/outbox");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Contains("href=\"/admin/outbox\"", await client.GetStringAsync(AdmissionsWebFactory.MenuPage), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.AdmissionsCoordinator)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.UtilizationReview)]
    [InlineData(Roles.BusinessDevelopment)]
    public async Task Other_roles_are_refused_the_outbox_and_do_not_see_the_link(string role)
    {
        using var client = await factory.SignInAsync(role);

        using var response = await client.GetAsync("/admin/outbox");

        Assert.Equal("/access-denied", Resolve(response.Headers.Location!).AbsolutePath);
        Assert.DoesNotContain("href=\"/admin/outbox\"", await client.GetStringAsync(AdmissionsWebFactory.MenuPage), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.AdmissionsCoordinator)]
    [InlineData(Roles.BusinessDevelopment)]
    public async Task Every_staff_role_reaches_its_notifications(string role)
    {
        using var client = await factory.SignInAsync(role);

        using var response = await client.GetAsync("/notifications");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
