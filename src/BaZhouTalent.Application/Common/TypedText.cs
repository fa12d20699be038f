using BaZhouTalent.Typesetting;

namespace BaZhouTalent.Application.Common;

/// <summary>
/// Text a person typed, as the portal keeps it: without invisible format characters, composed (NFC), trimmed. The rule
/// is the typesetter's (<see cref="PrintableText.Normalize"/>: what is dropped is what printing ignores); the use cases
/// apply it where a command enters, so the domain receives clean text and does not depend on the typesetter.
/// </summary>
public static class TypedText
{
    /// <summary>The cleaned text; empty for null.</summary>
    public static string Clean(string? text) => PrintableText.Normalize(text).Trim();
}
