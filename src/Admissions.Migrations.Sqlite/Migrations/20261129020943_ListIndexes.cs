using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The inquiry details are an EF complex property, which the model cannot index; the inquiry list still
            // sorts by patient name and urgency and filters by source on a million rows, so the indexes are made here.
            migrationBuilder.Sql("CREATE INDEX IX_Inquiries_PatientName ON Inquiries (PatientLastName, PatientFirstName, Id)");
            migrationBuilder.Sql("CREATE INDEX IX_Inquiries_Urgency ON Inquiries (Urgency, Id)");
            migrationBuilder.Sql("CREATE INDEX IX_Inquiries_Source ON Inquiries (Source, CreatedAt, Id)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_Inquiries_PatientName", table: "Inquiries");
            migrationBuilder.DropIndex(name: "IX_Inquiries_Urgency", table: "Inquiries");
            migrationBuilder.DropIndex(name: "IX_Inquiries_Source", table: "Inquiries");
        }
    }
}
