using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dagsorden.Core.Storage;

/// <summary>
/// When each published object was created and last changed, and which were deleted: what the OParl
/// API's created_since and modified_since filters need. Kept as shadow properties, because the domain
/// has no use for them, and stamped by the context on every save.
/// </summary>
public static class ChangeTracking
{
    public const string Created = nameof(Created);
    public const string Modified = nameof(Modified);

    private static readonly Type[] TrackedTypes = [typeof(Forum), typeof(Meeting), typeof(AgendaItem), typeof(Attachment)];

    internal static void Track<T>(EntityTypeBuilder<T> builder)
        where T : class
    {
        builder.Property<DateTime>(Created).HasDefaultValue(DateTime.UnixEpoch);
        builder.Property<DateTime>(Modified).HasDefaultValue(DateTime.UnixEpoch);
        builder.HasIndex(Modified);
    }

    /// <summary>Stamps added and changed objects, marks an item changed when its sections change, and records deletions.</summary>
    internal static void Stamp(ChangeTracker tracker, DagsordenDbContext db, DateTime now)
    {
        foreach (var section in tracker.Entries<ItemSection>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            var itemId = section.Property("ItemId").CurrentValue as int?;
            var owner = tracker.Entries<AgendaItem>().FirstOrDefault(e => e.Entity.Id == itemId && e.State == EntityState.Unchanged);
            owner?.Property(Modified).CurrentValue = now;
        }

        foreach (var entry in tracker.Entries().Where(e => TrackedTypes.Contains(e.Metadata.ClrType)).ToList())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Property(Created).CurrentValue = now;
                    entry.Property(Modified).CurrentValue = now;
                    break;
                case EntityState.Modified:
                    entry.Property(Modified).CurrentValue = now;
                    break;
                case EntityState.Deleted:
                    db.DeletedRecords.Add(new DeletedRecord(entry.Metadata.ClrType.Name, (int)entry.Property("Id").CurrentValue!, now));
                    break;
            }
        }
    }
}

/// <summary>A tombstone: an object of <see cref="Type"/> with <see cref="EntityId"/> was deleted at <see cref="Deleted"/>.</summary>
public sealed class DeletedRecord(string type, int entityId, DateTime deleted)
{
    public long Id { get; private set; }

    /// <summary>The entity's class name: Forum, Meeting, AgendaItem or Attachment.</summary>
    public string Type { get; private set; } = type;

    public int EntityId { get; private set; } = entityId;

    public DateTime Deleted { get; private set; } = deleted;
}

internal sealed class DeletedRecordConfiguration : IEntityTypeConfiguration<DeletedRecord>
{
    public void Configure(EntityTypeBuilder<DeletedRecord> builder)
    {
        builder.Property(d => d.Type).HasMaxLength(40);
        builder.HasIndex(d => new { d.Type, d.Deleted });
    }
}
