using System.Net;
using System.Text.RegularExpressions;
using Dagsorden.Core.Accounts;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Secretariat;

/// <summary>Only the forum's secretaries use its secretariat pages: everyone else is refused on every page and every form.</summary>
public sealed partial class SecretariatAccessTests
{
    private static readonly string[] BuilderHandlers = ["Move", "ToFollow", "Remove", "Place", "Publish"];
    private static readonly string[] MeetingHandlers = ["Attendance", "Decision", "Publish"];

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignInFromEveryPageAndForm()
    {
        await using var desk = await Desk.CreateAsync();
        var id = await PlannedMeetingAsync(desk);
        using var anonymous = desk.App.CreateBrowserClient();
        // An anonymous visitor can hold a valid token for anonymous use, e.g. from the sign-in page.
        var token = await TokenAsync(anonymous, "/konto/log-ind");

        foreach (var (method, url) in Requests(id))
        {
            var response = method == "GET" ? await anonymous.GetAsync(url) : await PostAsync(anonymous, url, token);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {url} gave {(int)response.StatusCode}");
            Assert.StartsWith("http://localhost/konto/log-ind?tilbage=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(2, (await desk.LoadAsync(id)).Items.Count);
    }

    [Theory]
    [InlineData("medlem@example.test", null, "CF", ForumRole.Member)]
    [InlineData("forfatter@example.test", SystemRoles.Author, null, ForumRole.Member)]
    [InlineData("admin@example.test", SystemRoles.Administrator, null, ForumRole.Member)]
    [InlineData("medarbejder@example.test", null, null, ForumRole.Member)]
    [InlineData("df-sekretaer@example.test", null, "DF", ForumRole.Secretary)]
    public async Task OthersThanTheForumsSecretariesAreRefusedOnEveryPageAndForm(string email, string? role, string? forum, ForumRole forumRole)
    {
        await using var desk = await Desk.CreateAsync();
        var id = await PlannedMeetingAsync(desk);
        var draft = await desk.SubmitDraftAsync("Ny telefonpolitik");
        using var client = forum is null
            ? await desk.App.SignInAsNewUserAsync(email, role)
            : await desk.App.SignInAsNewUserAsync(email, role, (forum, forumRole));
        var token = await TokenAsync(client, "/konto/log-ud");
        var isSecretaryElsewhere = forumRole == ForumRole.Secretary;

        foreach (var (method, url) in Requests(id))
        {
            // The overview itself is open to a secretary of another forum; it shows only their forum.
            if (isSecretaryElsewhere && url == "/sekretariat")
                continue;
            var response = method == "GET"
                ? await client.GetAsync(url)
                : await PostAsync(client, url, token, ("kladde", Desk.Text(draft)), ("nummer", "2"), ("til", "1"), ("eftersendes", "true"), ("udfald", "Approved"), ("forum", Desk.Text(await desk.ForumIdAsync())), ("dato", "2027-01-14"));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url} gave {(int)response.StatusCode}");
            Assert.Contains("Ingen adgang", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var meeting = await desk.LoadAsync(id);
        Assert.Equal(2, meeting.Items.Count);
        Assert.Equal(Core.Meetings.MeetingStatus.Planned, meeting.Status);
        Assert.Single(await desk.MeetingDatesAsync());
    }

    [Fact]
    public async Task ASecretaryOfAnotherForumSeesOnlyTheirOwnForum()
    {
        await using var desk = await Desk.CreateAsync();
        await desk.SubmitDraftAsync("Chefforums hemmelige punkt");
        using var client = await desk.SecretaryAsync("df-sekretaer@example.test", "DF");

        var html = await client.GetStringAsync("/sekretariat");

        Assert.Contains("Direktørforum (DF)</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Chefforum", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownMeetingIsNotFound()
    {
        await using var desk = await Desk.CreateAsync();
        using var client = await desk.SecretaryAsync();

        var builder = await client.GetAsync("/sekretariat/moeder/999");
        var meeting = await client.GetAsync("/sekretariat/moeder/999/moedet");

        Assert.Equal(HttpStatusCode.NotFound, builder.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, meeting.StatusCode);
        Assert.Contains("Siden findes ikke", await builder.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static IEnumerable<(string Method, string Url)> Requests(int id) =>
        new[] { ("GET", "/sekretariat"), ("GET", Desk.BuilderPath(id)), ("GET", Desk.MinutesPath(id)), ("POST", "/sekretariat?handler=Plan") }
            .Concat(BuilderHandlers.Select(h => ("POST", Desk.BuilderPath(id) + "?handler=" + h)))
            .Concat(MeetingHandlers.Select(h => ("POST", Desk.MinutesPath(id) + "?handler=" + h)));

    private static async Task<int> PlannedMeetingAsync(Desk desk)
    {
        using var secretary = await desk.SecretaryAsync();
        return await desk.PlanAsync(secretary, "2026-12-03");
    }

    private static async Task<string> TokenAsync(HttpClient client, string page) =>
        WebUtility.HtmlDecode(AntiforgeryToken().Match(await client.GetStringAsync(page)).Groups[1].Value);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token, params (string Name, string Value)[] fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
                .Append(KeyValuePair.Create("revision", "0"))
                .Append(KeyValuePair.Create("__RequestVerificationToken", token))));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
