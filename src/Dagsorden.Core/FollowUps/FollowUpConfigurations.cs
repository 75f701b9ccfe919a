using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dagsorden.Core.FollowUps;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.HasOne<Forum>().WithMany().HasForeignKey(f => f.ForumId).OnDelete(DeleteBehavior.Restrict);
        // A follow-up outlives a removed item or meeting: it keeps its origin in words.
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(f => f.OriginItemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Forum>().WithMany().HasForeignKey(f => f.TargetForumId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(f => f.TargetMeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ItemDraft>().WithMany().HasForeignKey(f => f.AgendaDraftId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(f => f.Origin).HasMaxLength(Limits.Title);
        builder.Property(f => f.Text).HasMaxLength(FollowUp.MaxTextLength);
        builder.Property(f => f.Responsible).HasMaxLength(Limits.Name);
        builder.Property(f => f.ResponsibleEmail).HasMaxLength(FollowUp.MaxEmailLength);
        builder.Property(f => f.Revision).IsConcurrencyToken();
        builder.HasIndex(f => new { f.ForumId, f.Status, f.DueDate });
        builder.HasIndex(f => f.OriginItemId);
        builder.HasIndex(f => f.AgendaDraftId);
    }
}

internal sealed class FollowUpSuggestionConfiguration : IEntityTypeConfiguration<FollowUpSuggestion>
{
    public void Configure(EntityTypeBuilder<FollowUpSuggestion> builder)
    {
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(s => s.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Forum>().WithMany().HasForeignKey(s => s.TargetForumId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FollowUp>().WithMany().HasForeignKey(s => s.FollowUpId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(s => s.Sentence).HasMaxLength(FollowUp.MaxTextLength);
        builder.Property(s => s.TimeExpression).HasMaxLength(Limits.Name);
        builder.HasIndex(s => new { s.ItemId, s.Status });
    }
}

internal sealed class FollowUpReminderConfiguration : IEntityTypeConfiguration<FollowUpReminder>
{
    public void Configure(EntityTypeBuilder<FollowUpReminder> builder)
    {
        builder.HasOne<FollowUp>().WithMany().HasForeignKey(r => r.FollowUpId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.LastError).HasMaxLength(Notifications.OwedMail.MaxErrorLength);
        builder.HasIndex(r => new { r.FollowUpId, r.Kind, r.Period }).IsUnique();
        builder.HasIndex(r => r.Sent);
    }
}
