namespace Dagsorden.Core.Search;

/// <summary>
/// The text of a <see cref="SearchDocument"/>, in a table of its own: filters and facet counts
/// read every matching document's row, and keeping kilobytes of text out of those rows keeps
/// them fast. Only the page of hits shown reads its bodies, for snippets.
/// </summary>
internal sealed class SearchBody
{
    private SearchBody()
    {
        Body = "";
    }

    public int ItemId { get; private set; }

    public string Body { get; private set; }
}
