using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.Net.Http.Headers;

namespace Dagsorden.Tests.Security;

/// <summary>
/// Session fixation: a session cookie an attacker planted before sign-in is never a signed-in
/// session, and signing in issues a new one. (Lockout: Accounts/SignInTests.FiveWrongPasswordsLockTheAccountEvenForTheRightPassword.)
/// </summary>
public sealed class SessionTests
{
    private const string CookieName = "dagsorden";

    [Theory]
    [InlineData("angriberens-valgte-vaerdi")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("")]
    public async Task APlantedCookieIsNotASessionAndSignInReplacesIt(string planted)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await app.AddUserAsync("sekretaer@example.test", SystemRoles.Administrator);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var refused = await SendAsync(client, HttpMethod.Get, "/admin", planted);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/konto/log-ind", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var signedIn = await SignInCarryingAsync(client, planted);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var issued = Cookies(signedIn).Single(c => c.Name == CookieName);
        Assert.NotEqual(planted, issued.Value.Value);
        Assert.True(issued.HttpOnly);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, "/admin", issued.Value.Value!)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(client, HttpMethod.Get, "/admin", planted)).StatusCode);
    }

    [Fact]
    public async Task EachSignInIssuesItsOwnCookie()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await app.AddUserAsync("sekretaer@example.test", SystemRoles.Administrator);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var first = Cookies(await SignInCarryingAsync(client, "samme")).Single(c => c.Name == CookieName).Value.Value;
        var second = Cookies(await SignInCarryingAsync(client, "samme")).Single(c => c.Name == CookieName).Value.Value;

        Assert.NotEqual(first, second);
    }

    /// <summary>Signs in through the real form while the browser carries <paramref name="planted"/> as its session cookie.</summary>
    private static async Task<HttpResponseMessage> SignInCarryingAsync(HttpClient client, string planted)
    {
        var form = await SendAsync(client, HttpMethod.Get, "/konto/log-ind", planted);
        var antiforgery = Cookies(form).Single(c => c.Name.Value!.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = new HttpRequestMessage(HttpMethod.Post, "/konto/log-ind")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "sekretaer@example.test",
                ["Password"] = TestApp.Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        signIn.Headers.Add("Cookie", $"{CookieName}={planted}; {antiforgery.Name}={antiforgery.Value}");
        return await client.SendAsync(signIn);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string cookie)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        return await client.SendAsync(request);
    }

    private static IEnumerable<SetCookieHeaderValue> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? SetCookieHeaderValue.ParseList(values.ToList()) : [];
}
