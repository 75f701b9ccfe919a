using Dagsorden.Core.Audit;

namespace Dagsorden.Web.Audit;

/// <summary>The model of the log table partial.</summary>
public sealed record AuditTable(string Caption, IReadOnlyList<AuditEntry> Entries, string Empty, bool WithValues = true);
