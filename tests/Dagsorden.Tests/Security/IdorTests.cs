using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Items;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Dagsorden.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Security;

/// <summary>
/// Insecure direct object references: every id in the database, guessed by readers who may not see
/// it, opens nothing closed, unpublished or private. (Attachment ids one by one, notes of another
/// forum and other people's drafts have their own tests; see docs/security.md.)
/// </summary>
public sealed class IdorTests
{
    [Fact]
    public async Task GuessingEveryIdOfAnotherForumShowsNoClosedUnpublishedOrPrivateText()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var fixture = await WorkflowFixture.SeedAsync(database);
        const string NoteMarker = "NOTE-K7Q";
        const string DraftMarker = "KLADDE-V9P";
        List<int> meetingIds, itemIds, attachmentIds;
        await using (var db = await database.OpenAsync())
        {
            var tf = await db.Forums.SingleAsync(f => f.Code == "TF");
            var draft = new ItemDraft(tf, "nogen-andens-id", "Forfatter", Builders.OpenItem("Kladde " + DraftMarker));
            db.ItemDrafts.Add(draft);
            await db.SaveChangesAsync();
            meetingIds = await db.Meetings.Select(m => m.Id).ToListAsync();
            itemIds = await db.Items.Select(i => i.Id).ToListAsync();
            attachmentIds = await db.Attachments.Select(a => a.Id).ToListAsync();
        }

        await using var app = new TestApp(database);
        var memberId = await app.AddUserAsync("medlem@example.test", null, ("TF", ForumRole.Member));
        await using (var db = await database.OpenAsync())
        {
            db.ItemNotes.Add(new ItemNote(itemIds[0], memberId, "Privat " + NoteMarker, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        var guessers = new Dictionary<string, HttpClient>
        {
            ["anonym"] = app.CreateBrowserClient(),
            ["medarbejder"] = await app.SignInAsNewUserAsync("ansat@example.test"),
            ["forfatter"] = await app.SignInAsNewUserAsync("forfatter@example.test", SystemRoles.Author),
            ["medlem af AF"] = await app.SignInAsNewUserAsync("af-medlem@example.test", null, ("AF", ForumRole.Member)),
            ["sekretær i AF"] = await app.SignInAsNewUserAsync("af-sekretaer@example.test", SystemRoles.Author, ("AF", ForumRole.Secretary)),
        };
        var addresses = new List<string>();
        var maxId = new[] { meetingIds.Max(), itemIds.Max(), attachmentIds.DefaultIfEmpty(0).Max() }.Max() + 2;
        for (var id = 0; id <= maxId; id++)
        {
            addresses.Add($"/sekretariat/moeder/{id}");
            addresses.Add($"/sekretariat/moeder/{id}/moedet");
            for (var number = 1; number <= 6; number++)
                addresses.Add($"/sekretariat/moeder/{id}/punkt/{number}/rediger");
            addresses.Add($"/punkter/{id}");
            addresses.Add($"/bilag/{id}");
            addresses.Add($"/oparl/v1/meeting/{id}");
            addresses.Add($"/oparl/v1/agendaitem/{id}");
            addresses.Add($"/oparl/v1/file/{id}");
            addresses.Add($"/oparl/v1/consultation/{id}");
        }

        addresses.Add("/oparl/v1/paper/" + WorkflowFixture.ClosedCase);
        addresses.Add("/oparl/v1/paper/" + WorkflowFixture.SharedCase);
        for (var number = 1; number <= 7; number++)
        {
            addresses.Add($"/tf/2026-02-05/punkt/{number}");
            addresses.Add($"/tf/2026-03-05/punkt/{number}");
        }

        var failures = new List<string>();
        foreach (var (guesser, client) in guessers)
        {
            foreach (var address in addresses)
            {
                var response = await client.GetAsync(address);
                var body = await UnpublishedContentTests.TextAsync(response);
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{guesser} {address}: {response.StatusCode}");
                foreach (var marker in new[] { WorkflowFixture.ClosedMarker, WorkflowFixture.EditMarker, WorkflowFixture.PlanMarker, NoteMarker, DraftMarker })
                {
                    if (body.Contains(marker, StringComparison.Ordinal))
                        failures.Add($"{guesser} {address} shows {marker}");
                }

                if (address.StartsWith("/sekretariat", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.OK)
                    failures.Add($"{guesser} opens {address}");
            }
        }

        foreach (var client in guessers.Values)
            client.Dispose();
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(50)));
        Assert.True(addresses.Count > 200, $"Only {addresses.Count} addresses were guessed.");
    }
}
