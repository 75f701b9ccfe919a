using Dagsorden.Core.Audit;

namespace Dagsorden.Web.Audit;

/// <summary>
/// The model of the log table partial. <paramref name="OlderHref"/> leads to the next page of older
/// entries, <paramref name="NewestHref"/> back to the first page; null where there is none.
/// </summary>
public sealed record AuditTable(string Caption, IReadOnlyList<AuditEntry> Entries, string Empty, bool WithValues = true, string? OlderHref = null, string? NewestHref = null);
