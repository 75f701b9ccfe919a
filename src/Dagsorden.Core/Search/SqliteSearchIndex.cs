using System.Data.Common;
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
    // Title hits weigh ten times a hit in the body.
    private const string Rank = "bm25(\"SearchFts\", 10.0, 1.0)";

    protected override string From => "\"SearchFts\" JOIN \"SearchDocuments\" d ON d.\"ItemId\" = \"SearchFts\".rowid";

    /// <summary>The FTS5 query for the terms: each a quoted string of stems, all required.</summary>
    public static string MatchExpression(IReadOnlyList<SearchTerm> terms) =>
        string.Join(' ', terms.Select(t => "\"" + string.Join(' ', t.Stems.Where(s => s.Length > 0)) + "\""));

    protected override string Match(DbCommand command, IReadOnlyList<SearchTerm> terms) =>
        "\"SearchFts\" MATCH @" + AddParameter(command, "match", MatchExpression(terms)).ParameterName;

    /// <summary>The FTS5 query for hits that have at least one of the terms in the title.</summary>
    public static string TitleMatchExpression(IReadOnlyList<SearchTerm> terms) =>
        "(" + MatchExpression(terms) + ") AND {title} : (" + string.Join(" OR ", terms.Select(t => "\"" + string.Join(' ', t.Stems.Where(s => s.Length > 0)) + "\"")) + ")";

    /// <summary>
    /// Up to <see cref="SqlSearchIndex.FullRankLimit"/> hits are all ranked by bm25. Above it, bm25
    /// (3-6 µs a hit) ranks a candidate set of at most twice that many: the newest hits with a query
    /// word in the title, and the newest hits; the other hits follow, newest first.
    /// </summary>
    protected override async Task<List<int>> RankAsync(Func<(DbCommand Command, string Where)> matching, IReadOnlyList<SearchTerm> terms, int counted, int offset, int limit, CancellationToken cancellationToken)
    {
        if (counted <= FullRankLimit)
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

        // Many hits. FTS5 walks its matches in rowid (item id) order for free, so "newest" is the
        // highest item ids: the items stored last. bm25 is computed only for the rows returned.
        var scored = new Dictionary<int, (double Score, string Date, int Number)>();
        await ScoreAsync(null, FullRankLimit, scored, cancellationToken);
        var floor = scored.Count > 0 ? scored.Keys.Min() : int.MaxValue;

        // Title hits first: the newest of them, scored by the same bm25 as the rest.
        var titleIds = new List<int>();
        {
            var (command, where) = matching();
            await using (command)
            {
                ((DbParameter)command.Parameters["match"]).Value = TitleMatchExpression(terms);
                AddParameter(command, "candidates", FullRankLimit);
                command.CommandText = $"SELECT d.\"ItemId\" FROM {From} WHERE {where} ORDER BY \"SearchFts\".rowid DESC LIMIT @candidates";
                titleIds = await IdsAsync(command, cancellationToken);
            }
        }

        var unscored = titleIds.Where(id => !scored.ContainsKey(id)).ToList();
        if (unscored.Count > 0)
            await ScoreAsync(unscored, unscored.Count, scored, cancellationToken);

        var ranked = scored
            .OrderBy(x => x.Value.Score)
            .ThenByDescending(x => x.Value.Date, StringComparer.Ordinal)
            .ThenBy(x => x.Value.Number)
            .Select(x => x.Key)
            .ToList();
        if (offset + limit <= ranked.Count)
            return ranked.Skip(offset).Take(limit).ToList();

        // Past the ranked candidates (a deep page): the other hits, newest first.
        var page = ranked.Skip(offset).ToList();
        var skip = Math.Max(0, offset - ranked.Count);
        var excluded = unscored.Where(id => id < floor).ToHashSet();
        var (rest, restWhere) = matching();
        await using (rest)
        {
            AddParameter(rest, "floor", floor);
            AddParameter(rest, "take", skip + (limit - page.Count) + excluded.Count);
            rest.CommandText = $"SELECT d.\"ItemId\" FROM {From} WHERE {restWhere} AND \"SearchFts\".rowid < @floor ORDER BY \"SearchFts\".rowid DESC LIMIT @take";
            var older = await IdsAsync(rest, cancellationToken);
            page.AddRange(older.Where(id => !excluded.Contains(id)).Skip(skip).Take(limit - page.Count));
        }

        return page;

        // Scores the newest `count` hits (ids null) or the given hits, with the date and number for ties.
        async Task ScoreAsync(List<int>? ids, int count, Dictionary<int, (double, string, int)> into, CancellationToken token)
        {
            var (command, where) = matching();
            await using (command)
            {
                AddParameter(command, "candidates", count);
                var only = "";
                if (ids is not null)
                {
                    AddParameter(command, "ids", "[" + string.Join(',', ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]");
                    only = " AND \"SearchFts\".rowid IN (SELECT value FROM json_each(@ids))";
                }

                command.CommandText = $"SELECT d.\"ItemId\", {Rank}, d.\"Date\", d.\"Number\" FROM {From} WHERE {where}{only} ORDER BY \"SearchFts\".rowid DESC LIMIT @candidates";
                await using var reader = await command.ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token))
                    into[reader.GetInt32(0)] = (reader.GetDouble(1), reader.GetString(2), reader.GetInt32(3));
            }
        }
    }

    internal override async Task<bool> EnsureStorageAsync(CancellationToken cancellationToken)
    {
        await using var scope = await OpenAsync(cancellationToken);
        var existed = await ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'SearchFts'", cancellationToken) > 0;
        if (!existed)
        {
            // Not in a migration: EF's model cannot express a virtual table. Positions are kept
            // (detail=full, the default) for phrase queries.
            await ExecuteAsync(
                "CREATE VIRTUAL TABLE IF NOT EXISTS \"SearchFts\" USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')",
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
        await using var command = CreateCommand("INSERT INTO \"SearchFts\"(rowid, title, body) VALUES (@id, @title, @body)");
        var id = AddParameter(command, "id", null);
        var title = AddParameter(command, "title", null);
        var body = AddParameter(command, "body", null);
        foreach (var document in documents)
        {
            id.Value = document.ItemId;
            title.Value = SearchText.Stems(document.Title);
            body.Value = SearchText.Stems(document.Body);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
