using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Insurance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Part2Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PatientName = table.Column<string>(type: "nvarchar(202)", maxLength: 202, nullable: false),
                    DisclosingProgram = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecipientPayerIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecipientNames = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Purposes = table.Column<int>(type: "int", nullable: false),
                    Information = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiryEvent = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SignedName = table.Column<string>(type: "nvarchar(202)", maxLength: 202, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CapturedById = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CapturedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevokedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    RevocationNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Part2Consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Payers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    ClearinghousePayerId = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: true),
                    BehavioralCarveOut = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    BehavioralCarveOutPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    InNetwork = table.Column<bool>(type: "bit", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    ServiceTypes_IntensiveOutpatient = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    ServiceTypes_MentalHealthResidential = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    ServiceTypes_Outpatient = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    ServiceTypes_PartialHospitalization = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    ServiceTypes_Residential = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    ServiceTypes_WithdrawalManagement = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "X12Exchanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TransactionType = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Request = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Response = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_X12Exchanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Disclosures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConsentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisclosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DisclosedById = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DisclosedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Recipient = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<int>(type: "int", nullable: false),
                    Information = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Disclosures_Part2Consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "Part2Consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InsurancePolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: false),
                    PayerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PayerName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    MemberId = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    GroupNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Relationship = table.Column<int>(type: "int", nullable: false),
                    SubscriberFirstName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SubscriberLastName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SubscriberDateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    SubscriberSex = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsurancePolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsurancePolicies_Payers_PayerId",
                        column: x => x.PayerId,
                        principalTable: "Payers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EligibilityChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PolicyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PayerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PayerName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Method = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    Levels = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TraceNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RequestedById = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RequestedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ProblemCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Problem = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    PayerRepName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CallReference = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    EnteredById = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    EnteredByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ApprovedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: false),
                    Result = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EligibilityChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EligibilityChecks_InsurancePolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "InsurancePolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PriorAuthorizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PolicyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PayerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PayerName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    ServiceType = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    AdmissionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedDays = table.Column<int>(type: "int", nullable: false),
                    Diagnoses = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<int>(type: "int", nullable: false),
                    TraceNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RequestedById = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RequestedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    CertificationNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ApprovedDays = table.Column<int>(type: "int", nullable: true),
                    ApprovedFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedTo = table.Column<DateOnly>(type: "date", nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    DenialReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Rechecks = table.Column<int>(type: "int", nullable: false),
                    NextRecheckAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Problem = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorAuthorizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriorAuthorizations_InsurancePolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "InsurancePolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_ConsentId",
                table: "Disclosures",
                column: "ConsentId");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_InquiryId_DisclosedAt",
                table: "Disclosures",
                columns: new[] { "InquiryId", "DisclosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EligibilityChecks_InquiryId_RequestedAt",
                table: "EligibilityChecks",
                columns: new[] { "InquiryId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EligibilityChecks_PolicyId",
                table: "EligibilityChecks",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_EligibilityChecks_State_RequestedAt",
                table: "EligibilityChecks",
                columns: new[] { "State", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EligibilityChecks_TraceNumber",
                table: "EligibilityChecks",
                column: "TraceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsurancePolicies_InquiryId",
                table: "InsurancePolicies",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_InsurancePolicies_PayerId",
                table: "InsurancePolicies",
                column: "PayerId");

            migrationBuilder.CreateIndex(
                name: "IX_Part2Consents_InquiryId",
                table: "Part2Consents",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_Payers_Name",
                table: "Payers",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PriorAuthorizations_InquiryId",
                table: "PriorAuthorizations",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_PriorAuthorizations_PolicyId",
                table: "PriorAuthorizations",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_PriorAuthorizations_Status_NextReviewOn",
                table: "PriorAuthorizations",
                columns: new[] { "Status", "NextReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PriorAuthorizations_TraceNumber",
                table: "PriorAuthorizations",
                column: "TraceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_X12Exchanges_InquiryId",
                table: "X12Exchanges",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_X12Exchanges_SubjectId",
                table: "X12Exchanges",
                column: "SubjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Disclosures");

            migrationBuilder.DropTable(
                name: "EligibilityChecks");

            migrationBuilder.DropTable(
                name: "PriorAuthorizations");

            migrationBuilder.DropTable(
                name: "X12Exchanges");

            migrationBuilder.DropTable(
                name: "Part2Consents");

            migrationBuilder.DropTable(
                name: "InsurancePolicies");

            migrationBuilder.DropTable(
                name: "Payers");
        }
    }
}
