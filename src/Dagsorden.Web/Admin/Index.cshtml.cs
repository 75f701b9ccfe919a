using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Admin;

public sealed class IndexModel(CurrentUser currentUser, DagsordenDbContext db) : AdminPageModel(currentUser)
{
    public int ForumCount { get; private set; }

    public int UserCount { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        ForumCount = await db.Forums.CountAsync();
        UserCount = await db.Users.CountAsync();
        return Page();
    }
}
