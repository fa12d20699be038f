using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;

namespace BaZhouTalent.UnitTests.Applications;

public class ChangeRecordTests
{
    private static FundedProject Register() => new()
    {
        Code = "BZ25YB027",
        Title = "巴中市巴州区加快建设人才创新集聚地研究",
        PlannedOutputForm = "论文 1 篇",
        PlannedCompletion = new DateOnly(2025, 10, 1),
        OriginalLeader = new PersonDetails
        {
            Name = "杨 卓", Gender = "男", Ethnicity = "汉", BirthYear = 1985, BirthMonth = 7, Unit = "中共巴中市巴州区委党校",
            AdministrativePost = "常务副校长", ProfessionalTitle = "", Address = "巴中市恩阳区黄石路 8 号", Phone = "15282706916",
        },
        OriginalParticipants =
        [
            new Participant { SortOrder = 1, Name = "唐华林", Unit = "中共巴中市巴州区委党校", Title = "干部", Phone = "19983661986" },
            new Participant { SortOrder = 2, Name = "李亚军", Unit = "中共巴中市巴州区委组织部", Title = "股长", Phone = "18729767393" },
        ],
    };

    private static ClosureApplication Unchanged(FundedProject project)
    {
        var application = ClosureApplication.StartFor(project, new DateTimeOffset(2025, 10, 16, 0, 0, 0, TimeSpan.Zero));
        application.ActualCompletion = project.PlannedCompletion;
        return application;
    }

    [Fact]
    public void A_copy_of_the_register_is_no_change()
    {
        var project = Register();
        var record = ChangeRecord.Compute(project, Unchanged(project));

        Assert.False(record.IsChanged);
        Assert.Equal("B、否", record.Choice);
        Assert.Empty(record.Lines);
    }

    [Fact]
    public void Spacing_alone_is_no_change()
    {
        var project = Register();
        var application = Unchanged(project);
        application.CurrentLeader.Name = "杨卓";
        application.CurrentOutputForm = "论文1篇";

        Assert.False(ChangeRecord.Compute(project, application).IsChanged);
    }

    [Fact]
    public void A_changed_leader_is_named_once()
    {
        var project = Register();
        var application = Unchanged(project);
        application.CurrentLeader = new PersonDetails { Name = "王明", Gender = "女", Phone = "13800000000" };

        var record = ChangeRecord.Compute(project, application);

        Assert.Equal("A、是", record.Choice);
        Assert.Equal([$"项目负责人：由 杨 卓 变更为 王明{ApprovedChanges.UnapprovedMark}"], record.Lines);
    }

    [Fact]
    public void Same_leader_with_new_details_lists_each_field()
    {
        var project = Register();
        var application = Unchanged(project);
        application.CurrentLeader.AdministrativePost = "校长";
        application.CurrentLeader.Phone = "0827-5261234";

        var line = Assert.Single(ChangeRecord.Compute(project, application).Lines);

        Assert.Equal("项目负责人信息：行政职务由“常务副校长”改为“校长”；联系电话由“15282706916”改为“0827-5261234”", line);
    }

    [Fact]
    public void An_added_and_a_removed_participant_are_listed()
    {
        var project = Register();
        var application = Unchanged(project);
        application.CurrentParticipants.RemoveAll(p => p.Name == "李亚军");
        application.CurrentParticipants.Add(new Participant { SortOrder = 3, Name = "王某", Unit = "巴中市社科联", Title = "科员", Phone = "13900000000" });

        var record = ChangeRecord.Compute(project, application);

        Assert.Equal([$"参与人员：新增 王某；移除 李亚军{ApprovedChanges.UnapprovedMark}"], record.Lines);
    }

    [Fact]
    public void Reordered_participants_are_a_change()
    {
        var project = Register();
        var application = Unchanged(project);
        application.CurrentParticipants[0].SortOrder = 2;
        application.CurrentParticipants[1].SortOrder = 1;

        Assert.Equal(["参与人员：排序调整"], ChangeRecord.Compute(project, application).Lines);
    }

    [Fact]
    public void A_changed_output_form_and_date_are_listed_field_by_field()
    {
        var project = Register();
        var application = Unchanged(project);
        application.CurrentOutputForm = "研究报告 1 篇";
        application.ActualCompletion = new DateOnly(2025, 9, 20);

        var record = ChangeRecord.Compute(project, application);

        Assert.Equal(
        [
            $"成果形式：由“论文 1 篇”改为“研究报告 1 篇”{ApprovedChanges.UnapprovedMark}",
            "完成时间：由2025 年 10 月 1 日改为2025 年 9 月 20 日",
        ], record.Lines);
    }

    [Fact]
    public void A_change_an_approved_request_covers_carries_its_date_and_one_it_does_not_cover_is_marked()
    {
        var project = Register();
        project.Requests.Add(ApprovedChange(new ProjectChange { Items = [ProjectChangeItem.OutputForm], OutputForm = "研究报告 1 篇" },
            new DateTimeOffset(2025, 6, 30, 17, 0, 0, TimeSpan.Zero)));
        var application = Unchanged(project);
        application.CurrentOutputForm = "研究报告 1 篇";
        application.ResultTitle = "另拟的成果名称";

        var record = ChangeRecord.Compute(project, application);

        // Approved at 01:00 on 1 July in China: the approval's date is the China date.
        Assert.Equal(
        [
            $"成果名称：由“巴中市巴州区加快建设人才创新集聚地研究”改为“另拟的成果名称”{ApprovedChanges.UnapprovedMark}",
            "成果形式：由“论文 1 篇”改为“研究报告 1 篇”（2025年7月1日经市社科联批准变更）",
        ], record.Lines);
        Assert.Single(record.Unapproved);

        // A form that moved on from the approved value is no longer covered by it.
        application.CurrentOutputForm = "研究报告 2 篇";
        Assert.EndsWith(ApprovedChanges.UnapprovedMark, ChangeRecord.Compute(project, application).Lines[1], StringComparison.Ordinal);
    }

    private static ProjectRequest ApprovedChange(ProjectChange change, DateTimeOffset approvedAt)
    {
        var request = new ProjectRequest { Kind = ProjectRequestKind.Change, ChangeContent = change.ToJson(), RequestedAt = approvedAt.AddDays(-3), Reason = "调整。" };
        request.Apply(ProjectRequestActions.Of(ProjectRequestTrigger.UnitAgree), "李明", "", approvedAt.AddDays(-1));
        request.Apply(ProjectRequestActions.Of(ProjectRequestTrigger.Approve), "王建华", "", approvedAt);
        return request;
    }

    [Fact]
    public void Unfilled_fields_are_not_changes()
    {
        var project = Register();
        var application = Unchanged(project);
        application.ActualCompletion = null;
        application.CurrentOutputForm = "";

        Assert.False(ChangeRecord.Compute(project, application).IsChanged);
    }

    [Fact]
    public void For_a_blind_viewer_the_record_says_which_fields_changed_never_their_values()
    {
        var project = Register();
        var application = Unchanged(project);
        application.CurrentLeader.Phone = "13812345678";
        application.CurrentLeader.Unit = "巴中市社会科学界联合会";
        application.CurrentParticipants[1].Unit = "巴中市平昌县文化馆";
        application.CurrentParticipants.Add(new Participant { SortOrder = 3, Name = "王晓燕", Unit = "巴中市恩阳区教育局", Title = "讲师", Phone = "13600001234" });
        application.CurrentParticipants.RemoveAt(0);

        var seen = ChangeRecord.Compute(project, application);
        var blind = ChangeRecord.Compute(project, application, blind: true);

        Assert.Contains("王晓燕", seen.Summary);
        Assert.Equal(seen.Lines.Count, blind.Lines.Count);
        Assert.Equal(
        [
            "项目负责人信息：联系电话有变更",
            $"项目负责人所在单位：有变更{ApprovedChanges.UnapprovedMark}",
            $"参与人员：新增 1 人；移除 1 人{ApprovedChanges.UnapprovedMark}",
            "参与人员信息：第 1 位的单位有变更",
        ], blind.Lines);
        foreach (var identity in new[] { "杨卓", "唐华林", "李亚军", "王晓燕", "15282706916", "13812345678", "13600001234", "巴州区", "平昌县", "恩阳区", "社会科学界联合会" })
            Assert.DoesNotContain(identity, blind.Summary);
    }

    [Fact]
    public void For_a_blind_viewer_a_new_leader_is_not_named()
    {
        var project = Register();
        var application = Unchanged(project);
        application.CurrentLeader = new PersonDetails { Name = "王明", Phone = "13800000000" };

        Assert.Equal([$"项目负责人：已变更{ApprovedChanges.UnapprovedMark}"], ChangeRecord.Compute(project, application, blind: true).Lines);
    }
}
