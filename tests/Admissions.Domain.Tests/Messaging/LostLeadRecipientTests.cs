using Admissions.Domain.Inquiries;
using Admissions.Domain.Messaging;

namespace Admissions.Domain.Tests.Messaging;

public class LostLeadRecipientTests
{
    private static readonly InquiryDetails Details = new()
    {
        CallerName = "Maria Lopez",
        CallerPhone = "(555) 201-4477",
        CallerEmail = "maria@example.org",
        CallerState = "NY",
        PatientFirstName = "Alex",
        PatientLastName = "Lopez",
        PatientPhone = "(555) 309-8812",
        PatientState = "TX",
    };

    [Theory]
    [InlineData(CallerRelationship.Parent)]
    [InlineData(CallerRelationship.SpousePartner)]
    [InlineData(CallerRelationship.Child)]
    [InlineData(CallerRelationship.Sibling)]
    public void A_family_caller_hears_from_us_on_their_own_states_hours(CallerRelationship relationship) =>
        Assert.Equal(new LostLeadRecipient("Maria Lopez", "(555) 201-4477", "maria@example.org", "NY"),
            LostLeadRecipient.For(Details with { CallerRelationship = relationship }));

    [Fact]
    public void A_family_caller_whose_state_is_not_known_gets_no_state_so_the_strictest_hours_apply() =>
        Assert.Null(LostLeadRecipient.For(Details with { CallerRelationship = CallerRelationship.Parent, CallerState = null }).State);

    [Theory]
    [InlineData(CallerRelationship.Professional)]
    [InlineData(CallerRelationship.Friend)]
    public void A_professional_or_a_friend_never_does_the_patient_hears_from_us_instead(CallerRelationship relationship) =>
        Assert.Equal(new LostLeadRecipient("Alex Lopez", "(555) 309-8812", null, "TX"),
            LostLeadRecipient.For(Details with { CallerRelationship = relationship }));

    [Fact]
    public void The_patient_calling_for_themselves_is_reached_at_the_number_they_called_from_on_their_states_hours() =>
        Assert.Equal(new LostLeadRecipient("Maria Lopez", "(555) 201-4477", "maria@example.org", "TX"),
            LostLeadRecipient.For(Details with { CallerRelationship = CallerRelationship.Self }));
}
