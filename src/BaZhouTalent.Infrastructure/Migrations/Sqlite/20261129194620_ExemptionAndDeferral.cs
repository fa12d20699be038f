using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExemptionAndDeferral : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DeferredUntil",
                table: "ClosureApplications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExemptionDecision",
                table: "ClosureApplications",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExemptionDescription",
                table: "ClosureApplications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExemptionGround",
                table: "ClosureApplications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ExemptionRequested",
                table: "ClosureApplications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeferredUntil",
                table: "ClosureApplications");

            migrationBuilder.DropColumn(
                name: "ExemptionDecision",
                table: "ClosureApplications");

            migrationBuilder.DropColumn(
                name: "ExemptionDescription",
                table: "ClosureApplications");

            migrationBuilder.DropColumn(
                name: "ExemptionGround",
                table: "ClosureApplications");

            migrationBuilder.DropColumn(
                name: "ExemptionRequested",
                table: "ClosureApplications");
        }
    }
}
