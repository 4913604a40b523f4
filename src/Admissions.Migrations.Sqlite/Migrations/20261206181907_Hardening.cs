using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ResendOfId",
                table: "Disclosures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChainSequence",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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

            // Raw SQL (see AppendOnlySql): the database itself refuses to change or delete audit and disclosure rows.
            foreach (var statement in Admissions.Infrastructure.Persistence.AppendOnlySql.Sqlite)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "AuditEntries_NoUpdate", "AuditEntries_NoDelete", "Disclosures_NoUpdate", "Disclosures_NoDelete", "AuditChainHeads_Forward", "AuditChainHeads_NoDelete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

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
