using System.Net;
using System.Security.Claims;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Dagsorden.Tests.Accounts;

/// <summary>
/// Sign-in through the municipality's identity provider. The provider itself is not run: the
/// challenge is checked up to the redirect, and the callback is given the external cookie the
/// OpenID Connect handler would have set.
/// </summary>
public sealed class ExternalSignInTests
{
    private const string Authority = "https://idp.example.test";

    [Fact]
    public async Task WithoutConfigurationThereIsNoExternalSignIn()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateBrowserClient();

        var signInPage = await client.GetStringAsync("/konto/log-ind");
        var post = await TestApp.PostFormAsync(client, "/konto/ekstern", [], "/konto/log-ind");

        Assert.DoesNotContain("/konto/ekstern", signInPage, StringComparison.Ordinal);
        Assert.DoesNotContain("kommunens login", signInPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/konto/ekstern")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/konto/ekstern/retur")).StatusCode);
    }

    [Fact]
    public async Task ConfiguredSignInPageOffersTheProviderAndItsButtonChallengesIt()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await using var configured = Configured(app);
        using var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var signInPage = await client.GetStringAsync("/konto/log-ind?tilbage=%2Fsoeg");
        var response = await TestApp.PostFormAsync(client, "/konto/ekstern", new() { ["tilbage"] = "/soeg" }, "/konto/log-ind");

        Assert.Matches("<form method=\"post\" action=\"/konto/ekstern\"[^>]*>\\s*<input type=\"hidden\" name=\"tilbage\" value=\"/soeg\">\\s*<p><button type=\"submit\">Log ind med kommunens login</button></p>\\s*<input name=\"__RequestVerificationToken\"", signInPage);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(Authority + "/authorize", location.GetLeftPart(UriPartial.Path));
        Assert.Contains("client_id=dagsorden", location.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location.Query, StringComparison.Ordinal);
        Assert.Contains("scope=openid%20profile%20email", location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalChallengeWithoutAntiforgeryTokenIsRejected()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await using var configured = Configured(app);
        using var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync("/konto/ekstern", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task CallbackSignsInTheLocalUserWithTheProvidersEmail()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await app.AddUserAsync("mette@example.test", SystemRoles.Author);
        await using var configured = Configured(app);
        using var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        await client.GetAsync("/test/ekstern?email=METTE@example.test");
        var response = await client.GetAsync("/konto/ekstern/retur?tilbage=%2Fsoeg");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/soeg", response.Headers.Location?.OriginalString);
        var home = await client.GetStringAsync("/");
        Assert.Contains("<span class=\"site-user\">mette</span>", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/punkter\"", home, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://angriber.example/")]
    [InlineData("//angriber.example/")]
    [InlineData("/\\angriber.example/")]
    public async Task CallbackRefusesToReturnToAnotherSite(string returnUrl)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await app.AddUserAsync("mette@example.test");
        await using var configured = Configured(app);
        using var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        await client.GetAsync("/test/ekstern?email=mette@example.test");
        var response = await client.GetAsync("/konto/ekstern/retur?tilbage=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("ukendt@example.test", null, "Der findes ingen bruger i Dagsorden med e-mailadressen ukendt@example.test. Bed en administrator om at oprette dig.")]
    [InlineData("mette@example.test", "false", "Kommunens login har ikke bekræftet e-mailadressen mette@example.test.")]
    [InlineData("", null, "Kommunens login oplyste ikke din e-mailadresse")]
    [InlineData("laast@example.test", null, "Kontoen er midlertidigt låst efter for mange forkerte forsøg.")]
    public async Task CallbackRefusesWithADanishMessageAndSignsNobodyIn(string email, string? verified, string message)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await app.AddUserAsync("mette@example.test");
        await app.AddUserAsync("laast@example.test");
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            var locked = await users.FindByEmailAsync("laast@example.test");
            await users.SetLockoutEndDateAsync(locked!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        await using var configured = Configured(app);
        using var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        await client.GetAsync($"/test/ekstern?email={Uri.EscapeDataString(email)}" + (verified is null ? "" : "&verified=" + verified));
        var response = await client.GetAsync("/konto/ekstern/retur");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("site-user", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallbackWithoutAProviderSignInSaysSo()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await using var configured = Configured(app);
        using var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var response = await client.GetAsync("/konto/ekstern/retur");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Login hos kommunen blev ikke gennemført", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalCookieIsUsedOnlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await app.AddUserAsync("mette@example.test");
        await using var configured = Configured(app);
        using var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.GetAsync("/test/ekstern?email=mette@example.test");

        var first = await client.GetAsync("/konto/ekstern/retur");
        var again = await client.GetAsync("/konto/ekstern/retur");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("Identity.External=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Login hos kommunen blev ikke gennemført", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The app with the OpenIdConnect section set, the provider's metadata given directly (so nothing
    /// is fetched), and /test/ekstern, which sets the external cookie as the handler does after a
    /// successful sign-in at the provider.
    /// </summary>
    private static WebApplicationFactory<Program> Configured(TestApp app) => app.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("OpenIdConnect:Authority", Authority);
        builder.UseSetting("OpenIdConnect:ClientId", "dagsorden");
        builder.UseSetting("OpenIdConnect:ClientSecret", "hemmelig");
        builder.ConfigureTestServices(services =>
        {
            services.PostConfigure<OpenIdConnectOptions>("kommune", options =>
            {
                var metadata = new OpenIdConnectConfiguration
                {
                    Issuer = Authority,
                    AuthorizationEndpoint = Authority + "/authorize",
                    TokenEndpoint = Authority + "/token",
                };
                options.Configuration = metadata;
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
            });
            services.AddTransient<IStartupFilter, ExternalCookieIssuer>();
        });
    });

    private sealed class ExternalCookieIssuer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: that would make the path base, and so the cookie's path, /test/ekstern.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != "/test/ekstern")
                {
                    await nextMiddleware();
                    return;
                }

                var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "idp-subject-1") };
                if (context.Request.Query["email"].ToString() is { Length: > 0 } email)
                    claims.Add(new Claim(ClaimTypes.Email, email));
                if (context.Request.Query["verified"].ToString() is { Length: > 0 } verified)
                    claims.Add(new Claim("email_verified", verified));
                await context.SignInAsync(IdentityConstants.ExternalScheme, new ClaimsPrincipal(new ClaimsIdentity(claims, "kommune")));
            });
            next(app);
        };
    }
}
