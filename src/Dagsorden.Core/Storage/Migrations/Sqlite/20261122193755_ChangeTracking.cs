using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dagsorden.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChangeTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "Created",
                table: "Meetings",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc));

            migrationBuilder.AddColumn<DateTime>(
                name: "Modified",
                table: "Meetings",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc));

            migrationBuilder.AddColumn<DateTime>(
                name: "Created",
                table: "Items",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc));

            migrationBuilder.AddColumn<DateTime>(
                name: "Modified",
                table: "Items",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc));

            migrationBuilder.AddColumn<DateTime>(
                name: "Created",
                table: "Forums",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc));

            migrationBuilder.AddColumn<DateTime>(
                name: "Modified",
                table: "Forums",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc));

            migrationBuilder.AddColumn<DateTime>(
                name: "Created",
                table: "Attachments",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc));

            migrationBuilder.AddColumn<DateTime>(
                name: "Modified",
                table: "Attachments",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc));

            migrationBuilder.CreateTable(
                name: "DeletedRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Deleted = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeletedRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Modified",
                table: "Meetings",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Modified",
                table: "Items",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_Forums_Modified",
                table: "Forums",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_Modified",
                table: "Attachments",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_DeletedRecords_Type_Deleted",
                table: "DeletedRecords",
                columns: new[] { "Type", "Deleted" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeletedRecords");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_Modified",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Items_Modified",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Forums_Modified",
                table: "Forums");

            migrationBuilder.DropIndex(
                name: "IX_Attachments_Modified",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "Attachments");
        }
    }
}
