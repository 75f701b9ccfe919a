using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Communication;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Items;

/// <summary>
/// The secretary's editor for one agenda item, e.g. /sekretariat/moeder/7/punkt/3/rediger. Until the
/// minutes are approved it saves through <see cref="MeetingWorkflow.EditItemAsync"/>; afterwards
/// it corrects with a reason through <see cref="MeetingWorkflow.CorrectItemAsync"/>, which publishes a new version.
/// </summary>
public sealed class AgendaItemEditorModel(DagsordenDbContext db, CurrentUser currentUser, AttachmentStore store, UploadPolicy policy, ItemCommunication communication)
    : ItemEditorPageModel(currentUser, store, policy)
{
    public const string AudienceField = "afdeling";
    public const string CommunicationSaved = "kommunikation";

    private EditorMode _mode;

    public override EditorMode Mode => _mode;

    public Meeting Meeting { get; private set; } = null!;

    public AgendaItem Item { get; private set; } = null!;

    public string MeetingPath => "/sekretariat/moeder/" + Number(Meeting.Id);

    /// <summary>Every department, for the "Kommunikation" checkboxes.</summary>
    public IReadOnlyList<Department> Departments { get; private set; } = [];

    /// <summary>The departments checked: those stored, or those posted when the change was refused.</summary>
    public IReadOnlySet<int> Audience { get; private set; } = new HashSet<int>();

    public async Task<IActionResult> OnGetAsync(int meetingId, int number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(meetingId, number, cancellationToken) is { } refused)
            return refused;
        Form = ItemForm.From(Item.Content, Item.Revision);
        PrepareView();
        await LoadAudienceAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// Saves "Kommunikation": the departments that must hear of the decision ("afdeling", repeated).
    /// A form of its own beside the item's, so choosing departments never touches the item's text.
    /// </summary>
    public async Task<IActionResult> OnPostCommunicationAsync(int meetingId, int number, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(cancellationToken);
        if (await LoadAsync(meetingId, number, cancellationToken) is { } refused)
            return refused;
        var ids = new HashSet<int>();
        foreach (var value in Request.Form[AudienceField])
        {
            if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                ids.Add(id);
            else
                ModelState.AddModelError(AudienceField, $"»{value}« er ikke en af afdelingerne. Vælg afdelingerne på listen.");
        }

        if (ModelState.IsValid)
        {
            try
            {
                await communication.SetAudienceAsync(access, Item.Id, ids, cancellationToken);
                return Redirect($"{MeetingPath}/punkt/{Number(number)}/rediger?besked={CommunicationSaved}#kommunikation");
            }
            catch (DomainException e)
            {
                AddError(e, AudienceField);
            }
        }

        Form = ItemForm.From(Item.Content, Item.Revision);
        PrepareView();
        await LoadAudienceAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAudienceAsync(CancellationToken cancellationToken)
    {
        Departments = await communication.DepartmentsAsync(cancellationToken);
        Audience = (await communication.AudienceAsync(Item.Id, cancellationToken)).Select(d => d.Id).ToHashSet();
    }

    public async Task<IActionResult> OnPostAsync(int meetingId, int number, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(cancellationToken);
        if (await LoadAsync(meetingId, number, cancellationToken) is { } refused)
            return refused;
        await LoadAudienceAsync(cancellationToken);
        if (Handling == SearchKle)
        {
            TranslateBindingErrors();
            PrepareView();
            return Page();
        }

        if (Handling is Submit or Withdraw)
            return BadRequest();

        var correcting = Mode == EditorMode.Correction;
        var content = await ReadPostedContentAsync(Item.Content, new EditorRules(TitleRequired: false, DecisionEditable: correcting), cancellationToken);
        var reason = correcting ? ItemForm.CheckLine(Form.Reason, "Begrundelsen", ItemForm.Key(nameof(ItemForm.Reason)), Limits.Title, ModelState) : "";
        if (correcting && reason.Length == 0)
            ModelState.AddModelError(ItemForm.Key(nameof(ItemForm.Reason)), "Skriv en begrundelse for rettelsen; den offentliggøres sammen med den rettede udgave.");
        if (content is null || !ModelState.IsValid)
        {
            PrepareView();
            return Page();
        }

        var workflow = new MeetingWorkflow(db);
        try
        {
            if (correcting)
                await workflow.CorrectItemAsync(meetingId, number, content, reason, Form.Revision, access.DisplayName ?? "", cancellationToken);
            else
                await workflow.EditItemAsync(meetingId, number, content, Form.Revision, cancellationToken);
        }
        catch (EditConflictException e)
        {
            var current = await workflow.LoadAsync(meetingId, cancellationToken);
            var item = current.Items.FirstOrDefault(i => i.Number == number);
            if (item is null)
            {
                AddError(e);
                ModelState.AddModelError("", $"Punkt {Number(number)} findes ikke længere på mødet; punkterne er blevet flyttet. Din tekst er bevaret nedenfor.");
            }
            else
            {
                ShowConflict(e, item.Content, item.Revision);
            }

            PrepareView();
            return Page();
        }
        catch (DomainException e)
        {
            AddError(e);
            PrepareView();
            return Page();
        }

        return Redirect($"{MeetingPath}/punkt/{Number(number)}/rediger?besked={(correcting ? "rettet" : "gemt")}{SavedFragment}");
    }

    /// <summary>The names left out of the public version, one per line, as stored or as just posted.</summary>
    public string RedactionsText { get; private set; } = "";

    /// <summary>Why the posted names were not saved; null when they were or none were posted.</summary>
    public string? RedactionsError { get; private set; }

    public string? RedactionsNotice => Notice == "navne"
        ? Meeting.Status == MeetingStatus.MinutesApproved
            ? "Navnene er gemt, og referatet er offentliggjort igen uden dem."
            : Meeting.IsPublished
                ? "Navnene er gemt. De udelades i den offentlige udgave, når mødet offentliggøres næste gang."
                : "Navnene er gemt. De udelades i den offentlige udgave, når mødet offentliggøres."
        : null;

    /// <summary>
    /// Saves the names left out of the item's public version (one per line). Its own small form, so
    /// that it never posts, nor loses, text typed in the item's form.
    /// </summary>
    public async Task<IActionResult> OnPostNavneAsync(int meetingId, int number, [FromForm(Name = "navne")] string? names, [FromForm(Name = "navne-revision")] string? revision, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(cancellationToken);
        if (await LoadAsync(meetingId, number, cancellationToken) is { } refused)
            return refused;
        var posted = names ?? "";
        var lines = posted.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var expected = 0;
        RedactionsError = lines.FirstOrDefault(l => l.Length > Limits.Name) is { } tooLong
            ? $"Linjen »{tooLong[..40]}…« er {tooLong.Length} tegn lang; et navn må højst være {Limits.Name} tegn."
            : lines.FirstOrDefault(l => l.Length < 2) is { } tooShort
                ? $"»{tooShort}« er for kort til at udelade; skriv hele navnet."
                : lines.Count > Core.Meetings.Meeting.MaxRedactions
                    ? $"Der kan højst udelades {Core.Meetings.Meeting.MaxRedactions} navne pr. punkt; du skrev {lines.Count}."
                    : !int.TryParse(revision, NumberStyles.None, CultureInfo.InvariantCulture, out expected)
                        ? "Siden var forældet, så navnene er ikke gemt. Se de gemte navne, og gem igen."
                        : null;
        if (RedactionsError is null)
        {
            try
            {
                await new MeetingWorkflow(db).SetPublicRedactionsAsync(meetingId, number, lines, expected, access.DisplayName ?? "Sekretariatet", cancellationToken);
                return Redirect($"{MeetingPath}/punkt/{Number(number)}/rediger?besked=navne#navne");
            }
            catch (DomainException e)
            {
                RedactionsError = e.DanishMessage;
                if (await LoadAsync(meetingId, number, cancellationToken) is { } gone)
                    return gone;
            }
        }

        // The secretary's own lines are offered back, against the item as it is stored now.
        RedactionsText = posted;
        Form = ItemForm.From(Item.Content, Item.Revision);
        PrepareView();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int meetingId, int number, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(cancellationToken);
        if (!access.IsSignedIn)
            return Challenge();
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Forum)
            .Include(m => m.Items).ThenInclude(i => i.Attachments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
            return access.IsSecretaryOfAny ? NotFound() : Forbid();
        if (Require(access, access.IsSecretaryOf(meeting.ForumId)) is { } refused)
            return refused;
        var item = meeting.Items.FirstOrDefault(i => i.Number == number);
        if (item is null)
            return NotFound();
        Meeting = meeting;
        Item = item;
        RedactionsText = string.Join('\n', item.PublicRedactions);
        Template = meeting.Template;
        _mode = meeting.Status == MeetingStatus.MinutesApproved ? EditorMode.Correction : EditorMode.Item;
        return null;
    }
}
