using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Communication;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Privacy;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Dagsorden.Web.Attachments;
using Dagsorden.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Meetings;

/// <summary>
/// One item's permalink, e.g. /cf/2016-08-18/punkt/5, as published, with the case's history as a
/// timeline. A member of the forum reads a closed item in full and keeps private notes on the item.
/// </summary>
public sealed class ItemModel(DagsordenDbContext db, CurrentUser currentUser, ItemCommunication communication) : PortalPageModel
{
    public MeetingDocument? Meeting { get; private set; }

    public DocumentItem? Item { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>"00.01.00 Kommunens styrelse i almindelighed": the subject the timeline links by, when the case number carries one.</summary>
    public string? KleSubject { get; private set; }

    /// <summary>The forums whose closed items the user reads, by code: their timeline entries show their titles.</summary>
    public IReadOnlySet<string> MemberForumCodes { get; private set; } = new HashSet<string>();

    public bool IsMember { get; private set; }

    /// <summary>The attachment files this reader may download from the item.</summary>
    public IReadOnlyList<Download> Downloads { get; private set; } = [];

    public string? BuilderPath { get; private set; }

    /// <summary>"Kommunikation": the departments that must hear of the decision; never shown for a closed item to those who may not read it.</summary>
    public IReadOnlyList<string> Communication { get; private set; } = [];

    /// <summary>The user's own note: what is stored, or what they just posted when it could not be saved.</summary>
    [BindProperty(Name = "note")]
    public string? Note { get; set; }

    public DateTime? NoteSaved { get; private set; }

    /// <summary>Set after a save, from the redirect's address: "gemt" or "slettet".</summary>
    [BindProperty(SupportsGet = true, Name = "noter")]
    public string? NoteResult { get; set; }

    private UserAccess _access = UserAccess.Anonymous;

    private PublishedMeeting? _published;

    private int? _itemId;

    public async Task<IActionResult> OnGetAsync(string code, string date, int number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, date, number, cancellationToken) is { } notFound)
            return notFound;
        Downloads = await DownloadsAsync(cancellationToken);
        if (_itemId is { } itemId && (!Item!.IsClosed || IsMember))
            Communication = (await communication.AudienceAsync(itemId, cancellationToken)).Select(d => d.Name).ToList();
        if (IsMember)
        {
            var note = await db.ItemNotes.AsNoTracking().FirstOrDefaultAsync(n => n.ItemId == _itemId && n.UserId == _access.UserId, cancellationToken);
            Note = note?.Text;
            NoteSaved = note?.Modified;
        }

        return Page();
    }

    /// <summary>Saves the member's note; an empty note deletes it. Only its writer ever reads it.</summary>
    public async Task<IActionResult> OnPostAsync(string code, string date, int number, CancellationToken cancellationToken)
    {
        NoteResult = null;
        if (await LoadAsync(code, date, number, cancellationToken) is { } notFound)
            return notFound;
        if (!_access.IsSignedIn)
            return Challenge();
        if (!IsMember)
            return Forbid();

        // The item of a published version may since have been taken off the agenda.
        if (_itemId is not { } itemId || !await db.Items.AnyAsync(i => i.Id == itemId, cancellationToken))
        {
            (Meeting, Item) = (null, null);
            return NotFoundPage("Punktet findes ikke længere på mødet, så der kan ikke skrives noter til det.");
        }

        var text = Note ?? "";
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var note = await db.ItemNotes.FirstOrDefaultAsync(n => n.ItemId == itemId && n.UserId == _access.UserId, cancellationToken);
        try
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (note is not null)
                    db.ItemNotes.Remove(note);
            }
            else if (note is null)
            {
                db.ItemNotes.Add(new ItemNote(itemId, _access.UserId!, text, now));
            }
            else
            {
                note.Change(text, now);
            }
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("note", "Mine noter: " + e.DanishMessage + " Noten er ikke gemt.");
            NoteSaved = note?.Modified;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"{ItemPath(Meeting!.Key, number)}?noter={(string.IsNullOrWhiteSpace(text) ? "slettet" : "gemt")}#mine-noter");
    }

    /// <summary>
    /// The item's attachment files this reader may download: the published item's attachments, by the
    /// download's own rule (<see cref="AttachmentAccess.MayRead"/>), linked to their stored rows. A file
    /// attached since publishing is not offered here, not even to the forum's secretary.
    /// </summary>
    private async Task<IReadOnlyList<Download>> DownloadsAsync(CancellationToken cancellationToken)
    {
        if (_itemId is not { } itemId || _published?.Meeting.Items.FirstOrDefault(i => i.Number == Item?.Number) is not { } shown)
            return [];
        var published = shown.Content.Attachments;
        var rows = await db.Attachments.AsNoTracking()
            .Where(a => a.ItemId == itemId)
            .OrderBy(a => a.Position)
            .Select(a => new { a.Id, a.Title, a.Position })
            .ToListAsync(cancellationToken);
        return rows
            .Where(row => row.Position < published.Count && published[row.Position].Title.Trim() == row.Title)
            .Select(row => (row.Id, row.Title, Published: published[row.Position]))
            .Where(a => AttachmentAccess.MayRead(a.Published.File, a.Published.IsPublic, shown.IsClosed, IsMember))
            .Select(a => new Download(a.Id, IsMember ? a.Title : Redactions.Of(shown.PublicRedactions).Apply(a.Title), Describe(a.Published.File!)))
            .ToList();
    }

    private static string Describe(AttachmentFile file)
    {
        var kind = file.ContentType switch
        {
            ContentTypes.Pdf => "PDF",
            ContentTypes.Docx => "Word",
            ContentTypes.Xlsx => "Excel",
            ContentTypes.Png => "PNG-billede",
            ContentTypes.Jpeg => "JPEG-billede",
            _ => "fil",
        };
        var danish = CultureInfo.GetCultureInfo("da-DK");
        var size = file.Size < 1024 * 1024
            ? Math.Max(1, file.Size / 1024).ToString("N0", danish) + " kB"
            : (file.Size / (1024.0 * 1024)).ToString("N1", danish) + " MB";
        return kind + ", " + size;
    }

    public static string ItemPath(MeetingKey key, int number) =>
        "/" + string.Join('/', MeetingText.RouteValues(key).Values) + "/punkt/" + MeetingText.Number(number);

    /// <summary>Null when the item is found and loaded; otherwise the 404 page.</summary>
    private async Task<IActionResult?> LoadAsync(string code, string date, int number, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, MeetingText.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return NotFoundPage($"»{date}« er ikke en dato. Skriv datoen som år-måned-dag, fx /cf/2016-08-18/punkt/1.");

        var key = new MeetingKey(code.ToUpperInvariant(), day);
        _access = await currentUser.GetAsync(cancellationToken);
        _published = await db.FindPublishedAsync(key, cancellationToken);
        if (_published is null)
        {
            (var message, BuilderPath) = await MeetingModel.NotFoundAsync(db, _access, key, code, cancellationToken);
            return NotFoundPage(message);
        }

        var item = _published.Meeting.Items.FirstOrDefault(i => i.Number == number);
        if (item is null)
            return NotFoundPage($"Punkt {number.ToString(CultureInfo.InvariantCulture)} findes ikke på mødet.");

        IsMember = _access.IsMemberOf(_published.ForumId);
        var audience = IsMember ? DocumentAudience.Internal : DocumentAudience.Public;
        MemberContent.KeepPrivate(Response, audience);
        Meeting = MeetingDocument.From(_published.Meeting, audience);
        Item = Meeting.Items.First(i => i.Number == number);
        _itemId = _published.ItemId(number);
        var memberOf = _access.Forums.Keys.ToList();
        MemberForumCodes = (await db.Forums.AsNoTracking().Where(f => memberOf.Contains(f.Id)).Select(f => f.Code).ToListAsync(cancellationToken)).ToHashSet();
        Timeline = await db.CaseHistoryAsync(key.ForumCode, item.Content, MemberForumCodes, cancellationToken);
        if (Timeline.Count > 0 && !Timeline.Any(e => e.Meeting == key && e.Number == number))
        {
            // Found by consultation only: the item itself has no case number to be found by, so put it in its place.
            var content = item.Content;
            Timeline = Timeline
                .Append(new TimelineEntry(key, number, content.IsClosed && !IsMember ? "" : item.FullTitle, content.IsClosed, content.CaseNumber?.Value, content.Decision?.Outcome, true))
                .OrderBy(e => e.Meeting.Date).ThenBy(e => e.Meeting.ForumCode, StringComparer.Ordinal).ThenBy(e => e.Number)
                .ToList();
        }

        KleSubject = Core.CaseNumbers.CaseSubject.Of(item.CaseNumber) is { } subject
            ? subject + " " + (Core.CaseNumbers.KleSubjectPlan.Default.Find(subject)?.Title ?? "")
            : null;

        return null;
    }
}

/// <summary>A downloadable attachment: its id for /bilag/{id}, its title, and "PDF, 120 kB".</summary>
public sealed record Download(int Id, string Title, string Description);
