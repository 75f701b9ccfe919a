using System.Globalization;
using Dagsorden.Core.Notifications;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static Dagsorden.Tests.FollowUps.ReminderTestSupport;

namespace Dagsorden.Tests.FollowUps;

/// <summary>The reminder pass as servers run it: the web app's background job, and "followups remind" for cron.</summary>
public sealed class ReminderJobTests
{
    [Fact]
    public async Task TheWebAppsJobSendsTheOwedRemindersWhenItStarts()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var smtp = new SmtpListener();
        await using (var db = await database.OpenAsync())
            await FollowUpAsync(db, await ForumAsync(db), Today().AddDays(3));
        await using var app = new TestApp(database).WithWebHostBuilder(builder => builder
            .UseSetting("Smtp:Host", "127.0.0.1")
            .UseSetting("Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture))
            .UseSetting("Smtp:From", Sender)
            .UseSetting("PublicUrl", Site));

        using var client = app.CreateClient();
        var mails = await smtp.WaitForAsync(1, TimeSpan.FromSeconds(30));

        var mail = Assert.Single(mails);
        Assert.Equal(["mette@example.test"], mail.Recipients);
        Assert.StartsWith("Påmindelse: opfølgning fra Chefforum", mail.Parse().Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandReportsAFailedReminderAndSendsItExactlyOnceOnALaterRun()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int id;
        await using (var db = await database.OpenAsync())
            id = (await FollowUpAsync(db, await ForumAsync(db), Today().AddDays(3))).Id;
        await using var smtp = new SmtpListener();

        var failed = await RemindAsync(database, ClosedPort());
        await using (var db = await database.OpenAsync())
        {
            // The next cron run comes after the lease a pass holds on what it tried.
            await db.FollowUpReminders.ExecuteUpdateAsync(s => s.SetProperty(r => r.LastAttempt, DateTime.UtcNow.AddHours(-1)));
        }

        var sent = await RemindAsync(database, smtp.Port);
        var nothing = await RemindAsync(database, smtp.Port);

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains($"error: the follow-up {id} to mette@example.test was not sent; it is tried again on the next run: Could not connect", failed.Error, StringComparison.Ordinal);
        Assert.Equal((0, "Sent 1 reminder and 0 digests.\n"), (sent.ExitCode, sent.Output.ReplaceLineEndings("\n")));
        Assert.Equal((0, "Sent 0 reminders and 0 digests.\n"), (nothing.ExitCode, nothing.Output.ReplaceLineEndings("\n")));
        Assert.Single(await smtp.WaitForAsync(2, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task TheCommandWithoutMailSettingsSaysWhatIsMissing()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var run = await CliRunner.RunAsync(database.Directory, new Dictionary<string, string>(), "--db", DbPath(database), "followups", "remind");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: no mail sent: set Smtp__Host and Smtp__From", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("followups")]
    [InlineData("followups", "send")]
    [InlineData("followups", "remind", "now")]
    [InlineData("followups", "remind", "--public")]
    public async Task TheCommandRefusesOtherArguments(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var run = await CliRunner.RunAsync(database.Directory, new Dictionary<string, string>(), ["--db", DbPath(database), .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnusableReminderSettingsAreWarnedAboutAndTheDefaultsUsed()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var smtp = new SmtpListener();

        var run = await RemindAsync(database, smtp.Port, ("FollowUps__RemindDaysBefore", "en uge"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: FollowUps:RemindDaysBefore is 'en uge', not a whole number from 0 to 365; using 7.", run.Error, StringComparison.Ordinal);
    }

    private static DateOnly Today() => DanishDay.Of(DateTime.UtcNow);

    private static string DbPath(TestDatabase database) => Path.Combine(database.Directory, "data", "dagsorden.db");

    private static Task<CliRun> RemindAsync(TestDatabase database, int port, params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Smtp__From"] = Sender,
            ["PublicUrl"] = Site,
        };
        foreach (var (name, value) in extra)
            environment[name] = value;
        return CliRunner.RunAsync(database.Directory, environment, "--db", DbPath(database), "followups", "remind");
    }
}
