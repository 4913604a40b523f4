using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Safety : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "TransactionType",
                table: "X12Exchanges",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(10)",
                oldMaxLength: 10);

            migrationBuilder.AddColumn<bool>(
                name: "IsUrgent",
                table: "Notifications",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "EscalationCount",
                table: "FollowUpTasks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastEscalatedAt",
                table: "FollowUpTasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SafetyAlertId",
                table: "FollowUpTasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnCallFallbackId",
                table: "Facilities",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnCallFallbackName",
                table: "Facilities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OnCallShifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Starts = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Ends = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ClinicianId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ClinicianName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "TransactionType",
                table: "X12Exchanges",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);
        }
    }
}
