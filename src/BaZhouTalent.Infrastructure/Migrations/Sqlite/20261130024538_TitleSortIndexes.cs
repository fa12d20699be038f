using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TitleSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProjectTitle",
                table: "ClosureApplications",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Existing applications take their project's title; new ones copy it when the draft starts.
            migrationBuilder.Sql(
                "UPDATE ClosureApplications SET ProjectTitle = (SELECT FundedProjects.Title FROM FundedProjects WHERE FundedProjects.Id = ClosureApplications.ProjectId);");

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_Title_Id",
                table: "FundedProjects",
                columns: new[] { "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_ProjectTitle_Id",
                table: "ClosureApplications",
                columns: new[] { "Status", "ProjectTitle", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundedProjects_Title_Id",
                table: "FundedProjects");

            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_Status_ProjectTitle_Id",
                table: "ClosureApplications");

            migrationBuilder.DropColumn(
                name: "ProjectTitle",
                table: "ClosureApplications");
        }
    }
}
