using Admissions.Application.Messaging;
using Admissions.Domain.Messaging;
using Admissions.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Messaging;

public static class MessagingServices
{
    /// <summary>
    /// The outbox's providers, chosen by <c>Messaging:Email:Mode</c> (Outbox or Smtp) and
    /// <c>Messaging:Sms:Mode</c> (Outbox or Twilio), and the messaging policy options.
    /// </summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddOptions<MessagingOptions>()
            .Bind(configuration.GetSection(MessagingOptions.Section))
            .PostConfigure(o => o.FacilityTimeZone = configuration["Admissions:TimeZone"] ?? o.FacilityTimeZone)
            .Validate(o => MessageTemplates.BannedWordsIn(o.SenderName).Count == 0,
                "Messaging:SenderName must not say what the facility treats (42 CFR Part 2); use a neutral name.")
            .ValidateOnStart();

        var email = configuration.GetSection(EmailSettings.Section).Get<EmailSettings>() ?? new EmailSettings();
        var sms = configuration.GetSection(SmsSettings.Section).Get<SmsSettings>() ?? new SmsSettings();
        services.AddSingleton(email);
        services.AddSingleton(sms);
        services.AddSingleton(FileOutboxFolders.Under(dataFolder));
        services.AddSingleton<IOutboxFileReader, FileOutboxReader>();
        services.AddScoped<IOutboxDispatchSignal, HangfireOutboxDispatchSignal>();

        if (email.Mode == EmailMode.Smtp)
        {
            if (string.IsNullOrWhiteSpace(email.Smtp.Host))
            {
                throw new InvalidOperationException("Messaging:Email:Mode is Smtp but Messaging:Email:Smtp:Host is not set.");
            }

            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, FileEmailSender>();
        }

        if (sms.Mode == SmsMode.Twilio)
        {
            if (string.IsNullOrWhiteSpace(sms.Twilio.AccountSid) || string.IsNullOrWhiteSpace(sms.Twilio.AuthToken)
                || (string.IsNullOrWhiteSpace(sms.FromNumber) && string.IsNullOrWhiteSpace(sms.Twilio.MessagingServiceSid)))
            {
                throw new InvalidOperationException(
                    "Messaging:Sms:Mode is Twilio: set Messaging:Sms:Twilio:AccountSid, Messaging:Sms:Twilio:AuthToken and Messaging:Sms:FromNumber (or Twilio:MessagingServiceSid).");
            }

            services.AddHttpClient<ISmsSender, TwilioSmsSender>(client => client.Timeout = TimeSpan.FromSeconds(30));
        }
        else
        {
            services.AddSingleton<ISmsSender, FileSmsSender>();
        }

        return services;
    }
}
