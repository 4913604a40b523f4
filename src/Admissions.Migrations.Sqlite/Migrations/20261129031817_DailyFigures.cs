using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.Sqlite.Migrations
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
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Measure = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyDurations", x => new { x.TimeZoneId, x.Day, x.Measure, x.Value });
                });

            migrationBuilder.CreateTable(
                name: "DailyFigures",
                columns: table => new
                {
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Inquiries = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidInquiries = table.Column<int>(type: "INTEGER", nullable: false),
                    Contacted = table.Column<int>(type: "INTEGER", nullable: false),
                    Admitted = table.Column<int>(type: "INTEGER", nullable: false),
                    Verified = table.Column<int>(type: "INTEGER", nullable: false),
                    VerifiedAdmitted = table.Column<int>(type: "INTEGER", nullable: false),
                    VobsRun = table.Column<int>(type: "INTEGER", nullable: false),
                    Admits = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyFigures", x => new { x.TimeZoneId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "DailyFiguresChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: true),
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyFiguresChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DailyFiguresStates",
                columns: table => new
                {
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RefreshedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyFiguresStates", x => x.TimeZoneId);
                });
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
        }
    }
}
