using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // HAND-EDITED: the report moves out of the application row into its own table; the text is copied
            // before the column is dropped (EF would only drop it), and copied back by Down.
            migrationBuilder.CreateTable(
                name: "ApplicationReports",
                columns: table => new
                {
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationReports", x => x.ApplicationId);
                    table.ForeignKey(
                        name: "FK_ApplicationReports_ClosureApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql(
                "INSERT INTO ApplicationReports (ApplicationId, Text) SELECT Id, ReportText FROM ClosureApplications;");

            migrationBuilder.DropColumn(
                name: "ReportText",
                table: "ClosureApplications");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_SubmittedAt",
                table: "ClosureApplications",
                columns: new[] { "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_Status_SubmittedAt",
                table: "ClosureApplications");

            migrationBuilder.AddColumn<string>(
                name: "ReportText",
                table: "ClosureApplications",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(
                "UPDATE ClosureApplications SET ReportText = "
                + "(SELECT r.Text FROM ApplicationReports r WHERE r.ApplicationId = ClosureApplications.Id) "
                + "WHERE EXISTS (SELECT 1 FROM ApplicationReports r WHERE r.ApplicationId = ClosureApplications.Id);");

            migrationBuilder.DropTable(
                name: "ApplicationReports");
        }
    }
}
