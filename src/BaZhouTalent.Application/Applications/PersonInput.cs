using BaZhouTalent.Application.Domain;
using FluentValidation;

namespace BaZhouTalent.Application.Applications;

/// <summary>The current leader's fields as typed on the change-table page.</summary>
public sealed class PersonInput
{
    public string Name { get; set; } = "";
    public string Gender { get; set; } = "";
    public string Ethnicity { get; set; } = "";
    public int? BirthYear { get; set; }
    public int? BirthMonth { get; set; }
    public string Unit { get; set; } = "";
    public string AdministrativePost { get; set; } = "";
    public string ProfessionalTitle { get; set; } = "";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";

    public static PersonInput From(PersonDetails p) => new()
    {
        Name = p.Name, Gender = p.Gender, Ethnicity = p.Ethnicity, BirthYear = p.BirthYear, BirthMonth = p.BirthMonth,
        Unit = p.Unit, AdministrativePost = p.AdministrativePost, ProfessionalTitle = p.ProfessionalTitle,
        Address = p.Address, Phone = p.Phone,
    };

    public void ApplyTo(PersonDetails p)
    {
        p.Name = FieldRules.Clip(Name, FieldRules.PersonName);
        p.Gender = FieldRules.Clip(Gender, FieldRules.Gender);
        p.Ethnicity = FieldRules.Clip(Ethnicity, FieldRules.Ethnicity);
        p.BirthYear = BirthYear;
        p.BirthMonth = BirthMonth;
        p.Unit = FieldRules.Clip(Unit, FieldRules.UnitName);
        p.AdministrativePost = FieldRules.Clip(AdministrativePost, FieldRules.ShortText);
        p.ProfessionalTitle = FieldRules.Clip(ProfessionalTitle, FieldRules.ShortText);
        p.Address = FieldRules.Clip(Address, FieldRules.Address);
        p.Phone = FieldRules.Clip(Phone, FieldRules.Phone);
    }

    public sealed class Validator : AbstractValidator<PersonInput>
    {
        public Validator(TimeProvider clock)
        {
            var thisYear = clock.GetUtcNow().Year;
            RuleFor(x => x.Name).Required("姓名").MaxChars(FieldRules.PersonName, "姓名").Printable("姓名");
            RuleFor(x => x.Gender).Required("性别")
                .Must(g => string.IsNullOrWhiteSpace(g) || FieldRules.Genders.Contains(g.Trim())).WithMessage("性别请选择“男”或“女”。");
            RuleFor(x => x.Ethnicity).Required("民族").MaxChars(FieldRules.Ethnicity, "民族").Printable("民族");
            RuleFor(x => x.BirthYear).NotNull().WithMessage("请填写出生年份。")
                .InclusiveBetween(thisYear - 100, thisYear - 16)
                .WithMessage($"出生年份应在 {thisYear - 100} 年至 {thisYear - 16} 年之间。");
            RuleFor(x => x.BirthMonth).NotNull().WithMessage("请选择出生月份。")
                .InclusiveBetween(1, 12).WithMessage("出生月份应在 1 至 12 月之间。");
            RuleFor(x => x.Unit).Required("所在单位").MaxChars(FieldRules.UnitName, "所在单位").Printable("所在单位");
            RuleFor(x => x.AdministrativePost).MaxChars(FieldRules.ShortText, "行政职务").Printable("行政职务");
            RuleFor(x => x.ProfessionalTitle).MaxChars(FieldRules.ShortText, "专业职务").Printable("专业职务");
            RuleFor(x => x.Address).Required("通讯地址").MaxChars(FieldRules.Address, "通讯地址").Printable("通讯地址");
            RuleFor(x => x.Phone).Cascade(CascadeMode.Stop).Required("联系电话").MaxChars(FieldRules.Phone, "联系电话").ValidPhone();
        }
    }
}

/// <summary>One row of 现参与人员 as typed.</summary>
public sealed class ParticipantInput
{
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Title { get; set; } = "";
    public string Phone { get; set; } = "";

    /// <summary>A row with nothing typed is a row the researcher added and left; it is dropped, not an error.</summary>
    public bool IsBlank => new[] { Name, Unit, Title, Phone }.All(string.IsNullOrWhiteSpace);

    public static ParticipantInput From(Participant p) => new() { Name = p.Name, Unit = p.Unit, Title = p.Title, Phone = p.Phone };

    public Participant ToParticipant(int sortOrder) => new()
    {
        SortOrder = sortOrder,
        Name = FieldRules.Clip(Name, FieldRules.PersonName),
        Unit = FieldRules.Clip(Unit, FieldRules.UnitName),
        Title = FieldRules.Clip(Title, FieldRules.ShortText),
        Phone = FieldRules.Clip(Phone, FieldRules.Phone),
    };

    /// <summary>A row that is started must be complete: all four columns are printed. Messages name the row.</summary>
    public sealed class Validator : AbstractValidator<ParticipantInput>
    {
        /// <param name="row">The row's number on the form (1-based), or null for a row on its own.</param>
        public Validator(int? row = null)
        {
            var who = row is { } n ? $"参与人员（第 {n} 行）" : "参与人员";
            When(x => !x.IsBlank, () =>
            {
                RuleFor(x => x.Name).Required(who + "姓名").MaxChars(FieldRules.PersonName, who + "姓名").Printable(who + "姓名");
                RuleFor(x => x.Unit).Required(who + "单位").MaxChars(FieldRules.UnitName, who + "单位").Printable(who + "单位");
                RuleFor(x => x.Title).Required(who + "职称").MaxChars(FieldRules.ShortText, who + "职称").Printable(who + "职称");
                RuleFor(x => x.Phone).Cascade(CascadeMode.Stop).Required(who + "联系电话").MaxChars(FieldRules.Phone, who + "联系电话").ValidPhone();
            });
        }
    }
}
