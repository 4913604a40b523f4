using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Dashboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AdmittingCareSetting",
                table: "LevelOfCareHistories",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReferralOrganisationId",
                table: "Inquiries",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReferralOrganisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ContactPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralOrganisations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SafetyAlerts_ResolvedAt",
                table: "SafetyAlerts",
                column: "ResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PriorAuthorizations_RequestedAt",
                table: "PriorAuthorizations",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LevelOfCareHistories_InquiryId_AdmittingCareSetting",
                table: "LevelOfCareHistories",
                columns: new[] { "InquiryId", "AdmittingCareSetting" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_AssignedCoordinatorName_Id",
                table: "Inquiries",
                columns: new[] { "AssignedCoordinatorName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_Dashboard",
                table: "Inquiries",
                columns: new[] { "CreatedAt", "FirstContactAt", "Stage", "NotAdmittedReason", "PossibleDuplicateOfId" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_ReferralOrganisationId_CreatedAt",
                table: "Inquiries",
                columns: new[] { "ReferralOrganisationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_Stage_ClosedAt",
                table: "Inquiries",
                columns: new[] { "Stage", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_Stage_Id",
                table: "Inquiries",
                columns: new[] { "Stage", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_State_DueAt",
                table: "FollowUpTasks",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EligibilityChecks_RequestedAt",
                table: "EligibilityChecks",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralOrganisations_Name",
                table: "ReferralOrganisations",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Inquiries_ReferralOrganisations_ReferralOrganisationId",
                table: "Inquiries",
                column: "ReferralOrganisationId",
                principalTable: "ReferralOrganisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Inquiries_ReferralOrganisations_ReferralOrganisationId",
                table: "Inquiries");

            migrationBuilder.DropTable(
                name: "ReferralOrganisations");

            migrationBuilder.DropIndex(
                name: "IX_SafetyAlerts_ResolvedAt",
                table: "SafetyAlerts");

            migrationBuilder.DropIndex(
                name: "IX_PriorAuthorizations_RequestedAt",
                table: "PriorAuthorizations");

            migrationBuilder.DropIndex(
                name: "IX_LevelOfCareHistories_InquiryId_AdmittingCareSetting",
                table: "LevelOfCareHistories");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_AssignedCoordinatorName_Id",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_Dashboard",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_ReferralOrganisationId_CreatedAt",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_Stage_ClosedAt",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_Stage_Id",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_State_DueAt",
                table: "FollowUpTasks");

            migrationBuilder.DropIndex(
                name: "IX_EligibilityChecks_RequestedAt",
                table: "EligibilityChecks");

            migrationBuilder.DropColumn(
                name: "AdmittingCareSetting",
                table: "LevelOfCareHistories");

            migrationBuilder.DropColumn(
                name: "ReferralOrganisationId",
                table: "Inquiries");
        }
    }
}
