using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// Answers requests the pages cannot serve with the error they are, before any page sees them: a method
/// other than GET/HEAD/POST gets 405, and a form that cannot be read (too many fields, a value or body
/// over the limit, a NUL character) gets 400 or 413 — each shown as the Chinese error page, instead of
/// whatever a page made of a half-read form.
/// </summary>
public static class RequestGuards
{
    private static readonly string[] AllowedMethods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];

    /// <summary>Place after the status-code pages, so the answers get the Chinese page.</summary>
    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The error page re-executed for a refused request is let through: it must show, not be refused again.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }
        if (!AllowedMethods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.Headers.Allow = string.Join(", ", AllowedMethods);
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        if (context.Request.HasFormContentType && await UnreadableFormStatusAsync(context) is { } status)
        {
            // The error page is re-executed as the same POST: give it an empty form instead of the unreadable body.
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Response.StatusCode = status;
            return;
        }
        await next(context);
    });

    private static async Task<int?> UnreadableFormStatusAsync(HttpContext context)
    {
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits (the body larger than MaxRequestBodySize: 413).
            return e.StatusCode;
        }
        catch (InvalidDataException e)
        {
            // The form reader's limits say which in their message only: a key, value or body over a
            // “length limit” is too large (413); too many fields, over a “count limit”, is a bad request (400).
            return e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase)
                ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status400BadRequest;
        }
        // A NUL is never typed into a form, and the database and the PDFs would carry it on.
        return form.Any(field => field.Key.Contains('\0') || field.Value.Any(v => v?.Contains('\0') == true))
            ? StatusCodes.Status400BadRequest
            : null;
    }
}
