using System.Globalization;

namespace Dagsorden.Web.Audit;

/// <summary>
/// The log pages' addresses: a page of older entries names the last entry shown before it, e.g.
/// <c>?foer=1234</c> (see <see cref="Core.Audit.AuditLog"/>).
/// </summary>
public static class AuditPaging
{
    public const string Parameter = "foer";

    /// <summary>The address of the log's page after <paramref name="entryId"/>, or its first page.</summary>
    public static string Href(string path, long? entryId) => Href(path, (Parameter, entryId));

    /// <summary>The address with each parameter that has an entry id.</summary>
    public static string Href(string path, params (string Name, long? EntryId)[] parameters)
    {
        var query = string.Join('&', parameters
            .Where(p => p.EntryId is not null)
            .Select(p => p.Name + "=" + p.EntryId!.Value.ToString(CultureInfo.InvariantCulture)));
        return query.Length == 0 ? path : path + "?" + query;
    }

    /// <summary>
    /// Reads an entry id from the address: true with null when it is absent, false when it is not a
    /// whole non-negative number.
    /// </summary>
    public static bool TryRead(string? text, out long? entryId)
    {
        entryId = null;
        if (text is null)
            return true;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return false;
        entryId = id;
        return true;
    }
}
