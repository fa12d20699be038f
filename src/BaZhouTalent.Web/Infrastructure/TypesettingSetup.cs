using BaZhouTalent.Typesetting;

namespace BaZhouTalent.Web.Infrastructure;

public static class TypesettingSetup
{
    /// <summary>A licensed font configured for a role must exist and be usable, or printing would fail much later.</summary>
    public static IServiceCollection AddTypesetting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TypesettingOptions>()
            .Bind(configuration.GetSection(TypesettingOptions.SectionName))
            .Validate(options => options.Validate().Count == 0,
                "A font file configured under Typesetting is missing or unusable (a .ttc collection or CFF outlines).")
            .ValidateOnStart();
        services.AddOptions<PortalOptions>()
            .Bind(configuration.GetSection(PortalOptions.SectionName))
            .Validate(options => options.IsValid,
                "Portal:PublicBaseUrl must be set to the portal's public address, such as https://skl.bazhong.gov.cn: it is printed under every verification code and in every certificate's QR code.")
            .ValidateOnStart();
        return services;
    }
}
