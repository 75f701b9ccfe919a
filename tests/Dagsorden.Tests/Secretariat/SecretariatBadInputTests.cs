using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;

namespace Dagsorden.Tests.Secretariat;

/// <summary>Every field of the secretariat's forms, given bad values: a Danish message naming the problem, and nothing changed.</summary>
public sealed class SecretariatBadInputTests
{
    [Fact]
    public async Task NewMeetingWithABadDateTimeOrPlaceIsRefusedAndNothingIsCreated()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();
        var forum = await desk.ForumIdAsync();
        (string Date, string Time, string Place, string Message)[] cases =
        [
            ("", "09:00", "", "Skriv mødets dato."),
            ("03-12-2026", "09:00", "", "»03-12-2026« er ikke en dato. Skriv datoen som år-måned-dag, fx 2026-03-12."),
            ("2026-02-30", "09:00", "", "»2026-02-30« er ikke en dato."),
            ("i morgen", "09:00", "", "»i morgen« er ikke en dato."),
            ("0001-01-01", "09:00", "", "»0001-01-01« er ikke en dato."),
            ("2026-12-03", "25:00", "", "»25:00« er ikke et klokkeslæt. Skriv tidspunktet som timer:minutter, fx 09:00."),
            ("2026-12-03", "ni", "", "»ni« er ikke et klokkeslæt."),
            ("2026-12-03", "09:00", new string('x', 301), "Mødestedet er 301 tegn langt; højst 300 tegn er tilladt."),
        ];

        foreach (var (date, time, place, message) in cases)
        {
            var response = await Desk.PlanFormAsync(client, forum, date, time, place);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{date}/{time}/{place.Length}: {(int)response.StatusCode}");
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
            // What the user wrote is offered again.
            Assert.Contains($"name=\"dato\" value=\"{date}\"", html, StringComparison.Ordinal);
        }

        Assert.Empty(await desk.MeetingDatesAsync());
    }

    [Fact]
    public async Task ASecondMeetingOnTheSameDateIsRefused()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();
        await desk.PlanAsync(client, "2026-12-03");

        var response = await Desk.PlanFormAsync(client, await desk.ForumIdAsync(), "2026-12-03", "13:00", "Byrådssalen");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Forummet har allerede et møde torsdag d. 3. december 2026.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await desk.MeetingDatesAsync());
    }

    [Fact]
    public async Task NewMeetingForAnUnknownForumOrOneTheUserIsNotSecretaryOfIsForbidden()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();

        foreach (var forum in new[] { Desk.Text(await desk.ForumIdAsync("DF")), "999", "abc", "", "-1" })
        {
            var response = await TestPost(client, forum);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"forum '{forum}' gave {(int)response.StatusCode}");
        }

        Assert.Empty(await desk.MeetingDatesAsync());

        static Task<HttpResponseMessage> TestPost(HttpClient client, string forum) =>
            Support.TestApp.PostFormAsync(client, "/sekretariat?handler=Plan", new() { ["forum"] = forum, ["dato"] = "2026-12-03" }, "/sekretariat");
    }

    [Fact]
    public async Task MovesOutsideTheAgendaOrItsFrameAreRefused()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");
        foreach (var title in new[] { "A", "B" })
            Desk.AssertRedirect(await Desk.PlaceAsync(client, id, await desk.SubmitDraftAsync(title)));
        (string Number, string To, string Message)[] cases =
        [
            ("2", "0", "Punkt 2 kan ikke flyttes til nummer 0. Vælg et nummer fra 2 til 3."),
            ("2", "99", "Punkt 2 kan ikke flyttes til nummer 99. Vælg et nummer fra 2 til 3."),
            ("2", "-3", "Punkt 2 kan ikke flyttes til nummer -3."),
            ("2", "1", "Punkt 2 kan ikke flyttes til nummer 1. Vælg et nummer fra 2 til 3: godkendelsen står først og »Evt.« sidst."),
            ("2", "4", "Punkt 2 kan ikke flyttes til nummer 4."),
            ("1", "2", "Punkt 1, godkendelse af dagsorden og referat, står altid først."),
            ("4", "2", "»Evt.« står altid sidst på dagsordenen."),
            ("42", "2", "Punkt 42 findes ikke på mødet."),
            ("2", "", "Skriv det nye nummer."),
            ("2", "tre", "»tre« er ikke et tal. Skriv det nye nummer med cifre."),
            ("2", "99999999999", "»99999999999« er ikke et tal."),
            ("", "3", "Skriv punktets nummer."),
            ("to", "3", "»to« er ikke et tal."),
        ];

        foreach (var (number, to, message) in cases)
        {
            var response = await Desk.BuilderPostAsync(client, id, "Move", new() { ["nummer"] = number, ["til"] = to });
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{number}→{to} gave {(int)response.StatusCode}");
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains("Ændringen blev ikke gemt", html, StringComparison.Ordinal);
        }

        Assert.Equal(["Godkendelse af dagsorden og referat", "A", "B", "Evt."], await desk.TitlesAsync(id));
    }

    [Fact]
    public async Task BadEftersendesAndRemoveValuesAreRefused()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");
        (string Handler, string Number, string? ToFollow, string Message)[] cases =
        [
            ("ToFollow", "2", "måske", "Vælg, om punktet eftersendes."),
            ("ToFollow", "2", "", "Vælg, om punktet eftersendes."),
            ("ToFollow", "7", "true", "Punkt 7 findes ikke på mødet."),
            ("Remove", "1", null, "Punkt 1, godkendelse af dagsorden og referat, kan ikke fjernes."),
            ("Remove", "7", null, "Punkt 7 findes ikke på mødet."),
            ("Remove", "x", null, "»x« er ikke et tal."),
        ];

        foreach (var (handler, number, toFollow, message) in cases)
        {
            var fields = new Dictionary<string, string> { ["nummer"] = number };
            if (toFollow is not null)
                fields["eftersendes"] = toFollow;
            var response = await Desk.BuilderPostAsync(client, id, handler, fields);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{handler} {number} gave {(int)response.StatusCode}");
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var meeting = await desk.LoadAsync(id);
        Assert.Equal(2, meeting.Items.Count);
        Assert.All(meeting.Items, i => Assert.False(i.IsToFollow));
    }

    [Fact]
    public async Task PlacingAnUnknownForeignOrUnsubmittedDraftIsRefused()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.App.SignInAsNewUserAsync(Desk.SecretaryEmail, null, ("CF", ForumRole.Secretary), ("DF", ForumRole.Secretary));
        var id = await desk.PlanAsync(client, "2026-12-03");
        var foreign = await desk.SubmitDraftAsync("Direktørforums punkt", forumCode: "DF");
        var unsubmitted = await desk.SubmitDraftAsync("Kladde", submit: false);
        var placed = await desk.SubmitDraftAsync("Allerede placeret");
        Desk.AssertRedirect(await Desk.PlaceAsync(client, id, placed));
        (string Draft, string Message)[] cases =
        [
            ("9999", "Punktet findes ikke i køen."),
            ("abc", "Punktet findes ikke i køen."),
            ("", "Punktet findes ikke i køen."),
            (Desk.Text(foreign), "Punktet er indsendt til et andet forum."),
            (Desk.Text(unsubmitted), "Kun indsendte punkter kan sættes på en dagsorden."),
            (Desk.Text(placed), "Kun indsendte punkter kan sættes på en dagsorden."),
        ];

        foreach (var (draft, message) in cases)
        {
            var response = await Desk.BuilderPostAsync(client, id, "Place", new() { ["kladde"] = draft });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"draft '{draft}' gave {(int)response.StatusCode}");
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(["Godkendelse af dagsorden og referat", "Allerede placeret", "Evt."], await desk.TitlesAsync(id));
        Assert.Equal(DraftStatus.Submitted, (await desk.DraftAsync(foreign)).Status);
        Assert.Equal(DraftStatus.Draft, (await desk.DraftAsync(unsubmitted)).Status);
    }

    [Fact]
    public async Task AFormWithoutAUsableRevisionIsRefusedAsOutdated()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");
        Desk.AssertRedirect(await Desk.PlaceAsync(client, id, await desk.SubmitDraftAsync("A")));

        foreach (var revision in new[] { "", "abc", "-1", "99999" })
        {
            var response = await Desk.BuilderPostAsync(client, id, "Remove", new() { ["nummer"] = "2", ["revision"] = revision });
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"revision '{revision}' gave {(int)response.StatusCode}");
            Assert.Contains("Siden viser nu den gemte udgave; gentag din ændring.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(3, (await desk.LoadAsync(id)).Items.Count);
    }

    [Fact]
    public async Task BadDecisionValuesAreRefusedAndTheTextKept()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");
        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, id));
        (string Number, string Outcome, string Text, string Message)[] cases =
        [
            ("1", "", "Godkendt.", "Vælg beslutningens udfald for punkt 1."),
            ("1", "Maybe", "Godkendt.", "»Maybe« er ikke et udfald, der kan vælges. Vælg udfaldet for punkt 1 på listen."),
            ("1", "1", "Godkendt.", "»1« er ikke et udfald, der kan vælges."),
            ("1", "Other", "Godkendt.", "»Other« er ikke et udfald, der kan vælges."),
            ("1", "approved", "Godkendt.", "»approved« er ikke et udfald, der kan vælges."),
            ("1", "Approved", new string('x', 20_001), "Beslutningen for punkt 1 er 20.001 tegn lang; højst 20.000 tegn er tilladt."),
            ("42", "Approved", "Godkendt.", "Punkt 42 findes ikke på mødet."),
            ("et", "Approved", "Godkendt.", "»et« er ikke et tal."),
        ];

        foreach (var (number, outcome, text, message) in cases)
        {
            var fields = new Dictionary<string, string> { ["nummer"] = number, ["udfald"] = outcome, ["beslutning"] = text };
            if (number is "42" or "et")
                fields["revision"] = "0";
            var response = await Desk.MinutesPostAsync(client, id, "Decision", fields);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{number}/{outcome} gave {(int)response.StatusCode}");
            Assert.Contains(message, html, StringComparison.Ordinal);
            if (number == "1" && text.Length < 100)
                Assert.Contains(">Godkendt.</textarea>", html, StringComparison.Ordinal);
        }

        Assert.All((await desk.LoadAsync(id)).Items, i => Assert.Null(i.Decision));
    }

    [Fact]
    public async Task BadAttendanceValuesAreRefused()
    {
        await using var desk = await Desk.CreateAsync();
        var mette = await desk.App.AddUserAsync("mette@example.test", null, ("CF", ForumRole.Member));
        var ole = await desk.App.AddUserAsync("ole@example.test", null, ("DF", ForumRole.Member));
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");
        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, id));
        (IReadOnlyList<(string, string)> Members, string Extra, string Message)[] cases =
        [
            ([(ole, "til-stede")], "", "En af deltagerne er ikke (længere) medlem af forummet."),
            ([("ukendt-id", "til-stede")], "", "En af deltagerne er ikke (længere) medlem af forummet."),
            ([(mette, "måske")], "", "Angiv, om mette var til stede eller havde afbud."),
            ([(mette, "")], "", "Angiv, om mette var til stede eller havde afbud."),
            ([(mette, "afbud")], new string('n', 201), "må højst være 200 tegn hver."),
            ([(mette, "afbud")], "Jens Jensen, " + new string('r', 201), "Navn og rolle for »Jens Jensen« må højst være 200 tegn hver."),
            ([(mette, "afbud")], ", referent", "Linjen », referent« under andre deltagere mangler et navn før kommaet."),
        ];

        foreach (var (members, extra, message) in cases)
        {
            var response = await MeetingPageTests.PostAttendanceAsync(client, id, members, extra);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{message}: {(int)response.StatusCode}");
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty((await desk.LoadAsync(id)).Participants);
    }
}
