using Dagsorden.Core.Audit;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Dagsorden.Web.Audit;

public sealed class MeetingLogModel(CurrentUser currentUser, DagsordenDbContext db) : LogPageModel(currentUser, db)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
            return refused;
        Entries = await AuditLog.ForMeetingAsync(Db, id, cancellationToken);
        return Page();
    }
}
