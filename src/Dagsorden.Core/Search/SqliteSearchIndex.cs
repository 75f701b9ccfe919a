using System.Data.Common;
using System.Globalization;
using Dagsorden.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
    private const string Weights = "10.0, 1.0, 0.0";

    private const string Rank = "bm25(\"SearchFts\", " + Weights + ")";

    // Whether this connection has SqliteBm25's function (BeginSearchAsync).
    private bool hasBm25Function;

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
        "(" + match + ") AND {tags} : (" + string.Join(" OR ", terms.Select(t => Quoted(t, TitleTagPrefix))) + ")";

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

    private static string Quoted(SearchTerm term, string prefix) => "\"" + string.Join(' ', IndexWords(term).Select(s => prefix + s)) + "\"";

    /// <summary>
    /// A search without filters (access only, which the tags say exactly) is counted by the full-text
    /// index alone first, the newest <see cref="SqlSearchIndex.CountLimit"/> + 1 hits (about 0.3 µs a
    /// hit); only a result that is not over the limit has its rows looked up by those ids for the
    /// facets (about 2 µs a hit), so the index is walked once either way. A result over the limit
    /// shows no facets, so its rows are never read. With filters the walk itself is the cost (merging
    /// the tags' long lists: 10-25 ms for common words at a million items) and few results are over
    /// the limit, so the rows are read as the walk finds them.
    /// </summary>
    protected override async Task<Counted> CountAsync(DbCommand command, SearchCondition where, IReadOnlyList<SearchTerm> terms, SearchTagQuery tags, CancellationToken cancellationToken)
    {
        AddParameter(command, "cap", CountLimit + 1);
        string hits;
        if (tags.IsExact && tags.Required.Count == 0)
        {
            command.CommandText = $"SELECT COUNT(*), MIN(hits.rowid), group_concat(hits.rowid) FROM (SELECT rowid FROM \"SearchFts\" WHERE {where.Match} ORDER BY rowid DESC LIMIT @cap) hits";
            int total;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                total = reader.GetInt32(0);
                if (total > CountLimit)
                    return new Counted(total, [], reader.GetInt32(1), []);
                if (total > 0)
                    AddParameter(command, "ids", "[" + reader.GetString(2) + "]");
            }

            if (total == 0)
                return new Counted(0, [], 0, []);

            // The access conditions again, though the tags already applied them exactly.
            hits = $"SELECT {HitColumns} FROM json_each(@ids) counted CROSS JOIN \"SearchDocuments\" d WHERE d.\"ItemId\" = counted.value{where.Columns}";
        }
        else
        {
            // Newest first: a capped count then reads the hits that rank first (FTS5 walks rowids either way at no cost).
            hits = $"SELECT {HitColumns} FROM {From} WHERE {where.All} ORDER BY \"SearchFts\".rowid DESC LIMIT @cap";
        }

        // The ids come along for ranking (RankAsync), and the id and title of each hit whose title may
        // have a query word (TitleCondition), to be told for certain in C#.
        var groups = new List<CountGroup>();
        var ids = new List<string>();
        var titles = new List<string>();
        var lowest = int.MaxValue;
        command.CommandText = $"SELECT hits.\"ForumId\", hits.\"Outcome\", hits.\"Year\", COUNT(*), MIN(hits.\"ItemId\"), group_concat(hits.\"ItemId\"), "
            + $"group_concat(CASE WHEN {TitleCondition(command, terms)} THEN hits.\"ItemId\" || char(31) || replace(replace(hits.\"Title\", char(30), ' '), char(31), ' ') END, char(30)) "
            + $"FROM ({hits}) hits GROUP BY hits.\"ForumId\", hits.\"Outcome\", hits.\"Year\"";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                groups.Add(new CountGroup(reader.GetInt32(0), ParseOutcome(reader, 1), reader.GetInt32(2), reader.GetInt32(3)));
                lowest = Math.Min(lowest, reader.GetInt32(4));
                ids.Add(reader.GetString(5));
                if (!reader.IsDBNull(6))
                    titles.Add(reader.GetString(6));
            }
        }

        var counted = groups.Sum(g => g.Count);
        if (counted > CountLimit)
            return new Counted(counted, groups, lowest, []);
        var titled = TitleHits(titles, terms);
        var candidates = ids
            .SelectMany(list => list.Split(','))
            .Select(id => int.Parse(id, CultureInfo.InvariantCulture))
            .Select(id => new Candidate(id, default, 0, titled.Contains(id) ? 1 : 0))
            .ToList();
        return new Counted(counted, groups, lowest, candidates);
    }

    private const string HitColumns = "d.\"ForumId\", d.\"Outcome\", d.\"Year\", d.\"ItemId\", d.\"Title\"";

    /// <summary>
    /// The SQL condition that a hit's title may have one of the terms: the term's first stem anywhere
    /// in it, letters other than a-z matching any letter (LIKE ignores case for a-z only). Cheap, and
    /// never false for a title that has the term; <see cref="TitleHits"/> then tells for certain.
    /// </summary>
    private static string TitleCondition(DbCommand command, IReadOnlyList<SearchTerm> terms)
    {
        var patterns = terms.Select((term, i) =>
        {
            var first = IndexWords(term).FirstOrDefault() ?? "";
            var pattern = "%" + string.Concat(first.Select(c => char.IsAscii(c) ? c : '_')) + "%";
            return "hits.\"Title\" LIKE @" + AddParameter(command, "title" + i.ToString(CultureInfo.InvariantCulture), pattern).ParameterName;
        });
        return "(" + string.Join(" OR ", patterns) + ")";
    }

    /// <summary>
    /// The ids among "id, unit separator, title" entries (joined by record separators) whose title
    /// has one of the terms, as the title tags would find it: a term's stems as consecutive words.
    /// </summary>
    private static HashSet<int> TitleHits(IEnumerable<string> titles, IReadOnlyList<SearchTerm> terms)
    {
        var stems = terms.Select(IndexWords).Where(s => s.Length > 0).ToList();
        var hits = new HashSet<int>();
        foreach (var entry in titles.SelectMany(list => list.Split((char)30)))
        {
            var separator = entry.IndexOf((char)31, StringComparison.Ordinal);
            var title = entry[(separator + 1)..];
            if (stems.Any(term => SearchText.ContainsStems(title, term)))
                hits.Add(int.Parse(entry.AsSpan(0, separator), CultureInfo.InvariantCulture));
        }

        return hits;
    }

    /// <summary>A term's stems as the index's words, in order: what <see cref="Quoted(SearchTerm, string)"/> puts in the FTS5 string.</summary>
    private static string[] IndexWords(SearchTerm term) =>
        string.Join(' ', term.Stems).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Up to <see cref="SqlSearchIndex.FullRankLimit"/> hits without filters are all ranked by bm25.
    /// Above it, and for a filtered search: the hits with a query word in the title, then the others;
    /// newest first within each. bm25 walks every tag in the query once, however few hits it scores
    /// (a five-year range: five years' items), and a filtered list is one people read newest first
    /// anyway. The count tells which hits have a query word in the title, unless it was capped.
    /// </summary>
    protected override async Task<List<int>> RankAsync(Func<(DbCommand Command, string Where)> matching, IReadOnlyList<SearchTerm> terms, SearchTagQuery tags, Counted counted, int offset, int limit, CancellationToken cancellationToken)
    {
        if (RanksByBm25(counted.Total, tags))
        {
            var documents = await TermDocumentsAsync(terms, cancellationToken);
            var (command, where) = matching();
            await using (command)
            {
                AddParameter(command, "limit", limit);
                AddParameter(command, "offset", offset);
                var rank = documents is null
                    ? Rank
                    : $"{SqliteBm25.FunctionName}(\"SearchFts\", {Weights}, " + string.Join(", ", documents.Select((count, i) => "@" + AddParameter(command, "documents" + i.ToString(CultureInfo.InvariantCulture), count).ParameterName)) + ")";
                command.CommandText = $"SELECT d.\"ItemId\" FROM {From} WHERE {where} ORDER BY {rank}, d.\"Date\" DESC, d.\"Number\" LIMIT @limit OFFSET @offset";
                return await IdsAsync(command, cancellationToken);
            }
        }

        if (counted.Total <= CountLimit)
        {
            return counted.Candidates
                .OrderByDescending(c => c.TitleRank)
                .ThenByDescending(c => c.ItemId)
                .Skip(offset)
                .Take(limit)
                .Select(c => c.ItemId)
                .ToList();
        }

        // A capped count. bm25 would cost 3-6 µs a hit plus, once a query, a walk over every row that
        // has each term (its idf): 150 ms for common words at a million items. FTS5 walks its matches
        // in rowid (item id) order at no cost, so "newest" is the highest item id (stored last). The
        // title check is the match AND the title tags, and looks only at the newest CountLimit hits
        // (the rows the count read), so a capped result ranks the hits it counted.
        var titleIds = new List<int>();
        {
            var (command, where) = matching();
            await using (command)
            {
                var match = (DbParameter)command.Parameters["match"];
                match.Value = TitleMatchExpression((string)match.Value!, terms);
                AddParameter(command, "candidates", FullRankLimit);
                AddParameter(command, "floor", counted.LowestItemId);
                command.CommandText = $"SELECT d.\"ItemId\" FROM {From} WHERE {where} AND \"SearchFts\".rowid >= @floor ORDER BY \"SearchFts\".rowid DESC LIMIT @candidates";
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

    /// <summary>
    /// How many documents have each term, from SearchTermCounts, in the terms' order: the idf that
    /// <see cref="SqliteBm25"/> needs instead of walking every document of every term. Null, and the
    /// search ranked by FTS5's own bm25(), when the function is missing, when a term is a phrase (its
    /// count is not kept) or may be a tag word (held to title and body by a column filter, which the
    /// kept counts do not follow), or when a term has no count although the search found it: the
    /// kept stems and FTS5's words disagree, and the ranking must not be wrong.
    /// </summary>
    private async Task<long[]?> TermDocumentsAsync(IReadOnlyList<SearchTerm> terms, CancellationToken cancellationToken)
    {
        var words = terms.Select(IndexWords).ToList();
        if (!hasBm25Function || words.Any(w => w.Length != 1 || SearchTags.CouldBeTag(w[0])))
            return null;

        await using var command = CreateCommand("");
        var names = words.Select((w, i) => "@" + AddParameter(command, "term" + i.ToString(CultureInfo.InvariantCulture), w[0]).ParameterName);
        command.CommandText = $"SELECT \"Term\", \"Documents\" FROM \"{TermCountsTable}\" WHERE \"Term\" IN ({string.Join(", ", names)})";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        var documents = words.Select(w => counts.GetValueOrDefault(w[0])).ToArray();
        return documents.All(count => count > 0) ? documents : null;
    }

    /// <summary>Whether a result of <paramref name="total"/> hits is ranked by bm25 (see <see cref="RankAsync"/>).</summary>
    private bool RanksByBm25(int total, SearchTagQuery tags) => total <= FullRankLimit && tags.Required.Count == 0;

    // A page cache of 64 MB a connection (the default is 2 MB): a search looks up the rows of up to
    // 10,001 hits, and each lookup that misses the cache is a read from the operating system. And
    // the file's first 2 GB (the most this SQLite build maps) mapped into memory, which every
    // connection shares with the operating system's cache: a page found there needs no read at all
    // (three-word searches' p95 at a million items 55 -> 41 ms, docs/benchmarks.md).
    protected override async Task<IAsyncDisposable?> BeginSearchAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("PRAGMA cache_size = -65536; PRAGMA mmap_size = 2147418112", cancellationToken);
        hasBm25Function = SqliteBm25.EnsureRegistered((SqliteConnection)Db.Database.GetDbConnection());
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
        var rebuild = (!existed && hasDocuments) || (hasItems && !hasDocuments);
        await EnsureTermCountsAsync(fill: existed && hasDocuments, cancellationToken);
        return rebuild;
    }

    private const string TermCountsTable = "SearchTermCounts";

    /// <summary>
    /// Creates SearchTermCounts (how many documents have each stem in the title or body, for
    /// <see cref="SqliteBm25"/>) when it is missing, in one transaction with counting the documents
    /// already indexed, so that a table that exists is complete. Not a migration, like the FTS5
    /// table: it belongs to this engine only.
    /// </summary>
    private async Task EnsureTermCountsAsync(bool fill, CancellationToken cancellationToken)
    {
        const string exists = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{TermCountsTable}'";
        if (await ScalarAsync(exists, cancellationToken) > 0)
            return;

        // Asked again inside the transaction (which takes the write lock at once): another program
        // opening the same database may have created the table meanwhile.
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        if (await ScalarAsync(exists, cancellationToken) > 0)
            return;
        await ExecuteAsync($"CREATE TABLE \"{TermCountsTable}\" (\"Term\" TEXT NOT NULL PRIMARY KEY, \"Documents\" INTEGER NOT NULL) WITHOUT ROWID", cancellationToken);
        if (fill)
            await AddTermCountsAsync(await StoredTermCountsAsync(null, 1, cancellationToken), cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Adds <paramref name="sign"/> to the count of every stem of the title's and body's stems, once a document, as FTS5 counts a phrase's documents.</summary>
    private static void CountTerms(Dictionary<string, long> counts, string titleStems, string bodyStems, int sign)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        terms.UnionWith(titleStems.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        terms.UnionWith(bodyStems.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var term in terms)
            counts[term] = counts.GetValueOrDefault(term) + sign;
    }

    /// <summary>Adds the (signed) counts to SearchTermCounts; a stem no document has any more is removed.</summary>
    private async Task AddTermCountsAsync(Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        await using var upsert = CreateCommand(
            $"INSERT INTO \"{TermCountsTable}\" (\"Term\", \"Documents\") VALUES (@term, @documents) ON CONFLICT (\"Term\") DO UPDATE SET \"Documents\" = \"Documents\" + excluded.\"Documents\"");
        var term = AddParameter(upsert, "term", null);
        var documents = AddParameter(upsert, "documents", null);
        await using var remove = CreateCommand($"DELETE FROM \"{TermCountsTable}\" WHERE \"Term\" = @term AND \"Documents\" <= 0");
        var removed = AddParameter(remove, "term", null);
        foreach (var (stem, count) in counts)
        {
            if (count == 0)
                continue;
            term.Value = stem;
            documents.Value = count;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
            if (count < 0)
            {
                removed.Value = stem;
                await remove.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// The stems of the stored documents (one meeting's, or all), each counted <paramref name="sign"/>
    /// once a document, from their title and body as <see cref="AddEngineRowsAsync"/> indexed them.
    /// </summary>
    private async Task<Dictionary<string, long>> StoredTermCountsAsync(int? meetingId, int sign, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = CreateCommand("SELECT d.\"Title\", b.\"Body\" FROM \"SearchDocuments\" d JOIN \"SearchBodies\" b ON b.\"ItemId\" = d.\"ItemId\"");
        if (meetingId is { } meeting)
            command.CommandText += " WHERE d.\"MeetingId\" = @" + AddParameter(command, "meeting", meeting).ParameterName;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            CountTerms(counts, SearchText.Stems(reader.GetString(0)), SearchText.Stems(reader.GetString(1)), sign);
        return counts;
    }

    protected override async Task RemoveMeetingEngineRowsAsync(int meetingId, CancellationToken cancellationToken)
    {
        // The documents' text is still there: their stems' counts go down by what adding them added.
        await AddTermCountsAsync(await StoredTermCountsAsync(meetingId, -1, cancellationToken), cancellationToken);
        await ExecuteAsync(
            "DELETE FROM \"SearchFts\" WHERE rowid IN (SELECT \"ItemId\" FROM \"SearchDocuments\" WHERE \"MeetingId\" = @meeting)",
            cancellationToken,
            ("meeting", meetingId));
    }

    protected override async Task ClearEngineRowsAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("INSERT INTO \"SearchFts\"(\"SearchFts\") VALUES ('delete-all')", cancellationToken);
        await ExecuteAsync($"DELETE FROM \"{TermCountsTable}\"", cancellationToken);
    }

    protected override async Task AddEngineRowsAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = CreateCommand("INSERT INTO \"SearchFts\"(rowid, title, body, tags) VALUES (@id, @title, @body, @tags)"))
        {
            var id = AddParameter(command, "id", null);
            var title = AddParameter(command, "title", null);
            var body = AddParameter(command, "body", null);
            var tags = AddParameter(command, "tags", null);
            foreach (var document in documents)
            {
                var titleStems = SearchText.Stems(document.Title);
                var bodyStems = SearchText.Stems(document.Body);
                id.Value = document.ItemId;
                title.Value = titleStems;
                body.Value = bodyStems;
                tags.Value = SearchTags.For(document) + " " + TitleTags(titleStems);
                await command.ExecuteNonQueryAsync(cancellationToken);
                CountTerms(counts, titleStems, bodyStems, 1);
            }
        }

        await AddTermCountsAsync(counts, cancellationToken);
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
