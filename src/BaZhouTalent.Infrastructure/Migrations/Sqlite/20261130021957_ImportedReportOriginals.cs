using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportedReportOriginals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportedReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Pending = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedReports_ClosureApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportedReports_ApplicationId_Pending",
                table: "ImportedReports",
                columns: new[] { "ApplicationId", "Pending" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportedReports_StorageKey",
                table: "ImportedReports",
                column: "StorageKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportedReports");
        }
    }
}
