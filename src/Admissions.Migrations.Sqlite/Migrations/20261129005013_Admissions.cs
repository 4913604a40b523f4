using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Admissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AdmittedAt",
                table: "LevelOfCareHistories",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AdmittingDecisionId",
                table: "LevelOfCareHistories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Admissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ProgramLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    BedId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BedLabel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ScheduledFor = table.Column<long>(type: "INTEGER", nullable: false),
                    ArrivalNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BroughtBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LevelOverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ScheduledById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ScheduledByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AdmittingLevelCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AdmittingDecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<byte[]>(type: "BLOB", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Levels = table.Column<string>(type: "TEXT", nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    IntakePhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerFacilities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboundReferrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReferredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReferredById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReferredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
