using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.IntegrationTests.Support;

namespace BaZhouTalent.IntegrationTests.Researcher;

/// <summary>
/// Posts a page's own form as a browser would, with selects, textareas and the pressed button included
/// (values collected by Browser.FormValues), optionally with a file as multipart.
/// </summary>
internal static class Forms
{
    public static Dictionary<string, string> ValuesOf(Browser.Page page, string formSelector = "form[data-warn-unsaved], main form[method=post]")
    {
        var form = page.Document.QuerySelectorAll<IHtmlFormElement>(formSelector).First();
        return Browser.FormValues(form);
    }

    public static async Task<Browser.Page> PostAsync(Browser browser, Browser.Page page, IDictionary<string, string?> changes,
        string? handler = null, (string Name, byte[] Bytes)? file = null)
    {
        var values = ValuesOf(page);
        foreach (var (name, value) in changes)
        {
            if (value is null) values.Remove(name);
            else values[name] = value;
        }
        var url = new Uri(page.Url, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(page.Url).PathAndQuery : page.Url;
        if (handler is not null) url += (url.Contains('?') ? "&" : "?") + "handler=" + handler;

        HttpContent content;
        if (file is { } f)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in values) multipart.Add(new StringContent(value), name);
            var bytes = new ByteArrayContent(f.Bytes);
            bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            multipart.Add(bytes, "Document", f.Name);
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(values);
        }
        var response = await browser.Client.PostAsync(url, content);
        return await Browser.Page.ReadAsync(response, url);
    }

    /// <summary>Follows a post's redirect, as the browser would, to the page it lands on.</summary>
    public static async Task<Browser.Page> FollowAsync(Browser browser, Browser.Page page)
    {
        for (var hops = 0; page.RedirectTarget is { } next && hops < 10; hops++)
            page = await browser.GetAsync(next);
        return page;
    }

    public static string? ErrorFor(Browser.Page page, string field) =>
        page.Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;
}
