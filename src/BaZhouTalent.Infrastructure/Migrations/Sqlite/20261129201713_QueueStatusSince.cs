using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueueStatusSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // HAND-EDITED: the new column is filled from the history (the latest entry into the current status),
            // which is what the queues computed before it existed.
            migrationBuilder.AddColumn<long>(
                name: "StatusSince",
                table: "ClosureApplications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.Sql(
                "UPDATE ClosureApplications SET StatusSince = (SELECT MAX(h.At) FROM AuditEntries h "
                + "WHERE h.ApplicationId = ClosureApplications.Id AND h.ToStatus = ClosureApplications.Status);");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_StatusSince",
                table: "ClosureApplications",
                columns: new[] { "Status", "StatusSince" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClosureApplications_Status_StatusSince",
                table: "ClosureApplications");

            migrationBuilder.DropColumn(
                name: "StatusSince",
                table: "ClosureApplications");
        }
    }
}
