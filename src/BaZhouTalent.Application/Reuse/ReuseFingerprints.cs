namespace BaZhouTalent.Application.Reuse;

/// <summary>One winnowed fingerprint: the hash of the k-gram starting at <see cref="Position"/> (in normalised characters).</summary>
public readonly record struct Fingerprint(long Hash, int Position);

/// <summary>
/// Character k-grams and their winnowed subset (Schleimer, Wilkerson &amp; Aiken, “Winnowing: local algorithms for
/// document fingerprinting”, SIGMOD 2003). k = <see cref="K"/> normalised characters is the noise threshold: no
/// shorter match is ever seen. The window of <see cref="Window"/> k-grams makes the guarantee threshold
/// <see cref="GuaranteeThreshold"/>: any shared stretch at least that long contains a fingerprint of the stored report.
/// Why these numbers: docs/reuse.md.
/// </summary>
public static class ReuseFingerprints
{
    public const int K = 8;
    public const int Window = 33;
    public const int GuaranteeThreshold = Window + K - 1;

    private const ulong Base = 0x100000001B3;

    /// <summary>The hash of every k-gram of <paramref name="text"/> (Rabin–Karp, mixed so that the minimum of a window is
    /// an unbiased choice); empty when the text is shorter than k.</summary>
    public static long[] KGramHashes(ReadOnlySpan<int> text)
    {
        if (text.Length < K)
            return [];
        var hashes = new long[text.Length - K + 1];
        ulong top = 1;
        for (var i = 1; i < K; i++)
            top *= Base;
        ulong h = 0;
        for (var i = 0; i < K; i++)
            h = h * Base + (ulong)text[i];
        hashes[0] = Mix(h);
        for (var i = K; i < text.Length; i++)
        {
            h = (h - (ulong)text[i - K] * top) * Base + (ulong)text[i];
            hashes[i - K + 1] = Mix(h);
        }
        return hashes;
    }

    /// <summary>
    /// Robust winnowing: in each window of <see cref="Window"/> consecutive k-gram hashes the minimum is selected (the
    /// rightmost of equal ones), and recorded when it differs from the one recorded before.
    /// </summary>
    public static List<Fingerprint> Winnow(long[] hashes)
    {
        var selected = new List<Fingerprint>(hashes.Length * 2 / (Window + 1) + 1);
        if (hashes.Length == 0)
            return selected;
        // A monotonic deque of positions whose hashes increase: its front is the current window's minimum.
        var deque = new int[hashes.Length];
        int head = 0, tail = 0, last = -1;
        for (var i = 0; i < hashes.Length; i++)
        {
            while (tail > head && hashes[deque[tail - 1]] >= hashes[i])
                tail--;
            deque[tail++] = i;
            if (deque[head] <= i - Window)
                head++;
            if (i < Window - 1 && i != hashes.Length - 1)
                continue;
            if (deque[head] != last)
            {
                last = deque[head];
                selected.Add(new Fingerprint(hashes[last], last));
            }
        }
        return selected;
    }

    private static long Mix(ulong z)
    {
        // SplitMix64's finaliser: neighbouring k-grams get unrelated hashes.
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return (long)(z ^ (z >> 31));
    }
}
