using System.Net;
using Dagsorden.Cli;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Demo;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Accounts;

/// <summary>dagsorden demo: the sample minutes, one account per role, a planned meeting and a queued item; running it again changes nothing.</summary>
public sealed class DemoDataTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunningTheDemoTwiceGivesTheSameDatabase(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var first = await DemoAsync(database);
        var afterFirst = await CountsAsync(database);
        var second = await DemoAsync(database);
        var afterSecond = await CountsAsync(database);

        Assert.True(first.ExitCode == CliApp.Success, first.Error);
        Assert.True(second.ExitCode == CliApp.Success, second.Error);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal("forums 1, meetings 4, users 5, roles 2, memberships 2, drafts 1", afterFirst);
        Assert.Contains("CF_2025-03-06_referat.txt: CF:2025-03-06 9 items (imported)", first.Output, StringComparison.Ordinal);
        Assert.Contains("CF_2025-03-06_referat.txt: imported before, left as it is", second.Output, StringComparison.Ordinal);
        Assert.Contains("(planned now)", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("(planned now)", second.Output, StringComparison.Ordinal);
        Assert.Contains($"Demo accounts, all with the password {DemoData.Password}:", second.Output, StringComparison.Ordinal);
        foreach (var user in DemoData.Users)
        {
            Assert.Contains($"  {user.Email}", first.Output, StringComparison.Ordinal);
            Assert.EndsWith(".example", user.Email, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoUsersSignInAndSeeWhatTheirRoleAllows(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoAsync(database);
        await using var app = new TestApp(database);

        using var admin = await app.SignInAsync("admin@" + DemoData.Domain, DemoData.Password);
        using var author = await app.SignInAsync("forfatter@" + DemoData.Domain, DemoData.Password);
        using var employee = await app.SignInAsync("medarbejder@" + DemoData.Domain, DemoData.Password);
        using var member = await app.SignInAsync("medlem@" + DemoData.Domain, DemoData.Password);
        using var secretary = await app.SignInAsync("sekretaer@" + DemoData.Domain, DemoData.Password);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
        Assert.Contains("href=\"/punkter\"", await author.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("<span class=\"site-user\">Mads Medarbejder</span>", await employee.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/admin")).StatusCode);
        Assert.Contains("href=\"/sekretariat\"", await secretary.GetStringAsync("/"), StringComparison.Ordinal);
        var desk = WebUtility.HtmlDecode(await secretary.GetStringAsync("/sekretariat"));
        Assert.Contains(DemoData.DraftTitle, desk, StringComparison.Ordinal);
        var members = await admin.GetStringAsync("/admin/forummer/cf");
        Assert.Contains("<td>medlem@" + DemoData.Domain + "</td>", members, StringComparison.Ordinal);
        Assert.Contains("<td>sekretaer@" + DemoData.Domain + "</td>", members, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoPlansAFutureMeetingAndQueuesASubmittedItem()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        await DemoAsync(database);

        await using var db = await database.OpenAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var planned = await db.Meetings.Include(m => m.Items).SingleAsync(m => m.Status == MeetingStatus.Planned);
        Assert.True(planned.Date > today.AddDays(13), $"{planned.Date} is at least two weeks ahead.");
        Assert.Equal(DayOfWeek.Thursday, planned.Date.DayOfWeek);
        Assert.Equal(new TimeOnly(9, 0), planned.StartTime);
        Assert.Equal(2, planned.Items.Count);
        var draft = await db.ItemDrafts.SingleAsync();
        Assert.Equal((DraftStatus.Submitted, DemoData.DraftTitle, "Frida Forfatter"), (draft.Status, draft.Content.Title, draft.AuthorName));
        Assert.Equal("Sekretariatet", draft.Content.Recommendation?.Proposer);
        Assert.Equal(2, draft.Content.Recommendation?.ClauseTexts.Count);
    }

    [Fact]
    public async Task DemoRestoresAChangedDemoPasswordAndRole()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await DemoAsync(database);
        await using (var db = await database.OpenAsync())
        {
            await db.ForumMemberships.ExecuteDeleteAsync();
            await db.UserRoles.ExecuteDeleteAsync();
            await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, (string?)null).SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1)));
        }

        await DemoAsync(database);

        Assert.Equal("forums 1, meetings 4, users 5, roles 2, memberships 2, drafts 1", await CountsAsync(database));
        await using var app = new TestApp(database);
        using var admin = await app.SignInAsync("admin@" + DemoData.Domain, DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
    }

    [Theory]
    [InlineData(new[] { "demo", "findes-ikke" }, "error: the folder 'findes-ikke' does not exist.")]
    [InlineData(new[] { "demo", "a", "b" }, "error: demo takes at most one folder of sample minutes: demo [FOLDER].")]
    [InlineData(new[] { "demo", "--public" }, "error: 'demo' does not take --public.")]
    public async Task BadDemoCommandIsAUsageErrorAndChangesNothing(string[] arguments, string message)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var run = await CliRunner.RunAsync(database.Directory, arguments);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(database.Directory, "data", "dagsorden.db")), "No database is created.");
    }

    private static Task<CliRun> DemoAsync(TestDatabase database)
    {
        var storage = database.Options.Provider == StorageProvider.Sqlite
            ? new[] { "--db", Path.Combine(database.Directory, "data", "dagsorden.db") }
            : ["--connection", database.Options.ConnectionString];
        return CliRunner.RunAsync(database.Directory, [.. storage, "demo", Repository.Samples]);
    }

    private static async Task<string> CountsAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        return $"forums {await db.Forums.CountAsync()}, meetings {await db.Meetings.CountAsync()}, users {await db.Users.CountAsync()}, "
            + $"roles {await db.UserRoles.CountAsync()}, memberships {await db.ForumMemberships.CountAsync()}, drafts {await db.ItemDrafts.CountAsync()}";
    }
}
