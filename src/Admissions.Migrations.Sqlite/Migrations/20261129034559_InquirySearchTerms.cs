using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InquirySearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InquirySearchTerms",
                columns: table => new
                {
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InquirySearchTerms", x => new { x.InquiryId, x.Term });
                    table.ForeignKey(
                        name: "FK_InquirySearchTerms_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InquirySearchTerms_Term_InquiryId",
                table: "InquirySearchTerms",
                columns: new[] { "Term", "InquiryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InquirySearchTerms");
        }
    }
}
