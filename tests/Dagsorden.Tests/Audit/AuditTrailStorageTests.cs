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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ALongLogIsReadNewestFirstInPagesThatEntriesRecordedMeanwhileDoNotShift(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var start = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

        // Three entries share each second, so a page can end inside a second; another meeting's log is mixed in.
        var count = 2 * AuditLog.PageSize + 150;
        db.AuditEntries.AddRange(Enumerable.Range(0, count).Select(i =>
            new AuditEntry(start.AddSeconds(i / 3), null, "Sekretær", AuditActions.Modified, "Meeting", "3", meetingId: 3, field: "Title", newValue: "Titel " + i)));
        db.AuditEntries.AddRange(Enumerable.Range(0, 20).Select(i =>
            new AuditEntry(start.AddSeconds(i * 40), null, "Sekretær", AuditActions.Modified, "Meeting", "4", meetingId: 4, field: "Title", newValue: "Andet møde " + i)));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var whole = (await db.AuditEntries.AsNoTracking().Where(a => a.MeetingId == 3).ToListAsync())
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => a.Id).ToList();

        var first = await AuditLog.ForMeetingAsync(db, 3);
        db.AuditEntries.Add(new AuditEntry(start.AddDays(1), null, "Sekretær", AuditActions.Modified, "Meeting", "3", meetingId: 3, field: "Title", newValue: "Skrevet imens"));
        await db.SaveChangesAsync();
        var second = await AuditLog.ForMeetingAsync(db, 3, first!.OlderFrom);
        var third = await AuditLog.ForMeetingAsync(db, 3, second!.OlderFrom);

        Assert.Equal([AuditLog.PageSize, AuditLog.PageSize, 150], new[] { first, second, third! }.Select(p => p.Entries.Count));
        Assert.Equal(whole, first.Entries.Concat(second.Entries).Concat(third!.Entries).Select(a => a.Id));
        Assert.Equal((first.Entries[^1].Id, second.Entries[^1].Id, (long?)null), (first.OlderFrom, second.OlderFrom, third.OlderFrom));

        // An entry of another log, or none at all, is no place to continue from.
        var otherMeetings = await db.AuditEntries.Where(a => a.MeetingId == 4).Select(a => a.Id).FirstAsync();
        Assert.Null(await AuditLog.ForMeetingAsync(db, 3, otherMeetings));
        Assert.Null(await AuditLog.ForMeetingAsync(db, 3, long.MaxValue));
        Assert.Equal("Skrevet imens", (await AuditLog.ForMeetingAsync(db, 3))!.Entries[0].NewValue);
    }
}
