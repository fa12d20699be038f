namespace BaZhouTalent.Application.Domain;

/// <summary>What a supporting file is for (附件类别).</summary>
public enum AttachmentKind
{
    /// <summary>成果简介: a summary of the result.</summary>
    Summary = 0,
    /// <summary>查重报告: the similarity report.</summary>
    SimilarityReport = 1,
    /// <summary>免于鉴定证明材料: evidence for an exemption from appraisal (award, 批示, publication).</summary>
    ExemptionEvidence = 2,
    /// <summary>其他佐证材料.</summary>
    Other = 3,
}

public static class AttachmentKindNames
{
    public static string ToChinese(this AttachmentKind kind) => kind switch
    {
        AttachmentKind.Summary => "成果简介",
        AttachmentKind.SimilarityReport => "查重报告",
        AttachmentKind.ExemptionEvidence => "免于鉴定证明材料",
        AttachmentKind.Other => "其他佐证材料",
        _ => kind.ToString(),
    };
}

/// <summary>
/// A supporting file of a closure application. The bytes live in the file store (<c>IFileStore</c>) under
/// <see cref="StorageKey"/>, an opaque id never derived from the user's file name; this row holds what the
/// portal knows about them. Stamped with the round it was first submitted in (<see cref="FrozenRound"/>),
/// a file can no longer be deleted: it is part of that revision and of every later one.
/// </summary>
public class Attachment
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public AttachmentKind Kind { get; set; }
    /// <summary>The file name as uploaded, for display and the download's name only (never a path).</summary>
    public string FileName { get; set; } = "";
    /// <summary>The type the content was recognised as (not what the browser said).</summary>
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>SHA-256 (lower-case hex) of the content; every read is checked against it.</summary>
    public string Sha256 { get; set; } = "";
    public string StorageKey { get; set; } = "";
    /// <summary>可供盲审: the researcher confirmed it names no person or unit, so experts may read it.</summary>
    public bool BlindSafe { get; set; }
    public string UploadedByUserId { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    /// <summary>The round whose submission froze it; null while it is a draft the researcher may still remove.</summary>
    public int? FrozenRound { get; set; }
}
