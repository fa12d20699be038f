using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueueIndexCarriesExemption : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_Status_StatusSince_ProjectId_Round",
                table: "ClosureApplications");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_StatusSince_ProjectId_Round_ExemptionRequested_ExemptionDecision",
                table: "ClosureApplications",
                columns: new[] { "Status", "StatusSince", "ProjectId", "Round", "ExemptionRequested", "ExemptionDecision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_Status_StatusSince_ProjectId_Round_ExemptionRequested_ExemptionDecision",
                table: "ClosureApplications");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_StatusSince_ProjectId_Round",
                table: "ClosureApplications",
                columns: new[] { "Status", "StatusSince", "ProjectId", "Round" });
        }
    }
}
