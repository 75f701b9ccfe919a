using Dagsorden.Core.Attachments;
using Dagsorden.Core.Import;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Esdh;

/// <summary>Imports exports into a test database with an attachment store beside it, and reads meetings back whole.</summary>
internal static class EsdhTestSupport
{
    /// <summary>../shared/esdh: real exports from the four case systems.</summary>
    public static string Samples => Path.Combine(Repository.Root, "..", "shared", "esdh");

    public static string Sample(params string[] parts) => Path.Combine([Samples, .. parts]);

    public static AttachmentStore Store(TestDatabase database) => new(Path.Combine(database.Directory, "attachments"));

    public static async Task<ImportResult> ImportAsync(TestDatabase database, string path)
    {
        await using var db = await database.OpenAsync();
        return await new MeetingImporter(db, Store(database)).ImportFileAsync(path);
    }

    public static async Task<Meeting> LoadAsync(TestDatabase database, MeetingKey key)
    {
        await using var db = await database.OpenAsync();
        return await db.Meetings
            .Include(m => m.Forum)
            .Include(m => m.Items).ThenInclude(i => i.Attachments)
            .AsSplitQuery()
            .SingleAsync(m => m.Forum.Code == key.ForumCode && m.Date == key.Date);
    }

    public static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var meetings = await db.Meetings.Include(m => m.Forum).Include(m => m.Items).ThenInclude(i => i.Attachments).AsSplitQuery()
            .OrderBy(m => m.Id).ToListAsync();
        var forums = await db.Forums.OrderBy(f => f.Id).Select(f => f.Code + "=" + f.Name).ToListAsync();
        return string.Join('\n', forums) + "\n" + string.Join('\n', meetings.Select(m =>
            $"{m.Key} {m.Kind} {m.Place} {m.Participants.Count} | " + string.Join(" | ", m.Items.Select(i =>
                $"{i.Id}:{i.Number}:{i.Title}:{i.IsClosed}:{i.Decision?.Text.ToPlainText()}:{string.Join(",", i.Attachments.Select(a => a.Id + a.Title + a.Sha256))}"))));
    }

    public static Dictionary<string, string> Environment(TestDatabase database) =>
        database.Options.Provider == StorageProvider.PostgreSql
            ? new() { [StorageOptions.ConnectionEnvironmentVariable] = database.Options.ConnectionString }
            : [];
}
