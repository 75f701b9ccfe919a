using Dagsorden.Core.Items;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Attachments;

/// <summary>What a sweep removed and kept.</summary>
public sealed record SweepResult(IReadOnlyList<string> RemovedKeys, long RemovedBytes, int RemovedTemporaryFiles, int KeptFiles);

/// <summary>
/// Keeps the attachment store and the database in step. Files are written before the row that
/// references them is committed, so a failed or killed import can leave files no row references;
/// this removes them. The store is addressed by content, so one file may serve many rows (other
/// meetings, drafts, published versions): a file goes only when nothing at all references it.
/// </summary>
public sealed class AttachmentSweep(DagsordenDbContext db, AttachmentStore store)
{
    /// <summary>
    /// How long a file must have been untouched before a sweep may remove it: an import or upload
    /// writes its files first and commits its rows a moment later, and that moment must never look
    /// like an orphan. An hour is far longer than any import takes.
    /// </summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(1);

    /// <summary>Every storage key a row references: attachments, drafts and published versions.</summary>
    public static async Task<HashSet<string>> ReferencedKeysAsync(DagsordenDbContext db, CancellationToken cancellationToken = default)
    {
        var keys = (await db.Attachments.AsNoTracking()
                .Where(a => a.StorageKey != null)
                .Select(a => a.StorageKey!)
                .Distinct()
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        // Drafts and published versions hold whole item contents as JSON; a draft's upload and a
        // version's attachment keep their file even after the item itself dropped it.
        await foreach (var content in db.ItemDrafts.AsNoTracking().Select(d => d.Content).AsAsyncEnumerable().WithCancellation(cancellationToken))
            AddKeys(keys, content);
        await foreach (var snapshot in db.MeetingVersions.AsNoTracking().Select(v => v.Snapshot).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            foreach (var item in snapshot.Items)
                AddKeys(keys, item.Content);
        }

        return keys;
    }

    /// <summary>Removes stored files and temporary files untouched for <paramref name="grace"/> that no row references.</summary>
    public async Task<SweepResult> RunAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        // The references are read after the candidates' ages are known: a file written after this
        // moment is younger than the grace period, and one written before it whose row has committed
        // by now is in the set.
        var cutoff = DateTime.UtcNow - grace;
        var candidates = store.Keys().Where(k => File.GetLastWriteTimeUtc(store.PathOf(k)) <= cutoff).ToList();
        var referenced = await ReferencedKeysAsync(db, cancellationToken);

        var removed = new List<string>();
        long bytes = 0;
        foreach (var key in candidates.Where(k => !referenced.Contains(k)))
        {
            var path = store.PathOf(key);
            // Looked at again: an import may have found and touched the file since the list was made.
            if (File.GetLastWriteTimeUtc(path) > cutoff)
                continue;
            var size = new FileInfo(path).Length;
            if (TryDelete(path))
            {
                removed.Add(key);
                bytes += size;
            }
        }

        var temporary = 0;
        foreach (var path in store.TemporaryFiles().ToList())
        {
            if (File.GetLastWriteTimeUtc(path) <= cutoff && TryDelete(path))
                temporary++;
        }

        return new SweepResult(removed, bytes, temporary, store.Keys().Count());
    }

    /// <summary>
    /// After a failed commit: removes the files this caller wrote, unless a row references them or
    /// another caller stored the same content since (its write or touch changed the file's time).
    /// Whatever cannot be decided here is left for <see cref="RunAsync"/>.
    /// </summary>
    public async Task RemoveIfUnreferencedAsync(IEnumerable<StoredFile> written)
    {
        var ours = written.Where(f => f.WrittenAt is not null).ToList();
        if (ours.Count == 0)
            return;
        HashSet<string> referenced;
        try
        {
            referenced = await ReferencedKeysAsync(db, CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            // The database failed the commit and may fail this read too; the sweep will see to it.
            return;
        }

        foreach (var file in ours.Where(f => !referenced.Contains(f.File.StorageKey)))
        {
            var path = store.PathOf(file.File.StorageKey);
            if (File.Exists(path) && File.GetLastWriteTimeUtc(path) == file.WrittenAt)
                TryDelete(path);
        }
    }

    private static void AddKeys(HashSet<string> keys, ItemContent content)
    {
        foreach (var attachment in content.Attachments)
        {
            if (attachment.File is { } file)
                keys.Add(file.StorageKey);
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
