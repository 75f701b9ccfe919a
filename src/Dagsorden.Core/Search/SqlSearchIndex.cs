using System.Data.Common;
using System.Globalization;
using System.Text;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dagsorden.Core.Search;

/// <summary>
/// What both engines share: the document table, filters, access, facets and snippets. User text
/// reaches SQL only as parameters; each engine turns the parsed <see cref="SearchTerm"/>s into its
/// own match expression.
/// </summary>
public abstract class SqlSearchIndex(DagsordenDbContext db) : ISearchIndex
{
    private const string Columns = "\"ItemId\", \"MeetingId\", \"ForumId\", \"Date\", \"Year\", \"Number\", \"Title\", \"IsClosed\", \"KleSubject\", \"Outcome\"";

    protected DagsordenDbContext Db { get; } = db;

    /// <summary>The FROM clause: the documents as <c>d</c>, joined to whatever the engine matches on.</summary>
    protected abstract string From { get; }

    /// <summary>
    /// Adds the match condition's parameters and returns the condition. <paramref name="tags"/> are
    /// what the filters and access require (<see cref="SearchTags.Required"/>), for an engine that
    /// indexes <see cref="SearchTags"/>; the caller applies the filters and access in SQL as well.
    /// </summary>
    protected abstract string Match(DbCommand command, IReadOnlyList<SearchTerm> terms, SearchTagQuery tags);

    /// <summary>
    /// How many hits are counted exactly (total and facets); above it the results say "more than"
    /// and show no facets. Lowered by tests, which cannot store ten thousand items.
    /// </summary>
    internal int CountLimit { get; init; } = SearchResults.CountLimit;

    /// <summary>Up to this many hits are all ranked by the engine's full ranking; above it each engine ranks a bounded set (see <see cref="RankAsync"/>).</summary>
    internal int FullRankLimit { get; init; } = 1000;

    /// <summary>
    /// The page of item ids, best first. <paramref name="counted"/> is what the count read (at most
    /// <see cref="CountLimit"/> + 1 hits). <paramref name="matching"/> creates a command with the
    /// match, access and filter conditions already bound, and returns it with the WHERE condition over
    /// <see cref="From"/>; the caller disposes the command.
    /// </summary>
    protected abstract Task<List<int>> RankAsync(Func<(DbCommand Command, string Where)> matching, IReadOnlyList<SearchTerm> terms, SearchTagQuery tags, Counted counted, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Counts the hits, at most <see cref="CountLimit"/> + 1, by forum, outcome and year.
    /// <paramref name="command"/> has the match, access and filter conditions bound; <paramref name="where"/>
    /// is the WHERE condition over <see cref="From"/>.
    /// </summary>
    protected abstract Task<Counted> CountAsync(DbCommand command, SearchCondition where, IReadOnlyList<SearchTerm> terms, SearchTagQuery tags, CancellationToken cancellationToken);

    /// <summary>
    /// A search's WHERE condition over <see cref="From"/>: the engine's match, and the access and
    /// filter conditions on the document's columns (empty, or starting with " AND ").
    /// </summary>
    protected readonly record struct SearchCondition(string Match, string Columns)
    {
        public string All => Match + Columns;
    }

    /// <summary>
    /// Prepares the connection for one search and undoes it when disposed; by default nothing. The
    /// connection is open.
    /// </summary>
    protected virtual Task<IAsyncDisposable?> BeginSearchAsync(CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable?>(null);

    protected static DecisionOutcome? ParseOutcome(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Enum.Parse<DecisionOutcome>(reader.GetString(ordinal));

    /// <summary>The hits in one forum with one outcome in one year.</summary>
    protected readonly record struct CountGroup(int Forum, DecisionOutcome? Outcome, int Year, int Count);

    /// <summary>A counted hit, for an engine that ranks results from what its count read; what an engine does not read stays default.</summary>
    protected readonly record struct Candidate(int ItemId, DateOnly Date, int Number, double TitleRank);

    /// <summary>
    /// What the count read: how many hits (at most <see cref="CountLimit"/> + 1); the hits by forum,
    /// outcome and year (none when the count went over the limit without reading the rows); the
    /// lowest item id among them; and, for an engine whose count returns them, the hits themselves.
    /// </summary>
    protected sealed record Counted(int Total, IReadOnlyList<CountGroup> Groups, int LowestItemId, IReadOnlyList<Candidate> Candidates);

    /// <summary>Runs a query whose first column is an item id and returns the ids in order.</summary>
    protected static async Task<List<int>> IdsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        return ids;
    }

    /// <summary>Extra columns of SearchDocuments the engine fills from @title, @body and @tags (<see cref="SearchTags.For"/>), with a leading comma; empty for none.</summary>
    protected virtual string VectorColumn => "";

    /// <summary>The value of <see cref="VectorColumn"/>.</summary>
    protected virtual string VectorValue => "";

    /// <summary>Creates what the migrations cannot; true when the index must be built from the data.</summary>
    internal abstract Task<bool> EnsureStorageAsync(CancellationToken cancellationToken);

    protected virtual Task RemoveMeetingEngineRowsAsync(int meetingId, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task ClearEngineRowsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task AddEngineRowsAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task IndexMeetingAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        await using var scope = await OpenAsync(cancellationToken);
        await RemoveMeetingEngineRowsAsync(meeting.Id, cancellationToken);
        await ExecuteAsync(
            "DELETE FROM \"SearchBodies\" WHERE \"ItemId\" IN (SELECT \"ItemId\" FROM \"SearchDocuments\" WHERE \"MeetingId\" = @meeting)",
            cancellationToken,
            ("meeting", meeting.Id));
        await ExecuteAsync("DELETE FROM \"SearchDocuments\" WHERE \"MeetingId\" = @meeting", cancellationToken, ("meeting", meeting.Id));
        await AddAsync(meeting.Items.Select(item => SearchDocument.From(meeting, item)).ToList(), cancellationToken);
    }

    public async Task AddAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
            return;
        await using var scope = await OpenAsync(cancellationToken);
        await using (var command = CreateCommand(
            $"INSERT INTO \"SearchDocuments\" ({Columns}{VectorColumn}) VALUES (@item, @meeting, @forum, @date, @year, @number, @title, @closed, @kle, @outcome{VectorValue})"))
        await using (var bodies = CreateCommand("INSERT INTO \"SearchBodies\" (\"ItemId\", \"Body\") VALUES (@item, @body)"))
        {
            var parameters = new[] { "item", "meeting", "forum", "date", "year", "number", "title", "closed", "kle", "outcome" }
                .Select(name => AddParameter(command, name, null))
                .ToArray();
            var body = VectorValue.Length > 0 ? AddParameter(command, "body", null) : null;
            var tags = VectorValue.Length > 0 ? AddParameter(command, "tags", null) : null;
            var bodyItem = AddParameter(bodies, "item", null);
            var bodyText = AddParameter(bodies, "body", null);
            foreach (var d in documents)
            {
                object?[] values = [d.ItemId, d.MeetingId, d.ForumId, d.Date, d.Year, d.Number, d.Title, d.IsClosed, d.KleSubject, d.Outcome?.ToString()];
                for (var i = 0; i < values.Length; i++)
                    parameters[i].Value = values[i] ?? DBNull.Value;
                body?.Value = d.Body;
                tags?.Value = SearchTags.For(d);
                await command.ExecuteNonQueryAsync(cancellationToken);
                bodyItem.Value = d.ItemId;
                bodyText.Value = d.Body;
                await bodies.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await AddEngineRowsAsync(documents, cancellationToken);
    }

    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = await OpenAsync(cancellationToken);
        await ClearEngineRowsAsync(cancellationToken);
        await ExecuteAsync("DELETE FROM \"SearchBodies\"", cancellationToken);
        await ExecuteAsync("DELETE FROM \"SearchDocuments\"", cancellationToken);

        // The index holds what is published: never a planned meeting, and a workflow meeting's latest published version.
        var meetingIds = await Db.Meetings.AsNoTracking().Where(m => m.Status != MeetingStatus.Planned).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var batch in meetingIds.Chunk(200))
        {
            var meetings = await Db.Meetings.AsNoTracking()
                .Include(m => m.Forum)
                .Include(m => m.Items).ThenInclude(i => i.Attachments)
                .AsSplitQuery()
                .Where(m => batch.Contains(m.Id))
                .ToListAsync(cancellationToken);
            var versions = await Db.LatestVersionsAsync(batch, cancellationToken);
            var documents = meetings
                .SelectMany(m => PublishedMeetings.Of(m, versions.GetValueOrDefault(m.Id))?.SearchDocuments() ?? [])
                .ToList();
            await AddAsync(documents, cancellationToken);
            count += documents.Count;
        }

        return count;
    }

    public async Task<SearchResults> SearchAsync(SearchRequest request, SearchAccess access, CancellationToken cancellationToken = default)
    {
        request.Validate();
        var terms = request.Terms;
        if (terms.Count == 0)
            return SearchResults.Empty;

        var forums = await Db.Forums.AsNoTracking().Select(f => new { f.Id, f.Code, f.Name }).ToListAsync(cancellationToken);
        int? forumId = null;
        if (request.ForumCode is { } code)
        {
            forumId = forums.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase))?.Id
                ?? throw new SearchRequestException("forum", $"No forum has the code '{code}'.");
        }

        await using var scope = await OpenAsync(cancellationToken);
        await using var search = await BeginSearchAsync(cancellationToken);

        // Facets and the total come from one count over exactly the rows the hits come from, counted
        // only up to CountLimit + 1: above that, an exact count costs a lookup of every hit (hundreds
        // of thousands for a common word) and nobody reads that far.
        var tags = SearchTags.Required(request, access, forumId);
        Counted counted;
        await using (var command = CreateCommand(""))
            counted = await CountAsync(command, Where(command, terms, request, access, forumId, tags), terms, tags, cancellationToken);

        if (counted.Total == 0)
            return SearchResults.Empty;
        var capped = counted.Total > CountLimit;
        var groups = counted.Groups;

        var ids = await RankAsync(
            () =>
            {
                var command = CreateCommand("");
                return (command, Where(command, terms, request, access, forumId, tags).All);
            },
            terms,
            tags,
            counted,
            request.Offset,
            request.Limit,
            cancellationToken);

        var documents = await LoadAsync(ids, cancellationToken);
        var forumById = forums.ToDictionary(f => f.Id);
        var hits = ids.Where(documents.ContainsKey).Select(id =>
        {
            var d = documents[id];
            var forum = forumById[d.ForumId];
            return new SearchHit(
                d.ItemId,
                new MeetingKey(forum.Code, d.Date),
                forum.Name,
                d.Number,
                d.Title,
                d.IsClosed,
                d.Outcome,
                d.KleSubject,
                Highlighter.Highlight(d.Title, terms),
                Highlighter.Snippet(d.Body, terms));
        }).ToList();

        // A capped count found only some of the hits, in the engine's order (not by date or rank), so
        // its facet numbers would describe an arbitrary part of them: leave them out rather than mislead.
        if (capped)
            return new SearchResults(CountLimit, hits, SearchFacets.Empty, IsTotalCapped: true);

        var facets = new SearchFacets(
            groups.GroupBy(g => forumById[g.Forum].Code).Select(g => new FacetCount<string>(g.Key, g.Sum(x => x.Count))).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList(),
            groups.GroupBy(g => g.Outcome).Select(g => new FacetCount<DecisionOutcome?>(g.Key, g.Sum(x => x.Count))).OrderByDescending(f => f.Count).ThenBy(f => f.Value).ToList(),
            groups.GroupBy(g => g.Year).Select(g => new FacetCount<int>(g.Key, g.Sum(x => x.Count))).OrderByDescending(f => f.Value).ToList());
        return new SearchResults(counted.Total, hits, facets);
    }

    protected DbCommand CreateCommand(string sql)
    {
        var command = Db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = Db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    protected static DbParameter AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    protected async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql);
        foreach (var (name, value) in parameters)
            AddParameter(command, name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Keeps the context's connection open for a unit of work, and closes it only if it opened it.</summary>
    protected async Task<IAsyncDisposable> OpenAsync(CancellationToken cancellationToken)
    {
        await Db.Database.OpenConnectionAsync(cancellationToken);
        return new ConnectionScope(Db);
    }

    private SearchCondition Where(DbCommand command, IReadOnlyList<SearchTerm> terms, SearchRequest request, SearchAccess access, int? forumId, SearchTagQuery tags)
    {
        var match = Match(command, terms, tags);
        var where = new StringBuilder();

        // Access first: everything counted, ranked or shown is filtered by it.
        if (!access.SeesAll)
        {
            if (access.MemberOf.Count == 0)
            {
                where.Append(" AND NOT d.\"IsClosed\"");
            }
            else
            {
                var names = access.MemberOf.Order().Select((id, i) => AddParameter(command, "member" + i.ToString(CultureInfo.InvariantCulture), id).ParameterName);
                where.Append(" AND (NOT d.\"IsClosed\" OR d.\"ForumId\" IN (@").Append(string.Join(", @", names)).Append("))");
            }
        }

        if (forumId is { } forum)
            where.Append(" AND d.\"ForumId\" = @").Append(AddParameter(command, "forum", forum).ParameterName);
        if (request.From is { } from)
            where.Append(" AND d.\"Date\" >= @").Append(AddParameter(command, "from", from).ParameterName);
        if (request.To is { } to)
            where.Append(" AND d.\"Date\" <= @").Append(AddParameter(command, "to", to).ParameterName);
        if (request.KleSubject is { } kle)
        {
            // Validated as digits and dots, so the LIKE pattern holds no wildcard of the user's.
            where.Append(" AND d.\"KleSubject\" LIKE @").Append(AddParameter(command, "kle", kle + "%").ParameterName);
        }

        if (request.Outcome is { } outcome)
            where.Append(" AND d.\"Outcome\" = @").Append(AddParameter(command, "outcome", outcome.ToString()).ParameterName);
        if (request.Closed is { } closed)
            where.Append(closed ? " AND d.\"IsClosed\"" : " AND NOT d.\"IsClosed\"");
        return new SearchCondition(match, where.ToString());
    }

    private async Task<Dictionary<int, SearchDocument>> LoadAsync(List<int> ids, CancellationToken cancellationToken)
    {
        var documents = new Dictionary<int, SearchDocument>();
        if (ids.Count == 0)
            return documents;
        await using var command = CreateCommand("");
        var names = ids.Select((id, i) => "@id" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        for (var i = 0; i < ids.Count; i++)
            AddParameter(command, "id" + i.ToString(CultureInfo.InvariantCulture), ids[i]);
        command.CommandText = $"SELECT d.\"ItemId\", d.\"MeetingId\", d.\"ForumId\", d.\"Date\", d.\"Year\", d.\"Number\", d.\"Title\", b.\"Body\", d.\"IsClosed\", d.\"KleSubject\", d.\"Outcome\" FROM \"SearchDocuments\" d JOIN \"SearchBodies\" b ON b.\"ItemId\" = d.\"ItemId\" WHERE d.\"ItemId\" IN ({string.Join(", ", names)})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var document = new SearchDocument(
                reader.GetInt32(0),
                reader.GetInt32(1),
                reader.GetInt32(2),
                reader.GetFieldValue<DateOnly>(3),
                reader.GetInt32(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetBoolean(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                ParseOutcome(reader, 10));
            documents[document.ItemId] = document;
        }

        return documents;
    }

    private sealed class ConnectionScope(DagsordenDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }
}
