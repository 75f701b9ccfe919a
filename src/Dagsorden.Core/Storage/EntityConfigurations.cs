using Dagsorden.Core.Accounts;
using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dagsorden.Core.Storage;

internal sealed class ForumConfiguration : IEntityTypeConfiguration<Forum>
{
    public void Configure(EntityTypeBuilder<Forum> builder)
    {
        ChangeTracking.Track(builder);
        builder.Property(f => f.Code).HasMaxLength(10);
        builder.Property(f => f.Name).HasMaxLength(Limits.Name);
        builder.Property(f => f.DefaultPlace).HasMaxLength(Limits.Place);
        builder.HasIndex(f => f.Code).IsUnique();
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        ChangeTracking.Track(builder);
        builder.Property(m => m.Place).HasMaxLength(Limits.Place);
        builder.HasOne(m => m.Forum).WithMany().HasForeignKey(m => m.ForumId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ForumId, m.Date }).IsUnique();
        builder.Property(m => m.Revision).IsConcurrencyToken();
        builder.Ignore(m => m.IsPublished);
        builder.Property(m => m.Participants)
            .HasConversion((ValueConverter)JsonColumns.ParticipantsConverter, JsonColumns.ParticipantsComparer)
            .HasDefaultValueSql("'[]'"); // meetings stored before participants were recorded have none
        builder.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(m => m.Key);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        ChangeTracking.Track(builder);
        builder.ToTable("Items");
        // Not unique: renumbering moves numbers through each other within one save; Meeting keeps them distinct.
        builder.HasIndex(i => new { i.MeetingId, i.Number });
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.Property(i => i.Title).HasMaxLength(Limits.Title);
        builder.Property(i => i.TocTitle).HasMaxLength(Limits.Title);
        builder.Property(i => i.ForumPrefix).HasMaxLength(Limits.Prefix);
        builder.Property(i => i.CaseNumber)
            .HasConversion(c => c!.Value, v => CaseNumber.Parse(v))
            .HasMaxLength(Limits.CaseNumber);
        builder.Property(i => i.Recommendation)
            .HasConversion((ValueConverter)JsonColumns.RecommendationConverter, JsonColumns.RecommendationComparer);
        builder.Property(i => i.DecisionText)
            .HasConversion((ValueConverter)JsonColumns.RichTextConverter, JsonColumns.RichTextComparer);
        builder.Property(i => i.PublicRedactions)
            .HasConversion((ValueConverter)JsonColumns.TextListConverter, JsonColumns.TextListComparer)
            .HasDefaultValue(new List<string>());
        builder.Ignore(i => i.Decision);
        builder.Ignore(i => i.MinutesApproval);
        builder.Ignore(i => i.Content);
        builder.Ignore(i => i.FullTitle);

        builder.OwnsMany(i => i.Sections, section =>
        {
            section.ToTable("ItemSections");
            section.WithOwner().HasForeignKey("ItemId");
            section.HasKey(s => s.Id);
            section.Property(s => s.Heading).HasMaxLength(Limits.Title);
            section.Property(s => s.Body).HasConversion(JsonColumns.RichTextConverter, JsonColumns.RichTextComparer);
        });
        builder.Navigation(i => i.Sections).HasField("_sections").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(i => i.Attachments).WithOne().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        ChangeTracking.Track(builder);
        builder.Property(a => a.Title).HasMaxLength(Limits.Title);
        builder.HasIndex(a => new { a.ItemId, a.Position }).IsUnique();
        builder.Property(a => a.FileName).HasMaxLength(Limits.Title);
        builder.Property(a => a.ContentType).HasMaxLength(Limits.ContentType);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.StorageKey).HasMaxLength(Limits.StorageKey);
        builder.HasIndex(a => a.Sha256);
        builder.Ignore(a => a.File);
    }
}

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> builder)
    {
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.HasIndex(r => r.Fingerprint).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(Limits.Title);
        builder.Property(r => r.MeetingKey).HasMaxLength(40);
    }
}

internal sealed class ForumMembershipConfiguration : IEntityTypeConfiguration<ForumMembership>
{
    public void Configure(EntityTypeBuilder<ForumMembership> builder)
    {
        builder.HasOne(m => m.Forum).WithMany().HasForeignKey(m => m.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ForumId, m.UserId }).IsUnique();
    }
}

internal sealed class ItemDraftConfiguration : IEntityTypeConfiguration<ItemDraft>
{
    public void Configure(EntityTypeBuilder<ItemDraft> builder)
    {
        builder.ToTable("ItemDrafts");
        builder.HasOne(d => d.Forum).WithMany().HasForeignKey(d => d.ForumId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.AuthorId).HasMaxLength(450);
        builder.Property(d => d.AuthorName).HasMaxLength(Limits.Name);
        builder.Property(d => d.Content).HasConversion((ValueConverter)JsonColumns.ItemContentConverter, JsonColumns.ItemContentComparer);
        builder.Property(d => d.Revision).IsConcurrencyToken();
        builder.HasIndex(d => new { d.ForumId, d.Status });
        builder.HasIndex(d => d.AuthorId);
    }
}

internal sealed class ItemNoteConfiguration : IEntityTypeConfiguration<ItemNote>
{
    public void Configure(EntityTypeBuilder<ItemNote> builder)
    {
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(n => n.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Text).HasMaxLength(ItemNote.MaxLength);
        builder.HasIndex(n => new { n.ItemId, n.UserId }).IsUnique();
    }
}

internal sealed class MeetingVersionConfiguration : IEntityTypeConfiguration<MeetingVersion>
{
    public void Configure(EntityTypeBuilder<MeetingVersion> builder)
    {
        builder.HasOne<Meeting>().WithMany().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.MeetingId, v.Number }).IsUnique();
        builder.Property(v => v.PublishedBy).HasMaxLength(Limits.Name);
        builder.Property(v => v.CorrectionReason).HasMaxLength(Limits.Title);
        builder.Property(v => v.Snapshot).HasConversion((ValueConverter)JsonColumns.SnapshotConverter, JsonColumns.SnapshotComparer);
    }
}
