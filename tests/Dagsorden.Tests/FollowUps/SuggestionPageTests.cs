using System.Globalization;
using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.FollowUps;

/// <summary>The secretary's page of suggestions: accept into a follow-up, dismiss, and every field given bad values.</summary>
public sealed class SuggestionPageTests
{
    [Fact]
    public async Task TheSecretaryAcceptsASuggestionThroughThePrefilledFormAndIsWarnedOfAPastDueDate()
    {
        await using var bench = await Bench.CreateAsync();
        using var client = await bench.App.SignInAsNewUserAsync("sekretaer@example.test", null, ("TF", ForumRole.Secretary));
        var id = await bench.SuggestionIdAsync(SuggestionStorageTests.BackInOctober);

        var page = await client.GetStringAsync(bench.Path);
        Assert.Contains(SuggestionStorageTests.ToEconomy, page, StringComparison.Ordinal);
        Assert.Contains("22-10-2026", page, StringComparison.Ordinal);
        Assert.Contains("Økonomiudvalget", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Børneudvalget", page, StringComparison.Ordinal);

        var form = await client.GetStringAsync($"{bench.Path}?forslag={id}");
        Assert.Contains($"<textarea id=\"tekst-{id}\" name=\"tekst\" rows=\"3\">{SuggestionStorageTests.BackInOctober}</textarea>", form, StringComparison.Ordinal);
        Assert.Contains("name=\"frist\" type=\"date\" value=\"2026-10-22\"", form, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"ansvarlig-{id}\">", form, StringComparison.Ordinal);

        var response = await TestApp.PostFormAsync(client, bench.Path + "?handler=Accept", Fields(id, due: "2020-01-31"), bench.Path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Opfølgningen er oprettet. Bemærk: fristen 31-01-2020 er allerede overskredet", after, StringComparison.Ordinal);
        Assert.DoesNotContain(SuggestionStorageTests.BackInOctober, after, StringComparison.Ordinal);

        await using var db = await bench.Database.OpenAsync();
        var followUp = await db.FollowUps.AsNoTracking().SingleAsync();
        Assert.Equal("Økonomi og Stab", followUp.Responsible);
        Assert.Equal(new DateOnly(2020, 1, 31), followUp.DueDate);
        Assert.Equal(SuggestionStatus.Accepted, (await db.FollowUpSuggestions.AsNoTracking().SingleAsync(s => s.Id == id)).Status);
    }

    [Fact]
    public async Task TheSecretaryDismissesASuggestionAndItIsGoneFromThePage()
    {
        await using var bench = await Bench.CreateAsync();
        using var client = await bench.App.SignInAsNewUserAsync("sekretaer@example.test", null, ("TF", ForumRole.Secretary));
        var id = await bench.SuggestionIdAsync(SuggestionStorageTests.ToEconomy);

        var response = await TestApp.PostFormAsync(client, bench.Path + "?handler=Dismiss", new() { ["forslag"] = Text(id) }, bench.Path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetStringAsync(bench.Path);
        Assert.Contains("Forslaget er afvist.", after, StringComparison.Ordinal);
        Assert.DoesNotContain(SuggestionStorageTests.ToEconomy, after, StringComparison.Ordinal);
        await using var db = await bench.Database.OpenAsync();
        Assert.Equal(SuggestionStatus.Dismissed, (await db.FollowUpSuggestions.AsNoTracking().SingleAsync(s => s.Id == id)).Status);
        Assert.Equal(0, await db.FollowUps.CountAsync());
    }

    [Fact]
    public async Task BadValuesInTheAcceptFormAreRefusedWithTheFieldNamedAndNothingChanges()
    {
        await using var bench = await Bench.CreateAsync();
        using var client = await bench.App.SignInAsNewUserAsync("sekretaer@example.test", null, ("TF", ForumRole.Secretary));
        var id = await bench.SuggestionIdAsync(SuggestionStorageTests.ToEconomy);
        var handled = await bench.SuggestionIdAsync(SuggestionStorageTests.BackInOctober);
        await TestApp.PostFormAsync(client, bench.Path + "?handler=Dismiss", new() { ["forslag"] = Text(handled) }, bench.Path);
        var foreign = await bench.ForeignSuggestionAsync();

        (Dictionary<string, string> Fields, string Message)[] cases =
        [
            (Fields(id, responsible: ""), "Angiv, hvem der er ansvarlig (en person eller en afdeling)."),
            (Fields(id, responsible: new string('x', 201)), "højst 200 tegn"),
            (Fields(id, text: "  "), "Skriv, hvad der skal følges op på."),
            (Fields(id, email: "ikke-en-adresse"), "E-mailadressen er ikke gyldig."),
            (Fields(id, due: "31-02-2026"), "Fristen »31-02-2026« er ikke en dato."),
            (Fields(id, due: "i morgen"), "Fristen »i morgen« er ikke en dato."),
            (Fields(id, forum: "abc"), "Vælg forummet, sagen skal tilbage til, på listen."),
            (Fields(id, forum: "9999"), "Vælg forummet, sagen skal tilbage til, på listen."),
            (Fields(id, due: ""), "Angiv en frist eller det forum, sagen skal tilbage til."),
            (Fields(handled), "Forslaget er allerede behandlet."),
            (Fields(foreign), "Forslaget findes ikke på dette møde."),
            (Fields(9999), "Forslaget findes ikke på dette møde."),
            (new() { ["forslag"] = "x", ["ansvarlig"] = "A", ["tekst"] = "B" }, "»x« er ikke et tal."),
            (new() { ["ansvarlig"] = "A", ["tekst"] = "B" }, "Skriv forslagets nummer."),
        ];

        foreach (var (fields, message) in cases)
        {
            var response = await TestApp.PostFormAsync(client, bench.Path + "?handler=Accept", fields, bench.Path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{string.Join(", ", fields)}: {(int)response.StatusCode}");
            Assert.Contains(message, html, StringComparison.Ordinal);
        }

        // A refused form is offered again with what the secretary wrote.
        var refused = await TestApp.PostFormAsync(client, bench.Path + "?handler=Accept", Fields(id, responsible: "", email: "leder@example.test"), bench.Path);
        Assert.Contains("value=\"leder@example.test\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var bad in new[] { Text(handled), Text(foreign), "9999", "abc" })
        {
            var response = await TestApp.PostFormAsync(client, bench.Path + "?handler=Dismiss", new() { ["forslag"] = bad }, bench.Path);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"dismiss {bad}: {(int)response.StatusCode}");
        }

        var bogusForm = await client.GetAsync($"{bench.Path}?forslag={foreign}");
        Assert.Equal(HttpStatusCode.BadRequest, bogusForm.StatusCode);

        await using var db = await bench.Database.OpenAsync();
        Assert.Equal(0, await db.FollowUps.CountAsync());
        Assert.Equal(SuggestionStatus.Pending, (await db.FollowUpSuggestions.AsNoTracking().SingleAsync(s => s.Id == id)).Status);
        Assert.Equal(SuggestionStatus.Pending, (await db.FollowUpSuggestions.AsNoTracking().SingleAsync(s => s.Id == foreign)).Status);
    }

    [Fact]
    public async Task OnlyTheForumsSecretariesSeeOrHandleItsSuggestions()
    {
        await using var bench = await Bench.CreateAsync();
        var id = await bench.SuggestionIdAsync(SuggestionStorageTests.ToEconomy);
        using var member = await bench.App.SignInAsNewUserAsync("medlem@example.test", null, ("TF", ForumRole.Member));
        using var otherSecretary = await bench.App.SignInAsNewUserAsync("oes@example.test", null, ("ØU", ForumRole.Secretary));
        using var anonymous = bench.App.CreateBrowserClient();

        foreach (var client in new[] { member, otherSecretary })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(bench.Path)).StatusCode);
            var response = await TestApp.PostFormAsync(client, bench.Path + "?handler=Accept", Fields(id), "/");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var signIn = await anonymous.GetAsync(bench.Path);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/konto/log-ind", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var db = await bench.Database.OpenAsync();
        Assert.Equal(0, await db.FollowUps.CountAsync());
    }

    private static Dictionary<string, string> Fields(
        int suggestion, string text = "Sagen sendes til orientering i Økonomiudvalget.", string responsible = "Økonomi og Stab",
        string email = "", string due = "2026-12-01", string forum = "") => new()
        {
            ["forslag"] = Text(suggestion),
            ["tekst"] = text,
            ["ansvarlig"] = responsible,
            ["email"] = email,
            ["frist"] = due,
            ["forum"] = forum,
        };

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The imported TF meeting of <see cref="SuggestionStorageTests"/>, Økonomiudvalget with a meeting of its own, and the app.</summary>
    private sealed class Bench : IAsyncDisposable
    {
        private Bench(TestDatabase database, TestApp app, int meetingId, int economyId)
        {
            Database = database;
            App = app;
            MeetingId = meetingId;
            EconomyId = economyId;
        }

        public TestDatabase Database { get; }

        public TestApp App { get; }

        public int MeetingId { get; }

        public int EconomyId { get; }

        public string Path => $"/sekretariat/moeder/{MeetingId}/forslag";

        public static async Task<Bench> CreateAsync()
        {
            var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
            await using var db = await database.OpenAsync();
            var economy = await SuggestionStorageTests.SeedEconomyAsync(db);
            var meetingId = await SuggestionStorageTests.ImportAsync(db);
            return new Bench(database, new TestApp(database), meetingId, economy);
        }

        public async Task<int> SuggestionIdAsync(string sentence)
        {
            await using var db = await Database.OpenAsync();
            return await db.FollowUpSuggestions.Where(s => s.Sentence == sentence).Select(s => s.Id).SingleAsync();
        }

        /// <summary>A pending suggestion on a meeting of Økonomiudvalget, not the TF meeting.</summary>
        public async Task<int> ForeignSuggestionAsync()
        {
            await using var db = await Database.OpenAsync();
            var meeting = new Core.Import.ImportedMeeting(
                "Økonomiudvalget",
                "ØU",
                new DateOnly(2026, 9, 10),
                new Core.Meetings.MeetingDetails(null, null, Core.Meetings.DocumentKind.Minutes, Core.Forums.DocumentTemplate.Standard2016),
                [(1, SuggestionStorageTests.Decided(Builders.OpenItem("Budget"), "Budgettet behandles igen på næste møde."))]);
            await new Core.Import.MeetingImporter(db).StoreAsync(meeting);
            return await db.FollowUpSuggestions.Where(s => s.Sentence == "Budgettet behandles igen på næste møde.").Select(s => s.Id).SingleAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
