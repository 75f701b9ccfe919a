using System.Net;
using System.Net.Sockets;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Meetings;
using Dagsorden.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dagsorden.Tests.Secretariat;

/// <summary>E-mail to the forum's members when an agenda or a supplement is published, through a real SMTP listener.</summary>
public sealed class NotificationTests
{
    private const string PublicUrl = "https://dagsorden.kommune.example";

    [Fact]
    public async Task MembersAndSecretariesGetTheAgendaByMailWithALinkToTheMeeting()
    {
        await using var desk = await Desk.CreateAsync();
        await using var smtp = new SmtpListener();
        await desk.App.AddUserAsync("mette@example.test", null, ("CF", ForumRole.Member));
        await desk.App.AddUserAsync("ole@example.test", null, ("DF", ForumRole.Member));
        await desk.App.AddUserAsync("medarbejder@example.test");
        await desk.App.AddUserAsync(Desk.SecretaryEmail, null, ("CF", ForumRole.Secretary));
        await using var app = WithSmtp(desk.App, smtp.Port);
        using var client = await Desk.SignInAsync(app, Desk.SecretaryEmail);
        var id = await desk.PlanAsync(client, "2026-12-03");

        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, id));
        var page = await client.GetStringAsync(Desk.BuilderPath(id));
        var mails = await smtp.WaitForAsync(2);

        Assert.Contains("Dagsorden er offentliggjort. Der er sendt e-mail til 2 modtagere.", page, StringComparison.Ordinal);
        Assert.Equal(["mette@example.test", "sekretaer@example.test"], mails.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Equal("dagsorden@kommune.example", m.From));
        var message = mails.Single(m => m.Recipients.Contains("mette@example.test")).Parse();
        Assert.Equal("Dagsorden: Chefforum torsdag d. 3. december 2026", message.Subject);
        Assert.Contains("Kære mette", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dagsordenen til mødet i Chefforum torsdag d. 3. december 2026 kl. 09:00, Mødelokale 2 er offentliggjort.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(PublicUrl + "/cf/2026-12-03", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupplementMailListsTheChangesAndNamesAClosedItemOnlyLukket()
    {
        await using var desk = await Desk.CreateAsync();
        await using var smtp = new SmtpListener();
        await desk.App.AddUserAsync(Desk.SecretaryEmail, null, ("CF", ForumRole.Secretary));
        await using var app = WithSmtp(desk.App, smtp.Port);
        using var client = await Desk.SignInAsync(app, Desk.SecretaryEmail);
        var id = await desk.PlanAsync(client, "2026-12-03");
        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, id));
        Desk.AssertRedirect(await Desk.PlaceAsync(client, id, await desk.SubmitDraftAsync("Hemmelig omstrukturering", closed: true)));

        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, id));
        var mails = await smtp.WaitForAsync(2);

        Assert.Equal(2, mails.Count);
        var supplement = mails[1].Parse();
        Assert.Equal("Tillægsdagsorden 1: Chefforum torsdag d. 3. december 2026", supplement.Subject);
        Assert.Contains("Tillægsdagsorden 1 til mødet i Chefforum", supplement.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Punkt 2 er tilføjet: Lukket", supplement.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemmelig", mails[1].Data, StringComparison.Ordinal);
        // The secretary's own page does name the closed item.
        Assert.Contains("Punkt 2 er tilføjet: CF - Hemmelig omstrukturering", await client.GetStringAsync(Desk.BuilderPath(id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSmtpSettingsNoMailIsSentAndThePageSaysSo()
    {
        await using var desk = await Desk.CreateAsync();
        await using var smtp = new SmtpListener();
        await desk.App.AddUserAsync("mette@example.test", null, ("CF", ForumRole.Member));
        using var client = await desk.SecretaryAsync();
        var id = await desk.PlanAsync(client, "2026-12-03");

        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, id));

        Assert.Contains("Der er ikke sendt e-mail: SMTP er ikke sat op.", await client.GetStringAsync(Desk.BuilderPath(id)), StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.AgendaPublished, (await desk.LoadAsync(id)).Status);
        await Task.Delay(200);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task AnUnreachableMailServerLeavesThePublicationStandingAndWarns()
    {
        await using var desk = await Desk.CreateAsync();
        await desk.App.AddUserAsync("mette@example.test", null, ("CF", ForumRole.Member));
        await desk.App.AddUserAsync(Desk.SecretaryEmail, null, ("CF", ForumRole.Secretary));
        await using var app = WithSmtp(desk.App, ClosedPort());
        using var client = await Desk.SignInAsync(app, Desk.SecretaryEmail);
        var id = await desk.PlanAsync(client, "2026-12-03");

        var response = await Desk.PublishAgendaAsync(client, id);
        var page = await client.GetStringAsync(Desk.BuilderPath(id));

        Desk.AssertRedirect(response);
        Assert.Equal(MeetingStatus.AgendaPublished, (await desk.LoadAsync(id)).Status);
        Assert.Single(await desk.VersionsAsync(id));
        Assert.Contains("<p class=\"notice warning\" role=\"status\">Dagsorden er offentliggjort. E-mailen kunne ikke sendes.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedRecipientIsNamedAndTheOthersStillGetTheirMail()
    {
        await using var desk = await Desk.CreateAsync();
        await using var smtp = new SmtpListener("mette@example.test");
        await desk.App.AddUserAsync("mette@example.test", null, ("CF", ForumRole.Member));
        await desk.App.AddUserAsync("karen@example.test", null, ("CF", ForumRole.Member));
        await desk.App.AddUserAsync(Desk.SecretaryEmail, null, ("CF", ForumRole.Secretary));
        await using var app = WithSmtp(desk.App, smtp.Port);
        using var client = await Desk.SignInAsync(app, Desk.SecretaryEmail);
        var id = await desk.PlanAsync(client, "2026-12-03");

        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, id));
        var mails = await smtp.WaitForAsync(2);

        Assert.Equal(["karen@example.test", "sekretaer@example.test"], mails.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
        Assert.Contains(
            "Der er sendt e-mail til 2, men e-mailen kunne ikke sendes til mette@example.test.",
            await client.GetStringAsync(Desk.BuilderPath(id)),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Port", "fem-og-tyve")]
    [InlineData("Port", "70000")]
    [InlineData("From", "ikke en adresse")]
    [InlineData("UseStartTls", "måske")]
    public async Task UnusableMailSettingsSendNothingButThePublicationStands(string setting, string value)
    {
        await using var desk = await Desk.CreateAsync();
        await using var smtp = new SmtpListener();
        await desk.App.AddUserAsync(Desk.SecretaryEmail, null, ("CF", ForumRole.Secretary));
        await using var app = WithSmtp(desk.App, smtp.Port).WithWebHostBuilder(builder => builder.UseSetting("Smtp:" + setting, value));
        using var client = await Desk.SignInAsync(app, Desk.SecretaryEmail);
        var id = await desk.PlanAsync(client, "2026-12-03");

        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, id));

        Assert.Contains("Dagsorden er offentliggjort. E-mailen kunne ikke sendes.", await client.GetStringAsync(Desk.BuilderPath(id)), StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.AgendaPublished, (await desk.LoadAsync(id)).Status);
        Assert.Empty(smtp.Messages);
    }

    private static WebApplicationFactory<Program> WithSmtp(TestApp app, int port) =>
        app.WithWebHostBuilder(builder => builder
            .UseSetting("Smtp:Host", "127.0.0.1")
            .UseSetting("Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Smtp:From", "dagsorden@kommune.example")
            .UseSetting("PublicUrl", PublicUrl));

    // A port that was free a moment ago: connecting to it is refused at once.
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
