using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Secretariat;

/// <summary>The meeting page: attendance, decisions, publishing the minutes, and approval at the next meeting.</summary>
public sealed class MeetingPageTests
{
    [Fact]
    public async Task AttendanceRecordsMembersPresentOrAbsentAndExtraParticipants()
    {
        await using var desk = await Desk.CreateAsync();
        var mette = await desk.App.AddUserAsync("mette@example.test", null, ("CF", ForumRole.Member));
        await desk.App.AddUserAsync("ole@example.test", null, ("DF", ForumRole.Member));
        using var client = await desk.SecretaryAsync();
        var secretary = await UserIdAsync(desk, Desk.SecretaryEmail);
        var id = await desk.PlanAsync(client, "2026-12-03");
        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, id));

        var form = await client.GetStringAsync(Desk.MinutesPath(id));
        Assert.Contains("<legend>mette <span class=\"muted\">(Medlem)</span></legend>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("<legend>ole", form, StringComparison.Ordinal);

        var response = await PostAttendanceAsync(client, id, [(mette, "afbud"), (secretary, "til-stede")], "Jens Jensen, referent\r\nKaren Kofoed\r\n");

        Desk.AssertRedirect(response);
        Assert.Equal(
            [new Participant("mette", "Medlem", true), new Participant("sekretaer", "Sekretær", false), new Participant("Jens Jensen", "referent", false), new Participant("Karen Kofoed", null, false)],
            (await desk.LoadAsync(id)).Participants);
        var html = await client.GetStringAsync(Desk.MinutesPath(id));
        Assert.Contains($"name=\"fravaer-{mette}\" value=\"afbud\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"fravaer-{secretary}\" value=\"til-stede\" checked=\"checked\"", html, StringComparison.Ordinal);
        // The encoder writes the line break as a character reference, which the browser reads as one.
        Assert.Contains("Jens Jensen, referent&#xA;Karen Kofoed</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("Fremmødet er gemt.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeTheAgendaIsPublishedTheMeetingPageOffersNoForms()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");

        var html = await client.GetStringAsync(Desk.MinutesPath(id));
        var decision = await Desk.MinutesPostAsync(client, id, "Decision", new()
        {
            ["nummer"] = "1",
            ["udfald"] = "Approved",
            ["beslutning"] = "",
            ["revision"] = Desk.Text((await desk.LoadAsync(id)).Item(1).Revision),
        });

        Assert.Contains("Dagsordenen er ikke offentliggjort endnu.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Decision", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, decision.StatusCode);
        Assert.Contains("Beslutninger kan først skrives, når dagsordenen er offentliggjort.", await decision.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Support.TestDatabase.Providers), MemberType = typeof(Support.TestDatabase))]
    public async Task MinutesArePublishedOnceEveryItemIsDecidedAndApprovedAtTheNextMeeting(StorageProvider provider)
    {
        await using var desk = await Desk.CreateAsync(provider);
        using var client = await desk.SecretaryAsync();
        var first = await desk.PlanAsync(client, "2026-12-03");
        Desk.AssertRedirect(await Desk.PlaceAsync(client, first, await desk.SubmitDraftAsync("Budget 2027")));
        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, first));

        var refused = await Desk.MinutesPostAsync(client, first, "Publish");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Punkterne 1, 2, 3 mangler en beslutning.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Desk.AssertRedirect(await Desk.DecideAsync(client, first, 2, "ApprovedWithRemarks", "Chefforum godkendte **budgettet**.\r\n\r\n- med en bemærkning"));
        Desk.AssertRedirect(await Desk.DecideAsync(client, first, 1, "Approved"));
        var stillOne = await Desk.MinutesPostAsync(client, first, "Publish");
        Assert.Contains("Punkt 3 mangler en beslutning.", await stillOne.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Desk.AssertRedirect(await Desk.DecideAsync(client, first, 3, "Noted", "Intet."));
        Desk.AssertRedirect(await Desk.MinutesPostAsync(client, first, "Publish"));

        var published = await desk.LoadAsync(first);
        Assert.Equal(MeetingStatus.MinutesPublished, published.Status);
        Assert.Equal(new Decision(RichTextFormat.Parse("Chefforum godkendte **budgettet**.\n\n- med en bemærkning"), DecisionOutcome.ApprovedWithRemarks), published.Item(2).Decision);
        Assert.Equal(new Decision(RichText.FromParagraphs("Godkendt."), DecisionOutcome.Approved), published.Item(1).Decision);
        var versions = await desk.VersionsAsync(first);
        Assert.Equal("Referat", MeetingVersion.Describe(versions, versions[^1]));
        Assert.Contains("Referat er offentliggjort.", await client.GetStringAsync(Desk.MinutesPath(first)), StringComparison.Ordinal);

        // The next meeting's item 1 names the minutes awaiting approval and, once approved, approves them.
        var next = await desk.PlanAsync(client, "2027-01-14");
        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, next));
        Assert.Contains("Godkendes punktet, godkendes også referatet af mødet d. 03-12-2026.", await client.GetStringAsync(Desk.MinutesPath(next)), StringComparison.Ordinal);

        Desk.AssertRedirect(await Desk.DecideAsync(client, next, 1, "Approved"));

        var approved = await desk.LoadAsync(first);
        Assert.Equal(MeetingStatus.MinutesApproved, approved.Status);
        Assert.Equal(new DateOnly(2027, 1, 14), approved.MinutesApprovedOn);
        Assert.Contains("Punktet har godkendt referatet af mødet d. 03-12-2026.", await client.GetStringAsync(Desk.MinutesPath(next)), StringComparison.Ordinal);

        // The approved meeting's pages are read-only and point to corrections.
        var builder = await client.GetStringAsync(Desk.BuilderPath(first));
        var meetingPage = await client.GetStringAsync(Desk.MinutesPath(first));
        Assert.Contains("Referatet er godkendt på mødet torsdag d. 14. januar 2027", builder, StringComparison.Ordinal);
        Assert.Contains("Referatet er godkendt på mødet torsdag d. 14. januar 2027", meetingPage, StringComparison.Ordinal);
        foreach (var html in new[] { builder, meetingPage })
            Assert.DoesNotContain("?handler=", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/sekretariat/moeder/{first}/punkt/2/rediger\">Ret punkt 2 med begrundelse</a>", meetingPage, StringComparison.Ordinal);
        Assert.Contains("<p class=\"decision-line\">Chefforum godkendte **budgettet**.</p>", meetingPage, StringComparison.Ordinal);

        var late = await Desk.BuilderPostAsync(client, first, "Remove", new() { ["nummer"] = "2", ["revision"] = Desk.Text(approved.Revision) });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("Referatet er godkendt og kan ikke ændres.", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, (await desk.LoadAsync(first)).Items.Count);
    }

    [Fact]
    public async Task PostponingTheApprovalLeavesTheEarlierMinutesWaiting()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();
        var first = await desk.PlanAsync(client, "2026-12-03");
        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, first));
        await Desk.DecideAllAndPublishMinutesAsync(desk, client, first);
        var next = await desk.PlanAsync(client, "2027-01-14");
        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, next));

        Desk.AssertRedirect(await Desk.DecideAsync(client, next, 1, "Postponed", "Referatet foreligger endnu ikke."));

        Assert.Equal(MeetingStatus.MinutesPublished, (await desk.LoadAsync(first)).Status);
        Assert.Contains("Punktet har udsat godkendelsen af referatet af mødet d. 03-12-2026.", await client.GetStringAsync(Desk.MinutesPath(next)), StringComparison.Ordinal);
        Assert.Contains("handler=Decision", await client.GetStringAsync(Desk.MinutesPath(first)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADecisionSavedOnAnOutdatedItemIsRefusedAndTheTextKept()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");
        Desk.AssertRedirect(await Desk.PlaceAsync(client, id, await desk.SubmitDraftAsync("Budget 2027")));
        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, id));
        var seen = (await desk.LoadAsync(id)).Item(2).Revision;
        Desk.AssertRedirect(await Desk.DecideAsync(client, id, 2, "Approved", "Første udgave."));

        var response = await Desk.MinutesPostAsync(client, id, "Decision", new()
        {
            ["nummer"] = "2",
            ["udfald"] = "Discussed",
            ["beslutning"] = "Min <egen> tekst, som ikke må gå tabt.",
            ["revision"] = Desk.Text(seen),
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Punkt 2 er blevet ændret af en anden, mens du skrev.", html, StringComparison.Ordinal);
        Assert.Contains(">Min &lt;egen&gt; tekst, som ikke må gå tabt.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Discussed\" selected=\"selected\">Drøftet</option>", html, StringComparison.Ordinal);
        Assert.Equal(new Decision(RichText.FromParagraphs("Første udgave."), DecisionOutcome.Approved), (await desk.LoadAsync(id)).Item(2).Decision);
    }

    internal static Task<HttpResponseMessage> PostAttendanceAsync(HttpClient client, int meetingId, IReadOnlyList<(string UserId, string Value)> members, string extra) =>
        PostFormListAsync(client, Desk.MinutesPath(meetingId), "Attendance", members
            .SelectMany(m => new[] { KeyValuePair.Create("medlem", m.UserId), KeyValuePair.Create("fravaer-" + m.UserId, m.Value) })
            .Append(KeyValuePair.Create("ekstra", extra))
            .ToList());

    /// <summary>Posts repeated fields (such as one "medlem" per member), with the page's token and revision.</summary>
    internal static async Task<HttpResponseMessage> PostFormListAsync(HttpClient client, string path, string handler, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var revision = System.Text.RegularExpressions.Regex.Match(page, "name=\"revision\" value=\"(\\d+)\"").Groups[1].Value;
        fields.Add(KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        if (fields.All(f => f.Key != "revision"))
            fields.Add(KeyValuePair.Create("revision", revision));
        return await client.PostAsync(path + "?handler=" + handler, new FormUrlEncodedContent(fields));
    }

    internal static async Task<string> UserIdAsync(Desk desk, string email)
    {
        await using var db = await desk.Database.OpenAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
