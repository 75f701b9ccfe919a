using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Accounts;

public sealed class SignInTests
{
    [Fact]
    public async Task SignedInUserSeesTheirNameAndSignOutInTheHeader()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync("mette@example.test", SystemRoles.Author);

        var home = await client.GetStringAsync("/");

        Assert.Contains("<span class=\"site-user\">mette</span>", home, StringComparison.Ordinal);
        Assert.Contains("Log ud</button>", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/punkter\">Mine punkter</a>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", home, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mette@example.test", "forkert-kode-123", "Forkert e-mail eller adgangskode.")]
    [InlineData("ukendt@example.test", TestApp.Password, "Forkert e-mail eller adgangskode.")]
    [InlineData("", "", "Skriv din e-mailadresse.")]
    public async Task BadCredentialsAreRefusedWithADanishMessage(string email, string password, string message)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await app.AddUserAsync("mette@example.test");
        using var client = app.CreateBrowserClient();

        var response = await TestApp.PostFormAsync(client, "/konto/log-ind", new() { ["Email"] = email, ["Password"] = password });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("site-user", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenForTheRightPassword()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await app.AddUserAsync("mette@example.test");
        using var client = app.CreateBrowserClient();

        for (var i = 0; i < 5; i++)
            await TestApp.PostFormAsync(client, "/konto/log-ind", new() { ["Email"] = "mette@example.test", ["Password"] = "forkert-kode-" + i });
        var response = await TestApp.PostFormAsync(client, "/konto/log-ind", new() { ["Email"] = "mette@example.test", ["Password"] = TestApp.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kontoen er midlertidigt låst", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInWithoutAntiforgeryTokenIsRejected()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await app.AddUserAsync("mette@example.test");
        using var client = app.CreateBrowserClient();

        var response = await client.PostAsync("/konto/log-ind", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "mette@example.test",
            ["Password"] = TestApp.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task SignInRefusesToReturnToAnotherSite()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await app.AddUserAsync("mette@example.test");
        using var client = app.CreateBrowserClient();

        var response = await TestApp.PostFormAsync(client, "/konto/log-ind", new()
        {
            ["Email"] = "mette@example.test",
            ["Password"] = TestApp.Password,
            ["tilbage"] = "https://angriber.example/",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
