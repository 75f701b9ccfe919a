using Dagsorden.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Dagsorden.Core.Search;

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public const string VectorColumn = "SearchVector";
    public const string TitleVectorColumn = "TitleVector";
    public const string TagVectorColumn = "TagVector";

    public void Configure(EntityTypeBuilder<SearchDocument> builder)
    {
        builder.ToTable("SearchDocuments");
        builder.HasKey(d => d.ItemId);
        builder.Property(d => d.ItemId).ValueGeneratedNever();

        // No foreign key to the item: the index is rewritten per meeting after the items are saved,
        // and removing a meeting removes its documents.
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.KleSubject).HasMaxLength(8);

        // No index on the filter columns: the full-text match always drives a search, and an index on
        // forum or date tempts SQLite's planner to scan by it and probe the FTS table row by row.
        builder.Ignore(d => d.Body);
    }

    /// <summary>
    /// PostgreSQL only: the tsvector of title and body, the tsvector of the document's
    /// <see cref="SearchTags"/>, and one GIN index over both, so that a filtered search is answered
    /// by one index scan. Written by the index (<see cref="PostgresSearchIndex"/>) from the same
    /// values as the row, since the body is in another table and a generated column cannot read it.
    /// </summary>
    public static void ConfigurePostgres(EntityTypeBuilder<SearchDocument> builder)
    {
        builder.Property<NpgsqlTsVector>(VectorColumn).IsRequired();
        builder.Property<NpgsqlTsVector>(TagVectorColumn).IsRequired();
        builder.HasIndex(VectorColumn, TagVectorColumn).HasMethod("GIN");

        // The title's own small vector ranks big result sets without reading every body's vector.
        builder.Property<NpgsqlTsVector>(TitleVectorColumn).IsRequired();

        // The archive's first and last year, for a count that goes a year at a time (PostgresSearchIndex).
        builder.HasIndex(d => d.Year);
    }
}

internal sealed class SearchBodyConfiguration : IEntityTypeConfiguration<SearchBody>
{
    public void Configure(EntityTypeBuilder<SearchBody> builder)
    {
        builder.ToTable("SearchBodies");
        builder.HasKey(b => b.ItemId);
        builder.Property(b => b.ItemId).ValueGeneratedNever();
        builder.HasOne<SearchDocument>().WithOne().HasForeignKey<SearchBody>(b => b.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
