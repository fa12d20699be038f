namespace BaZhouTalent.Typesetting.Documents;

/// <summary>The fixed wording of the 结项申请书, exactly as in the federation's form (seeds/000_61e57fa0fe31f5a0.txt).</summary>
internal static class FormTexts
{
    public const string Programme = "巴中市哲学社会科学规划项目";
    public const string FormTitle = "结项申请书";
    public const string Issuer = "巴中市社会科学界联合会 制";

    public static readonly (string Label, string Field)[] CoverLabels =
    [
        ("立项编号", "封面·立项编号"),
        ("项目类别", "封面·项目类别"),
        ("项目名称", "封面·项目名称"),
        ("项目负责人", "封面·项目负责人"),
        ("所在单位", "封面·所在单位"),
        ("填表日期", "封面·填表日期"),
    ];

    public const string DeclarationTitle = "声　明";
    public const string DeclarationText = "本研究成果不存在知识产权争议；巴中市社会科学界联合会享有推广应用本成果的权利，但保留作者的署名权。特此声明。";
    public const string SensitiveQuestion = "成果是否涉及敏感问题或其他不宜公开出版的内容：";
    public const string ClassifiedQuestion = "成果是否涉密：";
    public const string LeaderSignature = "项目负责人（签字）";

    public const string InstructionsTitle = "填　表　说　明";

    public static readonly string[] Instructions =
    [
        "一、本表适用于巴中市社科年度规划项目、专项项目等结项申请。",
        "二、认真如实填写表内栏目，凡选择性栏目请在选项上打“√”。课题申报信息无变更情况的可不填写《项目变更情况数据表》。",
        "三、本《结项申请书》报送 2 份（A3 纸双面印制，中缝装订），并附最终成果打印稿（正文格式要求：主标题 2 号方正小标宋简体，其中一级标题 3 号方正黑体-GBK，二级标题 3 号方正楷体-GBK，三级标题 3 号方正仿宋-GBK 加粗，正文 3 号方正仿宋-GBK）。",
        "四、所有结项材料须经所在单位审核并签署意见。县（区）申报者报送所在县（区）社科联审核后统一报送至市社科联，其他申报者可直接报送市社科联。",
    ];

    public const string ChangeTableTitle = "一、项目变更情况数据表";
    public const string PeopleChanges = "项目负责人及参与人员变更情况";

    public const string UnitTitle = "二、申请人所在单位审核意见";
    public const string UnitItems = "（审核事项:1.成果有无政治导向问题或其他不宜公开出版的内容;2.最终结果的内容质量是否符合预期研究目标。）";
    public const string UnitItem1 = "1.成果有无政治导向问题或其他不宜公开出版的内容：";
    public const string UnitItem2 = "2.最终结果的内容质量是否符合预期研究目标：";
    public const string Seal = "签 章";

    public const string CountyTitle = "三、县（区）社科联意见";
    public const string CountyItems = "（审核事项:1.成果有无意识形态问题;2.是否同意结项。）";
    public const string CountyItem1 = "1.成果有无意识形态问题：";
    public const string CountyItem2 = "2.是否同意结项：";
    public const string UnitSeal = "单位（公章）:";
    public const string HeadSignature = "负责人签字:";
    public const string NotApplicable = "不适用";

    public const string ExpertTitle = "四、专家鉴定意见";
    public const string ExpertHint = "(请在对应意见栏划“√”)";
    public const string ExpertItem1 = "1.成果有无意识形态方面的问题：";
    public const string ExpertItem2 = "2.是否同意结项：";
    public const string ExpertItem3 = "3.鉴定等级：";
    /// <summary>An exempted 四 has no items 1 and 2, so its grade line carries no number.</summary>
    public const string ExemptionGrade = "鉴定等级：";
    public const string ChiefExpertSignature = "主审专家签字：";

    public const string FederationTitle = "五、市社科联审核意见";
    public const string FederationAgreed = "同意结项。";
    public const string FederationRejected = "不同意结项。";

    public const string FinalReportTitle = "最　终　成　果";
    public const string VerificationLabel = "核验码：";
    public const string VerifyAt = "核验网址：";
    public const string CertificateLabel = "结项证书编号：";
}
