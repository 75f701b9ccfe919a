using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;

namespace Dagsorden.Core.Search;

/// <summary>
/// Full-text search over the items, in the database's own engine: SQLite FTS5 or PostgreSQL's
/// <c>danish</c> text search. The index lives in the same database and is written in the caller's
/// transaction, so it never drifts from the data.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Replaces the meeting's documents with its items as they are now (saved, with ids).</summary>
    Task IndexMeetingAsync(Meeting meeting, CancellationToken cancellationToken = default);

    /// <summary>Adds documents; for rebuilding and for the benchmark's generated corpus.</summary>
    Task AddAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>Throws the whole index away and builds it again from the stored items; returns the number of items.</summary>
    Task<int> RebuildAsync(CancellationToken cancellationToken = default);

    /// <summary>Ranked hits, total and facets of what <paramref name="access"/> may see; nothing else is counted.</summary>
    Task<SearchResults> SearchAsync(SearchRequest request, SearchAccess access, CancellationToken cancellationToken = default);
}

public static class SearchIndexes
{
    /// <summary>The index implementation for the context's provider.</summary>
    public static ISearchIndex For(DagsordenDbContext db) => db.Provider switch
    {
        StorageProvider.Sqlite => new SqliteSearchIndex(db),
        StorageProvider.PostgreSql => new PostgresSearchIndex(db),
        _ => throw new ArgumentOutOfRangeException(nameof(db)),
    };

    /// <summary>
    /// Brings the index's storage up to date when the database is opened: creates what migrations
    /// cannot express (SQLite's FTS5 table), and builds the index once for data stored before search existed.
    /// </summary>
    public static async Task EnsureAsync(DagsordenDbContext db, CancellationToken cancellationToken = default)
    {
        var index = (SqlSearchIndex)For(db);
        if (await index.EnsureStorageAsync(cancellationToken))
            await RebuildInTransactionAsync(db, index, cancellationToken);
    }

    /// <summary>Rebuilds the index in one transaction of its own.</summary>
    public static async Task<int> RebuildAsync(DagsordenDbContext db, CancellationToken cancellationToken = default) =>
        await RebuildInTransactionAsync(db, For(db), cancellationToken);

    private static async Task<int> RebuildInTransactionAsync(DagsordenDbContext db, ISearchIndex index, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var count = await index.RebuildAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
