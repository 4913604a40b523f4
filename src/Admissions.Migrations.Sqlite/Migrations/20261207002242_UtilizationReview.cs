using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UtilizationReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PendedAt",
                table: "PriorAuthorizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendedReason",
                table: "PriorAuthorizations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reviews",
                table: "PriorAuthorizations",
                type: "TEXT",
                nullable: true);

            // Authorizations decided before this migration start with an empty review history (the app reads it as a list).
            migrationBuilder.Sql("UPDATE \"PriorAuthorizations\" SET \"Reviews\" = '[]' WHERE \"Reviews\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PendedAt",
                table: "PriorAuthorizations");

            migrationBuilder.DropColumn(
                name: "PendedReason",
                table: "PriorAuthorizations");

            migrationBuilder.DropColumn(
                name: "Reviews",
                table: "PriorAuthorizations");
        }
    }
}
