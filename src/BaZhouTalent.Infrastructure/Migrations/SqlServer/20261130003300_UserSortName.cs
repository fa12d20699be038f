using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class UserSortName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SortName",
                table: "AspNetUsers",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true,
                computedColumnSql: "CASE WHEN RealName <> '' THEN RealName ELSE DisplayName END",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SortName_NormalizedUserName",
                table: "AspNetUsers",
                columns: new[] { "SortName", "NormalizedUserName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_SortName_NormalizedUserName",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SortName",
                table: "AspNetUsers");
        }
    }
}
