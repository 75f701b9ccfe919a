using Dagsorden.Core.Communication;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Notifications;

namespace Dagsorden.Web.FollowUps;

public static class ReminderSetup
{
    /// <summary>
    /// Follow-up reminders and decision digests by e-mail (the background <see cref="ReminderJob"/>),
    /// and the items' communication line. Settings: the section "FollowUps", "PublicUrl" for the links, "Smtp".
    /// </summary>
    public static WebApplicationBuilder AddFollowUpReminders(this WebApplicationBuilder builder)
    {
        // Read when first needed, so settings a host adds after startup code ran (tests, environment) count.
        builder.Services.AddSingleton(provider => ReminderSettings.Read(provider.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(provider => MailLinks.Read(provider.GetRequiredService<IConfiguration>()));
        builder.Services.AddScoped<Reminders>();
        builder.Services.AddScoped<Digests>();
        builder.Services.AddScoped<ItemCommunication>();
        builder.Services.AddSingleton<ReminderJob>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ReminderJob>());
        return builder;
    }
}
