using Dagsorden.Core.Items;
using Dagsorden.Core.Privacy;
using Dagsorden.Core.Storage;

namespace Dagsorden.Core.Meetings;

/// <summary>What changed between two published versions, in Danish, item by item.</summary>
public static class VersionChanges
{
    /// <param name="showClosed">False for the public: a closed item is named only "Lukket".</param>
    public static IReadOnlyList<string> Between(MeetingSnapshot older, MeetingSnapshot newer, bool showClosed)
    {
        var changes = new List<string>();
        var before = older.Items.ToDictionary(i => i.ItemId);
        foreach (var item in newer.Items)
        {
            var name = Name(item, showClosed);
            if (!before.Remove(item.ItemId, out var old))
            {
                changes.Add($"Punkt {item.Number} er tilføjet: {name}");
                continue;
            }

            if (old.Number != item.Number)
                changes.Add($"Punkt {old.Number} er nu punkt {item.Number}: {name}");
            if (old.Content.Title != item.Content.Title && (showClosed || !item.Content.IsClosed))
                changes.Add($"Punkt {item.Number} har fået ny titel: {name} (før: {Public(old, showClosed).Apply(old.Content.Title)})");
            if (old.Content.IsToFollow != item.Content.IsToFollow)
                changes.Add(item.Content.IsToFollow ? $"Punkt {item.Number} eftersendes" : $"Punkt {item.Number} er ikke længere markeret »eftersendes«");
            if (old.Content.Decision != item.Content.Decision && item.Content.Decision is not null)
                changes.Add($"Punkt {item.Number}: beslutningen er {(old.Content.Decision is null ? "skrevet" : "ændret")}");
            else if (Comparable(old.Content) != Comparable(item.Content))
                changes.Add($"Punkt {item.Number}: teksten er ændret");
            if (!(old.PublicRedactions ?? []).SequenceEqual(item.PublicRedactions ?? [], StringComparer.Ordinal))
                changes.Add($"Punkt {item.Number}: navnene, der udelades i den offentlige udgave, er ændret");
        }

        changes.AddRange(before.Values.OrderBy(i => i.Number).Select(i => $"Punkt {i.Number} er fjernet: {Name(i, showClosed)}"));
        return changes;
    }

    // The text of an item, without what the other lines already report.
    private static string Comparable(ItemContent content) =>
        JsonColumns.Serialize(content with { Title = "", Decision = null, IsToFollow = false });

    private static string Name(SnapshotItem item, bool showClosed) =>
        item.Content.IsClosed && !showClosed ? "Lukket" : Public(item, showClosed).Apply(ItemTitle.Compose(item.Content.ForumPrefix, item.Content.Title));

    // The public reads a title without the names its version left out; members read it whole.
    private static Redactions Public(SnapshotItem item, bool showClosed) => showClosed ? Redactions.None : Redactions.Of(item.PublicRedactions);
}
