using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Stay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitingSubmission",
                table: "PriorAuthorizations",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "PreviousAuthorizationId",
                table: "PriorAuthorizations",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StayEndedOn",
                table: "PriorAuthorizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AdmittedOn",
                table: "Admissions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DischargedOn",
                table: "Admissions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disposition",
                table: "Admissions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PlannedDischargeOn",
                table: "Admissions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SteppedDownFromId",
                table: "Admissions",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PriorAuthorizations_PreviousAuthorizationId",
                table: "PriorAuthorizations",
                column: "PreviousAuthorizationId");

            migrationBuilder.AddForeignKey(
                name: "FK_PriorAuthorizations_PriorAuthorizations_PreviousAuthorizationId",
                table: "PriorAuthorizations",
                column: "PreviousAuthorizationId",
                principalTable: "PriorAuthorizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PriorAuthorizations_PriorAuthorizations_PreviousAuthorizationId",
                table: "PriorAuthorizations");

            migrationBuilder.DropIndex(
                name: "IX_PriorAuthorizations_PreviousAuthorizationId",
                table: "PriorAuthorizations");

            migrationBuilder.DropColumn(
                name: "AwaitingSubmission",
                table: "PriorAuthorizations");

            migrationBuilder.DropColumn(
                name: "PreviousAuthorizationId",
                table: "PriorAuthorizations");

            migrationBuilder.DropColumn(
                name: "StayEndedOn",
                table: "PriorAuthorizations");

            migrationBuilder.DropColumn(
                name: "AdmittedOn",
                table: "Admissions");

            migrationBuilder.DropColumn(
                name: "DischargedOn",
                table: "Admissions");

            migrationBuilder.DropColumn(
                name: "Disposition",
                table: "Admissions");

            migrationBuilder.DropColumn(
                name: "PlannedDischargeOn",
                table: "Admissions");

            migrationBuilder.DropColumn(
                name: "SteppedDownFromId",
                table: "Admissions");
        }
    }
}
