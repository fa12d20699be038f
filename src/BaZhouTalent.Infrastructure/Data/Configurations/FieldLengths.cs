namespace BaZhouTalent.Infrastructure.Data.Configurations;

/// <summary>Column sizes shared by the configurations, generous enough for real Chinese names and titles.</summary>
internal static class FieldLengths
{
    public const int Enum = 32;
    public const int ShortName = 50;
    public const int PersonName = 50;
    public const int UnitName = 100;
    public const int Title = 200;
    public const int Phone = 30;
    public const int Address = 200;
    public const int UserId = 450;
    public const int Code = 64;
    public const int Fingerprint = 64;
    /// <summary>A paragraph typed in a form, e.g. the description of an exemption ground.</summary>
    public const int LongText = 1000;
}
