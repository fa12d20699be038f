using System.Security.Cryptography;

namespace BaZhouTalent.Application.Workflow;

/// <summary>Short codes printed under each signed section and resolved by /verify/{code}.</summary>
public static class VerificationCodes
{
    // Crockford's base32: no I, L, O or U, so a code read off paper is not misread.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 10;

    /// <summary>A random 10-character code (50 bits); callers still check uniqueness before saving.</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[Length];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
            chars[i] = Alphabet[bytes[i] & 31];
        return new string(chars);
    }

    /// <summary>What a person typed, made comparable: full-width and other digits folded, upper case, no spaces or dashes, look-alikes mapped.</summary>
    public static string Normalize(string? input) => new(Common.Digits.ToAscii(input)
        .ToUpperInvariant()
        .Where(c => c is not (' ' or '-'))
        .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })
        .ToArray());
}
