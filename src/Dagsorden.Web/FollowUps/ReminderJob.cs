using Dagsorden.Core.Communication;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Notifications;
using Dagsorden.Core.Storage;

namespace Dagsorden.Web.FollowUps;

/// <summary>
/// Sends the owed mail in the background: follow-up reminders and decision digests, at startup (so a
/// restarted server catches up) and then every FollowUps:ReminderIntervalMinutes. A failing pass is
/// logged and the next one tries again; what was not sent stays owed in the database.
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, ReminderSettings settings, ILogger<ReminderJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Never hold up the host's startup.
        await Task.Yield();
        if (settings.Problem is not null)
            log.LogWarning("Follow-up reminder settings: {Problem}", settings.Problem);
        if (settings.RunEveryMinutes == 0)
        {
            log.LogInformation("The reminder and digest job is off (FollowUps:ReminderIntervalMinutes is 0); run 'dagsorden followups remind' instead");
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(settings.RunEveryMinutes));
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    /// <summary>One pass of both kinds of mail; returns what each did.</summary>
    public async Task<(MailRun Reminders, MailRun Digests)?> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DagsordenDbContext>();
            var now = db.Clock.GetUtcNow().UtcDateTime;
            var reminders = await scope.ServiceProvider.GetRequiredService<Reminders>().RunOnceAsync(now, cancellationToken);
            var digests = await scope.ServiceProvider.GetRequiredService<Digests>().SendPendingAsync(now, null, cancellationToken);
            return (reminders, digests);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The database was away or the like: what is owed stays owed, and the next pass tries again.
            log.LogError(e, "The reminder and digest pass failed; the next pass tries again");
            return null;
        }
    }
}
