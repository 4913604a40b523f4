using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admissions.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientName = table.Column<string>(type: "TEXT", maxLength: 202, nullable: false),
                    DisclosingProgram = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientPayerIds = table.Column<string>(type: "TEXT", nullable: false),
                    RecipientNames = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Purposes = table.Column<int>(type: "INTEGER", nullable: false),
                    Information = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiryEvent = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedName = table.Column<string>(type: "TEXT", maxLength: 202, nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CapturedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CapturedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RevocationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Part2Consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Payers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ClearinghousePayerId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    BehavioralCarveOut = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BehavioralCarveOutPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    InNetwork = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    ServiceTypes_IntensiveOutpatient = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ServiceTypes_MentalHealthResidential = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ServiceTypes_Outpatient = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ServiceTypes_PartialHospitalization = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ServiceTypes_Residential = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ServiceTypes_WithdrawalManagement = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "X12Exchanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransactionType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Request = table.Column<string>(type: "TEXT", nullable: false),
                    Response = table.Column<string>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_X12Exchanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Disclosures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisclosedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DisclosedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DisclosedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    Information = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    PayerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    GroupNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Relationship = table.Column<int>(type: "INTEGER", nullable: false),
                    SubscriberFirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubscriberLastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubscriberDateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubscriberSex = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<byte[]>(type: "BLOB", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PolicyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PayerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Levels = table.Column<string>(type: "TEXT", nullable: false),
                    TraceNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProblemCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PayerRepName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CallReference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    EnteredById = table.Column<string>(type: "TEXT", nullable: true),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Result = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PolicyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PayerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    AdmissionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Diagnoses = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    TraceNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CertificationNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ApprovedDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DenialReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Rechecks = table.Column<int>(type: "INTEGER", nullable: false),
                    NextRecheckAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", nullable: true)
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
