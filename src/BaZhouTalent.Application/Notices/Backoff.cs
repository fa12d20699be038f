namespace BaZhouTalent.Application.Notices;

/// <summary>How long a background job waits after its n-th failed attempt: 1, 2, 4 … minutes, at most an hour.</summary>
public static class Backoff
{
    public static TimeSpan After(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}
