using Dagsorden.Core.Audit;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Audit;

/// <summary>The audit trail's storage on both providers: what is written stays as written.</summary>
public sealed class AuditTrailStorageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DatabaseRefusesToChangeOrDeleteAnAuditEntry(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var at = new DateTime(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc);
        db.AuditEntries.Add(new AuditEntry(at, null, "Sekretær Hansen", "Modified", "AgendaItem", "7", meetingId: 3, itemId: 7, field: "Title", oldValue: "Gammel titel", newValue: "Ny titel"));
        await db.SaveChangesAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(a => a.NewValue, "omskrevet")));
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteDeleteAsync());

        db.ChangeTracker.Clear();
        var stored = await db.AuditEntries.SingleAsync();
        Assert.Equal(("Gammel titel", "Ny titel", "Sekretær Hansen", at), (stored.OldValue, stored.NewValue, stored.Actor, stored.At));
    }
}
