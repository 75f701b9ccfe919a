using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dagsorden.Core.Notifications;

public static class NotificationsSetup
{
    /// <summary>E-mail over SMTP, configured by the section "Smtp"; without Smtp:Host nothing is sent.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        // Read when first needed, so settings a host adds after startup code ran (tests, environment) count.
        services.AddSingleton(provider => SmtpSettings.Read(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<Mailer>();
        services.AddScoped<AgendaNotice>();
        return services;
    }
}
