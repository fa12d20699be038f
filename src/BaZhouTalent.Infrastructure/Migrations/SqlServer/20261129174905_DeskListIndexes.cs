using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DeskListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_PlannedCompletion",
                table: "FundedProjects",
                column: "PlannedCompletion");

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_Year_Code",
                table: "FundedProjects",
                columns: new[] { "Year", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_SubmittedAt",
                table: "ClosureApplications",
                column: "SubmittedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundedProjects_PlannedCompletion",
                table: "FundedProjects");

            migrationBuilder.DropIndex(
                name: "IX_FundedProjects_Year_Code",
                table: "FundedProjects");

            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_SubmittedAt",
                table: "ClosureApplications");
        }
    }
}
