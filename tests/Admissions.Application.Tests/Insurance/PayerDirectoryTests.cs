using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Auditing;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

public class PayerDirectoryTests
{
    private static PayerForm Form(Action<PayerForm>? change = null)
    {
        var form = new PayerForm
        {
            Name = "Sunshine Regional Health Plan",
            Kind = PayerKind.MedicaidManagedCare,
            Aliases = "Sunshine Regional\nSRHP",
            States = "fl, ga",
            ClearinghousePayerId = "srhp1",
            BehavioralCarveOut = "Magellan Healthcare",
            BehavioralCarveOutPhone = "(800) 555-0199",
            Notes = "Clinicals by fax 800-555-0100.",
        };
        change?.Invoke(form);
        return form;
    }

    [Fact]
    public async Task The_seed_has_every_blue_plan_the_national_plans_tricare_contractors_and_carve_out_names_callers_use()
    {
        await using var host = await TestHost.StartAsync();

        var all = await host.SendAsync(host.Manager, new ListPayerDirectory());

        Assert.True(all.Count(p => p.Aliases.Contains("BCBS")) >= 40);
        Assert.Equal("Florida Blue", Assert.Single(await host.SendAsync(host.Manager, new ListPayerDirectory("Florida Blue"))).Name);
        Assert.Contains(await host.SendAsync(host.Manager, new ListPayerDirectory("BCBS of Florida")), p => p.Name == "Florida Blue");
        foreach (var name in new[] { "Beacon", "ValueOptions", "Carelon" })
        {
            Assert.Contains(await host.SendAsync(host.Manager, new ListPayerDirectory(name)), p => p.Name == "Carelon Behavioral Health");
        }

        Assert.Contains(await host.SendAsync(host.Manager, new ListPayerDirectory("TriWest")), p => p.Name == "TRICARE West");
        Assert.Contains(await host.SendAsync(host.Manager, new ListPayerDirectory("Humana Military")), p => p.Name == "TRICARE East");
        Assert.Equal("Aetna", Assert.Single(await host.SendAsync(host.Manager, new ListPayerDirectory("60054"))).Name);
        Assert.Contains(await host.SendAsync(host.Manager, new ListPayerDirectory("TX")), p => p.Name == "Blue Cross Blue Shield of Texas");
        // Ids only where they are the same at the common clearinghouses; the rest wait for the centre's clearinghouse list.
        Assert.Null(Assert.Single(all, p => p.Name == "Florida Blue").ClearinghousePayerId);
        var tricare = await PayerAsync(host, "TRICARE East");
        Assert.True(tricare.NonCoveredNeedsAdvanceWaiver);
        Assert.Equal(20, tricare.RuleFor(LevelOfCare.MentalHealthResidential, CareTrack.MentalHealth).MaximumCoveredAge);
    }

    [Fact]
    public async Task A_manager_adds_a_payer_with_aliases_states_codes_and_a_contracted_rate_and_the_change_is_audited()
    {
        await using var host = await TestHost.StartAsync();
        var form = Form(f =>
        {
            var iop = f.LevelRules.Single(r => r.Level == LevelOfCare.IntensiveOutpatient && r.Track == CareTrack.MentalHealth);
            (iop.PlaceOfService, iop.ContractedRate) = ("53", 310m);
        });

        var id = await host.SendAsync(host.Manager, new SavePayer(null, form));

        var payer = await host.QueryAsync(db => db.Payers.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(["Sunshine Regional", "SRHP"], payer.Aliases);
        Assert.Equal(["FL", "GA"], payer.States);
        Assert.Equal(("SRHP1", "8005550199"), (payer.ClearinghousePayerId, payer.BehavioralCarveOutPhone));
        var rule = Assert.Single(payer.LevelRules);
        Assert.Equal(("A8", "53", 310m), (rule.ServiceType, rule.PlaceOfService, rule.ContractedRate));
        Assert.Equal("57", payer.PlaceOfServiceFor(LevelOfCare.IntensiveOutpatient, CareTrack.SubstanceUse));
        var reread = await host.SendAsync(host.Manager, new GetPayer(id));
        Assert.Equal(310m, reread.LevelRules.Single(r => r.Level == LevelOfCare.IntensiveOutpatient && r.Track == CareTrack.MentalHealth).ContractedRate);
        Assert.Contains(await host.SendAsync(host.Coordinator, new ListPayers()), p => p.Id == id && p.Matches("srhp"));

        form.Name = "Sunshine Regional Health";
        await host.SendAsync(host.Admin, new SavePayer(id, form));

        var audit = await host.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Payer) && e.EntityId == id.ToString()).ToListAsync());
        Assert.Contains(audit, e => e.Action == AuditAction.Create);
        Assert.Contains(audit, e => e.Action == AuditAction.Update && e.Fields!.Contains(nameof(Payer.Name), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_is_refused_at_the_field()
    {
        await using var host = await TestHost.StartAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Manager, new SavePayer(null, Form(f =>
        {
            f.States = "FL, Florida";
            f.ClearinghousePayerId = "60*54";
            f.LevelRules[0].PlaceOfService = "5";
        }))));
        var duplicate = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Manager, new SavePayer(null, Form(f => f.Name = "Aetna"))));

        Assert.Contains(error.Errors.Keys, k => k.EndsWith(nameof(PayerForm.States), StringComparison.Ordinal));
        Assert.Contains(error.Errors.Keys, k => k.EndsWith(nameof(PayerForm.ClearinghousePayerId), StringComparison.Ordinal));
        Assert.Contains(error.Errors.Values.SelectMany(v => v), m => m.Contains("two-digit CMS place-of-service code", StringComparison.Ordinal));
        Assert.Equal(["Another payer already has this name."], duplicate.Errors[nameof(PayerForm.Name)]);
    }

    [Fact]
    public async Task A_retired_payer_stays_on_the_policies_that_name_it_but_no_new_policy_takes_it_and_it_can_be_restored()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, "Humana");
        var humana = await PayerIdAsync(host, "Humana");

        await host.SendAsync(host.Manager, new SetPayerActive(humana, false));

        var policy = Assert.Single((await host.SendAsync(host.Coordinator, new GetInsurance(insured.InquiryId))).Policies);
        Assert.Equal("Humana", policy.PayerName);
        Assert.False(Assert.Single(await host.SendAsync(host.Coordinator, new ListPayers()), p => p.Id == humana).IsActive);
        await host.SendAsync(host.Coordinator, new SavePolicy(insured.InquiryId, insured.PolicyId, Policy(humana, f => f.GroupNumber = "G-2")));
        var other = (await host.CreateInquiryAsync(TestForms.Valid(f => f.PatientFirstName = "Kim"), allowDuplicates: true)).InquiryId!.Value;
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Coordinator, new SavePolicy(other, null, Policy(humana))));
        Assert.Contains("retired", refused.Errors[nameof(PolicyForm.PayerId)][0], StringComparison.Ordinal);

        await host.SendAsync(host.Manager, new SetPayerActive(humana, true));
        await host.SendAsync(host.Coordinator, new SavePolicy(other, null, Policy(humana)));
    }

    [Fact]
    public async Task Self_pay_cannot_be_retired_and_only_admins_and_managers_edit_the_directory()
    {
        await using var host = await TestHost.StartAsync();
        var selfPay = await PayerIdAsync(host, "Self-pay");

        await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Admin, new SetPayerActive(selfPay, false)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new SavePayer(null, Form())));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.UtilizationReview, new ListPayerDirectory()));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Clinician, new SetPayerActive(selfPay, true)));
    }
}
