using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Safety : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsUrgent",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "EscalationCount",
                table: "FollowUpTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LastEscalatedAt",
                table: "FollowUpTasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SafetyAlertId",
                table: "FollowUpTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnCallFallbackId",
                table: "Facilities",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnCallFallbackName",
                table: "Facilities",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OnCallShifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Starts = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Ends = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ClinicianId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ClinicianName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnCallShifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnCallShifts_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OnCallShifts_FacilityId_Day_Starts",
                table: "OnCallShifts",
                columns: new[] { "FacilityId", "Day", "Starts" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OnCallShifts");

            migrationBuilder.DropColumn(
                name: "IsUrgent",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "EscalationCount",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "LastEscalatedAt",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "SafetyAlertId",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "OnCallFallbackId",
                table: "Facilities");

            migrationBuilder.DropColumn(
                name: "OnCallFallbackName",
                table: "Facilities");
        }
    }
}
