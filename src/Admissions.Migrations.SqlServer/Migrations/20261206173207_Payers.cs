using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Payers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ServiceTypes_IntensiveOutpatient",
                table: "Payers");

            migrationBuilder.DropColumn(
                name: "ServiceTypes_MentalHealthResidential",
                table: "Payers");

            migrationBuilder.DropColumn(
                name: "ServiceTypes_Outpatient",
                table: "Payers");

            migrationBuilder.DropColumn(
                name: "ServiceTypes_PartialHospitalization",
                table: "Payers");

            migrationBuilder.DropColumn(
                name: "ServiceTypes_Residential",
                table: "Payers");

            migrationBuilder.DropColumn(
                name: "ServiceTypes_WithdrawalManagement",
                table: "Payers");

            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Payers",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "LevelRules",
                table: "Payers",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NonCoveredNeedsAdvanceWaiver",
                table: "Payers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Payers",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherClearinghouseIds",
                table: "Payers",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "States",
                table: "Payers",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "Transactions",
                table: "Payers",
                type: "int",
                nullable: false,
                defaultValue: 3); // Existing payers keep electronic 270 and 278 (PayerTransactions.Eligibility | ServiceReview).

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "Payers",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedByName",
                table: "Payers",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GoodFaithEstimates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PatientName = table.Column<string>(type: "nvarchar(202)", maxLength: 202, nullable: false),
                    PatientDateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    PrimaryService = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    ServiceDay = table.Column<DateOnly>(type: "date", nullable: true),
                    ScheduledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ProviderName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProviderAddress = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ProviderNpi = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    ProviderTaxId = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    DiagnosisCodes = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    GivenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    GivenByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    GivenHow = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Version = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: false),
                    Items = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoodFaithEstimates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GoodFaithEstimates_InquiryId",
                table: "GoodFaithEstimates",
                column: "InquiryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GoodFaithEstimates");

            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Payers");

            migrationBuilder.DropColumn(
                name: "LevelRules",
                table: "Payers");

            migrationBuilder.DropColumn(
                name: "NonCoveredNeedsAdvanceWaiver",
                table: "Payers");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Payers");

            migrationBuilder.DropColumn(
                name: "OtherClearinghouseIds",
                table: "Payers");

            migrationBuilder.DropColumn(
                name: "States",
                table: "Payers");

            migrationBuilder.DropColumn(
                name: "Transactions",
                table: "Payers");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Payers");

            migrationBuilder.DropColumn(
                name: "UpdatedByName",
                table: "Payers");

            migrationBuilder.AddColumn<string>(
                name: "ServiceTypes_IntensiveOutpatient",
                table: "Payers",
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceTypes_MentalHealthResidential",
                table: "Payers",
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceTypes_Outpatient",
                table: "Payers",
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceTypes_PartialHospitalization",
                table: "Payers",
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceTypes_Residential",
                table: "Payers",
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceTypes_WithdrawalManagement",
                table: "Payers",
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "");
        }
    }
}
