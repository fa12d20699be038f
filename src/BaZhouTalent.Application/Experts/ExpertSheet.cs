using BaZhouTalent.Application.Register;

namespace BaZhouTalent.Application.Experts;

/// <summary>The Excel layout of the expert pool: one expert per row; the template and the importer share these headers.</summary>
public static class ExpertSheet
{
    public const string SheetName = "专家";
    public const string TemplateFileName = "专家库导入模板.xlsx";

    public const string UserName = "用户名";
    public const string Name = "姓名";
    public const string WorkUnit = "工作单位";
    public const string Title = "职称";
    public const string Fields = "研究领域";
    public const string Phone = "联系电话";
    public const string Email = "电子邮箱";
    public const string Conflicts = "申报回避";

    public static readonly IReadOnlyList<(string Header, bool Required, string Note)> Columns =
    [
        (UserName, true, "登录系统的用户名（英文字母、数字和 . _ - @ +）；已在专家库中的用户名将更新该专家的信息"),
        (Name, true, "专家姓名"),
        (WorkUnit, true, "工作单位全称；与“单位管理”中的名称一致时按该单位判断利益冲突"),
        (Title, false, "如：教授、研究员、副教授"),
        (Fields, true, "一个或多个研究领域，用“；”分隔，如：党的建设；人才工作"),
        (Phone, false, "手机或带区号的固定电话"),
        (Email, false, "可空"),
        (Conflicts, false, "需回避的单位、人员姓名或立项编号，用“；”分隔；无则空"),
    ];

    public static byte[] Template() => ProjectSheet.Template(SheetName, Columns, "专家");
}
