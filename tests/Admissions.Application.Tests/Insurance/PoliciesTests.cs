using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Auditing;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

public class PoliciesTests
{
    private static async Task<Guid> InquiryAsync(TestHost host) => (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

    private static Task<InsurancePolicy> PolicyAsync(TestHost host, Guid id) =>
        host.QueryAsync(db => db.InsurancePolicies.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task Adding_a_policy_stores_the_card_in_upper_case_against_the_directory_payer()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var aetna = await PayerIdAsync(host, "Aetna");

        var id = await host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, null, Policy(aetna, f =>
        {
            f.MemberId = " w1234-5678 ";
            f.GroupNumber = " g-4410 ";
        })));

        var policy = await PolicyAsync(host, id);
        Assert.Equal(inquiryId, policy.InquiryId);
        Assert.Equal(PolicyRank.Primary, policy.Rank);
        Assert.Equal(aetna, policy.PayerId);
        Assert.Equal("Aetna", policy.PayerName);
        Assert.Equal("W1234-5678", policy.MemberId);
        Assert.Equal("G-4410", policy.GroupNumber);
        Assert.Equal(SubscriberRelationship.Self, policy.Relationship);
        Assert.Null(policy.SubscriberLastName);
        Assert.Equal(TestHost.StartTime, policy.CreatedAt);
        Assert.Null(policy.RemovedAt);
    }

    [Fact]
    public async Task A_policy_held_by_someone_else_keeps_the_policy_holder_and_switching_to_self_clears_it()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var aetna = await PayerIdAsync(host, "Aetna");
        var id = await host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, null, Policy(aetna, f =>
        {
            f.Relationship = SubscriberRelationship.Child;
            f.SubscriberFirstName = " Maria ";
            f.SubscriberLastName = "Lopez";
            f.SubscriberDateOfBirth = new DateOnly(1975, 2, 3);
            f.SubscriberSex = Sex.Female;
        })));

        var held = await PolicyAsync(host, id);
        Assert.Equal(("Maria", "Lopez", new DateOnly(1975, 2, 3), Sex.Female),
            (held.SubscriberFirstName, held.SubscriberLastName, held.SubscriberDateOfBirth!.Value, held.SubscriberSex!.Value));

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, id, Policy(aetna, f =>
        {
            f.Relationship = SubscriberRelationship.Self;
            f.SubscriberFirstName = "Maria";
        })));

        var self = await PolicyAsync(host, id);
        Assert.Null(self.SubscriberFirstName);
        Assert.Null(self.SubscriberLastName);
        Assert.Null(self.SubscriberDateOfBirth);
        Assert.Null(self.SubscriberSex);
        Assert.Equal(TestHost.StartTime.AddMinutes(3), self.UpdatedAt);
        Assert.Equal(TestHost.StartTime, self.CreatedAt);
    }

    [Fact]
    public async Task Editing_a_policy_changes_it_in_place_and_is_on_the_timeline_and_in_the_audit_trail()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var id = await host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, null, Policy(await PayerIdAsync(host, "Aetna"))));
        var cigna = await PayerIdAsync(host, "Cigna");

        var saved = await host.SendAsync(host.Coordinator2, new SavePolicy(inquiryId, id, Policy(cigna, f => f.MemberId = "U1234567801")));

        Assert.Equal(id, saved);
        var policy = await PolicyAsync(host, id);
        Assert.Equal(("Cigna", cigna, "U1234567801"), (policy.PayerName, policy.PayerId, policy.MemberId));
        Assert.Equal(1, await host.QueryAsync(db => db.InsurancePolicies.CountAsync()));
        var timeline = await TimelineAsync(host, inquiryId);
        Assert.Contains("Added primary policy: Aetna", timeline);
        Assert.Contains("Updated primary policy: Cigna", timeline);

        var audit = await host.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(InsurancePolicy) && e.EntityId == id.ToString()).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.Update], audit.Select(e => e.Action));
        Assert.Equal([host.Coordinator.Id, host.Coordinator2.Id], audit.Select(e => e.UserId));
        Assert.Equal($"Inquiry {inquiryId}", audit[0].Fields);
        Assert.Contains("MemberId", audit[1].Fields!, StringComparison.Ordinal);
        Assert.Contains("PayerId", audit[1].Fields!, StringComparison.Ordinal);
        Assert.DoesNotContain("U1234567801", audit[1].Fields!, StringComparison.Ordinal);
        Assert.Equal(TestHost.IpAddress, audit[1].IpAddress);
    }

    [Fact]
    public async Task Removing_a_policy_keeps_it_on_record_but_takes_it_off_the_inquiry()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var id = await host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, null, Policy(await PayerIdAsync(host, "Aetna"))));
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        await host.SendAsync(host.Coordinator, new RemovePolicy(inquiryId, id));

        var policy = await PolicyAsync(host, id);
        Assert.Equal(TestHost.StartTime.AddMinutes(1), policy.RemovedAt);
        Assert.Empty((await host.SendAsync(host.Coordinator, new GetInsurance(inquiryId))).Policies);
        Assert.Contains("Removed primary policy: Aetna", await TimelineAsync(host, inquiryId));
        Assert.Single(await host.QueryAsync(db => db.AuditEntries
            .Where(e => e.EntityType == nameof(InsurancePolicy) && e.Action == AuditAction.Update && e.Fields == "RemovedAt").ToListAsync()));
        await Assert.ThrowsAsync<NotFoundException>(() => host.SendAsync(host.Coordinator, new RemovePolicy(inquiryId, id)));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, id, Policy(policy.PayerId))));
    }

    [Fact]
    public async Task A_removed_primary_frees_its_rank_for_a_new_policy()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var id = await host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, null, Policy(await PayerIdAsync(host, "Aetna"))));
        await host.SendAsync(host.Coordinator, new RemovePolicy(inquiryId, id));

        var replacement = await host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, null, Policy(await PayerIdAsync(host, "Humana"))));

        Assert.Equal("Humana", Assert.Single((await host.SendAsync(host.Coordinator, new GetInsurance(inquiryId))).Policies).PayerName);
        Assert.NotEqual(id, replacement);
    }

    [Fact]
    public async Task A_second_primary_is_refused_but_a_secondary_is_accepted_and_the_primary_can_still_be_edited()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var aetna = await PayerIdAsync(host, "Aetna");
        var primary = await host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, null, Policy(aetna)));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, null, Policy(aetna, f => f.MemberId = "OTHER-1"))));

        Assert.Equal(["Rank"], error.Errors.Keys);
        Assert.Equal("This inquiry already has a primary policy. Edit it or choose the other rank.", Assert.Single(error.Errors["Rank"]));
        Assert.Equal(1, await host.QueryAsync(db => db.InsurancePolicies.CountAsync()));

        var secondary = await host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, null,
            Policy(await PayerIdAsync(host, "Medicare"), f => f.Rank = PolicyRank.Secondary)));
        await host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, primary, Policy(aetna, f => f.MemberId = "W999")));

        var error2 = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, secondary, Policy(aetna, f => f.Rank = PolicyRank.Primary))));
        Assert.Equal(["Rank"], error2.Errors.Keys);
        Assert.Equal("W999", (await PolicyAsync(host, primary)).MemberId);
        Assert.Equal(PolicyRank.Secondary, (await PolicyAsync(host, secondary)).Rank);
    }

    [Theory]
    [InlineData("member id with an asterisk", "Form.MemberId", "Member IDs contain only letters, digits and hyphens.")]
    [InlineData("member id with a tilde", "Form.MemberId", "Member IDs contain only letters, digits and hyphens.")]
    [InlineData("member id with a colon", "Form.MemberId", "Member IDs contain only letters, digits and hyphens.")]
    [InlineData("no member id", "Form.MemberId", "Enter the member ID from the insurance card.")]
    [InlineData("group with a caret", "Form.GroupNumber", "Group numbers contain only letters, digits and hyphens.")]
    [InlineData("no payer", "Form.PayerId", "Choose the payer.")]
    [InlineData("holder born in the future", "Form.SubscriberDateOfBirth", "Enter a real date of birth (not in the future).")]
    [InlineData("holder name with a delimiter", "Form.SubscriberLastName", "Use letters, spaces, hyphens and apostrophes only.")]
    public async Task An_invalid_policy_is_refused_with_the_field_and_a_message(string problem, string field, string message)
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var aetna = await PayerIdAsync(host, "Aetna");
        var form = Policy(aetna, f =>
        {
            switch (problem)
            {
                case "member id with an asterisk":
                    f.MemberId = "W123*456";
                    break;
                case "member id with a tilde":
                    f.MemberId = "W123~456";
                    break;
                case "member id with a colon":
                    f.MemberId = "W123:456";
                    break;
                case "no member id":
                    f.MemberId = " ";
                    break;
                case "group with a caret":
                    f.GroupNumber = "G^1";
                    break;
                case "no payer":
                    f.PayerId = null;
                    break;
                case "holder born in the future":
                case "holder name with a delimiter":
                    f.Relationship = SubscriberRelationship.Spouse;
                    f.SubscriberFirstName = "Maria";
                    f.SubscriberLastName = problem == "holder name with a delimiter" ? "Lopez*Garcia" : "Lopez";
                    f.SubscriberDateOfBirth = problem == "holder born in the future" ? new DateOnly(2026, 3, 11) : new DateOnly(1975, 2, 3);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
            }
        });

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, null, form)));

        Assert.Equal([field], error.Errors.Keys);
        Assert.Equal(message, Assert.Single(error.Errors[field]));
        Assert.Equal(0, await host.QueryAsync(db => db.InsurancePolicies.CountAsync()));
    }

    [Theory]
    [InlineData(SubscriberRelationship.Spouse)]
    [InlineData(SubscriberRelationship.Child)]
    [InlineData(SubscriberRelationship.Other)]
    public async Task A_policy_held_by_someone_else_needs_the_holders_name_and_birth_date(SubscriberRelationship relationship)
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Coordinator,
            new SavePolicy(inquiryId, null, Policy(Guid.NewGuid(), f => f.Relationship = relationship))));

        Assert.Equal(["Form.SubscriberDateOfBirth", "Form.SubscriberFirstName", "Form.SubscriberLastName"], error.Errors.Keys.Order());
        Assert.Equal("Enter the policy holder's first name.", Assert.Single(error.Errors["Form.SubscriberFirstName"]));
        Assert.Equal("Enter the policy holder's last name.", Assert.Single(error.Errors["Form.SubscriberLastName"]));
        Assert.Equal("Enter the policy holder's date of birth.", Assert.Single(error.Errors["Form.SubscriberDateOfBirth"]));
    }

    [Fact]
    public async Task A_payer_that_is_not_in_the_directory_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, null, Policy(Guid.NewGuid()))));

        Assert.Equal("Choose a payer from the directory.", Assert.Single(error.Errors["PayerId"]));
    }

    [Fact]
    public async Task Clinicians_and_business_development_cannot_add_or_remove_a_policy()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var aetna = await PayerIdAsync(host, "Aetna");
        var id = await host.SendAsync(host.UtilizationReview, new SavePolicy(inquiryId, null, Policy(aetna)));

        foreach (var user in new[] { host.Clinician, host.BusinessDevelopment })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                host.SendAsync(user, new SavePolicy(inquiryId, null, Policy(aetna, f => f.Rank = PolicyRank.Secondary))));
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new RemovePolicy(inquiryId, id)));
        }

        var stored = await host.QueryAsync(db => db.InsurancePolicies.AsNoTracking().ToListAsync());
        Assert.Equal(id, Assert.Single(stored).Id);
        Assert.Null(stored[0].RemovedAt);
    }

    [Fact]
    public async Task A_policy_for_an_inquiry_that_does_not_exist_is_not_found()
    {
        await using var host = await TestHost.StartAsync();

        await Assert.ThrowsAsync<NotFoundException>(() =>
            host.SendAsync(host.Coordinator, new SavePolicy(Guid.NewGuid(), null, Policy(Guid.NewGuid()))));
    }

    [Fact]
    public async Task The_payer_list_is_the_seeded_directory_with_self_pay_and_clearinghouse_support()
    {
        await using var host = await TestHost.StartAsync();

        var payers = await host.SendAsync(host.Clinician, new ListPayers());

        Assert.Equal(payers.Select(p => p.Name).Order(StringComparer.Ordinal), payers.Select(p => p.Name));
        var selfPay = Assert.Single(payers, p => p.Kind == PayerKind.SelfPay);
        Assert.False(selfPay.SupportsElectronicVerification);
        var aetna = Assert.Single(payers, p => p.Name == "Aetna");
        Assert.True(aetna.SupportsElectronicVerification);
        Assert.Equal("60054", aetna.ClearinghousePayerId);
        Assert.Equal("Evernorth Behavioral Health", Assert.Single(payers, p => p.Name == "Cigna").BehavioralCarveOut);
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new ListPayers()));
    }
}
