using BaZhouTalent.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.Tests.Shared;

/// <summary>One read the test holds: the file of <see cref="Sha256"/>, until <see cref="Released"/> is set.</summary>
public sealed class HeldRead
{
    public string? Sha256 { get; init; }
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// The portal's own file store, except that reading the file of the held SHA-256 (<see cref="IFileStore.ReadAsync"/>, and
/// so the default <see cref="IFileStore.OpenReadAsync"/>) waits until the test releases it: a background job or a download
/// can be caught midway, whatever the machine's speed.
/// </summary>
public sealed class HeldFileStore(IFileStore inner, Func<HeldRead?> held) : IFileStore
{
    /// <summary>Replaces the registered store with one wrapped in a <see cref="HeldFileStore"/>.</summary>
    public static void Wrap(IServiceCollection services, Func<HeldRead?> held)
    {
        var original = services.Last(d => d.ServiceType == typeof(IFileStore));
        services.Remove(original);
        services.AddSingleton<IFileStore>(sp => new HeldFileStore(
            (IFileStore)(original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)), held));
    }

    public Task<StoredFile> SaveAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.SaveAsync(content, cancellationToken);

    public async Task<byte[]?> ReadAsync(string key, string sha256, CancellationToken cancellationToken = default)
    {
        if (held() is { } now && sha256 == now.Sha256)
        {
            now.Reached.TrySetResult();
            await now.Released.Task.WaitAsync(cancellationToken);
        }
        return await inner.ReadAsync(key, sha256, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);
}
