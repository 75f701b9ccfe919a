using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dagsorden.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchTitleTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The FTS table's tags column now also holds the title's words (SqliteSearchIndex.TitleTags).
            // The table is not part of the model: dropping it makes the next open create it and build
            // the index again from the items.
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"SearchFts\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
