using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Placement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Facilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    TimeZoneId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    IsActive = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Facilities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentPrograms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    Population = table.Column<int>(type: "int", nullable: false),
                    MinimumAge = table.Column<int>(type: "int", nullable: false),
                    MaximumAge = table.Column<int>(type: "int", nullable: true),
                    DailyRate = table.Column<decimal>(type: "decimal(10,2)", precision: 10, scale: 2, nullable: false),
                    TypicalLengthOfStayDays = table.Column<int>(type: "int", nullable: false),
                    AcceptsSelfPay = table.Column<bool>(type: "bit", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentPrograms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentPrograms_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareUnits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareUnits_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CareUnits_TreatmentPrograms_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "TreatmentPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Beds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Label = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    StateChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReservedForInquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReservedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReservedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReservedById = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ReservedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    OccupiedByInquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OccupiedSince = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    OutOfServiceReason = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Version = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Beds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Beds_CareUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "CareUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Beds_Inquiries_OccupiedByInquiryId",
                        column: x => x.OccupiedByInquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Beds_Inquiries_ReservedForInquiryId",
                        column: x => x.ReservedForInquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Beds_OccupiedByInquiryId",
                table: "Beds",
                column: "OccupiedByInquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_Beds_ReservedForInquiryId",
                table: "Beds",
                column: "ReservedForInquiryId",
                unique: true,
                filter: "[ReservedForInquiryId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Beds_State_ReservedUntil",
                table: "Beds",
                columns: new[] { "State", "ReservedUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Beds_UnitId_Label",
                table: "Beds",
                columns: new[] { "UnitId", "Label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CareUnits_FacilityId_Name",
                table: "CareUnits",
                columns: new[] { "FacilityId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CareUnits_ProgramId",
                table: "CareUnits",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_Name",
                table: "Facilities",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentPrograms_FacilityId_Name",
                table: "TreatmentPrograms",
                columns: new[] { "FacilityId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Beds");

            migrationBuilder.DropTable(
                name: "CareUnits");

            migrationBuilder.DropTable(
                name: "TreatmentPrograms");

            migrationBuilder.DropTable(
                name: "Facilities");
        }
    }
}
