using Dagsorden.Core.Audit;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Dagsorden.Web.Audit;

public sealed class MeetingLogModel(CurrentUser currentUser, DagsordenDbContext db) : LogPageModel(currentUser, db)
{
    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = AuditPaging.Parameter)] string? before, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
            return refused;
        if (!AuditPaging.TryRead(before, out var entryId))
            return BadRequest();
        return Show(await AuditLog.ForMeetingAsync(Db, id, entryId, cancellationToken), entryId);
    }
}
