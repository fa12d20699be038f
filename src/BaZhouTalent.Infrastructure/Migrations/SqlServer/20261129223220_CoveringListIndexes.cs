using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CoveringListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewOpinions_ApplicationId_Round_Stage",
                table: "ReviewOpinions");

            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_Status_StatusSince",
                table: "ClosureApplications");

            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_Status_SubmittedAt",
                table: "ClosureApplications");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewOpinions_ApplicationId_Round_Stage_SignerUserId_SignedAt",
                table: "ReviewOpinions",
                columns: new[] { "ApplicationId", "Round", "Stage", "SignerUserId", "SignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_StatusSince_ProjectId",
                table: "ClosureApplications",
                columns: new[] { "Status", "StatusSince", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_SubmittedAt_ProjectId",
                table: "ClosureApplications",
                columns: new[] { "Status", "SubmittedAt", "ProjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewOpinions_ApplicationId_Round_Stage_SignerUserId_SignedAt",
                table: "ReviewOpinions");

            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_Status_StatusSince_ProjectId",
                table: "ClosureApplications");

            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_Status_SubmittedAt_ProjectId",
                table: "ClosureApplications");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewOpinions_ApplicationId_Round_Stage",
                table: "ReviewOpinions",
                columns: new[] { "ApplicationId", "Round", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_StatusSince",
                table: "ClosureApplications",
                columns: new[] { "Status", "StatusSince" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_SubmittedAt",
                table: "ClosureApplications",
                columns: new[] { "Status", "SubmittedAt" });
        }
    }
}
