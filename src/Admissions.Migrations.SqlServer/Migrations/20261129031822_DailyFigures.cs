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
                    Value = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyDurations", x => new { x.TimeZoneId, x.Day, x.Measure, x.Value });
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
