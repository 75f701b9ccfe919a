using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Items;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Dagsorden.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Security;

/// <summary>
/// Every role against every page and every state-changing action: what a role may open, and what it
/// must be refused — a redirect to the sign-in page when anonymous, 403 when signed in without the
/// right — with the database unchanged by every refused action.
/// </summary>
public sealed class PermissionMatrixTests
{
    private const string Anonymous = "anonym";
    private const string Employee = "medarbejder";
    private const string Author = "forfatter";
    private const string Member = "medlem TF";
    private const string Secretary = "sekretær TF";
    private const string OtherSecretary = "sekretær AF";
    private const string Administrator = "administrator";

    private static readonly string[] Everyone = [Anonymous, Employee, Author, Member, Secretary, OtherSecretary, Administrator];

    [Fact]
    public async Task EveryRoleOpensExactlyThePagesItMayAndIsRefusedTheRest()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var fixture = await WorkflowFixture.SeedAsync(database);
        await using var app = new TestApp(database);
        var clients = await ClientsAsync(app);
        var draftId = await DraftAsync(database, app);
        var failures = new List<string>();

        foreach (var (url, allowed) in Pages(fixture, draftId))
        {
            foreach (var role in Everyone)
            {
                var response = await clients[role].GetAsync(url);
                var expected = allowed.Contains(role) ? "200" : role == Anonymous ? "sign-in" : "403";
                var actual = Describe(response);
                if (actual != expected)
                    failures.Add($"GET {url} as {role}: expected {expected}, got {actual}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task EveryStateChangingActionIsRefusedToTheRolesThatMayNotAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var fixture = await WorkflowFixture.SeedAsync(database);
        await using var app = new TestApp(database);
        var clients = await ClientsAsync(app);
        var draftId = await DraftAsync(database, app);
        var before = await StateAsync(database);
        var failures = new List<string>();
        var refusals = 0;

        foreach (var (url, fields, allowed) in Actions(fixture, draftId))
        {
            foreach (var role in Everyone.Where(r => !allowed.Contains(r)))
            {
                var formPage = role == Anonymous ? "/konto/log-ind" : "/";
                var response = await TestApp.PostFormAsync(clients[role], url, fields, formPage);
                var expected = role == Anonymous ? "sign-in" : "403";
                var actual = Describe(response);
                refusals++;
                if (actual != expected)
                    failures.Add($"POST {url} as {role}: expected {expected}, got {actual}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(refusals > 100, $"Only {refusals} refusals were tried.");
        Assert.Equal(before, await StateAsync(database));
    }

    [Fact]
    public async Task APostWithoutAnAntiforgeryTokenIsRefusedEvenForTheRightRole()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var fixture = await WorkflowFixture.SeedAsync(database);
        await using var app = new TestApp(database);
        var clients = await ClientsAsync(app);
        var draftId = await DraftAsync(database, app);
        var before = await StateAsync(database);

        foreach (var (url, fields, allowed) in Actions(fixture, draftId))
        {
            var response = await clients[allowed[0]].PostAsync(url, new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} as {allowed[0]} without a token: {response.StatusCode}");
        }

        Assert.Equal(before, await StateAsync(database));
    }

    private static IEnumerable<(string Url, string[] Allowed)> Pages(WorkflowFixture fixture, int draftId)
    {
        var published = "/tf/" + WorkflowFixture.Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var url in new[] { "/", "/tf", published, published + "/punkt/2", published + "/udgave/1", "/soeg?q=budget", "/tf/moeder.ics", "/tf/dokumenter.atom", "/oparl/v1/system" })
            yield return (url, Everyone);
        yield return ("/punkter", [Author, Secretary, OtherSecretary]);
        yield return ("/punkter/nyt", [Author, Secretary, OtherSecretary]);
        yield return ($"/punkter/{draftId}", [Author, Secretary]);
        yield return ("/sekretariat", [Secretary, OtherSecretary]);
        foreach (var meeting in new[] { fixture.PlannedId, fixture.PublishedId })
        {
            yield return ($"/sekretariat/moeder/{meeting}", [Secretary]);
            yield return ($"/sekretariat/moeder/{meeting}/moedet", [Secretary]);
            yield return ($"/sekretariat/moeder/{meeting}/punkt/2/rediger", [Secretary]);
            yield return ($"/sekretariat/moeder/{meeting}/forslag", [Secretary]);
            yield return ($"/sekretariat/moeder/{meeting}/log", [Secretary, Administrator]);
            yield return ($"/sekretariat/moeder/{meeting}/punkt/2/log", [Secretary, Administrator]);
        }

        foreach (var url in new[] { "/admin", "/admin/forummer", "/admin/forummer/TF", "/admin/forummer/TF/aarshjul", "/admin/brugere", "/admin/log", "/admin/afdelinger" })
            yield return (url, [Administrator]);
        yield return ("/sekretariat/tf/opfoelgning", [Secretary, Administrator]);
        yield return ($"/sekretariat/tf/opfoelgning/{fixture.FollowUpId}", [Secretary, Administrator]);
        yield return ("/forum/tf/overblik", [Member, Secretary, Administrator]);
    }

    private static IEnumerable<(string Url, Dictionary<string, string> Fields, string[] Allowed)> Actions(WorkflowFixture fixture, int draftId)
    {
        var planned = $"/sekretariat/moeder/{fixture.PlannedId}";
        var published = "/tf/" + WorkflowFixture.Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

        yield return ("/punkter/nyt", Fields(("Title", "Indbrud"), ("ForumId", "1")), [Author, Secretary, OtherSecretary]);
        yield return ($"/punkter/{draftId}", Fields(("Form.Title", "Overtaget"), ("handling", "indsend")), [Author, Secretary]);
        yield return ("/sekretariat?handler=Plan", Fields(("forum", "TF"), ("dato", "2026-12-03")), [Secretary, OtherSecretary]);
        foreach (var handler in new[] { "Move", "Place", "Publish", "Remove", "ToFollow" })
            yield return ($"{planned}?handler={handler}", Fields(("nummer", "2"), ("til", "3"), ("kladde", draftId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("revision", "0")), [Secretary]);
        foreach (var handler in new[] { "Attendance", "Decision", "Publish" })
            yield return ($"/sekretariat/moeder/{fixture.PublishedId}/moedet?handler={handler}", Fields(("nummer", "2"), ("udfald", "Approved"), ("revision", "0")), [Secretary]);
        yield return ($"{planned}/punkt/2/rediger", Fields(("Form.Title", "Overtaget"), ("Revision", "0")), [Secretary]);
        foreach (var handler in new[] { "Accept", "Dismiss" })
            yield return ($"/sekretariat/moeder/{fixture.PublishedId}/forslag?handler={handler}", Fields(("forslag", "1"), ("tekst", "Indbrud"), ("ansvarlig", "Indbrud"), ("frist", "2026-12-03")), [Secretary]);
        yield return ($"{planned}/punkt/2/rediger?handler=Navne", Fields(("navne", "Indbrud"), ("navne-revision", "0")), [Secretary]);
        yield return ($"{planned}/punkt/2/rediger?handler=Communication", Fields(("afdeling", "1")), [Secretary]);
        yield return ($"{published}/punkt/2", Fields(("note", "Fremmed note")), [Member, Secretary]);
        yield return ("/admin/forummer", Fields(("Code", "XX"), ("Name", "Indbrud")), [Administrator]);
        foreach (var handler in new[] { "Save", "AddMember", "ChangeRole", "RemoveMember" })
            yield return ($"/admin/forummer/TF?handler={handler}", Fields(("Name", "Indbrud"), ("email", "ansat@example.test"), ("role", "Secretary")), [Administrator]);
        yield return ("/admin/forummer/TF/aarshjul", Fields(("First", "2027-01-07"), ("Weeks", "2"), ("Until", "2027-06-30")), [Administrator]);
        foreach (var handler in new[] { "Create", "Roles", "Unlock" })
            yield return ($"/admin/brugere?handler={handler}", Fields(("Email", "ny@example.test"), ("Password", "en-lang-adgangskode-1")), [Administrator]);
        var followUp = Fields(("tekst", "Indbrud"), ("ansvarlig", "Indbrud"), ("frist", "2099-01-01"), ("revision", "0"));
        yield return ("/sekretariat/tf/opfoelgning", followUp, [Secretary, Administrator]);
        foreach (var handler in new[] { "", "?handler=Done", "?handler=Cancel", "?handler=Reopen" })
            yield return ($"/sekretariat/tf/opfoelgning/{fixture.FollowUpId}{handler}", followUp, [Secretary, Administrator]);
        yield return ($"{planned}?handler=FollowUp", Fields(("opfoelgning", fixture.FollowUpId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("version", "0")), [Secretary]);
        foreach (var handler in new[] { "Create", "Save" })
            yield return ($"/admin/afdelinger?handler={handler}", Fields(("id", "1"), ("navn", "Indbrud"), ("email", "indbrud@example.test")), [Administrator]);
    }

    private static string Describe(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => "200",
        HttpStatusCode.Forbidden => "403",
        HttpStatusCode.Redirect or HttpStatusCode.Found when response.Headers.Location?.OriginalString.Contains("/konto/log-ind", StringComparison.Ordinal) == true => "sign-in",
        var other => $"{(int)other} {response.Headers.Location}",
    };

    private static async Task<Dictionary<string, HttpClient>> ClientsAsync(TestApp app) => new()
    {
        [Anonymous] = app.CreateBrowserClient(),
        [Employee] = await app.SignInAsNewUserAsync("ansat@example.test"),
        [Author] = await app.SignInAsNewUserAsync("forfatter@example.test", SystemRoles.Author),
        [Member] = await app.SignInAsNewUserAsync("medlem@example.test", null, ("TF", ForumRole.Member)),
        [Secretary] = await app.SignInAsNewUserAsync("sekretaer@example.test", null, ("TF", ForumRole.Secretary)),
        [OtherSecretary] = await app.SignInAsNewUserAsync("andet@example.test", null, ("AF", ForumRole.Secretary)),
        [Administrator] = await app.SignInAsNewUserAsync("admin@example.test", SystemRoles.Administrator),
    };

    /// <summary>A draft written by the author, submitted to TF.</summary>
    private static async Task<int> DraftAsync(TestDatabase database, TestApp app)
    {
        await using var db = await database.OpenAsync();
        var authorId = await db.Users.Where(u => u.Email == "forfatter@example.test").Select(u => u.Id).SingleAsync();
        var draft = new ItemDraft(await db.Forums.SingleAsync(f => f.Code == "TF"), authorId, "forfatter", Builders.OpenItem("Forfatterens punkt"));
        db.ItemDrafts.Add(draft);
        await db.SaveChangesAsync();
        draft.Submit(DateTime.UtcNow);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    /// <summary>Everything a refused action could have changed, as one comparable string.</summary>
    private static async Task<string> StateAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var meetings = await db.Meetings.OrderBy(m => m.Id).Select(m => m.Id + ":" + m.Revision + ":" + m.Status).ToListAsync();
        var items = await db.Items.OrderBy(i => i.Id).Select(i => i.Id + ":" + i.Revision + ":" + i.Number + ":" + i.Title).ToListAsync();
        var drafts = await db.ItemDrafts.OrderBy(d => d.Id).Select(d => d.Id + ":" + d.Revision + ":" + d.Status).ToListAsync();
        var forums = await db.Forums.OrderBy(f => f.Id).Select(f => f.Code + ":" + f.Name).ToListAsync();
        var members = await db.ForumMemberships.OrderBy(m => m.Id).Select(m => m.UserId + ":" + m.ForumId + ":" + m.Role).ToListAsync();
        var users = await db.Users.OrderBy(u => u.Email).Select(u => u.Email + ":" + u.SecurityStamp).ToListAsync();
        var roles = await db.UserRoles.CountAsync();
        var departments = await db.Departments.OrderBy(d => d.Id).Select(d => "department " + d.Id + ":" + d.Name + ":" + d.Email).ToListAsync();
        var audiences = await db.ItemAudiences.OrderBy(a => a.Id).Select(a => "audience " + a.ItemId + ":" + a.DepartmentId).ToListAsync();
        return string.Join('\n', meetings.Concat(items).Concat(drafts).Concat(forums).Concat(members).Concat(users).Concat(departments).Concat(audiences)) +
            $"\nroles {roles}, notes {await db.ItemNotes.CountAsync()}, versions {await db.MeetingVersions.CountAsync()}" +
            $", pending suggestions {await db.FollowUpSuggestions.CountAsync(s => s.Status == Core.FollowUps.SuggestionStatus.Pending)}\n" +
            string.Join('\n', await db.FollowUps.OrderBy(f => f.Id).Select(f => f.Id + ":" + f.Revision + ":" + f.Status + ":" + f.Text).ToListAsync());
    }
}
