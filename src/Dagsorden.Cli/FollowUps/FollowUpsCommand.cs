using Dagsorden.Core.Communication;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Notifications;
using Dagsorden.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dagsorden.Cli.FollowUps;

/// <summary>
/// followups remind: one pass of the web app's reminder job (follow-up reminders and decision
/// digests), for cron on a server without the web app. The settings come from the environment under
/// the web app's names (Smtp__Host, Smtp__From, PublicUrl, FollowUps__RemindDaysBefore, …).
/// </summary>
internal static class FollowUpsCommand
{
    private static readonly string[] Settings =
    [
        "Smtp:Host", "Smtp:Port", "Smtp:From", "Smtp:UserName", "Smtp:Password", "Smtp:UseStartTls", "PublicUrl",
        "FollowUps:RemindDaysBefore", "FollowUps:OverdueIntervalDays",
    ];

    public static async Task<int> RunAsync(CommandContext context)
    {
        context.Arguments.Allow("followups");
        if (context.Arguments.Positionals is not ["remind"])
            throw new CliUsageException("usage: followups remind");

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings.Select(key => KeyValuePair.Create(key, context.Environment?.Invoke(key.Replace(":", "__", StringComparison.Ordinal)))))
            .Build();
        var smtp = SmtpSettings.Read(configuration);
        if (!smtp.IsConfigured)
        {
            await context.Error.WriteLineAsync("error: no mail sent: set Smtp__Host and Smtp__From (and Smtp__Port if not 25) in the environment.");
            return CliApp.Failure;
        }

        var settings = ReminderSettings.Read(configuration);
        if (settings.Problem is not null)
            await context.Error.WriteLineAsync($"warning: {settings.Problem}");
        var links = MailLinks.Read(configuration);
        var mailer = new Mailer(smtp, NullLogger<Mailer>.Instance);

        await using var db = await DagsordenDatabase.OpenAsync(context.Storage);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var reminders = await new Reminders(db, mailer, settings, links, NullLogger<Reminders>.Instance).RunOnceAsync(now);
        var digests = await new Digests(db, mailer, links, NullLogger<Digests>.Instance).SendPendingAsync(now);

        await context.Output.WriteLineAsync($"Sent {Count(reminders.Sent, "reminder")} and {Count(digests.Sent, "digest")}.");
        foreach (var failure in reminders.Failed.Concat(digests.Failed))
            await context.Error.WriteLineAsync($"error: the {failure.What} to {failure.Address} was not sent; it is tried again on the next run: {failure.Error}");
        return reminders.Failed.Count + digests.Failed.Count == 0 ? CliApp.Success : CliApp.Failure;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
