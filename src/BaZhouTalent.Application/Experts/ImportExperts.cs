using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Register;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Experts;

/// <summary>
/// 导入专家: many experts from the Excel template, as /Admin/Projects/Import does for projects. A row whose user
/// name is already an expert updates that expert; any other row adds one (an account without a password, as the
/// form does). Every row passes the form's validator; if any row is wrong nothing is saved and each problem is
/// reported by its Excel row number.
/// </summary>
public static class ImportExperts
{
    public sealed record Result(int Added, int Updated, string? FileError, IReadOnlyList<string> RowErrors)
    {
        public bool Succeeded => FileError is null && RowErrors.Count == 0;
    }

    public sealed class Handler(
        IAppDbContext db, UserManager<AppUser> userManager, SaveExpert.Validator validator, StaffAudit audit, TimeProvider clock, ILogger<Handler> log)
    {
        public async Task<Result> HandleAsync(ImportProjects.Command command, CancellationToken cancellationToken = default)
        {
            var (rows, fileError) = await ImportProjects.ReadWorkbookAsync(command, ExpertSheet.SheetName, ExpertSheet.Columns, "专家", log, cancellationToken);
            if (fileError is not null) return new Result(0, 0, fileError, []);

            var expertIds = (await ExpertPool.ExpertIdsAsync(db, cancellationToken)).ToHashSet();
            var existing = await db.Users.Where(u => expertIds.Contains(u.Id)).ToDictionaryAsync(u => u.UserName!, StringComparer.OrdinalIgnoreCase, cancellationToken);

            var errors = new List<string>();
            var commands = new List<SaveExpert.Command>();
            var firstRowOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows)
            {
                var userName = row[ExpertSheet.UserName];
                var rowCommand = new SaveExpert.Command
                {
                    UserId = existing.TryGetValue(userName, out var known) ? known.Id : null,
                    UserName = userName,
                    DisplayName = row[ExpertSheet.Name],
                    WorkUnit = row[ExpertSheet.WorkUnit],
                    ProfessionalTitle = row[ExpertSheet.Title],
                    Fields = row[ExpertSheet.Fields],
                    Phone = row[ExpertSheet.Phone],
                    Email = row[ExpertSheet.Email],
                    DeclaredConflicts = row[ExpertSheet.Conflicts],
                };
                var result = await validator.ValidateAsync(rowCommand, cancellationToken);
                errors.AddRange(result.Errors.Select(f => $"第 {row.Number} 行 · {Label(f.PropertyName)}：{f.ErrorMessage}"));
                if (userName.Length > 0 && !firstRowOf.TryAdd(userName, row.Number))
                    errors.Add($"第 {row.Number} 行 · {ExpertSheet.UserName}：用户名 {userName} 与第 {firstRowOf[userName]} 行重复。");
                commands.Add(rowCommand);
            }
            if (errors.Count > 0)
            {
                log.LogInformation("Expert import refused: {Rows} rows, {Errors} problems", rows.Count, errors.Count);
                return new Result(0, 0, null, errors);
            }

            // Identity saves each account on its own; undo the ones created if a later one is refused.
            var created = new List<AppUser>();
            var units = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.Name)).ToList();
            foreach (var rowCommand in commands.Where(c => c.UserId is null))
            {
                var user = new AppUser
                {
                    UserName = rowCommand.UserName!.Trim(),
                    DisplayName = rowCommand.DisplayName!.Trim(),
                    UnitId = UnitNames.Match(rowCommand.WorkUnit, units),
                    MustChangePassword = true,
                };
                var outcome = await userManager.CreateAsync(user);
                if (outcome.Succeeded) outcome = await userManager.AddToRoleAsync(user, Roles.Expert);
                if (!outcome.Succeeded)
                {
                    foreach (var undo in created.Append(user).Where(u => u.Id is not null))
                        await userManager.DeleteAsync(undo);
                    return new Result(0, 0, null, [$"用户名 {user.UserName}：{string.Join("；", outcome.Errors.Select(e => e.Description))}"]);
                }
                created.Add(user);
                rowCommand.UserId = user.Id;
            }

            var now = clock.GetUtcNow();
            var ids = commands.Select(c => c.UserId!).ToList();
            var profiles = await db.ExpertProfiles.Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
            var users = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
            foreach (var rowCommand in commands)
            {
                var user = users[rowCommand.UserId!];
                user.DisplayName = rowCommand.DisplayName!.Trim();
                user.UnitId = UnitNames.Match(rowCommand.WorkUnit, units);
                if (!profiles.TryGetValue(user.Id, out var profile))
                    db.ExpertProfiles.Add(profile = new ExpertProfile { UserId = user.Id });
                SaveExpert.Handler.Apply(rowCommand, profile, now);
            }
            var updated = commands.Count - created.Count;
            audit.Add(StaffAction.ExpertsImported, command.FileName,
                $"新增 {created.Count} 位、更新 {updated} 位：{string.Join("、", commands.Select(c => c.UserName!.Trim()))}");
            await db.SaveChangesAsync(cancellationToken);
            log.LogInformation("Expert import saved: {Added} added, {Updated} updated", created.Count, updated);
            return new Result(created.Count, updated, null, []);
        }

        private static string Label(string property) => property switch
        {
            nameof(SaveExpert.Command.UserName) => ExpertSheet.UserName,
            nameof(SaveExpert.Command.DisplayName) => ExpertSheet.Name,
            nameof(SaveExpert.Command.WorkUnit) => ExpertSheet.WorkUnit,
            nameof(SaveExpert.Command.ProfessionalTitle) => ExpertSheet.Title,
            nameof(SaveExpert.Command.Fields) => ExpertSheet.Fields,
            nameof(SaveExpert.Command.Phone) => ExpertSheet.Phone,
            nameof(SaveExpert.Command.Email) => ExpertSheet.Email,
            nameof(SaveExpert.Command.DeclaredConflicts) => ExpertSheet.Conflicts,
            _ => property,
        };
    }
}
