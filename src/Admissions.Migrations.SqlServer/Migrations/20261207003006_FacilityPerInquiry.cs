using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class FacilityPerInquiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DailyGroups_TimeZoneId_Event_Dimension_Day",
                table: "DailyGroups");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DailyFiguresStates",
                table: "DailyFiguresStates");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DailyFigures",
                table: "DailyFigures");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DailyDurations",
                table: "DailyDurations");

            migrationBuilder.AddColumn<Guid>(
                name: "FacilityId",
                table: "Inquiries",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClearinghouseProviderName",
                table: "Facilities",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Npi",
                table: "Facilities",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TaxId",
                table: "Facilities",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FacilityId",
                table: "DailyGroups",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "FacilityId",
                table: "DailyFiguresStates",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "FacilityId",
                table: "DailyFigures",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "FacilityId",
                table: "DailyDurations",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "FacilityId",
                table: "ApiKeys",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_DailyFiguresStates",
                table: "DailyFiguresStates",
                columns: new[] { "TimeZoneId", "FacilityId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_DailyFigures",
                table: "DailyFigures",
                columns: new[] { "TimeZoneId", "FacilityId", "Day" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_DailyDurations",
                table: "DailyDurations",
                columns: new[] { "TimeZoneId", "FacilityId", "Measure", "Day", "Key", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_FacilityId_CreatedAt",
                table: "Inquiries",
                columns: new[] { "FacilityId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyGroups_TimeZoneId_FacilityId_Event_Dimension_Day",
                table: "DailyGroups",
                columns: new[] { "TimeZoneId", "FacilityId", "Event", "Dimension", "Day" });

            migrationBuilder.AddForeignKey(
                name: "FK_Inquiries_Facilities_FacilityId",
                table: "Inquiries",
                column: "FacilityId",
                principalTable: "Facilities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Inquiries taken before facilities were per inquiry belong to the first active facility (with one, the only one).
            migrationBuilder.Sql(@"UPDATE [Inquiries] SET [FacilityId] = (SELECT TOP 1 [Id] FROM [Facilities] ORDER BY [IsActive] DESC, [Name]) WHERE [FacilityId] IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Inquiries_Facilities_FacilityId",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_FacilityId_CreatedAt",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_DailyGroups_TimeZoneId_FacilityId_Event_Dimension_Day",
                table: "DailyGroups");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DailyFiguresStates",
                table: "DailyFiguresStates");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DailyFigures",
                table: "DailyFigures");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DailyDurations",
                table: "DailyDurations");

            migrationBuilder.DropColumn(
                name: "FacilityId",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "ClearinghouseProviderName",
                table: "Facilities");

            migrationBuilder.DropColumn(
                name: "Npi",
                table: "Facilities");

            migrationBuilder.DropColumn(
                name: "TaxId",
                table: "Facilities");

            migrationBuilder.DropColumn(
                name: "FacilityId",
                table: "DailyGroups");

            migrationBuilder.DropColumn(
                name: "FacilityId",
                table: "DailyFiguresStates");

            migrationBuilder.DropColumn(
                name: "FacilityId",
                table: "DailyFigures");

            migrationBuilder.DropColumn(
                name: "FacilityId",
                table: "DailyDurations");

            migrationBuilder.DropColumn(
                name: "FacilityId",
                table: "ApiKeys");

            migrationBuilder.AddPrimaryKey(
                name: "PK_DailyFiguresStates",
                table: "DailyFiguresStates",
                column: "TimeZoneId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_DailyFigures",
                table: "DailyFigures",
                columns: new[] { "TimeZoneId", "Day" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_DailyDurations",
                table: "DailyDurations",
                columns: new[] { "TimeZoneId", "Measure", "Day", "Key", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyGroups_TimeZoneId_Event_Dimension_Day",
                table: "DailyGroups",
                columns: new[] { "TimeZoneId", "Event", "Dimension", "Day" });
        }
    }
}
