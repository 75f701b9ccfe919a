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

    protected override string RankOrder(DbCommand command, IReadOnlyList<SearchTerm> terms, int total) => Rank;

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
