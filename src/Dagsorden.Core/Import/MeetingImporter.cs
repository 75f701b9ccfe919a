using System.Globalization;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Documents.Pdf;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import.Esdh;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Import;

/// <summary>
/// What one import did. <paramref name="Source"/> names the case system for an export ("Acadre" …),
/// or is null for minutes text and PDF; <paramref name="Warnings"/> lists what was tolerated.
/// </summary>
public sealed record ImportResult(
    string File,
    MeetingKey Key,
    int ItemCount,
    bool Created,
    string EncodingName,
    string? Source = null,
    IReadOnlyList<string>? Warnings = null,
    int AttachmentFiles = 0);

/// <summary>
/// Imports documents and stores them. A path can be minutes text, a PDF of minutes, or a case-system
/// export (a folder, a zip or an XML file; see <see cref="EsdhDetector"/>). Each import is one
/// transaction: the meeting is created, or updated in place when it already exists (same forum and
/// date), or nothing changes at all.
/// </summary>
public sealed class MeetingImporter(DagsordenDbContext db, AttachmentStore? attachments = null)
{
    /// <summary>The biggest single file (zip, XML, PDF or text) an import reads.</summary>
    public const long MaxInputSize = 1024L * 1024 * 1024;

    /// <summary>
    /// Imports one path. With a <paramref name="fingerprint"/> (see <see cref="Fingerprints"/>), the
    /// import is recorded under it in the same transaction as the meeting.
    /// </summary>
    public async Task<ImportResult> ImportFileAsync(string path, CancellationToken cancellationToken = default, string? fingerprint = null)
    {
        var file = path;
        if (Directory.Exists(path))
            return await ImportExportAsync(FolderPackage(path, file), fingerprint, cancellationToken);

        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxInputSize)
                throw new ImportException(file, null, string.Create(CultureInfo.InvariantCulture, $"the file is larger than {MaxInputSize:N0} bytes."));
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(file, null, $"cannot read the file: {e.Message}");
        }

        if (bytes.AsSpan().StartsWith("PK\x03\x04"u8) || bytes.AsSpan().StartsWith("PK\x05\x06"u8))
            return await ImportExportAsync(ExportPackage.FromZip(bytes, file), fingerprint, cancellationToken);
        if (LooksLikeXml(bytes))
            return await ImportExportAsync(ExportPackage.FromXmlFile(path, file), fingerprint, cancellationToken);

        string text;
        string encodingName;
        if (PdfMinutesText.IsPdf(bytes))
        {
            text = PdfMinutesText.Extract(bytes, file);
            encodingName = "PDF";
        }
        else
        {
            var decoded = TextDecoder.Decode(bytes, file);
            (text, encodingName) = (decoded.Text, decoded.EncodingName);
        }

        var imported = MinutesTextParser.Parse(text, file);
        var (key, created) = await StoreAsync(imported, cancellationToken, fingerprint is null ? null : (fingerprint, file));
        return new ImportResult(file, key, imported.Items.Count, created, encodingName, Warnings: Privacy.PublicTextCheck.ImportWarnings(imported));
    }

    /// <summary>Reads a case-system export, stores its attachment files, then the meeting in one transaction.</summary>
    public async Task<ImportResult> ImportExportAsync(ExportPackage package, string? fingerprint = null, CancellationToken cancellationToken = default)
    {
        var export = EsdhDetector.Read(package);
        var written = new List<StoredFile>();
        ImportedMeeting meeting;
        MeetingKey key;
        bool created;
        try
        {
            meeting = await WithStoredFilesAsync(export, package, written, cancellationToken);
            (key, created) = await StoreAsync(meeting, cancellationToken, fingerprint is null ? null : (fingerprint, package.Name));
        }
        catch when (attachments is not null && written.Count > 0)
        {
            // Nothing is orphaned either way: the files this import added go again when its rows did not land.
            await new AttachmentSweep(db, attachments).RemoveIfUnreferencedAsync(written);
            throw;
        }

        return new ImportResult(package.Name, key, meeting.Items.Count, created, "UTF-8", SourceName(export.Source), [.. export.Warnings, .. Privacy.PublicTextCheck.ImportWarnings(meeting)], export.Files.Count);
    }

    public Task<(MeetingKey Key, bool Created)> StoreAsync(ImportedMeeting imported, CancellationToken cancellationToken = default) =>
        StoreAsync(imported, cancellationToken, null);

    /// <summary>True when content with this fingerprint has been imported before.</summary>
    public Task<ImportRecord?> FindRecordAsync(string fingerprint, CancellationToken cancellationToken = default) =>
        db.ImportRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Fingerprint == fingerprint, cancellationToken);

    private async Task<(MeetingKey Key, bool Created)> StoreAsync(ImportedMeeting imported, CancellationToken cancellationToken, (string Fingerprint, string Name)? record)
    {
        db.ChangeTracker.Clear();
        db.Actor ??= AuditActor.Import;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var forum = await FindOrCreateForumAsync(imported, cancellationToken);
            var meeting = forum.Id == 0 ? null : await db.Meetings
                .Include(m => m.Forum)
                .Include(m => m.Items).ThenInclude(i => i.Attachments)
                .AsSplitQuery()
                .FirstOrDefaultAsync(m => m.ForumId == forum.Id && m.Date == imported.Date, cancellationToken);
            var created = meeting is null;
            if (meeting is null)
            {
                meeting = new Meeting(forum, imported.Date, imported.Details);
                db.Meetings.Add(meeting);
            }
            else
            {
                meeting.ApplyDetails(imported.Details);
            }

            meeting.ReplaceItems(imported.Items);
            if (record is { } r)
                db.ImportRecords.Add(new ImportRecord(r.Fingerprint, r.Name, meeting.Key.ToString(), DateTime.UtcNow));
            await db.SaveChangesAsync(cancellationToken);
            // After the first save, so that new items have ids; in the same transaction as the meeting.
            await new FollowUpSuggestions(db).RefreshAsync(meeting, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await SearchIndexes.For(db).IndexMeetingAsync(meeting, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (meeting.Key, created);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public static string SourceName(EsdhSource source) => source switch
    {
        EsdhSource.Acadre => "Acadre",
        EsdhSource.EDoc => "eDoc",
        EsdhSource.EDocFujitsu => "eDoc Fujitsu",
        EsdhSource.Sbsys => "SBSYS",
        _ => source.ToString(),
    };

    private async Task<Forum> FindOrCreateForumAsync(ImportedMeeting imported, CancellationToken cancellationToken)
    {
        if (!imported.ForumCodeIsSuggestion)
        {
            var byCode = await db.Forums.FirstOrDefaultAsync(f => f.Code == imported.ForumCode, cancellationToken)
                ?? await db.Forums.FirstOrDefaultAsync(f => f.Name == imported.ForumName, cancellationToken);
            if (byCode is not null)
                return byCode;
            var forum = new Forum(imported.ForumCode, imported.ForumName, imported.Details.Template);
            db.Forums.Add(forum);
            return forum;
        }

        // A case system names the committee; its code is ours to choose, so match by name and
        // never take over another forum's code.
        var forums = await db.Forums.ToListAsync(cancellationToken);
        var byName = forums.FirstOrDefault(f => string.Equals(f.Name, imported.ForumName.Trim(), StringComparison.OrdinalIgnoreCase));
        if (byName is not null)
            return byName;
        var code = ForumCodes.Unique(imported.ForumCode, forums.Select(f => f.Code).ToHashSet(StringComparer.Ordinal));
        var created = new Forum(code, imported.ForumName, imported.Details.Template);
        db.Forums.Add(created);
        return created;
    }

    private async Task<ImportedMeeting> WithStoredFilesAsync(EsdhExport export, ExportPackage package, List<StoredFile> written, CancellationToken cancellationToken)
    {
        if (export.Files.Count == 0)
            return export.Meeting;
        if (attachments is null)
            throw new ImportException(export.File, null, "the export has attachment files, but no attachment store is configured.");

        // Files go in first, addressed by content: if the database transaction then fails, the
        // store holds only unreferenced copies (removed again by the caller or the sweep), never a
        // meeting pointing at a missing file.
        var stored = new Dictionary<(int Item, int Position), AttachmentFile>();
        foreach (var pending in export.Files)
        {
            var bytes = package.Read(pending.PackagePath);
            var file = await attachments.PutAsync(bytes, pending.FileName, $"{package.Name}/{pending.PackagePath}", cancellationToken);
            written.Add(file);
            stored[(pending.ItemNumber, pending.Position)] = file.File;
        }

        var items = export.Meeting.Items
            .Select(item => (item.Number, item.Content with
            {
                Attachments = item.Content.Attachments
                    .Select((a, position) => stored.TryGetValue((item.Number, position), out var file) ? a with { File = file } : a)
                    .ToList(),
            }))
            .ToList();
        return export.Meeting with { Items = items };
    }

    private static ExportPackage FolderPackage(string path, string file)
    {
        var package = ExportPackage.FromFolder(path, file);
        if (!package.Entries.Any(e => e.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
            throw new ImportException(file, null, "this is a folder; give the text files in it, e.g. folder/*.txt. It holds no case-system export (no XML file) either.");
        return package;
    }

    private static bool LooksLikeXml(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            span = span[3..];
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x3C, 0x00]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF, 0x00, 0x3C]))
            return true;
        var i = 0;
        while (i < span.Length && span[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            i++;
        return i < span.Length && span[i] == (byte)'<';
    }
}
