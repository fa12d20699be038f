namespace BaZhouTalent.Application.Domain;

/// <summary>One row of 参与人员 (姓名, 单位, 职称, 联系电话); rows keep their order.</summary>
public class Participant
{
    public int SortOrder { get; set; }
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Title { get; set; } = "";
    public string Phone { get; set; } = "";

    public Participant Copy() => (Participant)MemberwiseClone();
}
