using Admissions.Domain.Messaging;
using MudBlazor;

namespace Admissions.Web.Components.Pages.Messaging;

/// <summary>Words, colours and icons for outbound messages on the Outbox page.</summary>
public static class MessagingLabels
{
    public static string Describe(MessageState state) => state switch
    {
        MessageState.Pending => "Pending",
        MessageState.Sending => "Sending",
        MessageState.Sent => "Sent",
        MessageState.Failed => "Failed",
        MessageState.Deferred => "Deferred (quiet hours)",
        MessageState.Cancelled => "Not sent",
        _ => state.ToString(),
    };

    public static Color StateColor(MessageState state) => state switch
    {
        MessageState.Sent => Color.Success,
        MessageState.Failed => Color.Error,
        MessageState.Deferred => Color.Warning,
        MessageState.Sending => Color.Info,
        MessageState.Pending => Color.Primary,
        _ => Color.Default,
    };

    public static string ChannelIcon(MessageChannel channel) =>
        channel == MessageChannel.Email ? Icons.Material.Filled.Email : Icons.Material.Filled.Sms;

    public static string DescribeTemplate(string key) => key switch
    {
        MessageTemplates.CallbackReminder => "Callback reminder",
        MessageTemplates.MissedCall => "Missed call",
        MessageTemplates.Nurture1Day => "Follow-up, day 1",
        MessageTemplates.Nurture7Days => "Follow-up, day 7",
        MessageTemplates.Nurture30Days => "Follow-up, day 30",
        MessageTemplates.AdmissionReminder => "Admission reminder",
        MessageTemplates.ManagerDigest => "Daily manager digest",
        MessageTemplates.SafetyEscalation => "Safety escalation (staff)",
        _ => key,
    };

    public static string Describe(MessageChannel channel) => channel == MessageChannel.Email ? "Email" : "Text";
}
