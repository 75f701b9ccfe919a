using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dagsorden.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing in the model: SQLite keeps the tags in its FTS5 table, which the application
            // creates (and builds again when it lacks the tags column) in SqliteSearchIndex.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
