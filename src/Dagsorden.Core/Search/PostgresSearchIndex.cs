using System.Data.Common;
using System.Globalization;
using Dagsorden.Core.Storage;

namespace Dagsorden.Core.Search;

/// <summary>
/// PostgreSQL full-text search with the built-in <c>danish</c> configuration: a stored tsvector
/// column (title weighted A, body D) with a GIN index. Each term is a parameter of
/// plainto_tsquery or phraseto_tsquery, which read their input as plain words, never as operators.
/// </summary>
public sealed class PostgresSearchIndex(DagsordenDbContext db) : SqlSearchIndex(db)
{
    protected override string From => "\"SearchDocuments\" d";

    // Title words weigh A, body words D: ts_rank counts a title hit ten times a body hit.
    protected override string VectorColumn => ", \"SearchVector\", \"TitleVector\"";

    protected override string VectorValue =>
        ", setweight(to_tsvector('danish'::regconfig, @title), 'A') || setweight(to_tsvector('danish'::regconfig, @body), 'D'), to_tsvector('danish'::regconfig, @title)";

    protected override string Match(DbCommand command, IReadOnlyList<SearchTerm> terms, SearchTagQuery tags)
    {
        for (var i = 0; i < terms.Count; i++)
            AddParameter(command, Name(i), string.Join(' ', terms[i].Words));
        return "d.\"SearchVector\" @@ " + Query(terms);
    }

    protected override async Task<List<int>> RankAsync(Func<(DbCommand Command, string Where)> matching, IReadOnlyList<SearchTerm> terms, int counted, int lowestCounted, int offset, int limit, CancellationToken cancellationToken)
    {
        var (command, where) = matching();
        await using (command)
        {
            AddParameter(command, "limit", limit);
            AddParameter(command, "offset", offset);
            // Above FullRankLimit hits, ranking reads only the titles' vectors (title hits first, then
            // the newest): ts_rank over every hit's whole vector costs about 10 ms per thousand hits.
            if (counted <= FullRankLimit)
            {
                command.CommandText = $"SELECT d.\"ItemId\" FROM {From} WHERE {where} ORDER BY ts_rank(d.\"SearchVector\", {Query(terms)}) DESC, d.\"Date\" DESC, d.\"Number\" LIMIT @limit OFFSET @offset";
            }
            else
            {
                // Ranked by the title's vector among at most CountLimit + 1 hits: as many as were
                // counted, so a capped search reads no more rows here than its count did.
                AddParameter(command, "candidates", CountLimit + 1);
                command.CommandText = $"SELECT c.\"ItemId\" FROM (SELECT d.\"ItemId\", d.\"TitleVector\", d.\"Date\", d.\"Number\" FROM {From} WHERE {where} LIMIT @candidates) c " +
                    $"ORDER BY ts_rank(c.\"TitleVector\", {Query(terms)}) DESC, c.\"Date\" DESC, c.\"Number\" LIMIT @limit OFFSET @offset";
            }

            return await IdsAsync(command, cancellationToken);
        }
    }

    internal override async Task<bool> EnsureStorageAsync(CancellationToken cancellationToken)
    {
        await using var scope = await OpenAsync(cancellationToken);
        await using var command = CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM \"Items\") AND NOT EXISTS (SELECT 1 FROM \"SearchDocuments\")");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string Query(IReadOnlyList<SearchTerm> terms) =>
        "(" + string.Join(" && ", terms.Select((t, i) => (t.IsPhrase ? "phraseto_tsquery" : "plainto_tsquery") + "('danish'::regconfig, @" + Name(i) + ")")) + ")";

    private static string Name(int index) => "term" + index.ToString(CultureInfo.InvariantCulture);
}
