using System.Globalization;
using System.Net;
using Dagsorden.Core;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Communication;
using Dagsorden.Core.Meetings;
using Dagsorden.Tests.Admin;
using Dagsorden.Tests.Secretariat;
using Dagsorden.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dagsorden.Tests.FollowUps;

/// <summary>
/// "Kommunikation" on an item: the secretary ticks the departments in the item editor, the item page
/// lists them (never for a closed item to the public), and publishing the minutes mails each its digest.
/// </summary>
public sealed class DepartmentCommunicationTests
{
    private const string Marker = "HEMMELIG-V8N";

    [Fact]
    public async Task SecretaryMarksDepartmentsAndPublishingTheMinutesMailsEachItsDecisionsAtOnce()
    {
        await using var desk = await Desk.CreateAsync();
        await using var smtp = new SmtpListener();
        await desk.App.AddUserAsync(Desk.SecretaryEmail, null, ("CF", ForumRole.Secretary));
        var (economy, hr) = await DepartmentsAsync(desk);
        await using var app = WithSmtp(desk.App, smtp.Port);
        using var secretary = await Desk.SignInAsync(app, Desk.SecretaryEmail);
        var (meetingId, open, closed) = await MeetingAsync(desk, secretary);

        var marked = await MarkAsync(secretary, meetingId, open, economy, hr);
        Desk.AssertRedirect(await MarkAsync(secretary, meetingId, closed, economy));
        var editor = WebUtility.HtmlDecode(await secretary.GetStringAsync(EditorPath(meetingId, open) + "?besked=kommunikation"));
        await Desk.DecideAllAndPublishMinutesAsync(desk, secretary, meetingId);
        var minutesPage = WebUtility.HtmlDecode(await secretary.GetStringAsync(Desk.MinutesPath(meetingId)));

        Desk.AssertRedirect(marked);
        Assert.Contains("Hvem skal have besked om beslutningen?", editor, StringComparison.Ordinal);
        Assert.Contains("Modtagerne af beslutningen er gemt.", editor, StringComparison.Ordinal);
        Assert.Contains($"value=\"{economy}\" checked=\"checked\"", editor, StringComparison.Ordinal);
        Assert.Contains("Referat er offentliggjort. Beslutningerne er sendt til 2 afdelinger.", minutesPage, StringComparison.Ordinal);
        var mails = (await smtp.WaitForAsync(3)).Where(m => m.Recipients.Any(r => r.EndsWith("@afdeling.example", StringComparison.Ordinal))).ToList();
        Assert.Equal(["hr@afdeling.example", "oekonomi@afdeling.example"], mails.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.DoesNotContain(Marker, m.Data, StringComparison.Ordinal));
        var economyMail = mails.Single(m => m.Recipients.Contains("oekonomi@afdeling.example")).Parse().TextBody;
        Assert.Contains($"Punkt {open}: CF - Budget 2027", economyMail, StringComparison.Ordinal);
        Assert.Contains($"Punkt {closed}: Lukket punkt", economyMail, StringComparison.Ordinal);
        Assert.Contains($"https://dagsorden.kommune.example/cf/2026-12-03/punkt/{closed}", economyMail, StringComparison.Ordinal);
        await using var db = await desk.Database.OpenAsync();
        Assert.All(await db.DigestDeliveries.AsNoTracking().ToListAsync(), d => Assert.NotNull(d.Sent));
    }

    [Fact]
    public async Task ADigestThatFailsAtPublishingIsSentByTheNextPassOfTheJob()
    {
        await using var desk = await Desk.CreateAsync();
        await desk.App.AddUserAsync(Desk.SecretaryEmail, null, ("CF", ForumRole.Secretary));
        var (economy, _) = await DepartmentsAsync(desk);
        await using var down = WithSmtp(desk.App, ReminderTestSupport.ClosedPort());
        using var secretary = await Desk.SignInAsync(down, Desk.SecretaryEmail);
        var (meetingId, open, _) = await MeetingAsync(desk, secretary);
        Desk.AssertRedirect(await MarkAsync(secretary, meetingId, open, economy));

        await Desk.DecideAllAndPublishMinutesAsync(desk, secretary, meetingId);

        Assert.Contains(
            "Referat er offentliggjort. Beslutningerne kunne ikke sendes til oekonomi@afdeling.example nu; de sendes automatisk, så snart det lykkes.",
            WebUtility.HtmlDecode(await secretary.GetStringAsync(Desk.MinutesPath(meetingId))),
            StringComparison.Ordinal);
        await using var smtp = new SmtpListener();
        await using var up = WithSmtp(desk.App, smtp.Port);
        var job = up.Services.GetRequiredService<global::Dagsorden.Web.FollowUps.ReminderJob>();
        await using (var db = await desk.Database.OpenAsync())
            await db.DigestDeliveries.ExecuteUpdateAsync(s => s.SetProperty(d => d.LastAttempt, DateTime.UtcNow.AddHours(-1)));
        var pass = await job.RunOnceAsync(CancellationToken.None);
        var again = await job.RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 0), (pass!.Value.Digests.Sent, again!.Value.Digests.Sent));
        Assert.Equal(["oekonomi@afdeling.example"], (await smtp.WaitForAsync(2, TimeSpan.FromMilliseconds(500))).SelectMany(m => m.Recipients));
    }

    [Fact]
    public async Task TheItemPageListsTheDepartmentsButNeverForAClosedItemToThePublic()
    {
        await using var desk = await Desk.CreateAsync();
        await desk.App.AddUserAsync(Desk.SecretaryEmail, null, ("CF", ForumRole.Secretary));
        var (economy, hr) = await DepartmentsAsync(desk);
        using var secretary = await desk.App.SignInAsync(Desk.SecretaryEmail);
        var (meetingId, open, closed) = await MeetingAsync(desk, secretary);
        Desk.AssertRedirect(await MarkAsync(secretary, meetingId, open, economy, hr));
        Desk.AssertRedirect(await MarkAsync(secretary, meetingId, closed, hr));
        using var anonymous = desk.App.CreateBrowserClient();
        using var employee = await desk.App.SignInAsNewUserAsync("ansat@example.test");
        using var member = await desk.App.SignInAsNewUserAsync("medlem@example.test", null, ("CF", ForumRole.Member));

        foreach (var reader in new[] { anonymous, employee, member, secretary })
        {
            var page = WebUtility.HtmlDecode(await reader.GetStringAsync(ItemPath(open)));
            Assert.Contains("<h2 id=\"kommunikation\">Kommunikation</h2>", page, StringComparison.Ordinal);
            Assert.Contains("<li>HR</li>", page, StringComparison.Ordinal);
            Assert.Contains("<li>Økonomi</li>", page, StringComparison.Ordinal);
        }

        foreach (var reader in new[] { anonymous, employee })
        {
            var page = await reader.GetStringAsync(ItemPath(closed));
            Assert.DoesNotContain("Kommunikation", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<li>HR</li>", page, StringComparison.Ordinal);
        }

        Assert.Contains("<li>HR</li>", await member.GetStringAsync(ItemPath(closed)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "»abc« er ikke en af afdelingerne.")]
    [InlineData("-1", "»-1« er ikke en af afdelingerne.")]
    [InlineData("99999", "En af de valgte afdelinger findes ikke længere.")]
    public async Task BadDepartmentValuesAreRefusedAndChangeNothing(string value, string message)
    {
        await using var desk = await Desk.CreateAsync();
        await desk.App.AddUserAsync(Desk.SecretaryEmail, null, ("CF", ForumRole.Secretary));
        var (economy, _) = await DepartmentsAsync(desk);
        using var secretary = await desk.App.SignInAsync(Desk.SecretaryEmail);
        var (meetingId, open, _) = await MeetingAsync(desk, secretary);
        Desk.AssertRedirect(await MarkAsync(secretary, meetingId, open, economy));

        var response = await AdminTestSupport.PostAsync(secretary, EditorPath(meetingId, open) + "?handler=Communication", EditorPath(meetingId, open), ("afdeling", economy), ("afdeling", value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await AdminTestSupport.TextAsync(response), StringComparison.Ordinal);
        await using var db = await desk.Database.OpenAsync();
        Assert.Single(await db.ItemAudiences.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task OnlyTheForumsSecretariesMayMarkDepartments()
    {
        await using var desk = await Desk.CreateAsync();
        await desk.App.AddUserAsync(Desk.SecretaryEmail, null, ("CF", ForumRole.Secretary));
        var (economy, _) = await DepartmentsAsync(desk);
        using var secretary = await desk.App.SignInAsync(Desk.SecretaryEmail);
        var (meetingId, open, _) = await MeetingAsync(desk, secretary);
        using var other = await desk.App.SignInAsNewUserAsync("df@example.test", null, ("DF", ForumRole.Secretary));
        using var member = await desk.App.SignInAsNewUserAsync("medlem@example.test", null, ("CF", ForumRole.Member));

        foreach (var client in new[] { other, member })
        {
            var response = await AdminTestSupport.PostAsync(client, EditorPath(meetingId, open) + "?handler=Communication", "/konto/log-ud", ("afdeling", economy));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        await using var db = await desk.Database.OpenAsync();
        Assert.Empty(await db.ItemAudiences.ToListAsync());
        var item = await db.Items.AsNoTracking().SingleAsync(i => i.MeetingId == meetingId && i.Number == open);
        var forumId = await desk.ForumIdAsync("DF");
        var outsider = new UserAccess("df", "DF", false, false, new Dictionary<int, ForumRole> { [forumId] = ForumRole.Secretary });
        var refusal = await Assert.ThrowsAsync<DomainException>(() => new ItemCommunication(db).SetAudienceAsync(outsider, item.Id, [int.Parse(economy, CultureInfo.InvariantCulture)]));
        Assert.Equal("Kun forummets sekretærer kan vælge, hvem der skal have besked om beslutningen.", refusal.DanishMessage);
    }

    [Fact]
    public async Task TheRecipientsCannotChangeOnceTheMinutesAreApproved()
    {
        await using var desk = await Desk.CreateAsync();
        await desk.App.AddUserAsync(Desk.SecretaryEmail, null, ("CF", ForumRole.Secretary));
        var (economy, _) = await DepartmentsAsync(desk);
        using var secretary = await desk.App.SignInAsync(Desk.SecretaryEmail);
        var (meetingId, open, _) = await MeetingAsync(desk, secretary);
        await Desk.DecideAllAndPublishMinutesAsync(desk, secretary, meetingId);
        await using (var db = await desk.Database.OpenAsync())
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId);
            meeting.ApproveMinutes(new DateOnly(2027, 1, 7));
            await db.SaveChangesAsync();
        }

        var response = await AdminTestSupport.PostAsync(secretary, EditorPath(meetingId, open) + "?handler=Communication", EditorPath(meetingId, open), ("afdeling", economy));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Referatet er godkendt, så modtagerne af beslutningen kan ikke længere ændres.", await AdminTestSupport.TextAsync(response), StringComparison.Ordinal);
    }

    private static string EditorPath(int meetingId, int number) => $"{Desk.BuilderPath(meetingId)}/punkt/{Desk.Text(number)}/rediger";

    private static string ItemPath(int number) => "/cf/2026-12-03/punkt/" + Desk.Text(number);

    private static Task<HttpResponseMessage> MarkAsync(HttpClient client, int meetingId, int number, params string[] departments) =>
        AdminTestSupport.PostAsync(client, EditorPath(meetingId, number) + "?handler=Communication", EditorPath(meetingId, number), departments.Select(d => ("afdeling", d)).ToArray());

    /// <summary>Økonomi and HR, by their ids as the form posts them.</summary>
    private static async Task<(string Economy, string Hr)> DepartmentsAsync(Desk desk)
    {
        await using var db = await desk.Database.OpenAsync();
        var economy = new Department("Økonomi", "oekonomi@afdeling.example");
        var hr = new Department("HR", "hr@afdeling.example");
        db.Departments.AddRange(economy, hr);
        await db.SaveChangesAsync();
        return (economy.Id.ToString(CultureInfo.InvariantCulture), hr.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>CF on 2026-12-03 with an open item and a closed one carrying the marker, its agenda published.</summary>
    private static async Task<(int MeetingId, int Open, int Closed)> MeetingAsync(Desk desk, HttpClient secretary)
    {
        var meetingId = await desk.PlanAsync(secretary, "2026-12-03");
        Desk.AssertRedirect(await Desk.PlaceAsync(secretary, meetingId, await desk.SubmitDraftAsync("Budget 2027")));
        Desk.AssertRedirect(await Desk.PlaceAsync(secretary, meetingId, await desk.SubmitDraftAsync(Marker, closed: true)));
        Desk.AssertRedirect(await Desk.PublishAgendaAsync(secretary, meetingId));
        var meeting = await desk.LoadAsync(meetingId);
        return (meetingId, meeting.Items.Single(i => i.Title == "Budget 2027").Number, meeting.Items.Single(i => i.IsClosed).Number);
    }

    private static WebApplicationFactory<Program> WithSmtp(TestApp app, int port) =>
        app.WithWebHostBuilder(builder => builder
            .UseSetting("Smtp:Host", "127.0.0.1")
            .UseSetting("Smtp:Port", port.ToString(CultureInfo.InvariantCulture))
            .UseSetting("Smtp:From", "dagsorden@kommune.example")
            .UseSetting("PublicUrl", "https://dagsorden.kommune.example")
            .UseSetting("FollowUps:ReminderIntervalMinutes", "0"));
}
