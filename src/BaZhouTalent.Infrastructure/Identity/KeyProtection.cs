using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Identity;

/// <summary>
/// The certificate that encrypts the Data Protection keys kept in the database (section “DataProtection”): without it,
/// whoever reads the database or a backup could mint sign-in cookies. Required outside Development.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key, e.g. <c>/run/secrets/dataprotection.pfx</c>.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}

public static class KeyProtection
{
    /// <summary>
    /// Encrypts every new key with the configured certificate and decrypts with it (on Linux no certificate store is
    /// consulted). Loaded when the key ring is first used, after the start has checked the setting.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        builder.Services.AddOptions<KeyProtectionOptions>().Bind(configuration.GetSection(KeyProtectionOptions.Section))
            .Validate<IHostEnvironment>((o, environment) => environment.IsDevelopment() || !string.IsNullOrWhiteSpace(o.CertificatePath),
                "DataProtection:CertificatePath is required outside Development: the sign-in keys in the database must be encrypted (a .pfx with its private key).")
            .Validate(o => string.IsNullOrWhiteSpace(o.CertificatePath) || File.Exists(o.CertificatePath),
                "DataProtection:CertificatePath names a file that does not exist.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            if (Load(services) is { } certificate)
                options.XmlEncryptor = new CertificateXmlEncryptor(certificate, services.GetRequiredService<ILoggerFactory>());
        }));
        builder.Services.AddSingleton<IConfigureOptions<XmlKeyDecryptionOptions>>(services => new ConfigureOptions<XmlKeyDecryptionOptions>(options =>
        {
            if (Load(services) is { } certificate)
                options.AddKeyDecryptionCertificate(certificate);
        }));
        return builder;
    }

    private static X509Certificate2? Load(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<KeyProtectionOptions>>().Value;
        return string.IsNullOrWhiteSpace(options.CertificatePath)
            ? null
            : X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
    }
}
