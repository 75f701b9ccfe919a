using Dagsorden.Core.Audit;
using Dagsorden.Core.Items;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Audit;

/// <summary>The log of the item that now has number <c>number</c>; its entries follow it when it is moved.</summary>
public sealed class ItemLogModel(CurrentUser currentUser, DagsordenDbContext db) : LogPageModel(currentUser, db)
{
    public AgendaItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int number, [FromQuery(Name = AuditPaging.Parameter)] string? before, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
            return refused;
        var item = await Db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.MeetingId == id && i.Number == number, cancellationToken);
        if (item is null)
            return NotFound();
        Item = item;
        if (!AuditPaging.TryRead(before, out var entryId))
            return BadRequest();
        return Show(await AuditLog.ForItemAsync(Db, item.Id, entryId, cancellationToken), entryId);
    }
}
