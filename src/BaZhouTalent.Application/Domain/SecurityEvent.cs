using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BaZhouTalent.Application.Domain;

/// <summary>The result of a recorded event (结果).</summary>
public enum SecurityOutcome
{
    /// <summary>成功: the action was done.</summary>
    Success,
    /// <summary>失败: the action was tried and failed (a wrong password, a wrong code).</summary>
    Failure,
    /// <summary>拒绝: the portal refused the action (403, a disabled or locked account).</summary>
    Refused,
}

/// <summary>
/// One record of the security audit (安全审计): when, which account from which address, what event on which object,
/// with what result. Records are only ever appended: each carries the SHA-256 of the record before it and of its own
/// content (<see cref="ComputeHash"/>), so changing, removing or inserting any record breaks the chain at that record.
/// The sequence and both hashes are assigned when the record is saved (the context's save serialises writers on
/// <see cref="SecurityAuditHead"/>), never by the code that records the event.
/// </summary>
public class SecurityEvent
{
    public const int AccountLength = 64;
    public const int NameLength = 50;
    public const int AddressLength = 64;
    public const int KindLength = 50;
    public const int TargetLength = 400;
    public const int DetailLength = 1000;
    public const int HashLength = 64;

    /// <summary>The hash a chain starts from (no record before the first).</summary>
    public static readonly string Genesis = new('0', HashLength);

    /// <summary>1, 2, 3 … in the order records were written; the primary key.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, to the millisecond (every provider stores that exactly, so the hash reads back the same).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The event (<see cref="Audit.SecurityEventKind"/> or a staff action's name).</summary>
    public required string Kind { get; set; }

    /// <summary>A <see cref="SecurityOutcome"/> name, kept as text so a record altered in the database still reads (and fails its check).</summary>
    public string Outcome { get; set; } = nameof(SecurityOutcome.Success);

    /// <summary>The account acting (its user name), or the user name typed at a failed sign-in; empty when nobody is signed in.</summary>
    public string Account { get; set; } = "";

    /// <summary>The account's display name at the time.</summary>
    public string AccountName { get; set; } = "";

    /// <summary>The client's address (the real one behind a configured proxy).</summary>
    public string ClientAddress { get; set; } = "";

    /// <summary>What the event was about: an account, a page, an export, an application.</summary>
    public string Target { get; set; } = "";

    /// <summary>More of what happened, e.g. the reason of a failed sign-in (kept from the user, written here).</summary>
    public string Detail { get; set; } = "";

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    /// <summary>Cuts every text to its column and the time to the millisecond, so what is hashed is what is stored.</summary>
    public void Normalise()
    {
        At = new DateTimeOffset(At.UtcTicks - (At.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        Kind = Clean(Kind, KindLength);
        Outcome = Clean(Outcome, KindLength);
        Account = Clean(Account, AccountLength);
        AccountName = Clean(AccountName, NameLength);
        ClientAddress = Clean(ClientAddress, AddressLength);
        Target = Clean(Target, TargetLength);
        Detail = Clean(Detail, DetailLength);
    }

    /// <summary>Places the record after <paramref name="sequence"/> − 1 whose hash is <paramref name="previousHash"/>.</summary>
    public void Chain(long sequence, string previousHash)
    {
        Normalise();
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    /// <summary>
    /// SHA-256 (lower-case hex) over the previous record's hash and every field of this one, each written as its length,
    /// a colon and its text, so no two different records can read alike.
    /// </summary>
    public string ComputeHash()
    {
        var text = new StringBuilder();
        foreach (var field in new[]
        {
            Sequence.ToString(CultureInfo.InvariantCulture),
            At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            Kind, Outcome, Account, AccountName, ClientAddress, Target, Detail, PreviousHash,
        })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append(';');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // Control characters (a NUL typed as a user name) cannot be stored by every database; they are never meaningful here.
    private static string Clean(string? value, int length)
    {
        var text = new string((value ?? "").Where(c => !char.IsControl(c)).ToArray());
        return text.Length > length ? text[..length] : text;
    }
}

/// <summary>
/// The end of the chain: the last record's sequence and hash, and how far it has been archived. One row (Id 1). Every
/// writer updates it first in its transaction, which makes simultaneous writers queue, so two records never claim the
/// same predecessor; and a record removed from the end is found because the head still names it.
/// </summary>
public class SecurityAuditHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long LastSequence { get; set; }

    public string LastHash { get; set; } = SecurityEvent.Genesis;

    /// <summary>Records up to this sequence have been archived to a file and removed (0: none).</summary>
    public long ArchivedThroughSequence { get; set; }

    /// <summary>The hash of the last archived record: the first record still kept must point at it.</summary>
    public string ArchivedThroughHash { get; set; } = SecurityEvent.Genesis;

    /// <summary>Raised by every writer; the update that takes the row's lock.</summary>
    public long Version { get; set; }
}
