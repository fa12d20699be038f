using BaZhouTalent.Typesetting.Reports;

namespace BaZhouTalent.Typesetting.PrintModel;

/// <summary>
/// Everything the printed 结项申请书 shows, as plain values: the web maps its entities to this and the
/// typesetting library turns it into PDF bytes. Review sections left null print as blank for hand signing.
/// </summary>
/// <param name="Cover">封面.</param>
/// <param name="Declaration">声明: the two exclusive choices and the leader's signature.</param>
/// <param name="Changes">一、项目变更情况数据表.</param>
/// <param name="UnitOpinion">二、申请人所在单位审核意见, or null when not yet recorded.</param>
/// <param name="CountyOpinion">三、县（区）社科联意见, or null when not yet recorded.</param>
/// <param name="ExpertOpinion">四、专家鉴定意见, or null when not yet recorded.</param>
/// <param name="FederationOpinion">五、市社科联审核意见, or null when not yet recorded.</param>
/// <param name="Report">最终成果, paragraph by paragraph (see <see cref="ReportMarkup.Parse"/>).</param>
/// <param name="VerifyAddress">Where a printed 核验码 is checked (the portal's public address + /verify), printed under each code; null prints the code alone.</param>
public sealed record ApplicationPrintModel(
    CoverPrint Cover,
    DeclarationPrint Declaration,
    ChangeRecordPrint Changes,
    UnitOpinionPrint? UnitOpinion,
    CountyOpinionPrint? CountyOpinion,
    ExpertOpinionPrint? ExpertOpinion,
    FederationOpinionPrint? FederationOpinion,
    IReadOnlyList<ReportParagraph> Report,
    string? VerifyAddress = null);

/// <summary>封面 fields.</summary>
/// <param name="ProjectCode">立项编号, e.g. BZ25YB027.</param>
/// <param name="Category">项目类别, e.g. 一般课题.</param>
/// <param name="ProjectTitle">项目名称.</param>
/// <param name="LeaderName">项目负责人.</param>
/// <param name="UnitName">所在单位.</param>
/// <param name="FillDate">填表日期; null prints “年 月 日” to fill by hand.</param>
/// <param name="FormEdition">The form's edition printed under 巴中市社会科学界联合会 制, e.g. “2025 年 10 月”.</param>
public sealed record CoverPrint(
    string ProjectCode,
    string Category,
    string ProjectTitle,
    string LeaderName,
    string UnitName,
    DateOnly? FillDate,
    string FormEdition);

/// <summary>声明: the exclusive 是/否 choices (null leaves both boxes empty) and the leader's signature.</summary>
/// <param name="Sensitive">成果是否涉及敏感问题或其他不宜公开出版的内容.</param>
/// <param name="Classified">成果是否涉密.</param>
/// <param name="SignerName">项目负责人（签字）, when signed in the portal; null leaves room to sign by hand.</param>
/// <param name="SignedOn">Date of signing, or null for a blank date.</param>
public sealed record DeclarationPrint(bool? Sensitive, bool? Classified, string? SignerName = null, DateOnly? SignedOn = null);

/// <summary>一、项目变更情况数据表: the 原 side from the register and the 现 side as submitted.</summary>
/// <param name="ProjectTitle">立项项目名称.</param>
/// <param name="ResultTitle">结项成果名称.</param>
/// <param name="Changed">是否变更: true prints “A、是”, false “B、否”, null nothing.</param>
/// <param name="ChangeDescription">变更的内容.</param>
/// <param name="PlannedOutputForm">原计划成果形式, e.g. 论文 1 篇.</param>
/// <param name="CurrentOutputForm">现成果形式.</param>
/// <param name="PlannedCompletion">原计划完成时间.</param>
/// <param name="ActualCompletion">实际完成时间.</param>
/// <param name="OriginalLeader">原负责人.</param>
/// <param name="CurrentLeader">现负责人.</param>
/// <param name="OriginalParticipants">原参与人员, any number of rows.</param>
/// <param name="CurrentParticipants">现参与人员, any number of rows.</param>
public sealed record ChangeRecordPrint(
    string ProjectTitle,
    string ResultTitle,
    bool? Changed,
    string? ChangeDescription,
    string PlannedOutputForm,
    string CurrentOutputForm,
    DateOnly? PlannedCompletion,
    DateOnly? ActualCompletion,
    LeaderPrint OriginalLeader,
    LeaderPrint CurrentLeader,
    IReadOnlyList<ParticipantPrint> OriginalParticipants,
    IReadOnlyList<ParticipantPrint> CurrentParticipants);

/// <summary>原/现负责人 as the change table prints them.</summary>
/// <param name="Name">姓名.</param>
/// <param name="Gender">性别.</param>
/// <param name="Ethnicity">民族.</param>
/// <param name="BirthYear">出生日期 (year).</param>
/// <param name="BirthMonth">出生日期 (month).</param>
/// <param name="Unit">所在单位.</param>
/// <param name="AdministrativePost">行政职务.</param>
/// <param name="ProfessionalTitle">专业职务.</param>
/// <param name="Address">通讯地址.</param>
/// <param name="Phone">联系电话.</param>
public sealed record LeaderPrint(
    string Name,
    string Gender,
    string Ethnicity,
    int? BirthYear,
    int? BirthMonth,
    string Unit,
    string AdministrativePost,
    string ProfessionalTitle,
    string Address,
    string Phone);

/// <summary>One row of 原/现参与人员.</summary>
/// <param name="Name">姓名.</param>
/// <param name="Unit">单位.</param>
/// <param name="Title">职称.</param>
/// <param name="Phone">联系电话.</param>
public sealed record ParticipantPrint(string Name, string Unit, string Title, string Phone);
