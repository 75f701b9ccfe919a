using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dagsorden.Core.Search;

/// <summary>
/// PostgreSQL full-text search with the built-in <c>danish</c> configuration: a stored tsvector
/// column (title weighted A, body D), a tsvector of the document's <see cref="SearchTags"/>, and one
/// GIN index over both. Each term is a parameter of plainto_tsquery or phraseto_tsquery, which read
/// their input as plain words, never as operators.
/// </summary>
public sealed class PostgresSearchIndex(DagsordenDbContext db) : SqlSearchIndex(db)
{
    protected override string From => "\"SearchDocuments\" d";

    // Title words weigh A, body words D: ts_rank counts a title hit ten times a body hit.
    protected override string VectorColumn => ", \"SearchVector\", \"TitleVector\", \"TagVector\"";

    protected override string VectorValue =>
        ", setweight(to_tsvector('danish'::regconfig, @title), 'A') || setweight(to_tsvector('danish'::regconfig, @body), 'D'), to_tsvector('danish'::regconfig, @title), to_tsvector('simple'::regconfig, @tags)";

    /// <summary>
    /// The words must match the text's vector; the filters' tags (forum, years, KLE, outcome, closed)
    /// the tag vector, in the same index scan. Access is left to SQL: the rows are read anyway, and
    /// requiring an "open" tag in the index would merge a posting list as long as the archive.
    /// </summary>
    protected override string Match(DbCommand command, IReadOnlyList<SearchTerm> terms, SearchTagQuery tags)
    {
        var match = "d.\"SearchVector\" @@ " + Query(command, terms);
        if (tags.Required.Count == 0)
            return match;

        // The tags are ours ("zz" and letters and digits), never the searcher's text.
        var tagQuery = string.Join(" & ", tags.Required.Select(group => "(" + string.Join(" | ", group) + ")"));
        return match + " AND d.\"TagVector\" @@ to_tsquery('simple'::regconfig, @" + AddParameter(command, "tags", tagQuery).ParameterName + ")";
    }

    /// <summary>
    /// Only bitmap scans of the GIN index, with memory enough to keep the bitmaps exact. The planner
    /// prices the match as cheap, but checking it on a row (a sequential or b-tree scan, or a lossy
    /// bitmap) reads and decompresses the row's whole vector: 10-150 µs. Left to itself it chose a
    /// sequential scan for common words (0.3-0.7 s at a million items). Set in a transaction of the
    /// search's own, or inside a caller's transaction in a savepoint, whose rollback ends the settings
    /// (they would otherwise last until the caller's transaction ends) and leaves the caller's
    /// transaction usable if the search fails.
    /// </summary>
    protected override async Task<IAsyncDisposable?> BeginSearchAsync(CancellationToken cancellationToken)
    {
        IAsyncDisposable scope;
        if (Db.Database.CurrentTransaction is { } callers)
        {
            await callers.CreateSavepointAsync(SearchSavepoint, cancellationToken);
            scope = new ReadOnlySavepoint(callers);
        }
        else
        {
            scope = new ReadOnlyTransaction(await Db.Database.BeginTransactionAsync(cancellationToken));
        }

        await ExecuteAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL work_mem = '32MB'", cancellationToken);
        return scope;
    }

    private const string SearchSavepoint = "dagsorden_search";

    /// <summary>
    /// A count the planner expects to find more hits than this reads them by years, newest first,
    /// until it has more than <see cref="SqlSearchIndex.CountLimit"/>, so that a capped result holds
    /// the newest hits (read whole, a bitmap scan returns them in the table's order: oldest stored
    /// first). Building the bitmap of every hit of a word in most items also costs 40-70 ms at a
    /// million items (the GIN posting list is decoded whole); joined with year tags, GIN skips most
    /// of it. The planner's estimate for two words that go together is often a fifth of the truth,
    /// hence half the limit. (A word outside the statistics' most common elements is estimated at
    /// 0.5 % of the rows whatever its count, 4,750 open items at a million, and so is read whole;
    /// a quarter of the limit would slice those too, at 3 ms more on the median single word.)
    /// Lowered by tests.
    /// </summary>
    internal int SliceAbove { get; init; } = SearchResults.CountLimit / 2;

    /// <summary>
    /// The most years one slice asks for. GIN merges each year tag's list with the words' (about
    /// 1.5 ms a year for two common words at a million items), so a slice of more years than this
    /// costs more than the bitmap of every hit.
    /// </summary>
    private const int MaxSliceYears = 8;

    /// <summary>
    /// One pass reads the counted hits' facet columns and their title rank, so that a large result
    /// is ranked from what was counted instead of by a second scan of the same rows. A result the
    /// planner expects to be large is read by year, newest first (<see cref="SliceAbove"/>), from the
    /// archive's last year to its first, so the count is exact either way.
    /// </summary>
    protected override async Task<Counted> CountAsync(DbCommand command, SearchCondition condition, IReadOnlyList<SearchTerm> terms, SearchTagQuery tags, CancellationToken cancellationToken)
    {
        var where = condition.All;
        var years = await SliceYearsAsync(command, where, cancellationToken);
        var hits = new CountedHits();
        var cap = AddParameter(command, "cap", CountLimit + 1);
        if (years is not { } range)
        {
            command.CommandText = CountQuery(where, terms);
            await hits.ReadAsync(command, cancellationToken);
            return hits.ToCounted();
        }

        // The newest year first; then as many years as the hits so far say are needed to pass the
        // limit, and a fifth more, as one OR of year tags: at most MaxSliceYears, and MaxYears in
        // all (an archive with a stray date in year 1 would otherwise mean two thousand tags). The
        // years left are read in one more pass, also when the hits so far say they cannot fill the
        // count, so that a result under the limit is not read year by year.
        var lastSliced = Math.Max(range.First, range.Last - SearchTags.MaxYears + 1);
        var year = AddParameter(command, "year", null);
        command.CommandText = CountQuery(where + " AND d.\"TagVector\" @@ to_tsquery('simple'::regconfig, @year)", terms);
        var next = range.Last;
        for (var width = 1; next >= lastSliced && hits.Count <= CountLimit;)
        {
            var from = Math.Max(lastSliced, next - width + 1);
            year.Value = string.Join(" | ", Enumerable.Range(from, next - from + 1).Select(SearchTags.Year));
            cap.Value = CountLimit + 1 - hits.Count;
            await hits.ReadAsync(command, cancellationToken);
            next = from - 1;
            var perYear = Math.Max(1.0, hits.Count / (double)(range.Last - next));
            var needed = CountLimit + 1 - hits.Count;
            if (perYear * (next - range.First + 1) < needed * 0.8)
                break;
            width = (int)Math.Min(MaxSliceYears, Math.Ceiling(needed / perYear * 1.2));
        }

        // The year parameter stays, unused: Npgsql ignores it, while removing a parameter once a
        // command has run left its lookup by name wrong ("column term0 does not exist").
        if (hits.Count <= CountLimit && next >= range.First)
        {
            cap.Value = CountLimit + 1 - hits.Count;
            command.CommandText = CountQuery(where + " AND d.\"Year\" <= @" + AddParameter(command, "through", next).ParameterName, terms);
            await hits.ReadAsync(command, cancellationToken);
        }

        return hits.ToCounted();
    }

    private string CountQuery(string where, IReadOnlyList<SearchTerm> terms) =>
        $"SELECT d.\"ItemId\", d.\"ForumId\", d.\"Outcome\", d.\"Year\", d.\"Date\", d.\"Number\", ts_rank(d.\"TitleVector\", {Query(terms)}) FROM {From} WHERE {where} LIMIT @cap";

    /// <summary>
    /// The archive's first and last year, when the planner expects more than
    /// <see cref="SliceAbove"/> hits; otherwise null. The years are read from the index on the year
    /// (an index scan, which the search's settings otherwise forbid, so it is allowed for this one
    /// statement and the setting put back as it was).
    /// </summary>
    private async Task<(int First, int Last)?> SliceYearsAsync(DbCommand command, string where, CancellationToken cancellationToken)
    {
        command.CommandText = $"EXPLAIN (FORMAT JSON) SELECT 1 FROM {From} WHERE {where}";
        using (var plan = JsonDocument.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!))
        {
            if (plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble() <= SliceAbove)
                return null;
        }

        await using var setting = CreateCommand("SELECT current_setting('enable_indexscan'), set_config('enable_indexscan', 'on', true)");
        var before = (string)(await setting.ExecuteScalarAsync(cancellationToken))!;
        try
        {
            await using var years = CreateCommand("SELECT min(\"Year\"), max(\"Year\") FROM \"SearchDocuments\"");
            await using var reader = await years.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? (reader.GetInt32(0), reader.GetInt32(1)) : null;
        }
        finally
        {
            await ExecuteAsync("SELECT set_config('enable_indexscan', @before, true)", cancellationToken, ("before", before));
        }
    }

    /// <summary>The hits a count has read, with their facet columns and title rank.</summary>
    private sealed class CountedHits
    {
        private readonly Dictionary<(int Forum, Items.DecisionOutcome? Outcome, int Year), int> groups = [];
        private readonly List<Candidate> candidates = [];

        public int Count => candidates.Count;

        public async Task ReadAsync(DbCommand command, CancellationToken cancellationToken)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetInt32(1), ParseOutcome(reader, 2), reader.GetInt32(3));
                groups[key] = groups.GetValueOrDefault(key) + 1;
                candidates.Add(new Candidate(reader.GetInt32(0), reader.GetFieldValue<DateOnly>(4), reader.GetInt32(5), reader.GetFloat(6)));
            }
        }

        public Counted ToCounted() => new(
            candidates.Count,
            groups.Select(g => new CountGroup(g.Key.Forum, g.Key.Outcome, g.Key.Year, g.Value)).ToList(),
            candidates.Count == 0 ? 0 : candidates.Min(c => c.ItemId),
            candidates);
    }

    /// <summary>
    /// Up to <see cref="SqlSearchIndex.FullRankLimit"/> hits are ranked by ts_rank over their whole
    /// vector (read by id: the counted hits are all of them). Above it, the counted hits are ranked by
    /// their title alone, then newest first: ts_rank over every hit's whole vector costs 10-150 µs a hit.
    /// </summary>
    protected override async Task<List<int>> RankAsync(Func<(DbCommand Command, string Where)> matching, IReadOnlyList<SearchTerm> terms, SearchTagQuery tags, Counted counted, int offset, int limit, CancellationToken cancellationToken)
    {
        if (counted.Total > FullRankLimit)
        {
            return counted.Candidates
                .OrderByDescending(c => c.TitleRank)
                .ThenByDescending(c => c.Date)
                .ThenBy(c => c.Number)
                .ThenByDescending(c => c.ItemId)
                .Skip(offset)
                .Take(limit)
                .Select(c => c.ItemId)
                .ToList();
        }

        // The counted ids are the hits: match, access and filters need not be applied again.
        await using var command = CreateCommand("");
        AddParameter(command, "limit", limit);
        AddParameter(command, "offset", offset);
        AddParameter(command, "ids", counted.Candidates.Select(c => c.ItemId).ToArray());
        command.CommandText = $"SELECT d.\"ItemId\" FROM {From} WHERE d.\"ItemId\" = ANY(@ids) ORDER BY ts_rank(d.\"SearchVector\", {Query(command, terms)}) DESC, d.\"Date\" DESC, d.\"Number\", d.\"ItemId\" DESC LIMIT @limit OFFSET @offset";
        return await IdsAsync(command, cancellationToken);
    }

    internal override async Task<bool> EnsureStorageAsync(CancellationToken cancellationToken)
    {
        await using var scope = await OpenAsync(cancellationToken);
        await using var command = CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM \"Items\") AND NOT EXISTS (SELECT 1 FROM \"SearchDocuments\")");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Binds the terms to <paramref name="command"/> and returns the tsquery over them.</summary>
    private static string Query(DbCommand command, IReadOnlyList<SearchTerm> terms)
    {
        for (var i = 0; i < terms.Count; i++)
            AddParameter(command, Name(i), string.Join(' ', terms[i].Words));
        return Query(terms);
    }

    private static string Query(IReadOnlyList<SearchTerm> terms) =>
        "(" + string.Join(" && ", terms.Select((t, i) => (t.IsPhrase ? "phraseto_tsquery" : "plainto_tsquery") + "('danish'::regconfig, @" + Name(i) + ")")) + ")";

    private static string Name(int index) => "term" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The search only reads: rolling back ends the transaction and its settings.</summary>
    private sealed class ReadOnlyTransaction(IDbContextTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
        }
    }

    /// <summary>The search only reads: rolling back to the savepoint undoes its settings, and the caller's transaction goes on.</summary>
    private sealed class ReadOnlySavepoint(IDbContextTransaction callers) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await callers.RollbackToSavepointAsync(SearchSavepoint);
            await callers.ReleaseSavepointAsync(SearchSavepoint);
        }
    }
}
