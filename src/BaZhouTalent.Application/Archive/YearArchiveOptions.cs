using System.ComponentModel.DataAnnotations;
using BaZhouTalent.Application.Common;

namespace BaZhouTalent.Application.Archive;

/// <summary>Section “Archive”: where a year's 归档 is prepared in the background and how its jobs are run.</summary>
public sealed class YearArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>
    /// The folder the finished zips are written to (relative to the content root). Empty: <c>archives</c> beside the SQLite
    /// file, or under <c>Database:DataDirectory</c> (resolved on start). With several instances it must be a folder every
    /// instance mounts: the instance that prepares a year is not always the one that serves its download.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Finished zips kept per year; an older one is deleted once a newer one is finished (its row stays, marked replaced).</summary>
    [Range(1, 100)]
    public int KeepPerYear { get; set; } = 1;

    /// <summary>How long a worker's hold on a job lasts without news; it is renewed with every application written.</summary>
    [Range(10, 3600)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>How often each instance looks for queued jobs and for jobs whose instance stopped (a start on this instance wakes it at once).</summary>
    [Range(1, 3600)]
    public int CheckSeconds { get; set; } = 30;

    /// <summary>Times a job is begun (the first time, then after each lost instance) before it is marked failed.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Run the worker in this instance.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>The portal's public address (<c>Portal:PublicBaseUrl</c>), printed on PDFs still to be made.</summary>
    public string? PortalBaseUrl { get; set; }
}

/// <summary>Wakes this instance's year archive worker when a job has been queued.</summary>
public sealed class YearArchiveSignal : WorkerSignal;
