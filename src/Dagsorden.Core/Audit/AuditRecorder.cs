using System.Globalization;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Communication;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dagsorden.Core.Audit;

/// <summary>
/// Turns the changes a context is about to save into audit entries, one per changed property.
/// <see cref="Capture"/> runs before the save, while old values and deleted rows are still known;
/// <see cref="EntriesAsync"/> runs after it, when inserted rows have their real ids.
/// </summary>
internal sealed class AuditRecorder
{
    /// <summary>The value recorded for a secret or lockout field: that it changed, never what to.</summary>
    public const string Concealed = "(ændret)";

    public const string UserRoleType = "UserRole";

    private static readonly Dictionary<Type, string> AuditedTypes = new()
    {
        [typeof(Forum)] = nameof(Forum),
        [typeof(Meeting)] = nameof(Meeting),
        [typeof(AgendaItem)] = nameof(AgendaItem),
        [typeof(Attachment)] = nameof(Attachment),
        [typeof(FollowUp)] = nameof(FollowUp),
        [typeof(FollowUpSuggestion)] = nameof(FollowUpSuggestion),
        [typeof(ForumMembership)] = nameof(ForumMembership),
        [typeof(IdentityUserRole<string>)] = UserRoleType,
        [typeof(UserAccount)] = nameof(UserAccount),
        [typeof(Department)] = nameof(Department),
        [typeof(ItemAudience)] = nameof(ItemAudience),
        [typeof(MeetingVersion)] = nameof(MeetingVersion),
        [typeof(ItemDraft)] = nameof(ItemDraft),
    };

    // Stamps and concurrency tokens change on every save and say nothing; the snapshot is the
    // version itself (its pages render it) and extracted text is derived from the stored file.
    private static readonly HashSet<string> Skipped =
    [
        ChangeTracking.Created, ChangeTracking.Modified, "Revision", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName",
        nameof(Attachment.ExtractedText), nameof(MeetingVersion.Snapshot),
    ];

    private static readonly HashSet<string> Secret =
        [nameof(UserAccount.PasswordHash), nameof(UserAccount.SecurityStamp), nameof(UserAccount.LockoutEnd), nameof(UserAccount.AccessFailedCount), nameof(UserAccount.LockoutEnabled)];

    private readonly List<Pending> _pending = [];
    private readonly List<SectionChange> _sections = [];

    private AuditRecorder()
    {
    }

    /// <summary>What is about to change, or null when nothing audited is.</summary>
    public static AuditRecorder? Capture(ChangeTracker tracker)
    {
        AuditRecorder? recorder = null;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            if (entry.Entity is ItemSection)
            {
                (recorder ??= new()).CaptureSection(entry);
                continue;
            }

            if (!AuditedTypes.TryGetValue(entry.Metadata.ClrType, out var type))
                continue;
            recorder ??= new();
            recorder._pending.Add(entry.State switch
            {
                EntityState.Added => new Pending(entry, type, AuditActions.Added, null, null),
                EntityState.Modified => new Pending(entry, type, AuditActions.Modified, ChangedProperties(entry), null),
                _ => new Pending(entry, type, AuditActions.Deleted, RecordedProperties(entry).ToList(), Locate(type, p => entry.Property(p).OriginalValue)),
            });
        }

        // A save that only touches stamps (or an item whose sections were rewritten unchanged) records nothing.
        recorder?._pending.RemoveAll(p => p.Action == AuditActions.Modified && p.Properties!.Count == 0);
        return recorder is { _pending.Count: 0, _sections.Count: 0 } ? null : recorder;
    }

    /// <summary>The entries for the captured changes; call after the save, so new rows have their ids.</summary>
    public async Task<IReadOnlyList<AuditEntry>> EntriesAsync(DagsordenDbContext db, bool async, CancellationToken cancellationToken)
    {
        var at = db.Clock.GetUtcNow().UtcDateTime;
        var actor = await ActorAsync(db, async, cancellationToken);
        var rows = new List<(Location Where, string Type, string Action, string Field, string? Old, string? New)>();

        foreach (var pending in _pending)
        {
            var entry = pending.Entry;
            var where = pending.Deleted ?? Locate(pending.Type, p => entry.Property(p).CurrentValue);
            if (pending.Type == UserRoleType)
            {
                rows.Add((where, pending.Type, pending.Action, "Role", null, null));
                continue;
            }

            var properties = pending.Properties ?? RecordedProperties(entry).ToList();
            foreach (var (property, original) in properties)
            {
                var (old, @new) = pending.Action switch
                {
                    AuditActions.Added => (null, Format(property, entry.Property(property.Name).CurrentValue)),
                    AuditActions.Deleted => (Format(property, original), null),
                    _ => (Format(property, original), Format(property, entry.Property(property.Name).CurrentValue)),
                };
                if (pending.Action != AuditActions.Modified && old is null && @new is null)
                    continue;
                rows.Add((where, pending.Type, pending.Action, property.Name, old, @new));
            }
        }

        rows.AddRange(SectionRows(db));

        var meetingOf = await MeetingsOfItemsAsync(db, rows.Where(r => r.Where.MeetingId is null && r.Where.ItemId is not null).Select(r => r.Where.ItemId!.Value), async, cancellationToken);
        var roleNames = await RoleNamesAsync(db, rows.Where(r => r.Type == UserRoleType).Select(r => r.Where.RoleId!), async, cancellationToken);

        return rows.Select(r =>
        {
            var meetingId = r.Where.MeetingId ?? (r.Where.ItemId is { } item && meetingOf.TryGetValue(item, out var m) ? m : null);
            var (old, @new) = r.Type == UserRoleType
                ? (r.Action == AuditActions.Deleted ? roleNames.GetValueOrDefault(r.Where.RoleId!, r.Where.RoleId) : null,
                   r.Action == AuditActions.Added ? roleNames.GetValueOrDefault(r.Where.RoleId!, r.Where.RoleId) : null)
                : (r.Old, r.New);
            return new AuditEntry(at, actor.UserId, actor.Name, r.Action, r.Type, r.Where.EntityId, meetingId, r.Where.ItemId, r.Field, old, @new);
        }).ToList();
    }

    private void CaptureSection(EntityEntry entry)
    {
        var body = entry.Property(nameof(ItemSection.Body));
        var heading = entry.Property(nameof(ItemSection.Heading));
        var position = entry.Property(nameof(ItemSection.Position));
        var itemId = entry.Property("ItemId");
        string Text(PropertyEntry h, PropertyEntry b, bool original) =>
            SectionText((string?)(original ? h.OriginalValue : h.CurrentValue), (RichText?)(original ? b.OriginalValue : b.CurrentValue));

        _sections.Add(entry.State switch
        {
            EntityState.Added => new SectionChange(entry, null, (int)position.CurrentValue!, null, Text(heading, body, false)),
            EntityState.Deleted => new SectionChange(null, (int?)itemId.OriginalValue, (int)position.OriginalValue!, Text(heading, body, true), null),
            _ => new SectionChange(null, (int?)itemId.CurrentValue, (int)position.CurrentValue!, Text(heading, body, true), Text(heading, body, false)),
        });
    }

    // An item's sections are rewritten whole on every edit; pairing old and new by position records
    // what a reader would call the change: the text of section 3 went from this to that.
    private IEnumerable<(Location, string, string, string, string?, string?)> SectionRows(DagsordenDbContext db)
    {
        var byItem = _sections
            .Select(s => (ItemId: s.ItemId ?? (int?)s.Added!.Property("ItemId").CurrentValue, Change: s))
            .Where(s => s.ItemId is not null)
            .GroupBy(s => s.ItemId!.Value);
        foreach (var item in byItem)
        {
            var itemEntry = _pending.FirstOrDefault(p => p.Type == nameof(AgendaItem) && ItemIdOf(p) == item.Key);
            var action = itemEntry?.Action ?? AuditActions.Modified;
            var meetingId = itemEntry?.Deleted?.MeetingId
                ?? db.ChangeTracker.Entries<AgendaItem>().FirstOrDefault(e => e.Entity.Id == item.Key)?.Entity.MeetingId;
            var where = new Location(item.Key.ToString(CultureInfo.InvariantCulture), meetingId, item.Key, null);
            var positions = item.Select(s => s.Change.Position).Distinct().Order();
            foreach (var position in positions)
            {
                var old = item.Where(s => s.Change.Position == position).Select(s => s.Change.Old).FirstOrDefault(t => t is not null);
                var @new = item.Where(s => s.Change.Position == position).Select(s => s.Change.New).FirstOrDefault(t => t is not null);
                if (old != @new)
                    yield return (where, nameof(AgendaItem), action, $"Sections[{position}]", old, @new);
            }
        }
    }

    private static int? ItemIdOf(Pending pending) =>
        pending.Deleted?.ItemId ?? (pending.Entry.State == EntityState.Detached ? null : (int?)pending.Entry.Property(nameof(AgendaItem.Id)).CurrentValue);

    private static string SectionText(string? heading, RichText? body)
    {
        var text = body?.ToPlainText() ?? "";
        return string.IsNullOrEmpty(heading) ? text : $"{heading}\n{text}";
    }

    private static List<(IProperty Property, object? Original)> ChangedProperties(EntityEntry entry) =>
        entry.Properties
            .Where(p => p.IsModified && !p.Metadata.IsPrimaryKey() && !Skipped.Contains(p.Metadata.Name))
            .Where(p => !p.Metadata.GetValueComparer().Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => ((IProperty)p.Metadata, p.OriginalValue))
            .ToList();

    private static IEnumerable<(IProperty Property, object? Original)> RecordedProperties(EntityEntry entry) =>
        entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && !Skipped.Contains(p.Metadata.Name))
            .Select(p => ((IProperty)p.Metadata, p.OriginalValue));

    /// <summary>Where an entity belongs: its id, and its meeting and item where it has them.</summary>
    private static Location Locate(string type, Func<string, object?> value)
    {
        string Id(string name = "Id") => Convert.ToString(value(name), CultureInfo.InvariantCulture) ?? "";
        int? Int(string name) => value(name) as int?;
        return type switch
        {
            nameof(Meeting) => new(Id(), Int("Id"), null, null),
            nameof(AgendaItem) => new(Id(), Int(nameof(AgendaItem.MeetingId)), Int("Id"), null),
            nameof(MeetingVersion) => new(Id(), Int(nameof(MeetingVersion.MeetingId)), null, null),
            nameof(Attachment) or nameof(FollowUpSuggestion) or nameof(ItemAudience) => new(Id(), null, Int("ItemId"), null),
            nameof(FollowUp) => new(Id(), null, Int(nameof(FollowUp.OriginItemId)), null),
            nameof(ItemDraft) => new(Id(), null, Int(nameof(ItemDraft.PlacedItemId)), null),
            UserRoleType => new(Id("UserId"), null, null, Id("RoleId")),
            _ => new(Id(), null, null, null),
        };
    }

    private static string? Format(IProperty property, object? value)
    {
        if (value is null)
            return null;
        if (Secret.Contains(property.Name) && property.DeclaringType.ClrType == typeof(UserAccount))
            return Concealed;
        return value switch
        {
            string text => text,
            RichText rich => rich.ToPlainText(),
            bool flag => flag ? "ja" : "nej",
            DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeOnly time => time.ToString("HH:mm", CultureInfo.InvariantCulture),
            DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            Enum choice => choice.ToString(),
            IFormattable number when property.GetValueConverter() is null => number.ToString(null, CultureInfo.InvariantCulture),
            _ => property.GetValueConverter() is { } converter
                ? Convert.ToString(converter.ConvertToProvider(value), CultureInfo.InvariantCulture)
                : JsonColumns.Serialize(value),
        };
    }

    private static async Task<AuditActor> ActorAsync(DagsordenDbContext db, bool async, CancellationToken cancellationToken)
    {
        var actor = db.Actor ?? AuditActor.System;
        if (actor.UserId is null)
            return actor;
        if (db.ResolvedActor is { } resolved && resolved.UserId == actor.UserId)
            return resolved;

        // The log shows the name the user had when the change was made, as colleagues know them.
        var query = db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.DisplayName);
        var name = async ? await query.FirstOrDefaultAsync(cancellationToken) : query.FirstOrDefault();
        db.ResolvedActor = string.IsNullOrWhiteSpace(name) ? actor : actor with { Name = name };
        return db.ResolvedActor;
    }

    private static async Task<Dictionary<int, int?>> MeetingsOfItemsAsync(DagsordenDbContext db, IEnumerable<int> itemIds, bool async, CancellationToken cancellationToken)
    {
        var wanted = itemIds.ToHashSet();
        var known = new Dictionary<int, int?>();
        foreach (var item in db.ChangeTracker.Entries<AgendaItem>().Where(e => wanted.Contains(e.Entity.Id)))
            known[item.Entity.Id] = item.Entity.MeetingId;
        var missing = wanted.Where(id => !known.ContainsKey(id)).ToList();
        if (missing.Count == 0)
            return known;
        var query = db.Items.AsNoTracking().Where(i => missing.Contains(i.Id)).Select(i => new { i.Id, i.MeetingId });
        foreach (var item in async ? await query.ToListAsync(cancellationToken) : query.ToList())
            known[item.Id] = item.MeetingId;
        return known;
    }

    private static async Task<Dictionary<string, string?>> RoleNamesAsync(DagsordenDbContext db, IEnumerable<string> roleIds, bool async, CancellationToken cancellationToken)
    {
        var wanted = roleIds.ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
            return [];
        var names = db.Roles.Local.Where(r => wanted.Contains(r.Id)).ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        var missing = wanted.Where(id => !names.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var query = db.Roles.AsNoTracking().Where(r => missing.Contains(r.Id)).Select(r => new { r.Id, r.Name });
            foreach (var role in async ? await query.ToListAsync(cancellationToken) : query.ToList())
                names[role.Id] = role.Name;
        }

        return names;
    }

    private sealed record Location(string EntityId, int? MeetingId, int? ItemId, string? RoleId);

    /// <param name="Properties">Modified: the changed properties with their old values; Deleted: all, with their values.</param>
    /// <param name="Deleted">Where a deleted entity was; the others are located after the save.</param>
    private sealed record Pending(EntityEntry Entry, string Type, string Action, List<(IProperty Property, object? Original)>? Properties, Location? Deleted);

    /// <param name="Added">A new section, whose item id may only be known after the save.</param>
    private sealed record SectionChange(EntityEntry? Added, int? ItemId, int Position, string? Old, string? New);
}
