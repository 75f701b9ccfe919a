using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Secretariat;

/// <summary>
/// The secretariat's test bench: a database with Chefforum (CF, meets 09:00 in Mødelokale 2) and
/// Direktørforum (DF), the app on it, and helpers that post the builder's forms as a browser would,
/// with the antiforgery token and the revision the page showed.
/// </summary>
internal sealed partial class Desk : IAsyncDisposable
{
    public const string SecretaryEmail = "sekretaer@example.test";

    private Desk(TestDatabase database, TestApp app)
    {
        Database = database;
        App = app;
    }

    public TestDatabase Database { get; }

    public TestApp App { get; }

    public static async Task<Desk> CreateAsync(StorageProvider provider = StorageProvider.Sqlite)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.OpenAsync())
        {
            var chefforum = new Forum("CF", "Chefforum");
            chefforum.Update("Chefforum", DocumentTemplate.Standard2016, "Mødelokale 2", new TimeOnly(9, 0));
            db.Forums.Add(chefforum);
            db.Forums.Add(new Forum("DF", "Direktørforum"));
            await db.SaveChangesAsync();
        }

        return new Desk(database, new TestApp(database));
    }

    public Task<HttpClient> SecretaryAsync(string email = SecretaryEmail, string forumCode = "CF") =>
        App.SignInAsNewUserAsync(email, null, (forumCode, ForumRole.Secretary));

    public async Task<int> ForumIdAsync(string code = "CF")
    {
        await using var db = await Database.OpenAsync();
        return await db.Forums.Where(f => f.Code == code).Select(f => f.Id).SingleAsync();
    }

    /// <summary>An author's item, submitted to the forum's queue.</summary>
    public async Task<int> SubmitDraftAsync(string title, string forumCode = "CF", bool closed = false, bool submit = true)
    {
        await using var db = await Database.OpenAsync();
        var forum = await db.Forums.SingleAsync(f => f.Code == forumCode);
        var content = Builders.OpenItem(title) with { ForumPrefix = forumCode, IsClosed = closed };
        var draft = new ItemDraft(forum, "forfatter-id", "Anna Forfatter", content);
        if (submit)
            draft.Submit(new DateTime(2026, 2, 20, 10, 0, 0, DateTimeKind.Utc));
        db.ItemDrafts.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    /// <summary>Plans a meeting through the "Nyt møde" form and returns its id.</summary>
    public async Task<int> PlanAsync(HttpClient client, string date, string forumCode = "CF")
    {
        var response = await PlanFormAsync(client, await ForumIdAsync(forumCode), date, "09:00", "Mødelokale 2");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = MeetingPath().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static Task<HttpResponseMessage> PlanFormAsync(HttpClient client, int forumId, string date, string time, string place) =>
        TestApp.PostFormAsync(client, "/sekretariat?handler=Plan", new()
        {
            ["forum"] = forumId.ToString(CultureInfo.InvariantCulture),
            ["dato"] = date,
            ["tid"] = time,
            ["sted"] = place,
        }, "/sekretariat");

    public static string BuilderPath(int meetingId) => "/sekretariat/moeder/" + meetingId.ToString(CultureInfo.InvariantCulture);

    public static string MinutesPath(int meetingId) => BuilderPath(meetingId) + "/moedet";

    /// <summary>Posts a builder form. The revision is the one the page shows unless <paramref name="fields"/> gives one.</summary>
    public static Task<HttpResponseMessage> BuilderPostAsync(HttpClient client, int meetingId, string handler, Dictionary<string, string>? fields = null) =>
        PostAsync(client, BuilderPath(meetingId), handler, fields, page => FirstRevision().Match(page).Groups[1].Value);

    /// <summary>Posts a form of the meeting page; a decision carries the item's revision, the others the meeting's.</summary>
    public static Task<HttpResponseMessage> MinutesPostAsync(HttpClient client, int meetingId, string handler, Dictionary<string, string>? fields = null) =>
        PostAsync(client, MinutesPath(meetingId), handler, fields, page =>
            handler == "Decision"
                ? Regex.Match(page, $"name=\"nummer\" value=\"{fields!["nummer"]}\">\\s*<input type=\"hidden\" name=\"revision\" value=\"(\\d+)\"").Groups[1].Value
                : FirstRevision().Match(page).Groups[1].Value);

    public static Task<HttpResponseMessage> MoveAsync(HttpClient client, int meetingId, int number, int to) =>
        BuilderPostAsync(client, meetingId, "Move", new() { ["nummer"] = Text(number), ["til"] = Text(to) });

    public static Task<HttpResponseMessage> PlaceAsync(HttpClient client, int meetingId, int draftId) =>
        BuilderPostAsync(client, meetingId, "Place", new() { ["kladde"] = Text(draftId) });

    public static Task<HttpResponseMessage> PublishAgendaAsync(HttpClient client, int meetingId) =>
        BuilderPostAsync(client, meetingId, "Publish");

    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, int meetingId, int number, string outcome, string text = "") =>
        MinutesPostAsync(client, meetingId, "Decision", new() { ["nummer"] = Text(number), ["udfald"] = outcome, ["beslutning"] = text });

    /// <summary>Records "Godkendt" on every item without a decision, then publishes the minutes.</summary>
    public static async Task DecideAllAndPublishMinutesAsync(Desk desk, HttpClient client, int meetingId)
    {
        var meeting = await desk.LoadAsync(meetingId);
        foreach (var item in meeting.Items.Where(i => i.Decision is null))
            AssertRedirect(await DecideAsync(client, meetingId, item.Number, "Approved"));
        AssertRedirect(await MinutesPostAsync(client, meetingId, "Publish"));
    }

    public async Task<Meeting> LoadAsync(int meetingId)
    {
        await using var db = await Database.OpenAsync();
        return await new MeetingWorkflow(db).LoadAsync(meetingId);
    }

    public async Task<IReadOnlyList<MeetingVersion>> VersionsAsync(int meetingId)
    {
        await using var db = await Database.OpenAsync();
        return await new MeetingWorkflow(db).VersionsAsync(meetingId);
    }

    public async Task<IReadOnlyList<DateOnly>> MeetingDatesAsync()
    {
        await using var db = await Database.OpenAsync();
        return await db.Meetings.OrderBy(m => m.Date).Select(m => m.Date).ToListAsync();
    }

    public async Task<ItemDraft> DraftAsync(int draftId)
    {
        await using var db = await Database.OpenAsync();
        return await db.ItemDrafts.AsNoTracking().SingleAsync(d => d.Id == draftId);
    }

    /// <summary>The item titles in agenda order, without the forum prefix.</summary>
    public async Task<IReadOnlyList<string>> TitlesAsync(int meetingId) =>
        (await LoadAsync(meetingId)).Items.Select(i => i.Title).ToList();

    public static void AssertRedirect(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            var error = ErrorBox().Match(body);
            Assert.Fail($"Expected a redirect, got {(int)response.StatusCode}: {(error.Success ? error.Value : body[..Math.Min(body.Length, 2000)])}");
        }
    }

    /// <summary>A client of a copy of the app with extra settings (e.g. SMTP), signed in through the real form.</summary>
    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await TestApp.PostFormAsync(client, "/konto/log-ind", new() { ["Email"] = email, ["Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    public static string Short(DateOnly date) => DanishDates.ShortDate(date);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string>? fields, Func<string, string> revisionOf)
    {
        var page = await client.GetStringAsync(path);
        // A read-only page has no form, so take the token from the overview: it is the same for the user.
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
            token = AntiforgeryToken().Match(await client.GetStringAsync("/sekretariat"));
        Assert.True(token.Success, $"Neither {path} nor /sekretariat has an antiforgery token.");
        var content = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        if (!content.ContainsKey("revision"))
            content["revision"] = revisionOf(page);
        return await client.PostAsync(path + "?handler=" + handler, new FormUrlEncodedContent(content));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"revision\" value=\"(\\d+)\"")]
    private static partial Regex FirstRevision();

    [GeneratedRegex(@"^/sekretariat/moeder/(\d+)$")]
    private static partial Regex MeetingPath();

    [GeneratedRegex("<div class=\"notice error\"[\\s\\S]*?</div>")]
    private static partial Regex ErrorBox();
}
