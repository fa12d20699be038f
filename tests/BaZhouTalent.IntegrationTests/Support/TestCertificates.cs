using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BaZhouTalent.IntegrationTests.Support;

/// <summary>Self-signed certificates made for a test, as an operator would make one for DataProtection:CertificatePath.</summary>
public static class TestCertificates
{
    public const string Password = "测试证书口令";

    /// <summary>Writes a new .pfx (certificate with its RSA private key) into <paramref name="folder"/>; its path.</summary>
    public static string DataProtectionPfx(string folder)
    {
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=BaZhouTalent Data Protection (test)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "dataprotection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
