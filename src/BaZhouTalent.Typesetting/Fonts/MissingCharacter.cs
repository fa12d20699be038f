using System.Globalization;

namespace BaZhouTalent.Typesetting.Fonts;

/// <summary>
/// A character that no configured or bundled font can print, and the form field it occurs in; the document
/// is not printed while any exist, because a blank box on an official form would silently change it.
/// </summary>
/// <param name="Field">The field as the user knows it, in Chinese (e.g. “现负责人·姓名”).</param>
/// <param name="Character">The character itself (one code point, possibly a surrogate pair).</param>
public sealed record MissingCharacter(string Field, string Character)
{
    /// <summary>The character's code point as U+XXXX, for messages and logs.</summary>
    public string CodePoint => "U+" + char.ConvertToUtf32(Character, 0).ToString("X4", CultureInfo.InvariantCulture);
}

/// <summary>Thrown by the render methods when the print model holds characters no font covers.</summary>
public sealed class MissingCharactersException : Exception
{
    /// <summary>Creates the exception for the characters found.</summary>
    public MissingCharactersException(IReadOnlyList<MissingCharacter> missing)
        : base("No font covers: " + string.Join("; ", missing.Select(m => $"{m.Field} {m.Character} ({m.CodePoint})")))
    {
        Missing = missing;
    }

    /// <summary>Every uncovered character with its field, in document order.</summary>
    public IReadOnlyList<MissingCharacter> Missing { get; }
}
