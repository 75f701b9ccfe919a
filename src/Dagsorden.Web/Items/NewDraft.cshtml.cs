using Dagsorden.Core;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Items;

/// <summary>/punkter/nyt: a new draft for any forum, starting with the forum template's empty sections.</summary>
public sealed class NewDraftModel(DagsordenDbContext db, CurrentUser currentUser) : WorkPageModel(currentUser)
{
    [BindProperty]
    public string? ForumId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    public IReadOnlyList<Forum> Forums { get; private set; } = [];

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await AccessAsync(cancellationToken);
        if (Require(access, access.MayDraftItems) is { } refused)
            return refused;
        Forums = await ForumsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var access = await AccessAsync(cancellationToken);
        if (Require(access, access.MayDraftItems) is { } refused)
            return refused;
        Forums = await ForumsAsync(cancellationToken);

        var forum = int.TryParse(ForumId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? Forums.FirstOrDefault(f => f.Id == id)
            : null;
        if (forum is null)
            ModelState.AddModelError(nameof(ForumId), "Vælg det forum, punktet skal behandles i.");
        var title = ItemForm.CheckLine(Title, "Titlen", nameof(Title), Limits.Title, ModelState);
        if (title.Length == 0)
            ModelState.AddModelError(nameof(Title), "Skriv en titel.");
        if (!ModelState.IsValid)
            return Page();

        var content = new ItemContent(title, null, null, null, false, false, StandardItems.EmptySections(forum!.Template), null, null, [], null);
        var authorName = access.DisplayName ?? "";
        var draft = new ItemDraft(db.Forums.Attach(forum).Entity, access.UserId!, authorName.Length > Limits.Name ? authorName[..Limits.Name] : authorName, content);
        db.ItemDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/punkter/{ItemEditorPageModel.Number(draft.Id)}");
    }

    private async Task<IReadOnlyList<Forum>> ForumsAsync(CancellationToken cancellationToken) =>
        await db.Forums.AsNoTracking().OrderBy(f => f.Name).ToListAsync(cancellationToken);
}
