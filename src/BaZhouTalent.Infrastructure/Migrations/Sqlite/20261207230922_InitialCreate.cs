using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaZhouTalent.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BackupRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Files = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackupRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClosureWindows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Opens = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosureWindows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataStamps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReuseFingerprints",
                columns: table => new
                {
                    Hash = table.Column<long>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReuseFingerprints", x => new { x.Hash, x.DocumentId, x.Position });
                });

            migrationBuilder.CreateTable(
                name: "SecurityAuditHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ArchivedThroughSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ArchivedThroughHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityAuditHeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityEvents", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "StoredBlobs",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredBlobs", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "YearArchiveJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearArchiveJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Units_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RealName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: true),
                    MustChangePassword = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PreviousPasswordHashes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AuthenticatorLastTimeStep = table.Column<long>(type: "INTEGER", nullable: true),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true, computedColumnSql: "CASE WHEN RealName <> '' THEN RealName ELSE DisplayName END", stored: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "FundedProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedOutputForm = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PlannedCompletion = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OriginalLeader_Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OriginalLeader_Gender = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    OriginalLeader_Ethnicity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OriginalLeader_BirthYear = table.Column<int>(type: "INTEGER", nullable: true),
                    OriginalLeader_BirthMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    OriginalLeader_Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OriginalLeader_AdministrativePost = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OriginalLeader_ProfessionalTitle = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OriginalLeader_Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OriginalLeader_Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    LeaderUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Lifecycle = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExtendedCompletion = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TerminatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TerminationGround = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    TerminationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TerminatedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FundingYuan = table.Column<int>(type: "INTEGER", nullable: true),
                    RegisterStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundedProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundedProjects_AspNetUsers_LeaderUserId",
                        column: x => x.LeaderUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FundedProjects_ProjectCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "ProjectCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FundedProjects_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notices_AspNetUsers_RecipientUserId",
                        column: x => x.RecipientUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClosureApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    FillDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sensitive = table.Column<bool>(type: "INTEGER", nullable: true),
                    Classified = table.Column<bool>(type: "INTEGER", nullable: true),
                    DeclarationConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResultTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CurrentOutputForm = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ActualCompletion = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CurrentLeader_Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CurrentLeader_Gender = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CurrentLeader_Ethnicity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CurrentLeader_BirthYear = table.Column<int>(type: "INTEGER", nullable: true),
                    CurrentLeader_BirthMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    CurrentLeader_Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CurrentLeader_AdministrativePost = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CurrentLeader_ProfessionalTitle = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CurrentLeader_Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CurrentLeader_Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StatusSince = table.Column<long>(type: "INTEGER", nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ExemptionRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExemptionGround = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExemptionDescription = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExemptionDecision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DeferredUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProjectTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    LockCounter = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosureApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClosureApplications_FundedProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "FundedProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundedProjectParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundedProjectParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundedProjectParticipants_FundedProjects_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "FundedProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectCorrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ImportedFrom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectCorrections_FundedProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "FundedProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CompletionBefore = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RequestedCompletion = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChangeContent = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    UnitDecidedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    UnitDecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UnitOpinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FederationDecidedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FederationDecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FederationOpinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ApplicationParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationParticipants_ClosureApplications_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "ApplicationRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationRevisions_ClosureApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArchivedDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    MadeAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchivedDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArchivedDocuments_ClosureApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BlindSafe = table.Column<bool>(type: "INTEGER", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FrozenRound = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attachments_ClosureApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditEntries_ClosureApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ClosureAnnouncements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosureAnnouncements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClosureAnnouncements_ClosureApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpertAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpertUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    IsChief = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssignedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AwaitingSince = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertAssignments", x => x.Id);
                    table.CheckConstraint("CK_ExpertAssignments_OpenHasTime", "\"ClosedAt\" IS NOT NULL OR \"AwaitingSince\" IS NOT NULL");
                    table.ForeignKey(
                        name: "FK_ExpertAssignments_ClosureApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "ReportVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplacedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportVersions_ClosureApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReuseChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Characters = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchedCharacters = table.Column<int>(type: "INTEGER", nullable: false),
                    Percent = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReuseChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReuseChecks_ClosureApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReuseDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Characters = table.Column<int>(type: "INTEGER", nullable: false),
                    Fingerprints = table.Column<int>(type: "INTEGER", nullable: false),
                    IndexedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReuseDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReuseDocuments_ClosureApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewOpinions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HasProblem = table.Column<bool>(type: "INTEGER", nullable: true),
                    Agrees = table.Column<bool>(type: "INTEGER", nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OpinionText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SignerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SignerPost = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SignerUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VerificationCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewOpinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewOpinions_ClosureApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnnouncementObjections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnnouncementId = table.Column<int>(type: "INTEGER", nullable: false),
                    ObjectorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OutcomeReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnouncementObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnouncementObjections_ClosureAnnouncements_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "ClosureAnnouncements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReuseSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CheckId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceRound = table.Column<int>(type: "INTEGER", nullable: false),
                    SharedCharacters = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReuseSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReuseSources_ClosureApplications_SourceApplicationId",
                        column: x => x.SourceApplicationId,
                        principalTable: "ClosureApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReuseSources_ReuseChecks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "ReuseChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReusePassages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    Length = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceStart = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceLength = table.Column<int>(type: "INTEGER", nullable: false),
                    Characters = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReusePassages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReusePassages_ReuseSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "ReuseSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "DataStamps",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            migrationBuilder.InsertData(
                table: "SecurityAuditHeads",
                columns: new[] { "Id", "ArchivedThroughHash", "ArchivedThroughSequence", "LastHash", "LastSequence", "Version" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L, "0000000000000000000000000000000000000000000000000000000000000000", 0L, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementObjections_AnnouncementId",
                table: "AnnouncementObjections",
                column: "AnnouncementId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationParticipants_OwnerId",
                table: "ApplicationParticipants",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationRevisions_ApplicationId_Round",
                table: "ApplicationRevisions",
                columns: new[] { "ApplicationId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedDocuments_ApplicationId_Name",
                table: "ArchivedDocuments",
                columns: new[] { "ApplicationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_RegionId",
                table: "AspNetUsers",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SortName_NormalizedUserName",
                table: "AspNetUsers",
                columns: new[] { "SortName", "NormalizedUserName" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_UnitId",
                table: "AspNetUsers",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_ApplicationId",
                table: "Attachments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_StorageKey",
                table: "Attachments",
                column: "StorageKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ApplicationId_At",
                table: "AuditEntries",
                columns: new[] { "ApplicationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_BackupRuns_StartedAt",
                table: "BackupRuns",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureAnnouncements_ApplicationId",
                table: "ClosureAnnouncements",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_CertificateNumber",
                table: "ClosureApplications",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_CurrentLeader_Name",
                table: "ClosureApplications",
                column: "CurrentLeader_Name");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_ProjectId",
                table: "ClosureApplications",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status",
                table: "ClosureApplications",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_CertificateNumber",
                table: "ClosureApplications",
                columns: new[] { "Status", "CertificateNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_ProjectTitle_Id",
                table: "ClosureApplications",
                columns: new[] { "Status", "ProjectTitle", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_StatusSince_ProjectId_Round_ExemptionRequested_ExemptionDecision",
                table: "ClosureApplications",
                columns: new[] { "Status", "StatusSince", "ProjectId", "Round", "ExemptionRequested", "ExemptionDecision" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_Status_SubmittedAt_ProjectId_Round",
                table: "ClosureApplications",
                columns: new[] { "Status", "SubmittedAt", "ProjectId", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureApplications_SubmittedAt",
                table: "ClosureApplications",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureWindows_Opens",
                table: "ClosureWindows",
                column: "Opens");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertAssignments_ApplicationId_Round_ExpertUserId",
                table: "ExpertAssignments",
                columns: new[] { "ApplicationId", "Round", "ExpertUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExpertAssignments_ExpertUserId_ClosedAt_AwaitingSince_ApplicationId_Round",
                table: "ExpertAssignments",
                columns: new[] { "ExpertUserId", "ClosedAt", "AwaitingSince", "ApplicationId", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertAssignments_ExpertUserId_ClosedAt_SubmittedAt_ApplicationId_Round",
                table: "ExpertAssignments",
                columns: new[] { "ExpertUserId", "ClosedAt", "SubmittedAt", "ApplicationId", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjectParticipants_OwnerId",
                table: "FundedProjectParticipants",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_CategoryId",
                table: "FundedProjects",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_Code",
                table: "FundedProjects",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_LeaderUserId_Lifecycle",
                table: "FundedProjects",
                columns: new[] { "LeaderUserId", "Lifecycle" });

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_Lifecycle",
                table: "FundedProjects",
                column: "Lifecycle");

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_OriginalLeader_Name",
                table: "FundedProjects",
                column: "OriginalLeader_Name");

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_PlannedCompletion",
                table: "FundedProjects",
                column: "PlannedCompletion");

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_Title_Id",
                table: "FundedProjects",
                columns: new[] { "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_UnitId_Year_Id",
                table: "FundedProjects",
                columns: new[] { "UnitId", "Year", "Id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_Year_Code",
                table: "FundedProjects",
                columns: new[] { "Year", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_Year_Id",
                table: "FundedProjects",
                columns: new[] { "Year", "Id" },
                descending: new[] { true, false });

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

            migrationBuilder.CreateIndex(
                name: "IX_Notices_RecipientUserId_CreatedAt",
                table: "Notices",
                columns: new[] { "RecipientUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Unread",
                table: "Notices",
                columns: new[] { "RecipientUserId", "CreatedAt", "Id" },
                descending: new[] { false, true, false },
                filter: "\"ReadAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_IdempotencyKey",
                table: "OutboxMessages",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectCategories_Code",
                table: "ProjectCategories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectCategories_Name",
                table: "ProjectCategories",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectCorrections_ProjectId_At",
                table: "ProjectCorrections",
                columns: new[] { "ProjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectRequests_OneOpenPerKind",
                table: "ProjectRequests",
                columns: new[] { "ProjectId", "Kind" },
                unique: true,
                filter: "\"Status\" IN ('Requested', 'UnitAgreed')");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectRequests_Status_ProjectId",
                table: "ProjectRequests",
                columns: new[] { "Status", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectRequests_Status_RequestedAt_Id",
                table: "ProjectRequests",
                columns: new[] { "Status", "RequestedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Name",
                table: "Regions",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRecords_Key",
                table: "ReminderRecords",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_ApplicationId",
                table: "ReportVersions",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReuseChecks_ApplicationId_Round",
                table: "ReuseChecks",
                columns: new[] { "ApplicationId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReuseChecks_State_NextAttemptAt",
                table: "ReuseChecks",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReuseDocuments_ApplicationId_Round",
                table: "ReuseDocuments",
                columns: new[] { "ApplicationId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReusePassages_SourceId",
                table: "ReusePassages",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_ReuseSources_CheckId",
                table: "ReuseSources",
                column: "CheckId");

            migrationBuilder.CreateIndex(
                name: "IX_ReuseSources_SourceApplicationId",
                table: "ReuseSources",
                column: "SourceApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewOpinions_ApplicationId_Round_Stage_SignerUserId_SignedAt",
                table: "ReviewOpinions",
                columns: new[] { "ApplicationId", "Round", "Stage", "SignerUserId", "SignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewOpinions_SignerUserId_Stage_ApplicationId",
                table: "ReviewOpinions",
                columns: new[] { "SignerUserId", "Stage", "ApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewOpinions_VerificationCode",
                table: "ReviewOpinions",
                column: "VerificationCode");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_Account_At",
                table: "SecurityEvents",
                columns: new[] { "Account", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_At",
                table: "SecurityEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_Kind_At",
                table: "SecurityEvents",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Units_Name",
                table: "Units",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_RegionId",
                table: "Units",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_YearArchiveJobs_OneActivePerYear",
                table: "YearArchiveJobs",
                column: "Year",
                unique: true,
                filter: "\"Status\" IN ('Queued', 'Running')");

            migrationBuilder.CreateIndex(
                name: "IX_YearArchiveJobs_Status_LeaseExpiresAt",
                table: "YearArchiveJobs",
                columns: new[] { "Status", "LeaseExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnouncementObjections");

            migrationBuilder.DropTable(
                name: "ApplicationParticipants");

            migrationBuilder.DropTable(
                name: "ApplicationReports");

            migrationBuilder.DropTable(
                name: "ApplicationRevisions");

            migrationBuilder.DropTable(
                name: "ArchivedDocuments");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "BackupRuns");

            migrationBuilder.DropTable(
                name: "ClosureWindows");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DataStamps");

            migrationBuilder.DropTable(
                name: "ExpertAssignments");

            migrationBuilder.DropTable(
                name: "ExpertProfiles");

            migrationBuilder.DropTable(
                name: "FundedProjectParticipants");

            migrationBuilder.DropTable(
                name: "ImportedReports");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "Notices");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "ProjectCorrections");

            migrationBuilder.DropTable(
                name: "ProjectRequests");

            migrationBuilder.DropTable(
                name: "ReminderRecords");

            migrationBuilder.DropTable(
                name: "ReportVersions");

            migrationBuilder.DropTable(
                name: "ReuseDocuments");

            migrationBuilder.DropTable(
                name: "ReuseFingerprints");

            migrationBuilder.DropTable(
                name: "ReusePassages");

            migrationBuilder.DropTable(
                name: "ReviewOpinions");

            migrationBuilder.DropTable(
                name: "SecurityAuditHeads");

            migrationBuilder.DropTable(
                name: "SecurityEvents");

            migrationBuilder.DropTable(
                name: "StoredBlobs");

            migrationBuilder.DropTable(
                name: "YearArchiveJobs");

            migrationBuilder.DropTable(
                name: "ClosureAnnouncements");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "ReuseSources");

            migrationBuilder.DropTable(
                name: "ReuseChecks");

            migrationBuilder.DropTable(
                name: "ClosureApplications");

            migrationBuilder.DropTable(
                name: "FundedProjects");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ProjectCategories");

            migrationBuilder.DropTable(
                name: "Units");

            migrationBuilder.DropTable(
                name: "Regions");
        }
    }
}
