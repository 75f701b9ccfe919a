using Dagsorden.Core.Items;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Dagsorden.Web.Items;

/// <summary>/punkter: the signed-in author's drafts with their status.</summary>
public sealed class DraftsModel(DagsordenDbContext db, CurrentUser currentUser) : WorkPageModel(currentUser)
{
    public IReadOnlyList<AuthorDraft> Drafts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await AccessAsync(cancellationToken);
        if (Require(access, access.MayDraftItems) is { } refused)
            return refused;
        Drafts = await DraftQueries.ByAuthorAsync(db, access.UserId!, cancellationToken);
        return Page();
    }
}
