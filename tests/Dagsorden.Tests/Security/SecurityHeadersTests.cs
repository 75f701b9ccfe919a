using System.Net;
using System.Text.RegularExpressions;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Browser;
using Dagsorden.Tests.Support;
using Dagsorden.Web.Documents;
using Dagsorden.Web.Site;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Dagsorden.Tests.Security;

/// <summary>
/// The security headers on every kind of response the app gives, the policy's strictness, and HSTS
/// only where the browser reached us over TLS, directly or through a proxy on this machine.
/// </summary>
public sealed partial class SecurityHeadersTests
{
    private const string Employee = "medarbejder@example.test";

    [Fact]
    public async Task EveryKindOfResponseCarriesTheSecurityHeaders()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = await database.OpenAsync())
            await ReadingPagesData.SeedAsync(db);
        await using var app = new TestApp(database);
        var anonymous = app.CreateBrowserClient();
        var employee = await app.SignInAsNewUserAsync(Employee);

        (HttpClient Client, string Url, HttpStatusCode Status, string ContentType)[] responses =
        [
            (anonymous, "/", HttpStatusCode.OK, "text/html"),
            (anonymous, "/cf/2026-11-12", HttpStatusCode.OK, "text/html"),
            (anonymous, "/cf/2026-11-12/punkt/1", HttpStatusCode.OK, "text/html"),
            (anonymous, "/soeg?q=booking", HttpStatusCode.OK, "text/html"),
            (anonymous, "/konto/log-ind", HttpStatusCode.OK, "text/html"),
            (anonymous, "/cf/2026-11-12.docx", HttpStatusCode.OK, DocumentEndpoints.DocxContentType),
            (anonymous, "/cf/moeder.ics", HttpStatusCode.OK, "text/calendar"),
            (anonymous, "/cf/dokumenter.atom", HttpStatusCode.OK, "application/atom+xml"),
            (anonymous, "/oparl/v1/system", HttpStatusCode.OK, "application/json"),
            (anonymous, "/css/site.css", HttpStatusCode.OK, "text/css"),
            (anonymous, "/js/builder.js", HttpStatusCode.OK, "text/javascript"),
            (anonymous, DocumentStylesheet.Href, HttpStatusCode.OK, "text/css"),
            (anonymous, "/health", HttpStatusCode.OK, "text/plain"),
            // The error pages: a missing page, a refused one, the sign-in redirect and the API's problem JSON.
            (anonymous, "/cf/2026-11-12/punkt/99", HttpStatusCode.NotFound, "text/html"),
            (anonymous, "/findes/ikke/her", HttpStatusCode.NotFound, "text/html"),
            (employee, "/admin", HttpStatusCode.Forbidden, "text/html"),
            (anonymous, "/sekretariat", HttpStatusCode.Redirect, ""),
            (anonymous, "/bilag/999999", HttpStatusCode.NotFound, "application/problem+json"),
            (anonymous, "/oparl/v1/meeting/999999", HttpStatusCode.NotFound, "application/"),
        ];

        var failures = new List<string>();
        foreach (var (client, url, status, contentType) in responses)
        {
            using var response = await client.GetAsync(url);
            var actualType = response.Content.Headers.ContentType?.MediaType ?? "";
            if (response.StatusCode != status || !actualType.StartsWith(contentType, StringComparison.Ordinal))
                failures.Add($"{url}: expected {(int)status} {contentType}, got {(int)response.StatusCode} {actualType}");
            failures.AddRange(MissingHeaders(response).Select(missing => $"{url}: {missing}"));
            if (response.Headers.Contains("Strict-Transport-Security"))
                failures.Add($"{url}: HSTS sent over plain http");
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void ThePolicyAllowsNoInlineOrEvaluatedCodeAndNoFraming()
    {
        var policy = SecurityHeaders.Policy(new ConfigurationBuilder().Build());
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-hashes", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("*", policy, StringComparison.Ordinal);
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.Equal("'self'", directives["style-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.Equal("'none'", directives["base-uri"]);
        Assert.Equal("'self'", directives["form-action"]);
    }

    [Fact]
    public void WithTheMunicipalityLoginTheSignInFormMayRedirectToTheProviderOnly()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OpenIdConnect:Authority"] = "https://login.kommune.example/realms/ansatte",
                ["OpenIdConnect:ClientId"] = "dagsorden",
            })
            .Build();

        Assert.EndsWith("form-action 'self' https://login.kommune.example", SecurityHeaders.Policy(configuration), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HstsIsSentOverHttpsAndNeverOverPlainHttp()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        foreach (var url in new[] { "/", "/css/site.css", "/findes/ikke/her", "/oparl/v1/system" })
        {
            using var secure = await https.GetAsync(url);
            Assert.Equal([SecurityHeaders.StrictTransportSecurity], secure.Headers.GetValues("Strict-Transport-Security"));
            Assert.Empty(MissingHeaders(secure));

            using var plain = await http.GetAsync(url);
            Assert.False(plain.Headers.Contains("Strict-Transport-Security"), url + " sent HSTS over plain http");
        }
    }

    /// <summary>nginx on the same machine ends TLS and passes the request on over loopback http with X-Forwarded-Proto.</summary>
    [Fact]
    public async Task BehindATlsProxyOnThisMachineHstsIsSent()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = new HttpClient { BaseAddress = app.StartOnLoopback() };

        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/");
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        proxied.Headers.Add("X-Forwarded-For", "198.51.100.7");
        using var secure = await client.SendAsync(proxied);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal([SecurityHeaders.StrictTransportSecurity], secure.Headers.GetValues("Strict-Transport-Security"));

        using var direct = await client.GetAsync("/");
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
        Assert.Empty(MissingHeaders(direct));
    }

    /// <summary>A client on another machine could otherwise claim https (or any address) for itself.</summary>
    [Fact]
    public async Task AForwardedSchemeFromAnUntrustedAddressIsIgnored()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);

        var context = await app.Server.SendAsync(request =>
        {
            request.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.5");
            request.Request.Method = HttpMethods.Get;
            request.Request.Path = "/";
            request.Request.Headers["X-Forwarded-Proto"] = "https";
        });

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
    }

    /// <summary>What the CSP would block in a browser: a style element, a style attribute, an inline script or handler.</summary>
    [Fact]
    public async Task PagesHaveNoInlineStyleOrScript()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int laterId;
        await using (var db = await database.OpenAsync())
            (_, laterId) = await ReadingPagesData.SeedAsync(db);
        await using var app = new TestApp(database);
        await app.AddUserAsync("admin@example.test", SystemRoles.Administrator, ("CF", ForumRole.Secretary));
        var admin = await app.SignInAsync("admin@example.test");
        var pages = new[]
        {
            "/", "/cf", "/cf/2026-11-12", "/cf/2026-11-12/punkt/1", "/cf/2026-11-12/udgave/1", "/soeg?q=booking",
            "/sekretariat", "/sekretariat/moeder/" + laterId, "/sekretariat/moeder/" + laterId + "/punkt/1/rediger", "/sekretariat/moeder/" + laterId + "/moedet",
            "/punkter", "/punkter/nyt", "/admin", "/admin/forummer", "/admin/forummer/cf", "/admin/brugere", "/admin/forummer/cf/aarshjul",
        };

        var failures = new List<string>();
        foreach (var url in pages)
        {
            using var response = await admin.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
                failures.Add($"{url}: {(int)response.StatusCode}");
            failures.AddRange(InlineCode().Matches(html).Select(match => $"{url}: {match.Value}"));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static IEnumerable<string> MissingHeaders(HttpResponseMessage response)
    {
        var expected = new Dictionary<string, string>
        {
            ["Content-Security-Policy"] = SecurityHeaders.Policy(new ConfigurationBuilder().Build()),
            ["X-Content-Type-Options"] = "nosniff",
            ["X-Frame-Options"] = "DENY",
            ["Referrer-Policy"] = SecurityHeaders.ReferrerPolicy,
        };
        foreach (var (name, value) in expected)
        {
            var actual = response.Headers.TryGetValues(name, out var values) ? string.Join(" | ", values) : null;
            if (actual != value)
                yield return $"{name} is »{actual}«, expected »{value}«";
        }
    }

    // <style, a style="…" attribute, a <script> without src, an on…= handler or a javascript: address.
    [GeneratedRegex("<style|\\sstyle\\s*=|<script(?![^>]*\\ssrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();
}
