using System.Globalization;
using Dagsorden.Core.Search;
using Npgsql;
using NpgsqlTypes;

namespace Dagsorden.SearchBench;

/// <summary>
/// Loads the generated corpus into PostgreSQL the way a bulk re-index would: COPY the documents into
/// an unlogged staging table, then compute the vectors with the same expressions as
/// <see cref="PostgresSearchIndex"/> in a few INSERT … SELECTs (one per core), and create the GIN index
/// after loading. Row-by-row inserts through the index took about 30 minutes for 1,000,000 items.
/// </summary>
internal static class PostgresBulk
{
    private const string Staging = "searchbench_staging";

    public static async Task CopyAsync(string connectionString, IReadOnlyList<SearchDocument> documents, bool first)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (first)
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Staging}");
            await ExecuteAsync(connection, $"CREATE UNLOGGED TABLE {Staging} (item int, meeting int, forum int, date date, year int, number int, title text, closed boolean, kle text, outcome text, body text, tags text)");
        }

        await using var writer = await connection.BeginBinaryImportAsync($"COPY {Staging} FROM STDIN (FORMAT BINARY)");
        foreach (var d in documents)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(d.ItemId, NpgsqlDbType.Integer);
            await writer.WriteAsync(d.MeetingId, NpgsqlDbType.Integer);
            await writer.WriteAsync(d.ForumId, NpgsqlDbType.Integer);
            await writer.WriteAsync(d.Date, NpgsqlDbType.Date);
            await writer.WriteAsync(d.Year, NpgsqlDbType.Integer);
            await writer.WriteAsync(d.Number, NpgsqlDbType.Integer);
            await writer.WriteAsync(d.Title, NpgsqlDbType.Text);
            await writer.WriteAsync(d.IsClosed, NpgsqlDbType.Boolean);
            await Nullable(writer, d.KleSubject);
            await Nullable(writer, d.Outcome?.ToString());
            await writer.WriteAsync(d.Body, NpgsqlDbType.Text);
            await writer.WriteAsync(SearchTags.For(d), NpgsqlDbType.Text);
        }

        await writer.CompleteAsync();
    }

    public static async Task FinishAsync(string connectionString)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, "DROP INDEX IF EXISTS \"IX_SearchDocuments_SearchVector_TagVector\"");
        }

        // The vectors are what costs: split the rows over one connection per core.
        var parts = Math.Max(1, Environment.ProcessorCount);
        await Task.WhenAll(Enumerable.Range(0, parts).Select(async part =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var p = part.ToString(CultureInfo.InvariantCulture);
            var n = parts.ToString(CultureInfo.InvariantCulture);
            await ExecuteAsync(
                connection,
                "INSERT INTO \"SearchDocuments\" (\"ItemId\", \"MeetingId\", \"ForumId\", \"Date\", \"Year\", \"Number\", \"Title\", \"IsClosed\", \"KleSubject\", \"Outcome\", \"SearchVector\", \"TitleVector\", \"TagVector\") " +
                "SELECT item, meeting, forum, date, year, number, title, closed, kle, outcome, " +
                "setweight(to_tsvector('danish'::regconfig, title), 'A') || setweight(to_tsvector('danish'::regconfig, body), 'D'), to_tsvector('danish'::regconfig, title), to_tsvector('simple'::regconfig, tags) " +
                $"FROM {Staging} WHERE item % {n} = {p}");
        }));

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"INSERT INTO \"SearchBodies\" (\"ItemId\", \"Body\") SELECT item, body FROM {Staging}");
            await ExecuteAsync(connection, $"DROP TABLE {Staging}");
            await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'");
            await ExecuteAsync(connection, "CREATE INDEX \"IX_SearchDocuments_SearchVector_TagVector\" ON \"SearchDocuments\" USING GIN (\"SearchVector\", \"TagVector\")");
            await ExecuteAsync(connection, "VACUUM ANALYZE \"SearchDocuments\"");
            await ExecuteAsync(connection, "VACUUM ANALYZE \"SearchBodies\"");
        }
    }

    private static async Task Nullable(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
            await writer.WriteNullAsync();
        else
            await writer.WriteAsync(value, NpgsqlDbType.Text);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
