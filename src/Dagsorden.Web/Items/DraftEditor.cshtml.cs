using Dagsorden.Core;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Items;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Items;

/// <summary>An author's draft, e.g. /punkter/12: its author edits, submits and withdraws it; the forum's secretaries may also edit it.</summary>
public sealed class DraftEditorModel(DagsordenDbContext db, CurrentUser currentUser, AttachmentStore store, UploadPolicy policy)
    : ItemEditorPageModel(currentUser, store, policy)
{
    public override EditorMode Mode => EditorMode.Draft;

    public ItemDraft Draft { get; private set; } = null!;

    public bool IsAuthor { get; private set; }

    public override bool CanSubmit => IsAuthor && Draft.Status == DraftStatus.Draft;

    public override bool CanWithdraw => IsAuthor && Draft.Status == DraftStatus.Submitted;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
            return refused;
        Form = ItemForm.From(Draft.Content, Draft.Revision);
        PrepareView();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
            return refused;
        if (Handling == SearchKle)
        {
            TranslateBindingErrors();
            PrepareView();
            return Page();
        }

        if (Handling is Submit or Withdraw && !IsAuthor)
            return Forbid();

        var content = await ReadPostedContentAsync(Draft.Content, new EditorRules(TitleRequired: true, DecisionEditable: false), cancellationToken);
        if (content is null)
        {
            PrepareView();
            return Page();
        }

        try
        {
            Draft.Edit(content, Form.Revision);
            if (Handling == Submit)
                Draft.Submit(db.Clock.GetUtcNow().UtcDateTime);
            else if (Handling == Withdraw)
                Draft.Withdraw();
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is EditConflictException or DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.ItemDrafts.AsNoTracking().FirstAsync(d => d.Id == id, cancellationToken);
            ShowConflict(
                e as EditConflictException ?? new EditConflictException(
                    $"Draft {id} was saved by someone else at the same time.",
                    "Udkastet blev gemt af en anden i samme øjeblik. Din tekst er bevaret nedenfor; sammenlign med den gemte udgave og gem igen."),
                current.Content,
                current.Revision);
            PrepareView();
            return Page();
        }
        catch (DomainException e)
        {
            AddError(e);
            PrepareView();
            return Page();
        }

        var notice = Handling switch
        {
            Submit => "indsendt",
            Withdraw => "trukket-tilbage",
            _ => "gemt",
        };
        return Redirect($"/punkter/{Number(id)}?besked={notice}{SavedFragment}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(cancellationToken);
        if (!access.IsSignedIn)
            return Challenge();
        var draft = await db.ItemDrafts.Include(d => d.Forum).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draft is null)
            return NotFound();
        IsAuthor = draft.AuthorId == access.UserId && access.MayDraftItems;
        if (Require(access, IsAuthor || access.IsSecretaryOf(draft.ForumId)) is { } refused)
            return refused;
        Draft = draft;
        Template = draft.Forum.Template;
        return null;
    }
}
