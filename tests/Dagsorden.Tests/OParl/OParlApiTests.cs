using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Storage;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.OParl;

public sealed class OParlApiTests
{
    private const string Marker = "FORTROLIG-Q7Z";
    private const string Api = "http://localhost/oparl/v1";

    private static readonly string[] AllTypes =
        ["System", "Body", "Organization", "Meeting", "AgendaItem", "Paper", "Consultation", "File", "LegislativeTerm", "Location"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryObjectReachableFromTheSystemValidatesAgainstItsSchemaAndNoneCarriesClosedText(StorageProvider provider)
    {
        await using var database = await SeededDatabaseAsync(provider);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var crawl = await CrawlAsync(client);

        Assert.Equal(AllTypes.Order(StringComparer.Ordinal), crawl.Objects.Keys.Select(t => t[(t.LastIndexOf('/') + 1)..]).Distinct().Order(StringComparer.Ordinal));
        foreach (var (type, objects) in crawl.Objects)
        {
            foreach (var json in objects)
                Assert.True((await OParlSchemas.ValidateAsync(type, json)) is { Count: 0 }, $"{type} does not validate: {string.Join("; ", await OParlSchemas.ValidateAsync(type, json))}\n{json}");
        }

        Assert.All(crawl.Bodies, body => Assert.DoesNotContain(Marker, body, StringComparison.Ordinal));
        Assert.All(crawl.Bodies, body => Assert.DoesNotContain("Internt notat", body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SchemaCheckRejectsObjectsTheSpecForbids()
    {
        Assert.NotEmpty(await OParlSchemas.ValidateAsync("https://schema.oparl.org/1.1/AgendaItem", """{"id":"https://x.example/1","type":"https://schema.oparl.org/1.1/AgendaItem"}"""));
        Assert.NotEmpty(await OParlSchemas.ValidateAsync("https://schema.oparl.org/1.1/Meeting", """{"id":"https://x.example/1","type":"https://schema.oparl.org/1.1/Meeting","agendaItem":[{"id":"https://x.example/2","type":"https://schema.oparl.org/1.1/AgendaItem","order":"eins"}]}"""));
        Assert.NotEmpty(await OParlSchemas.ValidateAsync("https://schema.oparl.org/1.1/Body", """{"id":"https://x.example/1","type":"https://schema.oparl.org/1.1/Body","name":"K","organization":"u","person":"u","meeting":"u","paper":"u","legislativeTerm":[{"type":"x"}]}"""));
    }

    [Fact]
    public async Task ClosedItemIsNotPublicAndNamedOnlyLukketWithNoTextOrFiles()
    {
        await using var database = await SeededDatabaseAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var meetings = await GetJsonAsync(client, $"{Api}/body/1/meetings");
        var meeting = meetings["data"]!.AsArray().Single(m => m!["name"]!.GetValue<string>().Contains("5. juni 2025", StringComparison.Ordinal))!;
        var items = meeting["agendaItem"]!.AsArray();
        var open = items.Single(i => i!["order"]!.GetValue<int>() == 1)!;
        var closed = items.Single(i => i!["order"]!.GetValue<int>() == 2)!;

        Assert.True(open["public"]!.GetValue<bool>());
        Assert.Equal("TF - Åbent punkt", open["name"]!.GetValue<string>());
        Assert.Equal(["Offentligt bilag"], open["auxiliaryFile"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.False(closed["public"]!.GetValue<bool>());
        Assert.Equal("Lukket", closed["name"]!.GetValue<string>());
        Assert.Null(closed["resolutionText"]);
        Assert.Null(closed["result"]);
        Assert.Null(closed["auxiliaryFile"]);
        Assert.Equal("https://schema.oparl.org/1.1/File", meeting["resultsProtocol"]!["type"]!.GetValue<string>());
        Assert.EndsWith("/tf/2025-06-05.pdf", meeting["resultsProtocol"]!["accessUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2025-06-05T09:00:00+02:00", meeting["start"]!.GetValue<string>());
    }

    [Fact]
    public async Task CaseTreatedInTwoForumsIsOnePaperWithAConsultationPerMeeting()
    {
        await using var database = await SeededDatabaseAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var paper = await GetJsonAsync(client, $"{Api}/paper/00.01.00-A00-1-25");

        Assert.Equal("00.01.00-A00-1-25", paper["reference"]!.GetValue<string>());
        Assert.Equal("Åbent punkt", paper["name"]!.GetValue<string>());
        var consultations = paper["consultation"]!.AsArray();
        Assert.Equal(2, consultations.Count);
        var organizations = consultations.Select(c => c!["organization"]![0]!.GetValue<string>()).ToList();
        Assert.Equal(2, organizations.Distinct().Count());
        var forums = new List<string>();
        foreach (var organization in organizations)
            forums.Add((await GetJsonAsync(client, organization))["shortName"]!.GetValue<string>());
        Assert.Equal(["TF", "ØU"], forums);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Api}/paper/99.99.99-X00-1-99")).StatusCode);
    }

    [Fact]
    public async Task ListsArePagedWithNextLinksThatKeepTheFilters()
    {
        await using var database = await SeededDatabaseAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var seen = new List<string>();
        var pages = 0;
        string? next = $"{Api}/body/1/agendaitems?limit=2&created_since=2000-01-01T00:00:00Z";
        while (next is not null)
        {
            var page = await GetJsonAsync(client, next);
            pages++;
            Assert.Equal(5, page["pagination"]!["totalElements"]!.GetValue<int>());
            Assert.True(page["data"]!.AsArray().Count <= 2);
            seen.AddRange(page["data"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            next = page["links"]!["next"]?.GetValue<string>();
            if (next is not null)
                Assert.Contains("created_since=2000-01-01T00%3A00%3A00Z", next, StringComparison.Ordinal);
        }

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=100000", "limit")]
    [InlineData("page=-1", "page")]
    [InlineData("modified_since=yesterday", "modified_since")]
    [InlineData("created_since=18-08-2016", "created_since")]
    public async Task BadListParameterIsRejectedWithAProblemNamingIt(string parameters, string name)
    {
        await using var database = await SeededDatabaseAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync($"{Api}/body/1/meetings?{parameters}");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(problem["errors"]![name]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiltersSelectByChangeTimeAndModifiedSinceReturnsDeletedObjects(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var first = Builders.Meeting(new DateOnly(2026, 2, 26), Builders.OpenItem("Et", "00.01.00-A00-1-26"), Builders.OpenItem("To", "00.01.00-A00-2-26"), Builders.OpenItem("Tre"));
        await using (var db = await database.OpenAsync())
        {
            db.Clock = clock;
            await new MeetingImporter(db).StoreAsync(first);
            clock.Advance(TimeSpan.FromHours(1));
            await new MeetingImporter(db).StoreAsync(Builders.Meeting(new DateOnly(2026, 3, 5), Builders.OpenItem("Senere")));
            clock.Advance(TimeSpan.FromHours(1));
            await new MeetingImporter(db).StoreAsync(first with { Items = [(1, first.Items[0].Content)] });
        }

        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var createdLater = await GetJsonAsync(client, $"{Api}/body/1/meetings?created_since=2026-03-01T09:00:00Z");
        Assert.Equal(["Testforum – møde torsdag d. 5. marts 2026"], createdLater["data"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));

        var createdEarlier = await GetJsonAsync(client, $"{Api}/body/1/meetings?created_until=2026-03-01T08:30:00%2B00:00");
        Assert.Single(createdEarlier["data"]!.AsArray());

        var changed = await GetJsonAsync(client, $"{Api}/body/1/agendaitems?modified_since=2026-03-01T09:30:00Z");
        var deleted = changed["data"]!.AsArray().Where(i => i!["deleted"]?.GetValue<bool>() == true).ToList();
        Assert.Equal(2, deleted.Count);
        Assert.All(deleted, d => Assert.Equal("2026-03-01T10:00:00Z", d!["modified"]!.GetValue<string>()));
        Assert.DoesNotContain(changed["data"]!.AsArray(), i => i!["name"]?.GetValue<string>() == "TF - Senere");

        var consultations = await GetJsonAsync(client, $"{Api}/body/1/consultations?modified_since=2026-03-01T09:30:00Z");
        Assert.Equal(2, consultations["data"]!.AsArray().Count(c => c!["deleted"]?.GetValue<bool>() == true));

        var withoutFilter = await GetJsonAsync(client, $"{Api}/body/1/agendaitems");
        Assert.DoesNotContain(withoutFilter["data"]!.AsArray(), i => i!["deleted"] is not null);
        Assert.Equal(2, withoutFilter["data"]!.AsArray().Count);

        var deletedId = deleted[0]!["id"]!.GetValue<string>();
        var single = await GetJsonAsync(client, deletedId);
        Assert.True(single["deleted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheOParlEndpoints()
    {
        await using var database = await SeededDatabaseAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/oparl/openapi.json");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/oparl/v1/system", paths);
        Assert.Contains("/oparl/v1/meeting/{id}", paths);
        Assert.Contains("/oparl/v1/body/{bodyId}/papers", paths);
        Assert.All(paths, p => Assert.StartsWith("/oparl/v1/", p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/oparl/v1/meeting/999999")]
    [InlineData("/oparl/v1/body/2")]
    [InlineData("/oparl/v1/body/2/meetings")]
    [InlineData("/oparl/v1/legislativeterm/1999")]
    public async Task UnknownObjectIsNotFoundProblem(string address)
    {
        await using var database = await SeededDatabaseAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// TF:2025-06-05 with an open item (case 00.01.00-A00-1-25, a public and an internal attachment) and a
    /// closed item carrying the marker everywhere; ØU:2025-06-19 treats the same case; TF:2025-08-14 has two more items.
    /// </summary>
    internal static async Task<TestDatabase> SeededDatabaseAsync(StorageProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var importer = new MeetingImporter(db);
        var first = Builders.MeetingWithClosedItem(Marker);
        var open = first.Items[0].Content;
        await importer.StoreAsync(first with
        {
            Items = [(first.Items[0].Number, open with { Attachments = [.. open.Attachments.Select(WithFile)] }), .. first.Items.Skip(1)],
        });
        await importer.StoreAsync(Builders.Meeting(new DateOnly(2025, 6, 19), Builders.OpenItem("Åbent punkt", "00.01.00-A00-1-25", "Sendt videre fra TF.")) with
        {
            ForumCode = "ØU",
            ForumName = "Økonomiudvalget",
        });
        await importer.StoreAsync(Builders.Meeting(new DateOnly(2025, 8, 14), Builders.OpenItem("Budget", "00.30.00-A00-3-25"), Builders.OpenItem("Evt.")));
        return database;
    }

    // Only the file's description is stored; OParl lists it without reading the bytes.
    private static AttachmentContent WithFile(AttachmentContent attachment)
    {
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(attachment.Title)));
        return attachment with { File = new AttachmentFile(attachment.Title + ".pdf", "application/pdf", sha256, 1234, $"{sha256[..2]}/{sha256}.pdf", null) };
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient client, string address)
    {
        var response = await client.GetAsync(address);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    internal sealed record Crawl(Dictionary<string, List<string>> Objects, List<string> Bodies);

    /// <summary>Follows every URL under /oparl/v1 from the system object: each list (all pages) and each object.</summary>
    internal static async Task<Crawl> CrawlAsync(HttpClient client)
    {
        var crawl = new Crawl(new Dictionary<string, List<string>>(StringComparer.Ordinal), []);
        var queue = new Queue<string>([$"{Api}/system"]);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var address))
        {
            if (!visited.Add(address))
                continue;
            var response = await client.GetAsync(address);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {(int)response.StatusCode} {text}");
            crawl.Bodies.Add(text);
            var node = JsonNode.Parse(text)!;
            foreach (var item in node["data"] is JsonArray data ? data.Select(d => d!) : [node])
                Collect(item, crawl.Objects);
            foreach (var url in Urls(node))
                queue.Enqueue(url);
        }

        return crawl;
    }

    private static void Collect(JsonNode node, Dictionary<string, List<string>> objects)
    {
        if (node is JsonObject obj && obj["type"]?.GetValue<string>() is { } type && type.StartsWith("https://schema.oparl.org/", StringComparison.Ordinal))
        {
            if (!objects.TryGetValue(type, out var list))
                objects[type] = list = [];
            list.Add(obj.ToJsonString());
            foreach (var (_, value) in obj)
            {
                if (value is JsonObject child)
                    Collect(child, objects);
                else if (value is JsonArray array)
                    foreach (var element in array.OfType<JsonObject>())
                        Collect(element, objects);
            }
        }
    }

    private static IEnumerable<string> Urls(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Urls(p.Value)),
        JsonArray array => array.SelectMany(Urls),
        JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is var s && s.StartsWith(Api + "/", StringComparison.Ordinal) => [s],
        _ => [],
    };
}
