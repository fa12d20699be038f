using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class I11ProjectLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // HAND-EDITED: existing projects start Active (defaultValue "Active" instead of ""), and those whose
            // closure is concluded become Concluded (the data step after the Lifecycle column).
            migrationBuilder.AddColumn<DateOnly>(
                name: "ExtendedCompletion",
                table: "FundedProjects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Lifecycle",
                table: "FundedProjects",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Active");

            migrationBuilder.Sql("UPDATE [FundedProjects] SET [Lifecycle] = N'Concluded' WHERE [Id] IN (SELECT [ProjectId] FROM [ClosureApplications] WHERE [Status] = N'Concluded');");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TerminatedAt",
                table: "FundedProjects",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TerminatedByName",
                table: "FundedProjects",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TerminationGround",
                table: "FundedProjects",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TerminationReason",
                table: "FundedProjects",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClosureWindows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Opens = table.Column<DateOnly>(type: "date", nullable: false),
                    Closes = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosureWindows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CompletionBefore = table.Column<DateOnly>(type: "date", nullable: true),
                    RequestedCompletion = table.Column<DateOnly>(type: "date", nullable: true),
                    UnitDecidedByName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    UnitDecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UnitOpinion = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    FederationDecidedByName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    FederationDecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FederationOpinion = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectRequests_FundedProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "FundedProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_Lifecycle",
                table: "FundedProjects",
                column: "Lifecycle");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureWindows_Opens",
                table: "ClosureWindows",
                column: "Opens");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectRequests_ProjectId",
                table: "ProjectRequests",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectRequests_Status_ProjectId",
                table: "ProjectRequests",
                columns: new[] { "Status", "ProjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClosureWindows");

            migrationBuilder.DropTable(
                name: "ProjectRequests");

            migrationBuilder.DropIndex(
                name: "IX_FundedProjects_Lifecycle",
                table: "FundedProjects");

            migrationBuilder.DropColumn(
                name: "ExtendedCompletion",
                table: "FundedProjects");

            migrationBuilder.DropColumn(
                name: "Lifecycle",
                table: "FundedProjects");

            migrationBuilder.DropColumn(
                name: "TerminatedAt",
                table: "FundedProjects");

            migrationBuilder.DropColumn(
                name: "TerminatedByName",
                table: "FundedProjects");

            migrationBuilder.DropColumn(
                name: "TerminationGround",
                table: "FundedProjects");

            migrationBuilder.DropColumn(
                name: "TerminationReason",
                table: "FundedProjects");
        }
    }
}
