using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DailyFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DailyDurations",
                columns: table => new
                {
                    TimeZoneId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Measure = table.Column<int>(type: "int", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Value = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyDurations", x => new { x.TimeZoneId, x.Measure, x.Day, x.Key, x.Value });
                });

            migrationBuilder.CreateTable(
                name: "DailyFigures",
                columns: table => new
                {
                    TimeZoneId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Inquiries = table.Column<int>(type: "int", nullable: false),
                    ValidInquiries = table.Column<int>(type: "int", nullable: false),
                    Contacted = table.Column<int>(type: "int", nullable: false),
                    Admitted = table.Column<int>(type: "int", nullable: false),
                    Verified = table.Column<int>(type: "int", nullable: false),
                    VerifiedAdmitted = table.Column<int>(type: "int", nullable: false),
                    VobsRun = table.Column<int>(type: "int", nullable: false),
                    Admits = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyFigures", x => new { x.TimeZoneId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "DailyFiguresChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    InquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyFiguresChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DailyFiguresStates",
                columns: table => new
                {
                    TimeZoneId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RefreshedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyFiguresStates", x => x.TimeZoneId);
                });

            migrationBuilder.CreateTable(
                name: "DailyGroups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TimeZoneId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Event = table.Column<int>(type: "int", nullable: false),
                    Dimension = table.Column<int>(type: "int", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Stage = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<int>(type: "int", nullable: true),
                    PossibleDuplicate = table.Column<bool>(type: "bit", nullable: false),
                    Contacted = table.Column<bool>(type: "bit", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyGroups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DailyGroups_TimeZoneId_Event_Dimension_Day",
                table: "DailyGroups",
                columns: new[] { "TimeZoneId", "Event", "Dimension", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyDurations");

            migrationBuilder.DropTable(
                name: "DailyFigures");

            migrationBuilder.DropTable(
                name: "DailyFiguresChanges");

            migrationBuilder.DropTable(
                name: "DailyFiguresStates");

            migrationBuilder.DropTable(
                name: "DailyGroups");
        }
    }
}
