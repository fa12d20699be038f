using BaZhouTalent.Application.Abstractions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BaZhouTalent.Infrastructure.Data;

/// <summary>Moves <see cref="DataVersion"/> after every save that wrote something.</summary>
public sealed class DataChangeCounter(DataVersion version) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0) version.Changed();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (result > 0) version.Changed();
        return ValueTask.FromResult(result);
    }
}
