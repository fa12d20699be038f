using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeskExpertPoolAndUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsDisabled",
                table: "Units",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ExpertProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    WorkUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProfessionalTitle = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeclaredConflicts = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_ExpertProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpertProfiles");

            migrationBuilder.DropColumn(
                name: "IsDisabled",
                table: "Units");
        }
    }
}
