using System.Data.Common;
using System.Globalization;
using Dagsorden.Core.Storage;

namespace Dagsorden.Core.Search;

/// <summary>
/// SQLite FTS5. FTS5 has no Danish stemmer, so the FTS table holds the documents' stems
/// (<see cref="SearchText.Stems"/>) and queries are stemmed the same way. The table is contentless:
/// the text itself is in SearchDocuments, which snippets are cut from. Every query word becomes a
/// quoted FTS5 string of letters and digits, so no operator (NEAR, OR, *, -, ^, :) can be injected.
/// </summary>
public sealed class SqliteSearchIndex(DagsordenDbContext db) : SqlSearchIndex(db)
{
    // Title hits weigh ten times a hit in the body; the tags weigh nothing.
    private const string Rank = "bm25(\"SearchFts\", 10.0, 1.0, 0.0)";

    // CROSS JOIN keeps the FTS table as the outer loop: SQLite could otherwise walk the documents
    // in id order for an ORDER BY rowid and probe the full-text index once per document.
    protected override string From => "\"SearchFts\" CROSS JOIN \"SearchDocuments\" d ON d.\"ItemId\" = \"SearchFts\".rowid";

    /// <summary>
    /// The FTS5 query: every term a quoted string of stems, all required, matched in the title and
    /// body only; then what the filters and access require of the tags column (<see cref="SearchTags"/>).
    /// Only a stem that could be a tag is held to the title and body by a column filter: with one,
    /// FTS5 decodes the positions of every item the word is in (a fifth to a third of a walk), and
    /// any other stem is never a word of the tags column anyway.
    /// </summary>
    public static string MatchExpression(IReadOnlyList<SearchTerm> terms, SearchTagQuery tags)
    {
        var words = string.Join(' ', terms.Select(Quoted));
        var match = (terms.Any(t => t.Stems.Any(SearchTags.CouldBeTag)) ? "{title body} : (" + words + ")" : "(" + words + ")")
            + string.Concat(tags.Required.Select(group => " AND " + Tags(group)));
        if (!tags.ClosedExcluded)
            return match;
        var closed = Tags([SearchTags.Closed]) + (tags.ClosedAllowedIn.Count > 0 ? " NOT " + Tags(tags.ClosedAllowedIn) : "");
        return "(" + match + ") NOT (" + closed + ")";
    }

    private static string Tags(IReadOnlyList<string> anyOf) => "{tags} : (" + string.Join(" OR ", anyOf.Select(tag => "\"" + tag + "\"")) + ")";

    protected override string Match(DbCommand command, IReadOnlyList<SearchTerm> terms, SearchTagQuery tags) =>
        "\"SearchFts\" MATCH @" + AddParameter(command, "match", MatchExpression(terms, tags)).ParameterName;

    /// <summary>
    /// The FTS5 query for the hits of <paramref name="match"/> that have at least one of the terms in
    /// the title, by the title's words in the tags column (<see cref="TitleTags"/>).
    /// </summary>
    public static string TitleMatchExpression(string match, IReadOnlyList<SearchTerm> terms) =>
        "(" + match + ") AND " + TitleTagsExpression(terms);

    /// <summary>The FTS5 query for the items that have at least one of the terms in the title, whatever else they hold.</summary>
    public static string TitleTagsExpression(IReadOnlyList<SearchTerm> terms) =>
        "{tags} : (" + string.Join(" OR ", terms.Select(t => Quoted(t, TitleTagPrefix))) + ")";

    /// <summary>
    /// The title's stems again as tags ("zzt" and the stem), in order. FTS5 keeps one list per word
    /// for all columns, so "this word in the title" walks every item with the word anywhere and
    /// decodes its positions (30-50 ms for a common word at a million items); a title tag has a list
    /// of its own, as short as the titles that have the word.
    /// </summary>
    public static string TitleTags(string titleStems) =>
        string.Join(' ', titleStems.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(stem => TitleTagPrefix + stem));

    private const string TitleTagPrefix = SearchTags.Prefix + "t";

    private static string Quoted(SearchTerm term) => Quoted(term, "");

    private static string Quoted(SearchTerm term, string prefix) => "\"" + string.Join(' ', term.Stems.Where(s => s.Length > 0).Select(s => prefix + s)) + "\"";

    /// <summary>
    /// A search without filters (access only, which the tags say exactly) is counted by the full-text
    /// index alone first, the newest <see cref="SqlSearchIndex.CountLimit"/> + 1 hits (about 0.3 µs a
    /// hit); only a result that is not over the limit has its rows looked up for the facets (about 2 µs
    /// a hit). A result over the limit shows no facets, so its rows are never read. With filters the
    /// walk itself is the cost (merging the tags' long lists: 10-25 ms for common words at a million
    /// items), few results are over the limit, and a first count would walk twice.
    /// </summary>
    protected override async Task<Counted> CountAsync(DbCommand command, string where, IReadOnlyList<SearchTerm> terms, SearchTagQuery tags, CancellationToken cancellationToken)
    {
        if (tags.IsExact && tags.Required.Count == 0)
        {
            await using var fts = CreateCommand("");
            AddParameter(fts, "match", ((DbParameter)command.Parameters["match"]).Value);
            AddParameter(fts, "cap", CountLimit + 1);
            fts.CommandText = "SELECT COUNT(*), MIN(hits.rowid) FROM (SELECT rowid FROM \"SearchFts\" WHERE \"SearchFts\" MATCH @match ORDER BY rowid DESC LIMIT @cap) hits";
            await using var reader = await fts.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var total = reader.GetInt32(0);
            if (total > CountLimit)
                return new Counted(total, [], reader.GetInt32(1), []);
        }

        // Newest first: a capped count then reads the hits that rank first (FTS5 walks rowids either
        // way at no cost). The ids come along for a result that is ranked from them (RankAsync).
        var groups = new List<CountGroup>();
        var ids = new List<string>();
        var lowest = int.MaxValue;
        AddParameter(command, "cap", CountLimit + 1);
        command.CommandText = $"SELECT hits.\"ForumId\", hits.\"Outcome\", hits.\"Year\", COUNT(*), MIN(hits.\"ItemId\"), group_concat(hits.\"ItemId\") FROM (SELECT d.\"ForumId\", d.\"Outcome\", d.\"Year\", d.\"ItemId\" FROM {From} WHERE {where} ORDER BY \"SearchFts\".rowid DESC LIMIT @cap) hits GROUP BY hits.\"ForumId\", hits.\"Outcome\", hits.\"Year\"";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                groups.Add(new CountGroup(reader.GetInt32(0), ParseOutcome(reader, 1), reader.GetInt32(2), reader.GetInt32(3)));
                lowest = Math.Min(lowest, reader.GetInt32(4));
                ids.Add(reader.GetString(5));
            }
        }

        var counted = groups.Sum(g => g.Count);
        var candidates = counted <= CountLimit && !RanksByBm25(counted, tags)
            ? ids.SelectMany(list => list.Split(',')).Select(id => new Candidate(int.Parse(id, CultureInfo.InvariantCulture), default, 0, 0)).ToList()
            : [];
        return new Counted(counted, groups, lowest, candidates);
    }

    /// <summary>
    /// Up to <see cref="SqlSearchIndex.FullRankLimit"/> hits without filters are all ranked by bm25.
    /// Above it, and for a filtered search: the hits with a query word in the title (among the newest
    /// <see cref="SqlSearchIndex.CountLimit"/>), then the others; newest first within each. bm25 walks
    /// every tag in the query once, however few hits it scores (a five-year range: five years' items),
    /// and a filtered list is one people read newest first anyway.
    /// </summary>
    protected override async Task<List<int>> RankAsync(Func<(DbCommand Command, string Where)> matching, IReadOnlyList<SearchTerm> terms, SearchTagQuery tags, Counted counted, int offset, int limit, CancellationToken cancellationToken)
    {
        if (RanksByBm25(counted.Total, tags))
        {
            var (command, where) = matching();
            await using (command)
            {
                AddParameter(command, "limit", limit);
                AddParameter(command, "offset", offset);
                command.CommandText = $"SELECT d.\"ItemId\" FROM {From} WHERE {where} ORDER BY {Rank}, d.\"Date\" DESC, d.\"Number\" LIMIT @limit OFFSET @offset";
                return await IdsAsync(command, cancellationToken);
            }
        }

        // The counted hits are all of them: rank them from their ids if the titles with a query word
        // are few enough to read by their tags alone (a walk with the match costs as much as the count).
        if (counted.Candidates.Count > 0 && await TitleHitsAsync(terms, counted.LowestItemId, cancellationToken) is { } titled)
        {
            return counted.Candidates
                .Select(c => c.ItemId)
                .OrderByDescending(titled.Contains)
                .ThenByDescending(id => id)
                .Skip(offset)
                .Take(limit)
                .ToList();
        }

        // Many hits. bm25 would cost 3-6 µs a hit plus, once a query, a walk over every row that has
        // each term (its idf): 150 ms for common words at a million items. So: the hits with a query
        // word in the title first, then the others; newest first within each. FTS5 walks its matches
        // in rowid (item id) order at no cost, so "newest" is the highest item id (stored last). Here
        // (a capped count, or many titles with a query word) the title check is the match AND the
        // title tags, and looks only at the newest CountLimit hits (the rows the count read), so a
        // capped result ranks the hits it counted.
        var titleIds = new List<int>();
        {
            var (command, where) = matching();
            await using (command)
            {
                var match = (DbParameter)command.Parameters["match"];
                match.Value = TitleMatchExpression((string)match.Value!, terms);
                AddParameter(command, "candidates", FullRankLimit);
                var floor = counted.Total > CountLimit ? " AND \"SearchFts\".rowid >= @floor" : "";
                if (floor.Length > 0)
                    AddParameter(command, "floor", counted.LowestItemId);
                command.CommandText = $"SELECT d.\"ItemId\" FROM {From} WHERE {where}{floor} ORDER BY \"SearchFts\".rowid DESC LIMIT @candidates";
                titleIds = await IdsAsync(command, cancellationToken);
            }
        }

        if (offset + limit <= titleIds.Count)
            return titleIds.Skip(offset).Take(limit).ToList();

        var page = titleIds.Skip(offset).ToList();
        var skip = Math.Max(0, offset - titleIds.Count);
        var excluded = titleIds.ToHashSet();
        var (rest, restWhere) = matching();
        await using (rest)
        {
            AddParameter(rest, "take", skip + (limit - page.Count) + excluded.Count);
            rest.CommandText = $"SELECT d.\"ItemId\" FROM {From} WHERE {restWhere} ORDER BY \"SearchFts\".rowid DESC LIMIT @take";
            var newest = await IdsAsync(rest, cancellationToken);
            page.AddRange(newest.Where(id => !excluded.Contains(id)).Skip(skip).Take(limit - page.Count));
        }

        return page;
    }

    /// <summary>Whether a result of <paramref name="total"/> hits is ranked by bm25 (see <see cref="RankAsync"/>).</summary>
    private bool RanksByBm25(int total, SearchTagQuery tags) => total <= FullRankLimit && tags.Required.Count == 0;

    /// <summary>
    /// Above this many titles with a query word, <see cref="TitleHitsAsync"/> gives up: reading them
    /// costs about 0.25 µs each, the walk with the match it saves 10-20 ms at a million items. Lowered by tests.
    /// </summary>
    internal int TitleTagLimit { get; init; } = 10_000;

    /// <summary>
    /// The items from <paramref name="lowest"/> up whose title has one of the terms, by the title tags
    /// alone, or null when there are more than <see cref="TitleTagLimit"/>. Neither access nor filters
    /// are applied: the caller only uses the ids to order hits it counted.
    /// </summary>
    private async Task<HashSet<int>?> TitleHitsAsync(IReadOnlyList<SearchTerm> terms, int lowest, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand("SELECT rowid FROM \"SearchFts\" WHERE \"SearchFts\" MATCH @titles AND rowid >= @lowest ORDER BY rowid DESC LIMIT @bound");
        AddParameter(command, "titles", TitleTagsExpression(terms));
        AddParameter(command, "lowest", lowest);
        AddParameter(command, "bound", TitleTagLimit + 1);
        var ids = await IdsAsync(command, cancellationToken);
        return ids.Count > TitleTagLimit ? null : ids.ToHashSet();
    }

    // A page cache of 64 MB a connection (the default is 2 MB): a search looks up the rows of up to
    // 10,001 hits, and each lookup that misses the cache is a read from the operating system.
    protected override async Task<IAsyncDisposable?> BeginSearchAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("PRAGMA cache_size = -65536", cancellationToken);
        return null;
    }

    internal override async Task<bool> EnsureStorageAsync(CancellationToken cancellationToken)
    {
        await using var scope = await OpenAsync(cancellationToken);
        // A table from before the tags column (2026-11) is built again from the data.
        var existed = await ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'SearchFts' AND sql LIKE '%tags%'", cancellationToken) > 0;
        if (!existed)
        {
            await ExecuteAsync("DROP TABLE IF EXISTS \"SearchFts\"", cancellationToken);

            // Not in a migration: EF's model cannot express a virtual table. Positions are kept
            // (detail=full, the default) for phrase queries; the tags column holds SearchTags and
            // the title's words as TitleTags.
            await ExecuteAsync(
                "CREATE VIRTUAL TABLE \"SearchFts\" USING fts5(title, body, tags, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')",
                cancellationToken);
        }

        var hasDocuments = await ScalarAsync("SELECT EXISTS (SELECT 1 FROM \"SearchDocuments\")", cancellationToken) > 0;
        var hasItems = await ScalarAsync("SELECT EXISTS (SELECT 1 FROM \"Items\")", cancellationToken) > 0;
        return (!existed && hasDocuments) || (hasItems && !hasDocuments);
    }

    protected override Task RemoveMeetingEngineRowsAsync(int meetingId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "DELETE FROM \"SearchFts\" WHERE rowid IN (SELECT \"ItemId\" FROM \"SearchDocuments\" WHERE \"MeetingId\" = @meeting)",
            cancellationToken,
            ("meeting", meetingId));

    protected override Task ClearEngineRowsAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO \"SearchFts\"(\"SearchFts\") VALUES ('delete-all')", cancellationToken);

    protected override async Task AddEngineRowsAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand("INSERT INTO \"SearchFts\"(rowid, title, body, tags) VALUES (@id, @title, @body, @tags)");
        var id = AddParameter(command, "id", null);
        var title = AddParameter(command, "title", null);
        var body = AddParameter(command, "body", null);
        var tags = AddParameter(command, "tags", null);
        foreach (var document in documents)
        {
            var titleStems = SearchText.Stems(document.Title);
            id.Value = document.ItemId;
            title.Value = titleStems;
            body.Value = SearchText.Stems(document.Body);
            tags.Value = SearchTags.For(document) + " " + TitleTags(titleStems);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
