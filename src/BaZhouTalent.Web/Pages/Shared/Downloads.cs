using Microsoft.Net.Http.Headers;

namespace BaZhouTalent.Web.Pages.Shared;

/// <summary>A file written to the response as it is made (an archive, an export), never held whole first.</summary>
public static class Downloads
{
    /// <summary>The response as an attachment named <paramref name="fileName"/>, not stored by any cache: its body, to write the file to.</summary>
    public static Stream Start(HttpResponse response, string contentType, string fileName)
    {
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return response.Body;
    }
}
