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
        builder.HasIndex(i => new { i.MeetingId, i.Number }).IsUnique();
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
