using System.Net;
using System.Text.RegularExpressions;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Accounts;

public sealed partial class SignOutTests
{
    [Fact]
    public async Task HeaderSignOutButtonSignsOut()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync("mette@example.test");

        // Exactly what the header's form sends: its own token, no other page's.
        var home = await client.GetStringAsync("/");
        var form = HeaderForm().Match(home);
        Assert.True(form.Success, "The header has a sign-out form with an antiforgery token.");
        var response = await client.PostAsync("/konto/log-ud", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(form.Groups[1].Value),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("site-user", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<form method=\"post\"[^>]*action=\"/konto/log-ud\"[^>]*>.*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex HeaderForm();
}
