using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Dagsorden.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Audit;

/// <summary>The log pages, and what the web app records on its own: the user behind a change, and sign-ins.</summary>
public sealed class AuditLogPageTests
{
    [Fact]
    public async Task AChangeMadeInTheSecretariatIsLoggedUnderTheSecretarysNameOnTheMeetingAndItemLog()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var fixture = await WorkflowFixture.SeedAsync(database);
        await using var app = new TestApp(database);
        using var secretary = await app.SignInAsNewUserAsync("hansen@example.test", null, ("TF", ForumRole.Secretary));
        var builder = $"/sekretariat/moeder/{fixture.PlannedId}";

        var response = await TestApp.PostFormAsync(secretary, builder + "?handler=ToFollow",
            new() { ["nummer"] = "2", ["eftersendes"] = "true", ["revision"] = (await RevisionAsync(database, fixture.PlannedId)).ToString(CultureInfo.InvariantCulture) }, builder);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var meetingLog = await secretary.GetStringAsync(builder + "/log");
        var itemLog = await secretary.GetStringAsync(builder + "/punkt/2/log");
        foreach (var log in new[] { meetingLog, itemLog })
        {
            Assert.Contains("<th scope=\"col\">Tidspunkt</th>", log, StringComparison.Ordinal);
            Assert.Matches(@"<td>hansen</td>\s*<td>Ændret punkt \d+</td>\s*<td>Eftersendes</td>\s*<td class=""audit-value"">\s*nej\s*</td>\s*<td class=""audit-value"">\s*ja\s*</td>", log);
        }

        Assert.Contains("Plan " + WorkflowFixture.PlanMarker, meetingLog, StringComparison.Ordinal);
        var builderPage = await secretary.GetStringAsync(builder);
        Assert.Contains($"href=\"{builder}/log\"", builderPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"{builder}/punkt/2/log\"", builderPage, StringComparison.Ordinal);
        await using var db = await database.OpenAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.Field == "IsToFollow" && e.Action == AuditActions.Modified);
        Assert.Equal((await db.Users.Where(u => u.Email == "hansen@example.test").Select(u => u.Id).SingleAsync(), "hansen"), (entry.ActorId, entry.Actor));
    }

    [Fact]
    public async Task LongValuesAreShortenedWithTheWholeTextOneClickAway()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var fixture = await WorkflowFixture.SeedAsync(database);
        await using var app = new TestApp(database);
        using var admin = await app.SignInAsNewUserAsync("admin@example.test", SystemRoles.Administrator);
        var whole = string.Join(' ', Enumerable.Repeat("Budgettet for året er lagt.", 12)) + " <script>alert(1)</script> SLUT-9Q";
        await using (var db = await database.OpenAsync())
        {
            db.AuditEntries.Add(new AuditEntry(DateTime.UtcNow, null, "System", AuditActions.Modified, "Meeting", fixture.PlannedId.ToString(CultureInfo.InvariantCulture),
                fixture.PlannedId, null, "HeaderNotes", null, whole));
            await db.SaveChangesAsync();
        }

        var log = await admin.GetStringAsync($"/sekretariat/moeder/{fixture.PlannedId}/log");

        Assert.Matches(@"<details>\s*<summary>Budgettet for året er lagt\.[^<]{50,130}…</summary>\s*<div class=""audit-whole"">Budgettet[^<]*&lt;script&gt;alert\(1\)&lt;/script&gt; SLUT-9Q</div>", log);
        Assert.DoesNotContain("<script>alert", log, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sekretariat/moeder/999999/log")]
    [InlineData("/sekretariat/moeder/{0}/punkt/99/log")]
    [InlineData("/sekretariat/moeder/{0}/punkt/-1/log")]
    [InlineData("/sekretariat/moeder/abc/log")]
    [InlineData("/sekretariat/moeder/{0}/punkt/1%27%20OR%201=1/log")]
    public async Task ALogOfAMeetingOrItemThatDoesNotExistIsNotFound(string url)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var fixture = await WorkflowFixture.SeedAsync(database);
        await using var app = new TestApp(database);
        using var admin = await app.SignInAsNewUserAsync("admin@example.test", SystemRoles.Administrator);

        var response = await admin.GetAsync(string.Format(CultureInfo.InvariantCulture, url, fixture.PlannedId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SignInsFailuresLockoutsAndSignOutsAreLoggedWithoutPasswordsForTheAdministrator()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        var userId = await app.AddUserAsync("mette@example.test");
        using var stranger = app.CreateBrowserClient();
        await TestApp.PostFormAsync(stranger, "/konto/log-ind", new() { ["Email"] = "ukendt@example.test", ["Password"] = "HEMMELIG-1" });
        for (var i = 0; i < 5; i++)
            await TestApp.PostFormAsync(stranger, "/konto/log-ind", new() { ["Email"] = "mette@example.test", ["Password"] = "HEMMELIG-2" + i });
        using var admin = await app.SignInAsNewUserAsync("admin@example.test", SystemRoles.Administrator);
        using var other = await app.SignInAsNewUserAsync("ole@example.test");
        await TestApp.PostFormAsync(other, "/konto/log-ud", new(), "/");

        await using (var db = await database.OpenAsync())
        {
            var entries = await db.AuditEntries.Where(e => e.EntityType == AuditActions.SignInEntity).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(
                [
                    ("ukendt@example.test", "SignInFailed", null),
                    ("mette@example.test", "SignInFailed", userId), ("mette@example.test", "SignInFailed", userId), ("mette@example.test", "SignInFailed", userId),
                    ("mette@example.test", "SignInFailed", userId), ("mette@example.test", "LockedOut", userId),
                    ("admin@example.test", "SignIn", entries[6].ActorId), ("ole@example.test", "SignIn", entries[7].ActorId), ("ole@example.test", "SignOut", entries[7].ActorId),
                ],
                entries.Select(e => (e.Actor, e.Action, e.ActorId)));
            Assert.False(await db.AuditEntries.AnyAsync(e => (e.OldValue ?? "").Contains("HEMMELIG") || (e.NewValue ?? "").Contains("HEMMELIG")));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Field == "AccessFailedCount" && e.Actor == "mette@example.test" && e.NewValue == "(ændret)"));
        }

        var log = await admin.GetStringAsync("/admin/log");
        Assert.Matches(@"<td>mette@example.test</td>\s*<td>Konto låst</td>", log);
        Assert.Matches(@"<td>ukendt@example.test</td>\s*<td>Forkert e-mail eller adgangskode</td>", log);
        Assert.Matches(@"<td>ole@example.test</td>\s*<td>Logget ud</td>", log);
        Assert.DoesNotContain("HEMMELIG", log, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/log\"", await admin.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMeetingLogLongerThanAPageLinksToItsOlderEntriesAndBack()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var fixture = await WorkflowFixture.SeedAsync(database);
        await using var app = new TestApp(database);
        using var secretary = await app.SignInAsNewUserAsync("hansen@example.test", null, ("TF", ForumRole.Secretary));
        var log = $"/sekretariat/moeder/{fixture.PlannedId}/log";
        await AddEntriesAsync(database, fixture.PlannedId, AuditLog.PageSize + 5, "GAMMEL-7K");

        var first = await secretary.GetStringAsync(log);
        var older = Assert.Single(Regex.Matches(first, $@"<a href=""({Regex.Escape(log)}\?foer=\d+)"">Ældre poster")).Groups[1].Value;
        Assert.DoesNotContain("Nyeste poster", first, StringComparison.Ordinal);
        Assert.Contains("GAMMEL-7K " + (AuditLog.PageSize + 4), first, StringComparison.Ordinal);

        var second = await secretary.GetStringAsync(older);
        Assert.Contains("<caption>Ældre ændringer, nyeste først</caption>", second, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{log}\">Nyeste poster</a>", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Ældre poster", second, StringComparison.Ordinal);
        Assert.Contains("GAMMEL-7K 0<", second, StringComparison.Ordinal);
        Assert.DoesNotContain("GAMMEL-7K " + (AuditLog.PageSize + 4) + "<", second, StringComparison.Ordinal);

        // The meeting's own entries are the newest (recorded now), so they are on the first page only.
        Assert.Contains("Plan " + WorkflowFixture.PlanMarker, first, StringComparison.Ordinal);
        Assert.DoesNotContain("Plan " + WorkflowFixture.PlanMarker, second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", HttpStatusCode.BadRequest)]
    [InlineData("-1", HttpStatusCode.BadRequest)]
    [InlineData("1.5", HttpStatusCode.BadRequest)]
    [InlineData("1e3", HttpStatusCode.BadRequest)]
    [InlineData("%201", HttpStatusCode.BadRequest)]
    [InlineData("99999999999999999999", HttpStatusCode.BadRequest)]
    [InlineData("1%27%20OR%201=1", HttpStatusCode.BadRequest)]
    [InlineData("999999", HttpStatusCode.NotFound)]
    [InlineData("other", HttpStatusCode.NotFound)]
    public async Task APageOfALogAfterAnEntryThatIsNotANumberOrNotInTheLogIsRefused(string before, HttpStatusCode expected)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var fixture = await WorkflowFixture.SeedAsync(database);
        await using var app = new TestApp(database);
        using var secretary = await app.SignInAsNewUserAsync("hansen@example.test", null, ("TF", ForumRole.Secretary));
        using var admin = await app.SignInAsNewUserAsync("admin@example.test", SystemRoles.Administrator);
        using var member = await app.SignInAsNewUserAsync("jensen@example.test", null, ("TF", ForumRole.Member));
        await AddEntriesAsync(database, fixture.PlannedId + 1000, 1, "ANDET-MØDE");
        if (before == "other")
        {
            await using var db = await database.OpenAsync();
            before = (await db.AuditEntries.Where(a => a.MeetingId == fixture.PlannedId + 1000).Select(a => a.Id).SingleAsync()).ToString(CultureInfo.InvariantCulture);
        }

        var meeting = $"/sekretariat/moeder/{fixture.PlannedId}";
        foreach (var (client, url) in new[]
        {
            (secretary, $"{meeting}/log?foer={before}"),
            (secretary, $"{meeting}/punkt/1/log?foer={before}"),
            (admin, $"/admin/log?logins-foer={before}"),
            (admin, $"/admin/log?aendringer-foer={before}"),
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode}");
            Assert.DoesNotContain("ANDET-MØDE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Access is decided first: a member who may not read the log learns nothing from the parameter.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{meeting}/log?foer={before}")).StatusCode);
    }

    [Fact]
    public async Task TheAdministratorsLogPagesItsSignInsAndChangesEachOnItsOwn()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var admin = await app.SignInAsNewUserAsync("admin@example.test", SystemRoles.Administrator);
        await using (var db = await database.OpenAsync())
        {
            var start = new DateTime(2026, 1, 5, 7, 0, 0, DateTimeKind.Utc);
            db.AuditEntries.AddRange(Enumerable.Range(0, AuditLog.PageSize + 2).Select(i =>
                new AuditEntry(start.AddMinutes(i), null, $"person{i}@example.test", "SignIn", AuditActions.SignInEntity, "")));
            await db.SaveChangesAsync();
        }

        var first = await admin.GetStringAsync("/admin/log");
        var older = Assert.Single(Regex.Matches(first, @"<a href=""(/admin/log\?logins-foer=\d+)"">Ældre poster")).Groups[1].Value;
        Assert.DoesNotContain("aendringer-foer", first, StringComparison.Ordinal);
        Assert.Contains("<td>person1001@example.test</td>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>person1@example.test</td>", first, StringComparison.Ordinal);

        var second = await admin.GetStringAsync(older);
        Assert.Contains("<td>person1@example.test</td>", second, StringComparison.Ordinal);
        Assert.Contains("<td>person0@example.test</td>", second, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>person1001@example.test</td>", second, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/log\">Nyeste poster</a>", second, StringComparison.Ordinal);

        // The changes table still shows its newest page: the only way back is the sign-ins'.
        Assert.Contains("<caption>Ændringer, nyeste først</caption>", second, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(second, "Nyeste poster"));
    }

    private static async Task AddEntriesAsync(TestDatabase database, int meetingId, int count, string marker)
    {
        await using var db = await database.OpenAsync();
        var start = new DateTime(2020, 1, 6, 9, 0, 0, DateTimeKind.Utc);
        db.AuditEntries.AddRange(Enumerable.Range(0, count).Select(i => new AuditEntry(
            start.AddMinutes(i), null, "System", AuditActions.Modified, "Meeting", meetingId.ToString(CultureInfo.InvariantCulture), meetingId, null, "HeaderNotes", null, marker + " " + i)));
        await db.SaveChangesAsync();
    }

    private static async Task<int> RevisionAsync(TestDatabase database, int meetingId)
    {
        await using var db = await database.OpenAsync();
        return (await new MeetingWorkflow(db).LoadAsync(meetingId)).Revision;
    }
}
