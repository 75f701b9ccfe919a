using Dagsorden.Core;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Dagsorden.Web.FollowUps;

/// <summary>
/// /sekretariat/{code}/opfoelgning/{id}: edit one follow-up, mark it done, cancel or reopen it. Every
/// POST carries the revision the page showed, so a change made on an outdated page is refused (409).
/// </summary>
public sealed class EditModel(CurrentUser currentUser, DagsordenDbContext db) : FollowUpPageModel(currentUser, db)
{
    public FollowUpRow FollowUp { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(code, id, cancellationToken) is { } refused)
            return refused;
        Form = FollowUpForm.Of(FollowUp);
        await LoadOptionsAsync(cancellationToken, FollowUp.TargetMeetingId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(
        string code, int id, string? revision, string? tekst, string? ansvarlig, string? email, string? frist, string? forum, string? moede, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(code, id, cancellationToken) is { } refused)
            return refused;
        Form = FormFrom(tekst, ansvarlig, email, frist, forum, moede);
        try
        {
            var expected = ParseRevision(revision);
            if (await ParseAsync(Form, cancellationToken) is { } terms)
            {
                var saved = await new FollowUpService(Db).EditAsync(id, terms, expected, cancellationToken);
                Notice = "Opfølgningen er gemt." + (saved.Warning is { } warning ? " " + warning : "");
                NoticeIsWarning = saved.Warning is not null;
                return BackTo(PathOf(Forum.Code, id));
            }
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, id, cancellationToken);
        }

        await LoadOptionsAsync(cancellationToken, FollowUp.TargetMeetingId);
        return Refused();
    }

    public Task<IActionResult> OnPostDoneAsync(string code, int id, string? revision, CancellationToken cancellationToken) =>
        CloseAsync(code, id, revision, (service, expected) => service.MarkDoneAsync(id, expected, cancellationToken), "Opfølgningen er markeret som udført.", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(string code, int id, string? revision, CancellationToken cancellationToken) =>
        CloseAsync(code, id, revision, (service, expected) => service.CancelAsync(id, expected, cancellationToken), "Opfølgningen er annulleret.", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(string code, int id, string? revision, CancellationToken cancellationToken) =>
        CloseAsync(code, id, revision, (service, expected) => service.ReopenAsync(id, expected, cancellationToken), "Opfølgningen er åbnet igen.", cancellationToken);

    private async Task<IActionResult> CloseAsync(string code, int id, string? revision, Func<FollowUpService, int, Task<FollowUpSaved>> change, string notice, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(code, id, cancellationToken) is { } refused)
            return refused;
        try
        {
            await change(new FollowUpService(Db), ParseRevision(revision));
            Notice = notice;
            return BackTo(PathOf(Forum.Code, id));
        }
        catch (DomainException e)
        {
            Form = FollowUpForm.Of(FollowUp);
            return await RefusedAsync(e, id, cancellationToken);
        }
    }

    /// <summary>A refusal shows the follow-up as now stored, the refused input kept in the form.</summary>
    private async Task<IActionResult> RefusedAsync(DomainException e, int id, CancellationToken cancellationToken)
    {
        FieldErrors[""] = e.DanishMessage;
        FollowUp = (await new FollowUpService(Db).FindAsync(id, cancellationToken))!;
        await LoadOptionsAsync(cancellationToken, FollowUp.TargetMeetingId);
        return Refused(e is EditConflictException);
    }

    /// <summary>Also 404 for a follow-up of another forum: its id says nothing about this one.</summary>
    private async Task<IActionResult?> AuthorizeAsync(string code, int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeForumAsync(code, cancellationToken) is { } refused)
            return refused;
        if (await new FollowUpService(Db).FindAsync(id, cancellationToken) is not { } row || row.ForumId != Forum.Id)
            return NotFound();
        FollowUp = row;
        return null;
    }
}
