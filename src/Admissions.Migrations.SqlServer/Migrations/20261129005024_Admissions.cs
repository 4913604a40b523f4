using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Admissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AdmittedAt",
                table: "LevelOfCareHistories",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AdmittingDecisionId",
                table: "LevelOfCareHistories",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Admissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgramName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    ProgramLevel = table.Column<int>(type: "int", nullable: false),
                    BedId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    BedLabel = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    ScheduledFor = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ArrivalNotes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    BroughtBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LevelOverrideReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    State = table.Column<int>(type: "int", nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ScheduledById = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ScheduledByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosedById = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ClosedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AdmittingLevelCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    AdmittingDecisionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Admissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Admissions_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Admissions_TreatmentPrograms_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "TreatmentPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartnerFacilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Levels = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    City = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    State = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    IntakePhone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    IsActive = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerFacilities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboundReferrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnerName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ReferredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReferredById = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ReferredByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboundReferrals_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutboundReferrals_PartnerFacilities_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "PartnerFacilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Admissions_InquiryId",
                table: "Admissions",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_Admissions_ProgramId",
                table: "Admissions",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_Admissions_State_ScheduledFor",
                table: "Admissions",
                columns: new[] { "State", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundReferrals_InquiryId",
                table: "OutboundReferrals",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboundReferrals_PartnerId",
                table: "OutboundReferrals",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerFacilities_Name",
                table: "PartnerFacilities",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Admissions");

            migrationBuilder.DropTable(
                name: "OutboundReferrals");

            migrationBuilder.DropTable(
                name: "PartnerFacilities");

            migrationBuilder.DropColumn(
                name: "AdmittedAt",
                table: "LevelOfCareHistories");

            migrationBuilder.DropColumn(
                name: "AdmittingDecisionId",
                table: "LevelOfCareHistories");
        }
    }
}
