using System.Net;
using System.Text.RegularExpressions;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dagsorden.Tests.Support;

/// <summary>The real web app, hosted in-process on a given test database, with helpers to add users and sign them in.</summary>
public sealed partial class TestApp(TestDatabase database) : WebApplicationFactory<Program>
{
    public const string Password = "korrekt-hest-batteri-9";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (database.Options.Provider == StorageProvider.Sqlite)
            builder.UseSetting("Db", Path.Combine(database.Directory, "data", "dagsorden.db"));
        else
            builder.UseSetting("Connection", database.Options.ConnectionString);
    }

    /// <summary>Serves the app on a real loopback port, for a real browser; returns its base address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s to the sign-in page.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Adds a user with <see cref="Password"/>. <paramref name="role"/> is a system role
    /// (Administrator, Forfatter) or null for a plain employee; <paramref name="forums"/> gives forum
    /// memberships by forum code.
    /// </summary>
    public async Task<string> AddUserAsync(string email, string? role = null, params (string ForumCode, ForumRole Role)[] forums)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = new UserAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
        Check(await users.CreateAsync(user, Password));
        if (role is not null)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));
            Check(await users.AddToRoleAsync(user, role));
        }

        var db = scope.ServiceProvider.GetRequiredService<DagsordenDbContext>();
        foreach (var (code, forumRole) in forums)
        {
            var forum = await db.Forums.SingleAsync(f => f.Code == code);
            db.ForumMemberships.Add(new ForumMembership(forum, user.Id, forumRole));
        }

        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>A cookie-keeping client signed in through the real sign-in form.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateBrowserClient();
        var response = await PostFormAsync(client, "/konto/log-ind", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Adds a user and signs them in.</summary>
    public async Task<HttpClient> SignInAsNewUserAsync(string email, string? role = null, params (string ForumCode, ForumRole Role)[] forums)
    {
        await AddUserAsync(email, role, forums);
        return await SignInAsync(email);
    }

    /// <summary>GETs the page holding the form, takes its antiforgery token, and posts the fields as that form would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
            throw new InvalidOperationException($"{formPage ?? url} has no antiforgery token.");
        var content = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(content));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
