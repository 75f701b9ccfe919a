using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Import;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using static Dagsorden.Tests.FollowUps.ReminderTestSupport;

namespace Dagsorden.Tests.FollowUps;

/// <summary>Follow-up reminders over a real SMTP listener, on both storage providers: due soon once, overdue once per interval, never lost.</summary>
public sealed class ReminderTests
{
    private static readonly DateOnly Due = new(2026, 12, 10);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DueSoonReminderIsSentOnceWithWhatOriginDueDateAndLink(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await using var smtp = new SmtpListener();
        var followUp = await FollowUpAsync(db, await ForumAsync(db), Due);
        var reminders = Reminders(db, smtp.Port, new LogBook());

        var tooEarly = await reminders.RunOnceAsync(Noon(2026, 12, 2));
        var first = await reminders.RunOnceAsync(Noon(2026, 12, 3));
        var again = await reminders.RunOnceAsync(Noon(2026, 12, 4));
        var onTheDay = await reminders.RunOnceAsync(Noon(2026, 12, 10));

        Assert.Equal((0, 1, 0, 0), (tooEarly.Sent, first.Sent, again.Sent, onTheDay.Sent));
        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal(["mette@example.test"], mail.Recipients);
        var message = mail.Parse();
        Assert.Equal("Påmindelse: opfølgning fra Chefforum har frist 10-12-2026", message.Subject);
        Assert.Contains("Kære Mette Hansen", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hvad: Modellen fremlægges for chefforum igen", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Oprindelse: CF 18-11-2026, punkt 4: Ny budgetmodel", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Frist: torsdag d. 10. december 2026 – om 7 dage.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Site}/sekretariat/cf/opfoelgning/{followUp.Id}", message.TextBody, StringComparison.Ordinal);
        var row = Assert.Single(await db.FollowUpReminders.AsNoTracking().ToListAsync());
        Assert.Equal((ReminderKind.DueSoon, Due, 1, (string?)null), (row.Kind, row.Period, row.Attempts, row.LastError));
        Assert.NotNull(row.Sent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OverdueReminderIsSentOncePerInterval(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await using var smtp = new SmtpListener();
        await FollowUpAsync(db, await ForumAsync(db), Due);
        var reminders = Reminders(db, smtp.Port, new LogBook());

        var sent = new List<int>();
        for (var day = 11; day <= 25; day++)
            sent.Add((await reminders.RunOnceAsync(Noon(2026, 12, day))).Sent);

        // Overdue from the 11th: one reminder on the 11th, the 18th and the 25th, none in between.
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1], sent);
        var mails = await smtp.WaitForAsync(3);
        Assert.Equal(3, mails.Count);
        Assert.All(mails, m => Assert.Equal("Fristen er overskredet: opfølgning fra Chefforum", m.Parse().Subject));
        Assert.Contains("fristen er overskredet med 1 dag.", mails[0].Parse().TextBody, StringComparison.Ordinal);
        Assert.Contains("fristen er overskredet med 15 dage.", mails[2].Parse().TextBody, StringComparison.Ordinal);
        var periods = await db.FollowUpReminders.AsNoTracking().OrderBy(r => r.Period).Select(r => r.Period).ToListAsync();
        Assert.Equal([new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 18), new DateOnly(2026, 12, 25)], periods);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DoneCancelledAndUnaddressedFollowUpsGetNoReminder(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await using var smtp = new SmtpListener();
        var forumId = await ForumAsync(db);
        var done = await FollowUpAsync(db, forumId, Due, "done@example.test");
        var cancelled = await FollowUpAsync(db, forumId, Due, "cancelled@example.test");
        await FollowUpAsync(db, forumId, Due, email: null);
        await FollowUpAsync(db, forumId, Due, "open@example.test");
        done.MarkDone(Noon(2026, 12, 1));
        cancelled.Cancel(Noon(2026, 12, 1));
        await db.SaveChangesAsync();
        var reminders = Reminders(db, smtp.Port, new LogBook());

        await reminders.RunOnceAsync(Noon(2026, 12, 5));
        await reminders.RunOnceAsync(Noon(2026, 12, 20));

        var mails = await smtp.WaitForAsync(2);
        Assert.Equal(["open@example.test", "open@example.test"], mails.SelectMany(m => m.Recipients));
        var remindedIds = await db.FollowUpReminders.AsNoTracking().Select(r => r.FollowUpId).Distinct().ToListAsync();
        Assert.DoesNotContain(done.Id, remindedIds);
        Assert.DoesNotContain(cancelled.Id, remindedIds);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFailingMailServerLosesNoReminderItIsLoggedAndSentExactlyOnceLater(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var followUp = await FollowUpAsync(db, await ForumAsync(db), Due);
        var log = new LogBook();

        var failed = await Reminders(db, ClosedPort(), log).RunOnceAsync(Noon(2026, 12, 5));

        var failure = Assert.Single(failed.Failed);
        Assert.Equal(0, failed.Sent);
        Assert.Equal($"follow-up {followUp.Id}", failure.What);
        var row = Assert.Single(await db.FollowUpReminders.AsNoTracking().ToListAsync());
        Assert.Null(row.Sent);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("Could not connect", row.LastError, StringComparison.Ordinal);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains($"follow-up {followUp.Id}", StringComparison.Ordinal) && e.Text.Contains("tried again", StringComparison.Ordinal));

        await using var smtp = new SmtpListener();
        var retried = await Reminders(db, smtp.Port, log).RunOnceAsync(Noon(2026, 12, 6));
        var afterwards = await Reminders(db, smtp.Port, log).RunOnceAsync(Noon(2026, 12, 7));

        Assert.Equal((1, 0), (retried.Sent, afterwards.Sent));
        Assert.Single(await smtp.WaitForAsync(2, TimeSpan.FromMilliseconds(500)));
        row = Assert.Single(await db.FollowUpReminders.AsNoTracking().ToListAsync());
        Assert.Equal((2, (string?)null), (row.Attempts, row.LastError));
        Assert.NotNull(row.Sent);
    }

    [Fact]
    public async Task ARefusedRecipientIsRetriedWhileTheOthersAreSent()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        await using var smtp = new SmtpListener("mette@example.test");
        var forumId = await ForumAsync(db);
        var refused = await FollowUpAsync(db, forumId, Due, "mette@example.test");
        await FollowUpAsync(db, forumId, Due, "ole@example.test");

        var run = await Reminders(db, smtp.Port, new LogBook()).RunOnceAsync(Noon(2026, 12, 5));

        Assert.Equal(1, run.Sent);
        Assert.Equal($"follow-up {refused.Id}", Assert.Single(run.Failed).What);
        Assert.Contains("550", Assert.Single(run.Failed).Error, StringComparison.Ordinal);
        Assert.Equal(["ole@example.test"], (await smtp.WaitForAsync(1)).SelectMany(m => m.Recipients));
    }

    [Fact]
    public async Task AReminderForAClosedItemSaysNoMoreThanThePublicSees()
    {
        const string Marker = "HEMMELIG-K7Q";
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        await using var smtp = new SmtpListener();
        await new MeetingImporter(db).StoreAsync(Builders.MeetingWithClosedItem(Marker));
        var closed = await db.Items.AsNoTracking().SingleAsync(i => i.IsClosed);
        var forumId = await db.Forums.Where(f => f.Code == "TF").Select(f => f.Id).SingleAsync();
        var followUp = new FollowUp(forumId, closed.Id, $"TF 05-06-2025, punkt 2: Titel {Marker}", new FollowUpTerms($"Følg op på {Marker}", "Mette Hansen", "mette@example.test", Due, null, null), Noon(2026, 11, 1));
        db.FollowUps.Add(followUp);
        await db.SaveChangesAsync();

        await Reminders(db, smtp.Port, new LogBook()).RunOnceAsync(Noon(2026, 12, 5));

        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.DoesNotContain(Marker, mail.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, mail.Parse().TextBody, StringComparison.Ordinal);
        Assert.Contains("Opfølgningen hører til et lukket punkt med sagsnummer 00.01.00-A00-96-25. Log ind for at læse den.", mail.Parse().TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Site}/tf/2025-06-05/punkt/2", mail.Parse().TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoPassesAtOnceSendAReminderOnlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var smtp = new SmtpListener();
        await using (var seed = await database.OpenAsync())
            await FollowUpAsync(seed, await ForumAsync(seed), Due);
        await using var one = await database.OpenAsync();
        await using var two = await database.OpenAsync();

        var runs = await Task.WhenAll(
            Reminders(one, smtp.Port, new LogBook()).RunOnceAsync(Noon(2026, 12, 5)),
            Reminders(two, smtp.Port, new LogBook()).RunOnceAsync(Noon(2026, 12, 5)));

        Assert.Equal(1, runs.Sum(r => r.Sent));
        Assert.Single(await smtp.WaitForAsync(2, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task WithoutSmtpNothingIsWrittenOrSent()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        await FollowUpAsync(db, await ForumAsync(db), Due);
        var reminders = new Reminders(db, new Core.Notifications.Mailer(Core.Notifications.SmtpSettings.NotConfigured, new LogBook().For<Core.Notifications.Mailer>()), ReminderSettings.Default, new Core.Notifications.MailLinks(Site), new LogBook().For<Reminders>());

        var run = await reminders.RunOnceAsync(Noon(2026, 12, 5));

        Assert.False(run.IsConfigured);
        Assert.Empty(await db.FollowUpReminders.ToListAsync());
    }

    [Theory]
    [InlineData("RemindDaysBefore", "syv")]
    [InlineData("RemindDaysBefore", "-1")]
    [InlineData("OverdueIntervalDays", "0")]
    [InlineData("OverdueIntervalDays", "1e3")]
    [InlineData("ReminderIntervalMinutes", "99999999")]
    public void UnusableSettingsFallBackToTheDefaultAndAreReported(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("FollowUps:" + key, (string?)value)]).Build();

        var settings = ReminderSettings.Read(configuration);

        Assert.Equal(ReminderSettings.Default with { Problem = settings.Problem }, settings);
        Assert.Contains($"FollowUps:{key} is '{value}'", settings.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsAreRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            KeyValuePair.Create("FollowUps:RemindDaysBefore", (string?)"3"),
            KeyValuePair.Create("FollowUps:OverdueIntervalDays", (string?)"14"),
            KeyValuePair.Create("FollowUps:ReminderIntervalMinutes", (string?)"0"),
        ]).Build();

        Assert.Equal(new ReminderSettings(3, 14, 0, null), ReminderSettings.Read(configuration));
    }
}
