using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "LevelRules",
                table: "Payers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NonCoveredNeedsAdvanceWaiver",
                table: "Payers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Payers",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherClearinghouseIds",
                table: "Payers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "States",
                table: "Payers",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "Transactions",
                table: "Payers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3); // Existing payers keep electronic 270 and 278 (PayerTransactions.Eligibility | ServiceReview).

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "Payers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedByName",
                table: "Payers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GoodFaithEstimates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientName = table.Column<string>(type: "TEXT", maxLength: 202, nullable: false),
                    PatientDateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PrimaryService = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ServiceDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ScheduledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProviderAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ProviderNpi = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ProviderTaxId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DiagnosisCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GivenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GivenByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GivenHow = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: true)
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
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceTypes_MentalHealthResidential",
                table: "Payers",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceTypes_Outpatient",
                table: "Payers",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceTypes_PartialHospitalization",
                table: "Payers",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceTypes_Residential",
                table: "Payers",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceTypes_WithdrawalManagement",
                table: "Payers",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "");
        }
    }
}
