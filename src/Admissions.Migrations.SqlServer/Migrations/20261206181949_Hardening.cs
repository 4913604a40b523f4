using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.SqlServer.Migrations
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
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ResendOfId",
                table: "Disclosures",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChainSequence",
                table: "AuditEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
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
                unique: true,
                filter: "[ChainSequence] IS NOT NULL");

            // Raw SQL (see AppendOnlySql): DENY and INSTEAD OF triggers refuse changes to audit and disclosure rows.
            foreach (var statement in Admissions.Infrastructure.Persistence.AppendOnlySql.SqlServer)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [dbo].[AuditEntries_AppendOnly];");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [dbo].[Disclosures_AppendOnly];");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [dbo].[AuditChainHeads_Forward];");
            migrationBuilder.Sql("REVOKE UPDATE, DELETE ON [dbo].[AuditEntries] FROM [public];");
            migrationBuilder.Sql("REVOKE UPDATE, DELETE ON [dbo].[Disclosures] FROM [public];");
            migrationBuilder.Sql("REVOKE DELETE ON [dbo].[AuditChainHeads] FROM [public];");

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
