using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dagsorden.Core.Communication;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(Limits.Name);
        builder.Property(d => d.Email).HasMaxLength(FollowUp.MaxEmailLength);
        builder.HasIndex(d => d.Name).IsUnique();
    }
}

internal sealed class ItemAudienceConfiguration : IEntityTypeConfiguration<ItemAudience>
{
    public void Configure(EntityTypeBuilder<ItemAudience> builder)
    {
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ItemId, a.DepartmentId }).IsUnique();
    }
}

internal sealed class DigestDeliveryConfiguration : IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<DigestDelivery> builder)
    {
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.LastError).HasMaxLength(Notifications.OwedMail.MaxErrorLength);
        builder.HasIndex(d => new { d.MeetingId, d.DepartmentId }).IsUnique();
        builder.HasIndex(d => d.Sent);
    }
}
