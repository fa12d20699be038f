using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OpinionsBySigner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ReviewOpinions_SignerUserId_Stage_ApplicationId",
                table: "ReviewOpinions",
                columns: new[] { "SignerUserId", "Stage", "ApplicationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewOpinions_SignerUserId_Stage_ApplicationId",
                table: "ReviewOpinions");
        }
    }
}
