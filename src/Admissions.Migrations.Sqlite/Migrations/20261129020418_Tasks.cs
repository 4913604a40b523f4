using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Tasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClosedById",
                table: "FollowUpTasks",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedByName",
                table: "FollowUpTasks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "FollowUpTasks",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CreatedByName",
                table: "FollowUpTasks",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "FollowUpTasks",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SnoozeCount",
                table: "FollowUpTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SnoozeReason",
                table: "FollowUpTasks",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SnoozedAt",
                table: "FollowUpTasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Version",
                table: "FollowUpTasks",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedById",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "ClosedByName",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "CreatedByName",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "SnoozeCount",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "SnoozeReason",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "SnoozedAt",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "FollowUpTasks");
        }
    }
}
