using System.Buffers.Binary;
using System.Security.Cryptography;

namespace BaZhouTalent.Tests.Shared;

/// <summary>
/// An authenticator app in the tests: RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) over a base32 key as the
/// portal shows it, written from the RFC rather than taken from the library the portal uses, so each checks the other.
/// </summary>
internal static class Totp
{
    public const int StepSeconds = 30;

    /// <summary>The time step <paramref name="at"/> falls in (RFC 6238's T).</summary>
    public static long StepOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code of <paramref name="step"/> for a base32 key (spaces and case as shown on the enrolment page do not matter).</summary>
    public static string Code(string base32Key, long step, int digits = 6) => Code(Base32(base32Key), step, digits);

    /// <summary>RFC 4226 HOTP over the step counter, with RFC 4226's dynamic truncation.</summary>
    public static string Code(byte[] key, long step, int digits = 6)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % (int)Math.Pow(10, digits);
        return binary.ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32 (A–Z, 2–7), ignoring spaces, case and padding.</summary>
    public static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = new string(text.ToUpperInvariant().Where(c => c is not (' ' or '=' or '-')).ToArray());
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) throw new FormatException($"'{c}' is not base32");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }
        return bytes.ToArray();
    }
}
