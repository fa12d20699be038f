using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListIndexesCarryRound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_Status_StatusSince_ProjectId",
                table: "ClosureApplications");

            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_Status_SubmittedAt_ProjectId",
                table: "ClosureApplications");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_StatusSince_ProjectId_Round",
                table: "ClosureApplications",
                columns: new[] { "Status", "StatusSince", "ProjectId", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_SubmittedAt_ProjectId_Round",
                table: "ClosureApplications",
                columns: new[] { "Status", "SubmittedAt", "ProjectId", "Round" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_Status_StatusSince_ProjectId_Round",
                table: "ClosureApplications");

            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_Status_SubmittedAt_ProjectId_Round",
                table: "ClosureApplications");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_StatusSince_ProjectId",
                table: "ClosureApplications",
                columns: new[] { "Status", "StatusSince", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_SubmittedAt_ProjectId",
                table: "ClosureApplications",
                columns: new[] { "Status", "SubmittedAt", "ProjectId" });
        }
    }
}
