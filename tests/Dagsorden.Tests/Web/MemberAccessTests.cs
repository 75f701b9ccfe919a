using System.Net;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using static Dagsorden.Tests.Web.WorkflowFixture;

namespace Dagsorden.Tests.Web;

/// <summary>A forum's closed items and internal attachments: its members read them; employees, members of other forums and the public never.</summary>
public sealed class MemberAccessTests
{
    private static readonly string[] Addresses =
        ["/tf/2026-02-05", "/tf/2026-02-05/punkt/2", "/tf/2026-02-05/udgave/1", "/tf/2026-02-05.docx", "/tf/2026-02-05.pdf"];

    [Fact]
    public async Task ClosedItemShowsInFullOnlyToTheForumsMembers()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var readers = await ReadersAsync(app);

        foreach (var address in Addresses)
        {
            foreach (var (name, client) in readers.Public)
            {
                var response = await client.GetAsync(address);
                var text = await UnpublishedContentTests.TextAsync(response);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name} {address}: {response.StatusCode}");
                Assert.False(text.Contains(ClosedMarker, StringComparison.Ordinal), $"{name} reads the closed item on {address}");
                Assert.False(text.Contains("Internt notat", StringComparison.Ordinal), $"{name} reads the internal attachment on {address}");
                Assert.True(text.Contains("Punkt 2: Lukket", StringComparison.Ordinal) || text.Contains("Punkt 3: Lukket", StringComparison.Ordinal), $"{name} {address} shows no Lukket");
                // Pages for a signed-in reader carry the sign-out form's antiforgery token and are never stored;
                // the anonymous public version may be cached.
                if (name == "anonym" || address.EndsWith(".pdf", StringComparison.Ordinal) || address.EndsWith(".docx", StringComparison.Ordinal))
                    Assert.False(response.Headers.CacheControl?.NoStore == true, $"{name} {address}: the public version may be cached");
                Assert.False(response.Headers.CacheControl?.Public == true, $"{name} {address}: a page is never marked public");
            }

            foreach (var (name, client) in readers.Members)
            {
                var response = await client.GetAsync(address);
                var text = await UnpublishedContentTests.TextAsync(response);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name} {address}: {response.StatusCode}");
                Assert.True(text.Contains(ClosedMarker, StringComparison.Ordinal), $"{name} does not read the closed item on {address}");
                Assert.True(response.Headers.CacheControl is { NoStore: true }, $"{name} {address}: Cache-Control {response.Headers.CacheControl}");
                if (address.EndsWith(".docx", StringComparison.Ordinal) || address.EndsWith(".pdf", StringComparison.Ordinal))
                    Assert.True(response.Headers.CacheControl.Private, $"{name} {address}: Cache-Control {response.Headers.CacheControl}");
                Assert.Contains("Cookie", response.Headers.Vary);
                if (!address.EndsWith("/punkt/2", StringComparison.Ordinal))
                    Assert.True(text.Contains("Internt notat", StringComparison.Ordinal), $"{name} does not see the internal attachment on {address}");
            }
        }
    }

    [Fact]
    public async Task VersionChangesNameTheClosedItemOnlyForMembers()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var readers = await ReadersAsync(app);

        foreach (var (name, client) in readers.Public)
        {
            var page = await client.GetStringAsync("/tf/2026-02-05");
            Assert.True(page.Contains("<li>Punkt 3 er nu punkt 2: Lukket</li>", StringComparison.Ordinal), name);
            Assert.False(page.Contains(ClosedMarker, StringComparison.Ordinal), name);
            Assert.False(page.Contains("member-view", StringComparison.Ordinal), name);
        }

        var member = await readers.Member.GetStringAsync("/tf/2026-02-05");
        Assert.Contains($"<li>Punkt 3 er nu punkt 2: TF - Titel {ClosedMarker}</li>", member, StringComparison.Ordinal);
        Assert.Contains("Du er medlem af Testforum og ser derfor også de lukkede punkter", member, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPageFindsAndCountsClosedItemsOnlyForTheForumsMembers()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var readers = await ReadersAsync(app);

        foreach (var (name, client) in readers.Public)
        {
            var byMarker = await client.GetStringAsync("/soeg?q=" + ClosedMarker);
            var byWord = await client.GetStringAsync("/soeg?q=tekst");
            var shared = await client.GetStringAsync("/soeg?q=afsnit");
            Assert.True(byMarker.Contains("0 punkter fundet", StringComparison.Ordinal), name);
            Assert.True(byWord.Contains("0 punkter fundet", StringComparison.Ordinal), name);
            Assert.True(shared.Contains("1 punkt fundet", StringComparison.Ordinal), name);
            Assert.False(byWord.Contains("W2T", StringComparison.Ordinal), name);
        }

        Assert.Contains("Lukkede punkter søges der ikke i.", await readers.Employee.GetStringAsync("/soeg?q=tekst"), StringComparison.Ordinal);
        Assert.Contains("Du søger også i de lukkede punkter fra Andet forum, fordi du er medlem.", await readers.OtherForumMember.GetStringAsync("/soeg?q=tekst"), StringComparison.Ordinal);

        foreach (var (name, client) in readers.Members)
        {
            var byMarker = await client.GetStringAsync("/soeg?q=" + ClosedMarker);
            var byWord = await client.GetStringAsync("/soeg?q=tekst");
            var shared = await client.GetStringAsync("/soeg?q=afsnit");
            Assert.True(byMarker.Contains("1 punkt fundet", StringComparison.Ordinal), name);
            Assert.True(byWord.Contains("W2T", StringComparison.Ordinal), name);
            Assert.True(byWord.Contains("1 punkt fundet", StringComparison.Ordinal), name);
            Assert.True(byWord.Contains("<span class=\"count\">(1)</span>", StringComparison.Ordinal), name);
            Assert.True(shared.Contains("1 punkt fundet", StringComparison.Ordinal), name);
            Assert.True(byWord.Contains("Du søger også i de lukkede punkter fra Testforum, fordi du er medlem.", StringComparison.Ordinal), name);
        }
    }
}
