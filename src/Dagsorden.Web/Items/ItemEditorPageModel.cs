using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Dagsorden.Web.Items;

public enum EditorMode
{
    /// <summary>An author's draft.</summary>
    Draft,

    /// <summary>An agenda item, before its minutes are approved.</summary>
    Item,

    /// <summary>An item of approved minutes: changed only by a correction with a reason.</summary>
    Correction,
}

/// <summary>
/// What the draft editor and the agenda-item editor share: the form, its buttons, the KLE search,
/// attachment uploads and the conflict view. Each button posts the whole form with its own
/// "handling", so text typed before adding a section or uploading a file is never lost.
/// </summary>
[UploadLimit]
public abstract class ItemEditorPageModel(CurrentUser currentUser, AttachmentStore store, UploadPolicy policy) : WorkPageModel(currentUser)
{
    public const string Save = "gem";
    public const string Submit = "indsend";
    public const string Withdraw = "traek-tilbage";
    public const string SearchKle = "kle";
    public const string AddSection = "tilfoej-afsnit";
    public const string RemoveSectionPrefix = "fjern-afsnit-";
    public const string MoveSectionUpPrefix = "flyt-afsnit-op-";
    public const string MoveSectionDownPrefix = "flyt-afsnit-ned-";
    public const string Attach = "vedhaeft";
    public const string RemoveAttachmentPrefix = "fjern-bilag-";
    public const int MaxKleQueryLength = 100;

    [BindProperty]
    public ItemForm Form { get; set; } = new();

    [BindProperty(Name = "handling")]
    public string? Handling { get; set; }

    [BindProperty(Name = "fil")]
    public IFormFile? Upload { get; set; }

    [BindProperty(SupportsGet = true, Name = "kle")]
    public string? KleQuery { get; set; }

    [BindProperty(SupportsGet = true, Name = "besked")]
    public string? Notice { get; set; }

    public UploadPolicy Policy => policy;

    public abstract EditorMode Mode { get; }

    public DocumentTemplate Template { get; protected set; }

    /// <summary>The form offers "Gem og indsend" (a draft's author, before submitting).</summary>
    public virtual bool CanSubmit => false;

    /// <summary>The form offers to take a submitted draft back from the queue.</summary>
    public virtual bool CanWithdraw => false;

    /// <summary>Where the form posts: the page's own address without its query.</summary>
    public string FormAction => Request.PathBase + Request.Path;

    public IReadOnlyList<KleSubject> KleResults { get; private set; } = [];

    public bool KleSearched { get; private set; }

    /// <summary>The title of the KLE subject of the case number in the field.</summary>
    public string? CaseNumberSubject { get; private set; }

    /// <summary>After an edit conflict: the stored content someone else saved, shown beside the user's own text.</summary>
    public ItemContent? StoredVersion { get; private set; }

    public string? NoticeText => Notice switch
    {
        "gemt" => "Ændringerne er gemt.",
        "indsendt" => "Punktet er indsendt til forummets sekretær.",
        "trukket-tilbage" => "Punktet er trukket tilbage fra sekretærens kø. Du kan rette det og indsende det igen.",
        "rettet" => "Rettelsen er gemt og offentliggjort som en ny udgave af referatet.",
        UploadLimitAttribute.TooLargeNotice => $"Det, du sendte, var for stort til at blive modtaget, så intet blev gemt. Et bilag må højst fylde {policy.MaxFileSizeText}; skriv dine ændringer igen, og vælg en mindre fil.",
        _ => null,
    };

    /// <summary>The Danish messages of the field, joined; null when it has none.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public IEnumerable<string> AllErrors => ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct();

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Fills what the page shows beside the form: the case number's KLE subject and the KLE search.</summary>
    protected void PrepareView()
    {
        if (!string.IsNullOrWhiteSpace(Form.CaseNumber) && Form.CaseNumber.Length <= Limits.CaseNumber)
            CaseNumberSubject = KleSubjectPlan.Default.FindTitle(CaseNumber.Parse(Form.CaseNumber));
        if (string.IsNullOrWhiteSpace(KleQuery))
            return;
        var query = KleQuery.Trim();
        if (query.Length > MaxKleQueryLength || query.Any(char.IsControl))
        {
            ModelState.AddModelError("kle", $"Søg med højst {MaxKleQueryLength} tegn på én linje, fx »telefoni« eller »83.02«.");
            return;
        }

        KleSearched = true;
        KleResults = KleSubjectPlan.Default.Search(query, 30);
    }

    /// <summary>Binding messages are English and name our property names; the user gets Danish ones naming the field.</summary>
    protected void TranslateBindingErrors()
    {
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count == 0)
                continue;
            entry.Errors.Clear();
            entry.Errors.Add($"Værdien »{entry.AttemptedValue}« kan ikke bruges i feltet {FieldName(key)}. Brug formularens egne felter og knapper.");
        }
    }

    /// <summary>
    /// Reads the posted form into content, applying the pressed button (add or remove a section,
    /// remove an attachment, attach a file). Null when anything is refused; the messages are then in the model state.
    /// </summary>
    protected async Task<ItemContent?> ReadPostedContentAsync(ItemContent stored, EditorRules rules, CancellationToken cancellationToken)
    {
        TranslateBindingErrors();
        var handling = Handling ?? Save;
        if (handling == AddSection)
            Form.AddSection(ModelState);
        else if (handling.StartsWith(RemoveSectionPrefix, StringComparison.Ordinal))
            Form.RemoveSection(IndexIn(handling, RemoveSectionPrefix), ModelState);
        else if (handling.StartsWith(MoveSectionUpPrefix, StringComparison.Ordinal))
            MovedSection = Form.MoveSection(IndexIn(handling, MoveSectionUpPrefix), -1, ModelState);
        else if (handling.StartsWith(MoveSectionDownPrefix, StringComparison.Ordinal))
            MovedSection = Form.MoveSection(IndexIn(handling, MoveSectionDownPrefix), +1, ModelState);
        else if (handling.StartsWith(RemoveAttachmentPrefix, StringComparison.Ordinal))
            Form.RemoveAttachment(IndexIn(handling, RemoveAttachmentPrefix), ModelState);
        else if (handling is not (Save or Submit or Withdraw or Attach))
            ModelState.AddModelError("", "Knappen kendes ikke. Brug formularens egne knapper.");

        var content = Form.ToContent(stored, rules, ModelState);
        if (Upload is null && handling == Attach)
            ModelState.AddModelError("fil", "Vælg den fil, der skal vedhæftes.");
        var upload = Upload is null ? null : await ReadUploadAsync(Upload, cancellationToken);
        if (!ModelState.IsValid || content is null)
        {
            if (Upload is not null && ErrorFor("fil") is null)
                ModelState.AddModelError("fil", "Den valgte fil er ikke vedhæftet; vælg den igen, når fejlene er rettet.");
            return null;
        }

        if (upload is { } file)
        {
            var title = (Form.UploadTitle ?? "").Trim();
            // Stored before the item is saved: the store is addressed by content, so a save that fails leaves only an unreferenced copy.
            var saved = await store.StoreAsync(file.Bytes, file.Name, "upload", cancellationToken);
            content = ItemForm.WithAttachment(content, new AttachmentContent(title.Length > 0 ? title : Path.GetFileNameWithoutExtension(file.Name), Form.UploadPublic, saved), Template);
        }

        return content;
    }

    /// <summary>The index a section was moved to by the button pressed, if one was.</summary>
    protected int? MovedSection { get; private set; }

    /// <summary>
    /// Where the page comes back after saving: at the moved section (#afsnit-N), so the browser shows
    /// it and editor.js puts the focus on it, as a keyboard user moving it step by step needs.
    /// </summary>
    protected string SavedFragment => MovedSection is { } index ? "#afsnit-" + Number(index) : "";

    /// <summary>Shows the conflict: the user's own text stays in the fields, the stored text beside it, and the next save builds on the stored revision.</summary>
    protected void ShowConflict(DomainException conflict, ItemContent current, int currentRevision)
    {
        ModelState.AddModelError("", conflict.DanishMessage);
        if (Upload is not null)
            ModelState.AddModelError("fil", "Den valgte fil er ikke vedhæftet; vælg den igen.");
        StoredVersion = current;
        Form.Revision = currentRevision;
    }

    private async Task<(byte[] Bytes, string Name)?> ReadUploadAsync(IFormFile upload, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(upload.FileName ?? "").Trim();
        if (name.Length == 0)
            name = "bilag";
        if (name.Length > ItemForm.MaxFileNameLength || name.Any(char.IsControl))
        {
            ModelState.AddModelError("fil", $"Filens navn er for langt eller indeholder kontroltegn; omdøb filen til højst {ItemForm.MaxFileNameLength} tegn, og vælg den igen.");
            return null;
        }

        ItemForm.CheckLine(Form.UploadTitle, "Bilagets titel", ItemForm.Key(nameof(ItemForm.UploadTitle)), Limits.Title, ModelState);
        if (policy.CheckSize(name, upload.Length) is { } sizeProblem)
        {
            ModelState.AddModelError("fil", sizeProblem);
            return null;
        }

        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (UploadPolicy.CheckType(name, bytes) is { } typeProblem)
        {
            ModelState.AddModelError("fil", typeProblem);
            return null;
        }

        return (bytes, name);
    }

    private static int IndexIn(string handling, string prefix) =>
        int.TryParse(handling.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;

    private static string FieldName(string key) => key switch
    {
        "Form.Revision" => "»udgave« (et skjult felt; hent siden igen)",
        "Form.IsClosed" => "»Lukket punkt«",
        "Form.KeepCaseNumber" => $"»{CaseNumberInput.KeepAsWrittenLabel}«",
        "Form.UploadPublic" => "»Offentligt bilag«",
        _ when key.EndsWith(".IsPublic", StringComparison.Ordinal) => "»Offentligt bilag«",
        _ => $"»{key}«",
    };
}
