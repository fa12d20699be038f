namespace BaZhouTalent.Application.Abstractions;

/// <summary>
/// The database's data-change stamp: a number written in the same transaction as every saved change, by whichever
/// instance saved it. Figures kept in memory (the dashboard's, the lists' counts) are kept under the stamp they were
/// computed at, so a change saved on any instance shows on every instance's next request.
/// </summary>
public interface IDataVersion
{
    Task<long> CurrentAsync(CancellationToken cancellationToken = default);
}

