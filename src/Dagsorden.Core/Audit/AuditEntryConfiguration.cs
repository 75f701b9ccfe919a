using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dagsorden.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.ActorId).HasMaxLength(450);
        builder.Property(a => a.Actor).HasMaxLength(Limits.Name);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Field).HasMaxLength(200);
        builder.Property(a => a.OldValue).HasMaxLength(AuditEntry.MaxValueLength);
        builder.Property(a => a.NewValue).HasMaxLength(AuditEntry.MaxValueLength);
        builder.HasIndex(a => new { a.MeetingId, a.At });
        builder.HasIndex(a => new { a.ItemId, a.At });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
