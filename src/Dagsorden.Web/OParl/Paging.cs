namespace Dagsorden.Web.OParl;

/// <summary>
/// One run of a list, counted and fetched in the database: a list is its runs one after the other
/// (e.g. live objects, then tombstones), so a page may span the end of one run and the start of the next.
/// </summary>
public sealed record ListRun<T>(
    Func<CancellationToken, Task<int>> CountAsync,
    Func<int, int, CancellationToken, Task<IReadOnlyList<T>>> FetchAsync)
    where T : OParlObject;

public static class Paging
{
    public static async Task<OParlList<T>> PageAsync<T>(ListQuery query, string listUrl, IReadOnlyList<ListRun<T>> runs, CancellationToken cancellationToken)
        where T : OParlObject
    {
        var counts = new List<int>();
        foreach (var run in runs)
            counts.Add(await run.CountAsync(cancellationToken));
        var total = counts.Sum();
        var totalPages = Math.Max(1, (int)Math.Ceiling(total / (double)query.Limit));

        var data = new List<T>();
        var skip = Math.Min((long)(query.Page - 1) * query.Limit, total);
        var wanted = query.Limit;
        for (var i = 0; i < runs.Count && wanted > 0; i++)
        {
            if (skip >= counts[i])
            {
                skip -= counts[i];
                continue;
            }

            var fetched = await runs[i].FetchAsync((int)skip, wanted, cancellationToken);
            data.AddRange(fetched);
            wanted -= fetched.Count;
            skip = 0;
        }

        var links = new OParlLinks(
            query.Link(listUrl, 1),
            query.Page > 1 ? query.Link(listUrl, Math.Min(query.Page - 1, totalPages)) : null,
            query.Page < totalPages ? query.Link(listUrl, query.Page + 1) : null,
            query.Link(listUrl, totalPages));
        return new OParlList<T>(data, new OParlPagination(total, query.Limit, query.Page, totalPages), links);
    }
}
