using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NoAnswer",
                table: "X12Exchanges",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ResendOfId",
                table: "Disclosures",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChainSequence",
                table: "AuditEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainHeads", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "AuditChainHeads",
                columns: new[] { "Id", "Hash", "Sequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChainSequence",
                table: "AuditEntries",
                column: "ChainSequence",
                unique: true);

            // Raw SQL (see AppendOnlySql): triggers refuse changes (and TRUNCATE) to audit and disclosure rows.
            foreach (var statement in Admissions.Infrastructure.Persistence.AppendOnlySql.PostgreSql)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEntries_AppendOnly\" ON \"AuditEntries\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEntries_NoTruncate\" ON \"AuditEntries\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Disclosures_AppendOnly\" ON \"Disclosures\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Disclosures_NoTruncate\" ON \"Disclosures\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditChainHeads_Forward\" ON \"AuditChainHeads\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditChainHeads_NoTruncate\" ON \"AuditChainHeads\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS admissions_refuse_change();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS admissions_audit_head_forward();");

            migrationBuilder.DropTable(
                name: "AuditChainHeads");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ChainSequence",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "NoAnswer",
                table: "X12Exchanges");

            migrationBuilder.DropColumn(
                name: "ResendOfId",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "ChainSequence",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AuditEntries");
        }
    }
}
