using Dagsorden.Core.Forums;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Import;

public sealed record ImportResult(string File, MeetingKey Key, int ItemCount, bool Created, string EncodingName);

/// <summary>
/// Stores imported documents. Each file is one transaction: the meeting is created, or updated in
/// place when it already exists (same forum and date), or nothing changes at all.
/// </summary>
public sealed class MeetingImporter(DagsordenDbContext db)
{
    public async Task<ImportResult> ImportFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = path;
        if (Directory.Exists(path))
            throw new ImportException(file, null, "this is a folder; give the text files in it, e.g. folder/*.txt.");
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(file, null, $"cannot read the file: {e.Message}");
        }

        var decoded = TextDecoder.Decode(bytes, file);
        var imported = MinutesTextParser.Parse(decoded.Text, file);
        var (key, created) = await StoreAsync(imported, cancellationToken);
        return new ImportResult(file, key, imported.Items.Count, created, decoded.EncodingName);
    }

    public async Task<(MeetingKey Key, bool Created)> StoreAsync(ImportedMeeting imported, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var forum = await db.Forums.FirstOrDefaultAsync(f => f.Code == imported.ForumCode, cancellationToken)
                ?? await db.Forums.FirstOrDefaultAsync(f => f.Name == imported.ForumName, cancellationToken);
            if (forum is null)
            {
                forum = new Forum(imported.ForumCode, imported.ForumName, imported.Details.Template);
                db.Forums.Add(forum);
            }

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
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (meeting.Key, created);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
