using Dagsorden.Core.Accounts;
using Dagsorden.Core.Communication;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Dagsorden.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using static Dagsorden.Tests.FollowUps.ReminderTestSupport;

namespace Dagsorden.Tests.FollowUps;

/// <summary>One digest e-mail per department when the minutes are published, over a real SMTP listener, on both storage providers.</summary>
public sealed class DigestTests
{
    private const string Marker = "LUKKET-D4X";
    private static readonly DateOnly Date = new(2026, 12, 3);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachDepartmentGetsExactlyOneMailWithItsDecisionsAndNoClosedText(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await using var smtp = new SmtpListener();
        var bench = await Bench.SeedAsync(db);
        await bench.PublishMinutesAsync(db);

        var run = await Digests(db, smtp.Port, new LogBook()).SendPendingAsync(Noon(2026, 12, 3));
        var again = await Digests(db, smtp.Port, new LogBook()).SendPendingAsync(Noon(2026, 12, 4));

        Assert.Equal((2, 0), (run.Sent, again.Sent));
        var mails = await smtp.WaitForAsync(3, TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.DoesNotContain(Marker, m.Data, StringComparison.Ordinal));

        var economy = Assert.Single(mails, m => m.Recipients.SequenceEqual(["oekonomi@example.test"])).Parse();
        Assert.Equal("Beslutninger til Økonomi: Testforum 03-12-2026", economy.Subject);
        Assert.DoesNotContain(Marker, economy.TextBody, StringComparison.Ordinal);
        Assert.Contains("Referatet af mødet i Testforum torsdag d. 3. december 2026 er offentliggjort. Disse 2 beslutninger er markeret til jer:", economy.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Punkt {bench.Budget}: TF - Budget 2027\nSagsnummer: 00.01.00-A00-5-26\nUdfald: Godkendt\nBeslutning:\nBudgettet blev godkendt.\nLæs punktet: {Site}/tf/2026-12-03/punkt/{bench.Budget}\n", Lines(economy.TextBody), StringComparison.Ordinal);
        Assert.Contains($"Punkt {bench.Closed}: Lukket punkt\nSagsnummer: 00.01.00-A00-96-26\nPunktet er lukket. Forummets medlemmer kan læse det, når de er logget ind:\n{Site}/tf/2026-12-03/punkt/{bench.Closed}\n", Lines(economy.TextBody), StringComparison.Ordinal);
        Assert.DoesNotContain("Trivsel", economy.TextBody, StringComparison.Ordinal);

        var hr = Assert.Single(mails, m => m.Recipients.SequenceEqual(["hr@example.test"])).Parse();
        Assert.Contains("Disse 2 beslutninger er markeret til jer", hr.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Punkt {bench.Budget}: TF - Budget 2027", hr.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Punkt {bench.Wellbeing}: TF - Trivselsmåling\n", Lines(hr.TextBody), StringComparison.Ordinal);
        Assert.Contains("Udfald: Taget til efterretning", hr.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Lukket punkt", hr.TextBody, StringComparison.Ordinal);

        var rows = await db.DigestDeliveries.AsNoTracking().ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((1, (string?)null), (r.Attempts, r.LastError)));
        Assert.All(rows, r => Assert.NotNull(r.Sent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFailingMailServerLosesNoDigestItIsLoggedAndSentExactlyOnceLater(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var bench = await Bench.SeedAsync(db);
        await bench.PublishMinutesAsync(db);
        var log = new LogBook();

        var failed = await Digests(db, ClosedPort(), log).SendPendingAsync(Noon(2026, 12, 3));

        Assert.Equal(0, failed.Sent);
        Assert.Equal(["hr@example.test", "oekonomi@example.test"], failed.Failed.Select(f => f.Address).Order(StringComparer.Ordinal));
        Assert.All(await db.DigestDeliveries.AsNoTracking().ToListAsync(), r => Assert.True(r.Sent is null && r.Attempts == 1 && r.LastError!.Contains("Could not connect", StringComparison.Ordinal)));
        Assert.Equal(2, log.Entries.Count(e => e.Level == LogLevel.Warning && e.Text.Contains("tried again on the next run", StringComparison.Ordinal)));

        await using var smtp = new SmtpListener();
        var soon = await Digests(db, smtp.Port, log).SendPendingAsync(Noon(2026, 12, 3).AddMinutes(1));
        var later = await Digests(db, smtp.Port, log).SendPendingAsync(Noon(2026, 12, 3).AddHours(1));
        var afterwards = await Digests(db, smtp.Port, log).SendPendingAsync(Noon(2026, 12, 3).AddHours(2));

        // Within the lease the failed deliveries wait; the next pass after it sends each once.
        Assert.Equal((0, 2, 0), (soon.Sent, later.Sent, afterwards.Sent));
        Assert.Equal(2, (await smtp.WaitForAsync(3, TimeSpan.FromMilliseconds(500))).Count);
        Assert.All(await db.DigestDeliveries.AsNoTracking().ToListAsync(), r => Assert.True(r.Sent is not null && r.Attempts == 2 && r.LastError is null));
    }

    [Fact]
    public async Task OnlyTheMarkedDepartmentsOweADigest()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var bench = await Bench.SeedAsync(db);
        db.Departments.Add(new Department("Kultur", "kultur@example.test"));
        await db.SaveChangesAsync();

        await bench.PublishMinutesAsync(db);

        var owed = await db.DigestDeliveries.AsNoTracking().Select(d => d.DepartmentId).OrderBy(d => d).ToListAsync();
        Assert.Equal(new[] { bench.Economy, bench.Hr }.Order(), owed);
    }

    [Fact]
    public async Task PublishingTheMinutesAgainOwesNoSecondDigestButOneForANewlyMarkedDepartment()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        await using var smtp = new SmtpListener();
        var bench = await Bench.SeedAsync(db);
        await bench.PublishMinutesAsync(db);
        await Digests(db, smtp.Port, new LogBook()).SendPendingAsync(Noon(2026, 12, 3));
        var culture = new Department("Kultur", "kultur@example.test");
        db.Departments.Add(culture);
        await db.SaveChangesAsync();
        await new ItemCommunication(db).SetAudienceAsync(bench.Secretary, bench.ItemId(bench.Wellbeing), [bench.Hr, culture.Id]);
        var workflow = new MeetingWorkflow(db);
        var item = (await workflow.LoadAsync(bench.MeetingId)).Item(bench.Wellbeing);
        await workflow.RecordDecisionAsync(bench.MeetingId, bench.Wellbeing, new Decision(RichText.FromParagraphs("Målingen gentages næste år."), DecisionOutcome.Noted), item.Revision);

        await workflow.PublishMinutesAsync(bench.MeetingId, "Sekretær");
        var run = await Digests(db, smtp.Port, new LogBook()).SendPendingAsync(Noon(2026, 12, 4));

        Assert.Equal(1, run.Sent);
        var mails = await smtp.WaitForAsync(4, TimeSpan.FromMilliseconds(500));
        Assert.Equal(["hr@example.test", "kultur@example.test", "oekonomi@example.test"], mails.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
    }

    private static string Lines(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>
    /// Testforum on 2026-12-03 with three decided items: the budget (Økonomi and HR), a closed item
    /// carrying the marker (Økonomi) and the wellbeing survey (HR).
    /// </summary>
    private sealed record Bench(int MeetingId, IReadOnlyDictionary<int, int> ItemIds, int Budget, int Closed, int Wellbeing, int Economy, int Hr, UserAccess Secretary)
    {
        public int ItemId(int number) => ItemIds[number];

        public static async Task<Bench> SeedAsync(DagsordenDbContext db)
        {
            var forum = new Forum("TF", "Testforum");
            db.Forums.Add(forum);
            var economy = new Department("Økonomi", "oekonomi@example.test");
            var hr = new Department("HR", "hr@example.test");
            db.Departments.AddRange(economy, hr);
            await db.SaveChangesAsync();

            var workflow = new MeetingWorkflow(db);
            var meeting = await workflow.PlanAsync(forum.Id, Date, new TimeOnly(9, 0), "Mødelokale 1");
            await WorkflowFixture.PlaceAsync(db, meeting.Id, Builders.OpenItem("Budget 2027", "00.01.00-A00-5-26"));
            await WorkflowFixture.PlaceAsync(db, meeting.Id, Builders.ClosedItem(Marker, "00.01.00-A00-96-26"));
            await WorkflowFixture.PlaceAsync(db, meeting.Id, Builders.OpenItem("Trivselsmåling"));
            await workflow.PublishAgendaAsync(meeting.Id, "Sekretær");

            var loaded = await workflow.LoadAsync(meeting.Id);
            int Number(Func<AgendaItem, bool> which) => loaded.Items.Single(which).Number;
            var budget = Number(i => i.Title == "Budget 2027");
            var closed = Number(i => i.IsClosed);
            var wellbeing = Number(i => i.Title == "Trivselsmåling");
            var secretary = new UserAccess("sekretaer", "Sekretær", false, false, new Dictionary<int, ForumRole> { [forum.Id] = ForumRole.Secretary });
            var bench = new Bench(meeting.Id, loaded.Items.ToDictionary(i => i.Number, i => i.Id), budget, closed, wellbeing, economy.Id, hr.Id, secretary);

            var communication = new ItemCommunication(db);
            await communication.SetAudienceAsync(secretary, bench.ItemId(budget), [economy.Id, hr.Id]);
            await communication.SetAudienceAsync(secretary, bench.ItemId(closed), [economy.Id]);
            await communication.SetAudienceAsync(secretary, bench.ItemId(wellbeing), [hr.Id]);

            await DecideAsync(db, meeting.Id, budget, "Budgettet blev godkendt.", DecisionOutcome.Approved);
            await DecideAsync(db, meeting.Id, closed, $"Beslutning {Marker}", DecisionOutcome.Approved);
            await DecideAsync(db, meeting.Id, wellbeing, "Målingen blev taget til efterretning.", DecisionOutcome.Noted);
            foreach (var other in loaded.Items.Where(i => i.Number != budget && i.Number != closed && i.Number != wellbeing))
                await DecideAsync(db, meeting.Id, other.Number, "Godkendt.", DecisionOutcome.Approved);
            return bench;
        }

        public Task PublishMinutesAsync(DagsordenDbContext db) => new MeetingWorkflow(db).PublishMinutesAsync(MeetingId, "Sekretær");

        private static async Task DecideAsync(DagsordenDbContext db, int meetingId, int number, string text, DecisionOutcome outcome)
        {
            var workflow = new MeetingWorkflow(db);
            var item = (await workflow.LoadAsync(meetingId)).Item(number);
            await workflow.RecordDecisionAsync(meetingId, number, new Decision(RichText.FromParagraphs(text), outcome), item.Revision);
        }
    }
}
