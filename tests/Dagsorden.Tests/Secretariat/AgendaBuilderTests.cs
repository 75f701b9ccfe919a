using System.Net;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Secretariat;

/// <summary>The agenda builder: planning a meeting, placing, ordering and removing items, publishing versions.</summary>
public sealed class AgendaBuilderTests
{
    [Fact]
    public async Task NewMeetingStartsWithApprovalOfUnapprovedMinutesAndEndsWithEvt()
    {
        await using var desk = await Desk.CreateAsync();
        await using (var db = await desk.Database.OpenAsync())
        {
            // An earlier meeting whose minutes are published but not yet approved.
            await new MeetingImporter(db).StoreAsync(new ImportedMeeting(
                "Chefforum", "CF", new DateOnly(2026, 11, 5),
                new MeetingDetails(new TimeOnly(9, 0), "Mødelokale 2", DocumentKind.Minutes, DocumentTemplate.Standard2016),
                [(1, Builders.OpenItem("Budget") with { ForumPrefix = "CF" })]));
        }

        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");
        var html = await client.GetStringAsync(Desk.BuilderPath(id));
        var meeting = await desk.LoadAsync(id);

        Assert.Equal(["Godkendelse af dagsorden og referat", "Evt."], meeting.Items.Select(i => i.Title));
        Assert.Equal(MeetingStatus.Planned, meeting.Status);
        Assert.Equal(new TimeOnly(9, 0), meeting.StartTime);
        Assert.Equal("Mødelokale 2", meeting.Place);
        Assert.Equal(["At dagsordenen for mødet godkendes", "At referatet fra mødet d. 05-11-2026 godkendes"], meeting.Items[0].Recommendation!.ClauseTexts);
        Assert.Contains("<span class=\"item-title\">CF - Godkendelse af dagsorden og referat</span>", html, StringComparison.Ordinal);
        Assert.Contains("<li>At referatet fra mødet d. 05-11-2026 godkendes</li>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"item-title\">CF - Evt.</span>", html, StringComparison.Ordinal);
        Assert.Contains("Under forberedelse", html, StringComparison.Ordinal);
        Assert.Contains("Mødet torsdag d. 3. december 2026 er oprettet.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverviewShowsTheQueueAndTheMeetingsAndOffersTheForumsDefaults()
    {
        await using var desk = await Desk.CreateAsync();
        await desk.SubmitDraftAsync("Ny telefonpolitik");
        await desk.SubmitDraftAsync("Personalesag", closed: true);
        await desk.SubmitDraftAsync("Endnu ikke indsendt", submit: false);
        await desk.SubmitDraftAsync("Direktørforums punkt", forumCode: "DF");
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2027-01-14");

        var html = await client.GetStringAsync("/sekretariat");

        Assert.Contains("<h2 id=\"forum-", html, StringComparison.Ordinal);
        Assert.Contains("Chefforum (CF)</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Direktørforum", html, StringComparison.Ordinal);
        Assert.Matches("<span class=\"item-title\">CF - Ny telefonpolitik</span>\\s*</td>", html);
        Assert.Matches("<span class=\"item-title\">CF - Personalesag</span>\\s*<span class=\"marker closed-marker\">Lukket</span>", html);
        Assert.Contains("<td>Anna Forfatter</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>20-02-2026</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Endnu ikke indsendt", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/sekretariat/moeder/{id}\">Torsdag d. 14. januar 2027 kl. 09:00</a> – Under forberedelse (2 punkter)", html, StringComparison.Ordinal);
        Assert.Contains("name=\"tid\" value=\"09:00\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"sted\" value=\"Mødelokale 2\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"dato-", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlacingAQueuedDraftPutsItBeforeEvtAndTakesItOffTheQueue()
    {
        await using var desk = await Desk.CreateAsync();
        var draft = await desk.SubmitDraftAsync("Ny telefonpolitik");
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");
        Assert.Contains("Sæt på dagsordenen<span class=\"visually-hidden\">: CF - Ny telefonpolitik</span>", await client.GetStringAsync(Desk.BuilderPath(id)), StringComparison.Ordinal);

        Desk.AssertRedirect(await Desk.PlaceAsync(client, id, draft));

        Assert.Equal(["Godkendelse af dagsorden og referat", "Ny telefonpolitik", "Evt."], await desk.TitlesAsync(id));
        var placed = await desk.DraftAsync(draft);
        Assert.Equal(DraftStatus.Placed, placed.Status);
        var html = await client.GetStringAsync(Desk.BuilderPath(id));
        Assert.Contains("<span class=\"item-title\">CF - Ny telefonpolitik</span>", html, StringComparison.Ordinal);
        Assert.Contains("Køen er tom.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/sekretariat/moeder/{id}/punkt/2/rediger\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemsMoveUpDownAndToANumberAndTheFrameStays()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");
        foreach (var title in new[] { "A", "B", "C" })
            Desk.AssertRedirect(await Desk.PlaceAsync(client, id, await desk.SubmitDraftAsync(title)));

        var up = await Desk.MoveAsync(client, id, 4, 3);
        Assert.Equal(["Godkendelse af dagsorden og referat", "A", "C", "B", "Evt."], await desk.TitlesAsync(id));
        Assert.Equal($"/sekretariat/moeder/{id}#punkt-3", up.Headers.Location?.OriginalString);

        Desk.AssertRedirect(await Desk.MoveAsync(client, id, 2, 3));
        Assert.Equal(["Godkendelse af dagsorden og referat", "C", "A", "B", "Evt."], await desk.TitlesAsync(id));

        Desk.AssertRedirect(await Desk.MoveAsync(client, id, 4, 2));
        Assert.Equal(["Godkendelse af dagsorden og referat", "B", "C", "A", "Evt."], await desk.TitlesAsync(id));

        // Item 1 and "Evt." get no move buttons; the items between get the ones that make sense.
        var html = await client.GetStringAsync(Desk.BuilderPath(id));
        Assert.Equal(3, Count(html, "Flyt til<span"));
        Assert.Equal(2, Count(html, "Flyt op<span"));
        Assert.Equal(2, Count(html, "Flyt ned<span"));
        Assert.DoesNotContain("Flyt op<span class=\"visually-hidden\">: punkt 2</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Flyt ned<span class=\"visually-hidden\">: punkt 4</span>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"til-3\">Nyt nummer<span class=\"visually-hidden\"> for punkt 3</span></label>", html, StringComparison.Ordinal);
        Assert.Contains("min=\"2\" max=\"4\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EftersendesIsMarkedAndUnmarked()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");
        Desk.AssertRedirect(await Desk.PlaceAsync(client, id, await desk.SubmitDraftAsync("Budget 2027")));

        Desk.AssertRedirect(await Desk.BuilderPostAsync(client, id, "ToFollow", new() { ["nummer"] = "2", ["eftersendes"] = "true" }));
        Assert.True((await desk.LoadAsync(id)).Item(2).IsToFollow);
        var html = await client.GetStringAsync(Desk.BuilderPath(id));
        Assert.Contains("<span class=\"marker follow-marker\">Eftersendes</span>", html, StringComparison.Ordinal);
        Assert.Contains("Fjern »eftersendes«<span class=\"visually-hidden\">: punkt 2</span>", html, StringComparison.Ordinal);

        Desk.AssertRedirect(await Desk.BuilderPostAsync(client, id, "ToFollow", new() { ["nummer"] = "2", ["eftersendes"] = "false" }));
        Assert.False((await desk.LoadAsync(id)).Item(2).IsToFollow);
    }

    [Fact]
    public async Task RemovingAPlacedItemReturnsItToTheQueue()
    {
        await using var desk = await Desk.CreateAsync();
        var draft = await desk.SubmitDraftAsync("Ny telefonpolitik");
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");
        Desk.AssertRedirect(await Desk.PlaceAsync(client, id, draft));

        Desk.AssertRedirect(await Desk.BuilderPostAsync(client, id, "Remove", new() { ["nummer"] = "2" }));

        Assert.Equal(["Godkendelse af dagsorden og referat", "Evt."], await desk.TitlesAsync(id));
        Assert.Equal(DraftStatus.Submitted, (await desk.DraftAsync(draft)).Status);
        var html = await client.GetStringAsync(Desk.BuilderPath(id));
        Assert.Contains("Punkt 2 er fjernet fra dagsordenen.", html, StringComparison.Ordinal);
        Assert.Contains("Sæt på dagsordenen<span class=\"visually-hidden\">: CF - Ny telefonpolitik</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingGivesVersionOneAndAChangeGivesASupplementListingIt()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");
        Desk.AssertRedirect(await Desk.PlaceAsync(client, id, await desk.SubmitDraftAsync("Budget 2027")));

        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, id));
        var afterFirst = await client.GetStringAsync(Desk.BuilderPath(id));

        Assert.Equal(MeetingStatus.AgendaPublished, (await desk.LoadAsync(id)).Status);
        Assert.Contains("Dagsorden er offentliggjort. Der er ikke sendt e-mail: SMTP er ikke sat op.", afterFirst, StringComparison.Ordinal);
        Assert.Contains("<strong>Dagsorden</strong>, offentliggjort ", afterFirst, StringComparison.Ordinal);
        Assert.Contains("Ingen. Dagsordenen er offentliggjort, som den står her.", afterFirst, StringComparison.Ordinal);
        Assert.DoesNotContain("Offentliggør tillægsdagsorden", afterFirst, StringComparison.Ordinal);
        Assert.Contains("href=\"/cf/2026-12-03\">Den offentlige side</a>", afterFirst, StringComparison.Ordinal);

        Desk.AssertRedirect(await Desk.PlaceAsync(client, id, await desk.SubmitDraftAsync("Sygefravær")));
        var pending = await client.GetStringAsync(Desk.BuilderPath(id));
        Assert.Contains("<li>Punkt 3 er tilføjet: CF - Sygefravær</li>", pending, StringComparison.Ordinal);
        Assert.Contains("<li>Punkt 3 er nu punkt 4: CF - Evt.</li>", pending, StringComparison.Ordinal);
        Assert.Contains("Offentliggør tillægsdagsorden</button>", pending, StringComparison.Ordinal);

        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, id));
        var afterSecond = await client.GetStringAsync(Desk.BuilderPath(id));
        var versions = await desk.VersionsAsync(id);

        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal("Tillægsdagsorden 1", MeetingVersion.Describe(versions, versions[1]));
        Assert.Equal("sekretaer", versions[1].PublishedBy);
        Assert.Contains("Tillægsdagsorden 1 er offentliggjort.", afterSecond, StringComparison.Ordinal);
        Assert.Contains("<strong>Tillægsdagsorden 1</strong>, offentliggjort ", afterSecond, StringComparison.Ordinal);
        Assert.Contains("<li>Punkt 3 er tilføjet: CF - Sygefravær</li>", afterSecond, StringComparison.Ordinal);

        // Nothing changed since: nothing to publish.
        var again = await Desk.PublishAgendaAsync(client, id);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Dagsordenen er ikke ændret, siden den sidst blev offentliggjort", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await desk.VersionsAsync(id)).Count);
    }

    [Fact]
    public async Task AChangeOnAnOutdatedPageIsRefusedAndTheFreshPageShown()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");
        foreach (var title in new[] { "A", "B" })
            Desk.AssertRedirect(await Desk.PlaceAsync(client, id, await desk.SubmitDraftAsync(title)));
        var seen = (await desk.LoadAsync(id)).Revision;

        // Someone else moves B up in the meantime.
        Desk.AssertRedirect(await Desk.MoveAsync(client, id, 3, 2));
        var stale = new Dictionary<string, string> { ["revision"] = Desk.Text(seen) };
        var move = await Desk.BuilderPostAsync(client, id, "Move", new(stale) { ["nummer"] = "2", ["til"] = "3" });
        var publish = await Desk.BuilderPostAsync(client, id, "Publish", new(stale));
        var html = await move.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, move.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Contains("Dagsordenen er blevet ændret af en anden i mellemtiden. Siden viser nu den gemte udgave; gentag din ændring.", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("CF - B</span>", StringComparison.Ordinal) < html.IndexOf("CF - A</span>", StringComparison.Ordinal), "The page shows the saved order.");
        Assert.Equal(["Godkendelse af dagsorden og referat", "B", "A", "Evt."], await desk.TitlesAsync(id));
        Assert.Equal(MeetingStatus.Planned, (await desk.LoadAsync(id)).Status);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
