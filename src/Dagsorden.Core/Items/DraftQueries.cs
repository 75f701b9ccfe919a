using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Items;

/// <summary>A draft waiting in a forum's queue, as the secretary's list shows it.</summary>
public sealed record QueuedDraft(int Id, string Title, string AuthorName, DateTime Submitted, string? CaseNumber, bool IsClosed);

/// <summary>A draft in its author's list.</summary>
public sealed record AuthorDraft(int Id, string Title, string ForumName, string ForumCode, DraftStatus Status, DateTime? Submitted);

public static class DraftQueries
{
    /// <summary>The drafts submitted to the forum and not yet placed on an agenda, oldest first.</summary>
    public static async Task<IReadOnlyList<QueuedDraft>> SubmittedAsync(DagsordenDbContext db, int forumId, CancellationToken cancellationToken = default)
    {
        // The content is one JSON column, so title and case number are read after loading.
        var drafts = await db.ItemDrafts.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.Status == DraftStatus.Submitted)
            .OrderBy(d => d.Submitted).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return drafts
            .Select(d => new QueuedDraft(d.Id, d.Content.Title, d.AuthorName, d.Submitted!.Value, d.Content.CaseNumber?.Value, d.Content.IsClosed))
            .ToList();
    }

    /// <summary>The author's drafts in every forum, the most recently created first.</summary>
    public static async Task<IReadOnlyList<AuthorDraft>> ByAuthorAsync(DagsordenDbContext db, string authorId, CancellationToken cancellationToken = default)
    {
        var drafts = await db.ItemDrafts.AsNoTracking()
            .Include(d => d.Forum)
            .Where(d => d.AuthorId == authorId)
            .OrderByDescending(d => d.Id)
            .ToListAsync(cancellationToken);
        return drafts
            .Select(d => new AuthorDraft(d.Id, d.Content.Title, d.Forum.Name, d.Forum.Code, d.Status, d.Submitted))
            .ToList();
    }
}
