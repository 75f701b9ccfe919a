using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Dagsorden.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchDocuments_SearchVector",
                table: "SearchDocuments");

            // The tag vectors are computed by the application (SearchTags), so the index is emptied
            // here and built again from the items when the database is next opened
            // (SearchIndexes.EnsureAsync); the bodies go with the documents (cascade).
            migrationBuilder.Sql("DELETE FROM \"SearchDocuments\";");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "TagVector",
                table: "SearchDocuments",
                type: "tsvector",
                nullable: false);

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_SearchVector_TagVector",
                table: "SearchDocuments",
                columns: new[] { "SearchVector", "TagVector" })
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchDocuments_SearchVector_TagVector",
                table: "SearchDocuments");

            migrationBuilder.DropColumn(
                name: "TagVector",
                table: "SearchDocuments");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_SearchVector",
                table: "SearchDocuments",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
