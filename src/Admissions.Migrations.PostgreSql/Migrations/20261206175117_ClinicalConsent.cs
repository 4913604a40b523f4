using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.PostgreSql.Migrations
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
                type: "character varying(202)",
                maxLength: 202,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(202)",
                oldMaxLength: 202);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "SignedAt",
                table: "Part2Consents",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Part2Consents",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "NamedRecipients");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PreparedAt",
                table: "Part2Consents",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "RecipientClasses",
                table: "Part2Consents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "RecipientPartnerIds",
                table: "Part2Consents",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "RecipientPeople",
                table: "Part2Consents",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "SignatureMethod",
                table: "Part2Consents",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedFromIp",
                table: "Part2Consents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedUserAgent",
                table: "Part2Consents",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerbalTakenByName",
                table: "Part2Consents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientState",
                table: "OutboundMessages",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            // Consents recorded before signing links were prepared and signed in one step.
            migrationBuilder.Sql("UPDATE \"Part2Consents\" SET \"PreparedAt\" = \"SignedAt\" WHERE \"SignedAt\" IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "ConsentSigningRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InquiryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SentTo = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InquiryId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConsentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Wording = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                type: "character varying(202)",
                maxLength: 202,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(202)",
                oldMaxLength: 202,
                oldNullable: true);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "SignedAt",
                table: "Part2Consents",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);
        }
    }
}
