using Dagsorden.Core.Accounts;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Communication;

/// <summary>An item's "Kommunikation": the departments that must hear of its decision, chosen by the forum's secretaries.</summary>
public sealed class ItemCommunication(DagsordenDbContext db)
{
    public async Task<IReadOnlyList<Department>> DepartmentsAsync(CancellationToken cancellationToken = default) =>
        (await db.Departments.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(d => d.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), ignoreCase: true))
            .ToList();

    /// <summary>The departments marked on the item, by name.</summary>
    public async Task<IReadOnlyList<Department>> AudienceAsync(int itemId, CancellationToken cancellationToken = default)
    {
        var ids = await db.ItemAudiences.AsNoTracking().Where(a => a.ItemId == itemId).Select(a => a.DepartmentId).ToListAsync(cancellationToken);
        return (await DepartmentsAsync(cancellationToken)).Where(d => ids.Contains(d.Id)).ToList();
    }

    /// <summary>
    /// Replaces the departments marked on the item, in one save. Only a secretary of the item's forum
    /// may, and only until the minutes are approved: after that the digests have long gone.
    /// </summary>
    public async Task SetAudienceAsync(UserAccess access, int itemId, IReadOnlyCollection<int> departmentIds, CancellationToken cancellationToken = default)
    {
        var item = await (from i in db.Items
                          join m in db.Meetings on i.MeetingId equals m.Id
                          where i.Id == itemId
                          select new { m.ForumId, m.Status, i.Number })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"Item {itemId} does not exist.", "Punktet findes ikke længere.");
        if (!access.IsSecretaryOf(item.ForumId))
            throw new DomainException($"User {access.UserId} is not a secretary of forum {item.ForumId}.", "Kun forummets sekretærer kan vælge, hvem der skal have besked om beslutningen.");
        if (item.Status == MeetingStatus.MinutesApproved)
            throw new DomainException(
                $"The minutes of item {itemId} are approved; its communication line is closed.",
                "Referatet er godkendt, så modtagerne af beslutningen kan ikke længere ændres.");

        var wanted = departmentIds.Distinct().ToList();
        var known = await db.Departments.Where(d => wanted.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
        if (known.Count != wanted.Count)
            throw new DomainException(
                $"Unknown department id(s): {string.Join(", ", wanted.Except(known))}.",
                "En af de valgte afdelinger findes ikke længere. Siden viser nu de afdelinger, der findes; vælg igen.");

        var current = await db.ItemAudiences.Where(a => a.ItemId == itemId).ToListAsync(cancellationToken);
        db.ItemAudiences.RemoveRange(current.Where(a => !wanted.Contains(a.DepartmentId)));
        db.ItemAudiences.AddRange(wanted.Where(id => current.All(a => a.DepartmentId != id)).Select(id => new ItemAudience(itemId, id)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            throw new EditConflictException(
                $"The communication line of item {itemId} was saved by someone else at the same time: {e.Message}",
                "En anden gemte modtagerne af beslutningen på samme tid. Siden viser nu det gemte; vælg igen.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
