using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Admin;

/// <summary>Posting the administration forms (with repeated fields such as checkboxes) and checking that a refused post changed nothing.</summary>
internal static partial class AdminTestSupport
{
    public const string AdminEmail = "admin@example.test";

    /// <summary>A database with Chefforum (CF) and an app on it; the caller disposes both.</summary>
    public static async Task<(TestDatabase Database, TestApp App)> StartAsync(StorageProvider provider = StorageProvider.Sqlite)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.OpenAsync())
        {
            db.Forums.Add(new Forum("CF", "Chefforum"));
            await db.SaveChangesAsync();
        }

        return (database, new TestApp(database));
    }

    public static Task<HttpClient> SignInAsAdministratorAsync(TestApp app) => app.SignInAsNewUserAsync(AdminEmail, SystemRoles.Administrator);

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token and posts the fields; a name may repeat.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string formPage, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(formPage);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
            throw new InvalidOperationException($"{formPage} has no antiforgery token.");
        var content = fields.Append(("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)))
            .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2));
        return await client.PostAsync(url, new FormUrlEncodedContent(content));
    }

    /// <summary>The page's text with HTML entities decoded, for asserting the Danish messages.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Everything the administration can change, as text: equal snapshots mean a refused post changed nothing.</summary>
    public static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var text = new StringBuilder();
        foreach (var f in (await db.Forums.AsNoTracking().ToListAsync()).OrderBy(f => f.Code, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"forum {f.Code}|{f.Name}|{f.Template}|{f.DefaultPlace}|{f.DefaultStartTime}");
        foreach (var m in (await db.ForumMemberships.AsNoTracking().ToListAsync()).OrderBy(m => m.ForumId).ThenBy(m => m.UserId, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"member {m.ForumId}|{m.UserId}|{m.Role}");
        foreach (var u in (await db.Users.AsNoTracking().ToListAsync()).OrderBy(u => u.Email, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"user {u.Email}|{u.DisplayName}|{u.PasswordHash}|{u.LockoutEnd}|{u.AccessFailedCount}");
        foreach (var r in (await db.UserRoles.AsNoTracking().ToListAsync()).OrderBy(r => r.UserId, StringComparer.Ordinal).ThenBy(r => r.RoleId, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"role {r.UserId}|{r.RoleId}");
        foreach (var m in (await db.Meetings.AsNoTracking().ToListAsync()).OrderBy(m => m.ForumId).ThenBy(m => m.Date))
            text.AppendLine(CultureInfo.InvariantCulture, $"meeting {m.ForumId}|{m.Date}|{m.StartTime}|{m.Place}|{m.Status}");
        return text.ToString();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
