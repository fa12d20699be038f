using BaZhouTalent.Application.Applications;
using FluentValidation.TestHelper;
using Microsoft.Extensions.Time.Testing;

namespace BaZhouTalent.UnitTests.Applications;

public class ValidatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 10, 16, 2, 0, 0, TimeSpan.Zero));

    private static SaveChangeTable.Command Valid() => new()
    {
        ProjectCode = "BZ25YB027",
        ResultTitle = "巴中市巴州区加快建设人才创新集聚地研究",
        CurrentOutputForm = "论文 1 篇",
        ActualCompletion = new DateOnly(2025, 10, 1),
        Leader = new PersonInput
        {
            Name = "杨卓", Gender = "男", Ethnicity = "汉", BirthYear = 1985, BirthMonth = 7, Unit = "中共巴中市巴州区委党校",
            AdministrativePost = "常务副校长", Address = "巴中市恩阳区黄石路 8 号", Phone = "15282706916",
        },
        Participants = [new ParticipantInput { Name = "唐华林", Unit = "中共巴中市巴州区委党校", Title = "干部", Phone = "19983661986" }],
    };

    private static TestValidationResult<SaveChangeTable.Command> Validate(SaveChangeTable.Command command) =>
        new SaveChangeTable.Validator(Clock).TestValidate(command);

    [Fact]
    public void The_seed_values_are_valid() => Validate(Valid()).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData("15282706916", true)]
    [InlineData("0827-1234567", true)]
    [InlineData("028-12345678", true)]
    [InlineData("1528270691", false)]
    [InlineData("25282706916", false)]
    [InlineData("1234567", false)]
    [InlineData("0827 1234567", false)]
    [InlineData("电话", false)]
    public void Phone_is_a_mobile_or_a_landline_with_area_code(string phone, bool valid)
    {
        var command = Valid();
        command.Leader.Phone = phone;
        var result = Validate(command);
        if (valid) result.ShouldNotHaveValidationErrorFor("Leader.Phone");
        else result.ShouldHaveValidationErrorFor("Leader.Phone").WithErrorMessage("请填写 11 位手机号码，或带区号的固定电话（如 0827-1234567）。");
    }

    [Theory]
    [InlineData(1924, false)]
    [InlineData(1925, true)]
    [InlineData(2009, true)]
    [InlineData(2010, false)]
    public void Birth_year_is_plausible(int year, bool valid)
    {
        var command = Valid();
        command.Leader.BirthYear = year;
        var result = Validate(command);
        if (valid) result.ShouldNotHaveValidationErrorFor("Leader.BirthYear");
        else result.ShouldHaveValidationErrorFor("Leader.BirthYear");
    }

    [Fact]
    public void Birth_month_is_one_to_twelve()
    {
        var command = Valid();
        command.Leader.BirthMonth = 13;
        Validate(command).ShouldHaveValidationErrorFor("Leader.BirthMonth").WithErrorMessage("出生月份应在 1 至 12 月之间。");
    }

    [Fact]
    public void Actual_completion_is_not_in_the_future()
    {
        var command = Valid();
        command.ActualCompletion = new DateOnly(2025, 10, 17);
        Validate(command).ShouldHaveValidationErrorFor(x => x.ActualCompletion).WithErrorMessage("实际完成时间不能晚于今天。");

        command.ActualCompletion = new DateOnly(2025, 10, 16);
        Validate(command).ShouldNotHaveValidationErrorFor(x => x.ActualCompletion);
    }

    [Fact]
    public void Required_fields_have_Chinese_messages()
    {
        var command = Valid();
        command.ResultTitle = " ";
        command.Leader.Name = "";
        var result = Validate(command);
        result.ShouldHaveValidationErrorFor(x => x.ResultTitle).WithErrorMessage("请填写结项成果名称。");
        result.ShouldHaveValidationErrorFor("Leader.Name").WithErrorMessage("请填写姓名。");
    }

    [Fact]
    public void Titles_and_names_have_sensible_lengths()
    {
        var command = Valid();
        command.ResultTitle = new string('研', 201);
        command.Leader.Name = new string('名', 51);
        var result = Validate(command);
        result.ShouldHaveValidationErrorFor(x => x.ResultTitle);
        result.ShouldHaveValidationErrorFor("Leader.Name");
    }

    [Fact]
    public void A_started_participant_row_must_be_complete_and_blank_rows_or_none_are_fine()
    {
        var command = Valid();
        command.Participants = [new ParticipantInput { Name = "王某" }];
        var result = Validate(command);
        result.ShouldHaveValidationErrorFor("Participants[0].Unit");
        result.ShouldHaveValidationErrorFor("Participants[0].Title");
        result.ShouldHaveValidationErrorFor("Participants[0].Phone");

        command.Participants = [new ParticipantInput()];
        Validate(command).ShouldNotHaveAnyValidationErrors();
        command.Participants = [];
        Validate(command).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void The_declaration_needs_both_choices_and_the_confirmation()
    {
        var validator = new SaveCover.Validator(Clock);
        var result = validator.TestValidate(new SaveCover.Command { FillDate = new DateOnly(2025, 10, 16) });
        result.ShouldHaveValidationErrorFor(x => x.Sensitive);
        result.ShouldHaveValidationErrorFor(x => x.Classified);
        result.ShouldHaveValidationErrorFor(x => x.DeclarationConfirmed).WithErrorMessage("提交前须确认上述声明。");

        validator.TestValidate(new SaveCover.Command
        {
            FillDate = new DateOnly(2025, 10, 16), Sensitive = false, Classified = false, DeclarationConfirmed = true,
        }).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void A_classified_result_holds_no_report_and_an_open_one_needs_one()
    {
        var validator = new SaveReport.Validator();
        validator.TestValidate(new SaveReport.Command { Classified = true, ReportText = "正文" })
            .ShouldHaveValidationErrorFor(x => x.ReportText).WithErrorMessage(SaveReport.ClassifiedMessage);
        validator.TestValidate(new SaveReport.Command { Classified = true }).ShouldNotHaveAnyValidationErrors();
        validator.TestValidate(new SaveReport.Command { Classified = false })
            .ShouldHaveValidationErrorFor(x => x.ReportText);
    }
}
