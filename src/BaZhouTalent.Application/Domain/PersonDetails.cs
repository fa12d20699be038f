namespace BaZhouTalent.Application.Domain;

/// <summary>Every personal field the change table records for a project leader (原/现负责人).</summary>
public class PersonDetails
{
    public string Name { get; set; } = "";
    public string Gender { get; set; } = "";
    public string Ethnicity { get; set; } = "";
    public int? BirthYear { get; set; }
    public int? BirthMonth { get; set; }
    /// <summary>The unit's name as printed on the form (所在单位).</summary>
    public string Unit { get; set; } = "";
    public string AdministrativePost { get; set; } = "";
    public string ProfessionalTitle { get; set; } = "";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";

    public PersonDetails Copy() => (PersonDetails)MemberwiseClone();
}
