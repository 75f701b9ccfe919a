using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dagsorden.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchYearIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Year",
                table: "SearchDocuments",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchDocuments_Year",
                table: "SearchDocuments");
        }
    }
}
