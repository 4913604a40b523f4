using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;

namespace Admissions.Application.Tests.Inquiries;

public class InquiryFormRebaseTests
{
    [Fact]
    public void Rebasing_after_a_conflict_keeps_my_changes_and_takes_theirs_for_fields_i_left_alone()
    {
        var original = new InquiryForm { CallerName = "Dana Smith", PatientPhone = null, Notes = null, Urgency = Urgency.Routine };
        var mine = new InquiryForm { CallerName = "Dana Smith", PatientPhone = null, Notes = "Call after 5 pm", Urgency = Urgency.Urgent };
        var saved = new InquiryForm { CallerName = "Dana Smith-Lee", PatientPhone = "(555) 777-0101", Notes = null, Urgency = Urgency.Soon };

        var rebased = InquiryForm.Rebase(mine, original, saved);

        Assert.Equal("Dana Smith-Lee", rebased.CallerName);
        Assert.Equal("(555) 777-0101", rebased.PatientPhone);
        Assert.Equal("Call after 5 pm", rebased.Notes);
        // Both changed urgency: the person still editing sees their own choice and the conflict message.
        Assert.Equal(Urgency.Urgent, rebased.Urgency);
    }
}
