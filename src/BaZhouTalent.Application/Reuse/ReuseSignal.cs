using BaZhouTalent.Application.Common;

namespace BaZhouTalent.Application.Reuse;

/// <summary>Wakes the reuse worker when a submission has queued a check, so the result does not wait a whole interval.</summary>
public sealed class ReuseSignal : WorkerSignal;
