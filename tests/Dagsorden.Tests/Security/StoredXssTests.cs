using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Privacy;
using Dagsorden.Tests.Support;
using Dagsorden.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Security;

/// <summary>
/// Stored XSS: a payload stored in every text field (as an import or a direct write could store it,
/// past the editor's own clean-up) is shown as text on every page that shows the field, and as
/// text in the PDF and DOCX, never as markup, script or field code.
/// (The editor strips tags on input: Items/DraftEditorTests.ScriptInRichTextIsStoredWithoutTagsAndShownEscaped.)
/// </summary>
public sealed class StoredXssTests
{
    private const string Payload = "<script>alert('xss')</script><img src=x onerror=alert(1)>\"><svg/onload=alert(2)>";

    // What must never appear in HTML: the payload's tags as markup.
    private static readonly string[] Markup = ["<script>alert", "<img src=x", "<svg/onload", "onerror=alert(1)>"];

    [Fact]
    public async Task APayloadInEveryTextFieldIsShownAsTextOnEveryPage()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var (meetingId, itemNumber) = await SeedAsync(database);
        await using var app = new TestApp(database);
        var memberId = await app.AddUserAsync("medlem@example.test", null, ("TF", ForumRole.Member));
        await using (var db = await database.OpenAsync())
        {
            var itemId = await db.Items.Where(i => i.MeetingId == meetingId && i.Number == itemNumber).Select(i => i.Id).SingleAsync();
            db.ItemNotes.Add(new ItemNote(itemId, memberId, "Note " + Payload, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        using var anonymous = app.CreateBrowserClient();
        using var member = await app.SignInAsync("medlem@example.test");
        using var secretary = await app.SignInAsNewUserAsync("sekretaer@example.test", SystemRoles.Administrator, ("TF", ForumRole.Secretary));
        int draftId;
        await using (var db = await database.OpenAsync())
            draftId = await db.ItemDrafts.Where(d => d.PlacedItemId == null).Select(d => d.Id).SingleAsync();
        var meeting = "/tf/2026-09-03";
        var pages = new (HttpClient Client, string Address)[]
        {
            (anonymous, "/"), (anonymous, "/tf"), (anonymous, meeting), (anonymous, meeting + "/punkt/2"), (anonymous, meeting + "/udgave/1"),
            (anonymous, meeting + "/udgave/2"), (anonymous, "/soeg?q=alert"), (anonymous, "/soeg?q=" + Uri.EscapeDataString(Payload)),
            (member, meeting + "/punkt/2"), (member, meeting),
            (secretary, "/sekretariat"), (secretary, $"/sekretariat/moeder/{meetingId}"), (secretary, $"/sekretariat/moeder/{meetingId}/moedet"),
            (secretary, $"/sekretariat/moeder/{meetingId}/punkt/2/rediger"), (secretary, $"/punkter/{draftId}"),
            (secretary, "/admin/forummer"), (secretary, "/admin/forummer/TF"),
        };

        foreach (var (client, address) in pages)
        {
            var response = await client.GetAsync(address);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {response.StatusCode}");
            foreach (var markup in Markup)
                Assert.False(html.Contains(markup, StringComparison.OrdinalIgnoreCase), $"{address} holds {markup} as markup");
            Assert.True(WebUtility.HtmlDecode(html).Contains("alert('xss')", StringComparison.Ordinal), $"{address} does not show the payload as text");
        }

        Assert.Contains("Note " + Payload, WebUtility.HtmlDecode(await member.GetStringAsync(meeting + "/punkt/2")), StringComparison.Ordinal);
        var atom = await anonymous.GetStringAsync("/tf/dokumenter.atom");
        Assert.DoesNotContain("<script", atom, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", atom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APayloadIsTextInThePdfAndTheDocxNeverScriptOrFieldCode()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var anonymous = app.CreateClient();

        var pdf = await anonymous.GetByteArrayAsync("/tf/2026-09-03.pdf");
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.DoesNotContain("/JavaScript", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("/JS", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("/Launch", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("/SubmitForm", raw, StringComparison.Ordinal);
        Assert.Contains("alert('xss')", Documents.DocumentLeakTests.PdfText(pdf), StringComparison.Ordinal);

        var docx = Documents.DocumentLeakTests.DocxXml(await anonymous.GetByteArrayAsync("/tf/2026-09-03.docx"));
        Assert.DoesNotContain("<script", docx, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", docx, StringComparison.OrdinalIgnoreCase);
        // The document's own fields (page numbers) are allowed; none is made from the payload.
        var fields = System.Text.RegularExpressions.Regex.Matches(docx, "<w:instrText[^>]*>([^<]*)</w:instrText>|w:instr=\"([^\"]*)\"").Select(m => m.Value).ToList();
        Assert.All(fields, f => Assert.DoesNotContain("alert", f, StringComparison.Ordinal));
        Assert.DoesNotContain("HYPERLINK", docx, StringComparison.Ordinal);
        Assert.DoesNotContain("INCLUDE", docx, StringComparison.Ordinal);
        Assert.DoesNotContain("altChunk", docx, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert('xss')&lt;/script&gt;", docx.Replace("&apos;", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>
    /// Forum TF named with the payload; TF 2026-09-03 with item 2 holding the payload in its title, a
    /// section's heading and text, the recommendation, the decision and an attachment's title, a
    /// participant named with it, agenda and minutes published; a submitted draft titled with it.
    /// </summary>
    private static async Task<(int MeetingId, int ItemNumber)> SeedAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var item = Builders.OpenItem("Titel " + Payload, "00.01.00-A00-7-26") with
        {
            Sections =
            [
                new SectionContent(SectionKind.Text, "Overskrift " + Payload, new RichText([new Paragraph([new Inline("Tekst " + Payload, Bold: true)]), new ListBlock(ListKind.Bullet, "- ", 1, [new ListItem([new Inline("Punkt " + Payload)], [])])])),
                new SectionContent(SectionKind.Recommendation, "Indstilling", RichText.Empty),
                new SectionContent(SectionKind.Decision, "Beslutning", RichText.Empty),
                new SectionContent(SectionKind.Attachments, "Bilag", RichText.Empty),
            ],
            Recommendation = new Recommendation("Direktøren indstiller,", null, RichText.FromParagraphs("at " + Payload)),
            Attachments = [new AttachmentContent("Bilag " + Payload, true)],
        };
        var meetingId = await CprPublishingTests.PlannedMeetingAsync(db, item);
        var forum = await db.Forums.SingleAsync(f => f.Code == "TF");
        forum.Update("Forum " + Payload, DocumentTemplate.Standard2016, "Sted " + Payload, new TimeOnly(9, 0));
        var draft = new ItemDraft(forum, "forfatter", "Forfatter", Builders.OpenItem("Kladde " + Payload));
        draft.Submit(DateTime.UtcNow);
        db.ItemDrafts.Add(draft);
        await db.SaveChangesAsync();

        var workflow = new MeetingWorkflow(db);
        await workflow.PublishAgendaAsync(meetingId, "Sekretær");
        await workflow.RecordAttendanceAsync(meetingId, [new Participant("Deltager " + Payload, "Rolle " + Payload, false)]);
        await CprPublishingTests.DecideAllAsync(workflow, meetingId, "Besluttet " + Payload);
        await workflow.PublishMinutesAsync(meetingId, "Sekretær");
        return (meetingId, 2);
    }
}
