using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
    /// Encrypts every new key with the configured certificate and decrypts with it (no certificate store is consulted).
    /// A missing or unreadable certificate is reported when the portal starts, as one line (see PortalStartup).
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var configured = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        string? loadError = null;
        if (!string.IsNullOrWhiteSpace(configured.CertificatePath) && File.Exists(configured.CertificatePath))
        {
            try
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(configured.CertificatePath, configured.CertificatePassword);
                if (!certificate.HasPrivateKey) loadError = "it holds no private key";
                else builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
            }
            catch (CryptographicException e)
            {
                loadError = e.Message;
            }
        }
        builder.Services.AddOptions<KeyProtectionOptions>().Bind(configuration.GetSection(KeyProtectionOptions.Section))
            .Validate<IHostEnvironment>((o, environment) => environment.IsDevelopment() || !string.IsNullOrWhiteSpace(o.CertificatePath),
                "DataProtection:CertificatePath is required outside Development: the sign-in keys in the database must be encrypted (a .pfx with its private key).")
            .Validate(o => string.IsNullOrWhiteSpace(o.CertificatePath) || File.Exists(o.CertificatePath),
                "DataProtection:CertificatePath names a file that does not exist.")
            .Validate(_ => loadError is null, $"The DataProtection certificate could not be used: {loadError}")
            .ValidateOnStart();
        return builder;
    }
}
