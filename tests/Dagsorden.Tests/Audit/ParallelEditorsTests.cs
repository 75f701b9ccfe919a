using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Dagsorden.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Audit;

/// <summary>
/// Twenty secretaries work on one meeting at the same moment through the real web app. Each reads
/// their page, then all post at once with the revisions they read. Whatever the server accepted is
/// in the database and in the audit trail under the right name; whatever it refused was reported to
/// that editor in Danish and left no trace.
/// </summary>
public sealed partial class ParallelEditorsTests
{
    private const int Editors = 20;
    private const int Rounds = 3;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwentyConcurrentEditorsLoseNothingAndEveryRefusalIsReported(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var meetingId = await SeedAsync(database);
        await using var app = new TestApp(database);
        var editors = new List<(string Name, HttpClient Client)>();
        for (var i = 0; i < Editors; i++)
        {
            var name = $"redaktoer{i:00}";
            editors.Add((name, await app.SignInAsNewUserAsync(name + "@example.test", null, ("TF", ForumRole.Secretary))));
        }

        var builder = $"/sekretariat/moeder/{meetingId}";
        var minutes = builder + "/moedet";
        var outcomes = new List<Outcome>();
        for (var round = 0; round < Rounds; round++)
        {
            // Everyone reads first, so that they all act on the same revisions, as colleagues with the page open do.
            var plans = await Task.WhenAll(editors.Select(async (editor, i) =>
            {
                var kind = (i + round) % 4;
                var page = await editor.Client.GetStringAsync(kind == 0 ? minutes : builder);
                var number = 2 + (i + round) % 3;
                return kind switch
                {
                    0 => new Plan(editor.Name, "Decision", minutes + "?handler=Decision", minutes, new()
                    {
                        ["nummer"] = Text(number),
                        ["udfald"] = "Approved",
                        ["beslutning"] = $"Besluttet af {editor.Name} i runde {round}.",
                        ["revision"] = ItemRevision(page, number),
                    }),
                    1 => new Plan(editor.Name, "ToFollow", builder + "?handler=ToFollow", builder, new()
                    {
                        ["nummer"] = Text(number),
                        ["eftersendes"] = Toggle(page, number),
                        ["revision"] = MeetingRevision(page),
                    }),
                    2 => new Plan(editor.Name, "Move", builder + "?handler=Move", builder, new()
                    {
                        ["nummer"] = Text(number),
                        ["til"] = Text(number == 4 ? 2 : number + 1),
                        ["revision"] = MeetingRevision(page),
                    }),
                    _ => new Plan(editor.Name, "Publish", builder + "?handler=Publish", builder, new() { ["revision"] = MeetingRevision(page) }),
                };
            }));

            var start = new TaskCompletionSource();
            var posts = plans.Select(async plan =>
            {
                await start.Task;
                var client = editors.Single(e => e.Name == plan.Editor).Client;
                var response = await TestApp.PostFormAsync(client, plan.Url, plan.Fields, plan.FormPage);
                return new Outcome(plan, response.StatusCode, await response.Content.ReadAsStringAsync());
            }).ToList();
            start.SetResult();
            outcomes.AddRange(await Task.WhenAll(posts));
        }

        var accepted = outcomes.Where(o => o.Status == HttpStatusCode.Redirect).ToList();
        var refused = outcomes.Except(accepted).ToList();
        Assert.All(refused, o =>
        {
            Assert.True(o.Status is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"{o.Plan.Editor} {o.Plan.Action}: {(int)o.Status}");
            Assert.Contains("Ændringen blev ikke gemt", o.Body, StringComparison.Ordinal);
            if (o.Status == HttpStatusCode.Conflict)
                Assert.Matches("ændret af en anden|En anden gemte", o.Body);
        });
        Assert.NotEmpty(accepted);
        Assert.Contains(refused, o => o.Status == HttpStatusCode.Conflict);

        await using var db = await database.OpenAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.MeetingId == meetingId && e.ActorId != null).OrderBy(e => e.Id).ToListAsync();

        // Each round, each editor made at most one change: an editor's entries are that change.
        foreach (var group in outcomes.GroupBy(o => o.Plan.Editor))
        {
            var theirs = entries.Where(e => users[e.ActorId!] == group.Key).ToList();
            foreach (var outcome in group.Where(o => o.Status == HttpStatusCode.Redirect))
            {
                Assert.True(outcome.Plan.Action switch
                {
                    "Decision" => theirs.Any(e => e.Field == "DecisionText" && e.NewValue == outcome.Plan.Fields["beslutning"]),
                    "ToFollow" => theirs.Any(e => e.Field == "IsToFollow"),
                    "Move" => theirs.Any(e => e.Field == "Number"),
                    _ => theirs.Any(e => e is { EntityType: "MeetingVersion", Field: "PublishedBy" } && e.NewValue == group.Key),
                }, $"{group.Key}'s accepted {outcome.Plan.Action} is not in the audit trail.");
            }

            Assert.All(group.Where(o => o.Status != HttpStatusCode.Redirect && o.Plan.Action == "Decision"), o =>
                Assert.DoesNotContain(theirs, e => e.NewValue == o.Plan.Fields["beslutning"]));
            if (group.All(o => o.Status != HttpStatusCode.Redirect))
                Assert.Empty(theirs);
        }

        // The database holds exactly what the trail says was last written: nothing lost, nothing unrecorded.
        var items = await db.Items.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync();
        var all = await db.AuditEntries.AsNoTracking().Where(e => e.MeetingId == meetingId && e.EntityType == "AgendaItem").OrderBy(e => e.Id).ToListAsync();
        foreach (var item in items)
        {
            string? Last(string field) => all.LastOrDefault(e => e.ItemId == item.Id && e.Field == field)?.NewValue;
            Assert.Equal(Last("Number"), Text(item.Number));
            Assert.Equal(Last("IsToFollow"), item.IsToFollow ? "ja" : "nej");
            Assert.Equal(Last("DecisionText"), item.DecisionText?.ToPlainText());
        }

        Assert.Equal(
            accepted.Count(o => o.Plan.Action == "Publish"),
            await db.MeetingVersions.CountAsync(v => v.MeetingId == meetingId && v.PublishedBy.StartsWith("redaktoer")));
        Assert.Equal([1, 2, 3, 4, 5], items.Select(i => i.Number).Order());
    }

    /// <summary>TF's meeting with three placed items between item 1 and Evt., its agenda published once.</summary>
    private static async Task<int> SeedAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var forum = new Forum("TF", "Testforum");
        db.Forums.Add(forum);
        await db.SaveChangesAsync();
        var workflow = new MeetingWorkflow(db);
        var meeting = await workflow.PlanAsync(forum.Id, new DateOnly(2026, 9, 3), new TimeOnly(9, 0), "Mødelokale 1");
        foreach (var title in new[] { "Budget", "Sygefravær", "Kantine" })
            await WorkflowFixture.PlaceAsync(db, meeting.Id, Builders.OpenItem(title));
        await workflow.PublishAgendaAsync(meeting.Id, "Sekretariatet");
        return meeting.Id;
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string MeetingRevision(string page) => Revision().Match(page) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The page shows no revision.");

    private static string ItemRevision(string page, int number) =>
        Regex.Match(page, $"name=\"nummer\" value=\"{number}\">\\s*<input type=\"hidden\" name=\"revision\" value=\"(\\d+)\"") is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"The minutes page shows no decision form for item {number}.");

    // The value the item's button posts: the opposite of what the editor sees, so an accepted toggle is a real change.
    private static string Toggle(string page, int number) =>
        Regex.Match(page, $"name=\"nummer\" value=\"{number}\">\\s*<input type=\"hidden\" name=\"eftersendes\" value=\"(true|false)\"") is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"The agenda page shows no »eftersendes« button for item {number}.");

    [GeneratedRegex("name=\"revision\" value=\"(\\d+)\"")]
    private static partial Regex Revision();

    private sealed record Plan(string Editor, string Action, string Url, string FormPage, Dictionary<string, string> Fields);

    private sealed record Outcome(Plan Plan, HttpStatusCode Status, string Body);
}
