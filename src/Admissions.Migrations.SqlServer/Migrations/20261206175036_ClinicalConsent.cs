using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ClinicalConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SignedName",
                table: "Part2Consents",
                type: "nvarchar(202)",
                maxLength: 202,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(202)",
                oldMaxLength: 202);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "SignedAt",
                table: "Part2Consents",
                type: "datetimeoffset",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "datetimeoffset");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Part2Consents",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "NamedRecipients");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PreparedAt",
                table: "Part2Consents",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "RecipientClasses",
                table: "Part2Consents",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RecipientPartnerIds",
                table: "Part2Consents",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "RecipientPeople",
                table: "Part2Consents",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "SignatureMethod",
                table: "Part2Consents",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedFromIp",
                table: "Part2Consents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedUserAgent",
                table: "Part2Consents",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerbalTakenByName",
                table: "Part2Consents",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientState",
                table: "OutboundMessages",
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: true);

            // Consents recorded before signing links were prepared and signed in one step.
            migrationBuilder.Sql("UPDATE [Part2Consents] SET [PreparedAt] = [SignedAt] WHERE [SignedAt] IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "ConsentSigningRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConsentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    SentTo = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FailedAttempts = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentSigningRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentSigningRequests_Part2Consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "Part2Consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TextingConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    InquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ConsentedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Method = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Wording = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    RecordedById = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TextingConsents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentSigningRequests_ConsentId",
                table: "ConsentSigningRequests",
                column: "ConsentId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentSigningRequests_TokenHash",
                table: "ConsentSigningRequests",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TextingConsents_InquiryId",
                table: "TextingConsents",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_TextingConsents_Phone",
                table: "TextingConsents",
                column: "Phone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentSigningRequests");

            migrationBuilder.DropTable(
                name: "TextingConsents");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Part2Consents");

            migrationBuilder.DropColumn(
                name: "PreparedAt",
                table: "Part2Consents");

            migrationBuilder.DropColumn(
                name: "RecipientClasses",
                table: "Part2Consents");

            migrationBuilder.DropColumn(
                name: "RecipientPartnerIds",
                table: "Part2Consents");

            migrationBuilder.DropColumn(
                name: "RecipientPeople",
                table: "Part2Consents");

            migrationBuilder.DropColumn(
                name: "SignatureMethod",
                table: "Part2Consents");

            migrationBuilder.DropColumn(
                name: "SignedFromIp",
                table: "Part2Consents");

            migrationBuilder.DropColumn(
                name: "SignedUserAgent",
                table: "Part2Consents");

            migrationBuilder.DropColumn(
                name: "VerbalTakenByName",
                table: "Part2Consents");

            migrationBuilder.DropColumn(
                name: "RecipientState",
                table: "OutboundMessages");

            migrationBuilder.AlterColumn<string>(
                name: "SignedName",
                table: "Part2Consents",
                type: "nvarchar(202)",
                maxLength: 202,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(202)",
                oldMaxLength: 202,
                oldNullable: true);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "SignedAt",
                table: "Part2Consents",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "datetimeoffset",
                oldNullable: true);
        }
    }
}
