using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace BaZhouTalent.IntegrationTests.Support;

/// <summary>Uses the portal as a browser would: reads pages, fills their forms (antiforgery token included), follows redirects.</summary>
public sealed class Browser(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public async Task<Page> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        return await Page.ReadAsync(response, url);
    }

    /// <summary>GETs <paramref name="url"/>, then follows redirects one by one, as a browser does.</summary>
    public async Task<Page> NavigateAsync(string url)
    {
        var page = await GetAsync(url);
        for (var hops = 0; page.RedirectTarget is { } next && hops < 10; hops++)
            page = await GetAsync(next);
        return page;
    }

    /// <summary>Posts the first form on <paramref name="page"/> that matches, with <paramref name="fields"/> overriding its values.</summary>
    /// <remarks>Without a selector the layout's sign-out form is skipped: a person filling a page means the page's own form.</remarks>
    public async Task<Page> SubmitAsync(Page page, IDictionary<string, string> fields, string? formSelector = null)
    {
        var form = page.Document.QuerySelectorAll<IHtmlFormElement>(formSelector ?? "form[method=post]")
            .FirstOrDefault(f => formSelector is not null || !(f.GetAttribute("action") ?? "").EndsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}");
        var values = FormValues(form);
        foreach (var (name, value) in fields) values[name] = value;
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.GetAttribute("action")!;
        var response = await client.PostAsync(action, new FormUrlEncodedContent(values));
        return await Page.ReadAsync(response, action);
    }

    /// <summary>What a browser would send for <paramref name="form"/>: checked boxes, inputs, selects and text areas (no files).</summary>
    public static Dictionary<string, string> FormValues(IHtmlFormElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
            if (input.Type == "file") continue;
            values[input.Name!] = input.Value;
        }
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
            values[select.Name!] = select.Value ?? "";
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
            values[area.Name!] = area.Value;
        return values;
    }

    /// <summary>Signs in through the login page; returns the page reached after the redirects.</summary>
    public async Task<Page> SignInAsync(string userName, string password)
    {
        var login = await GetAsync("/Account/Login");
        var form = login.Document.QuerySelector("form[method=post] input[type=password]")?.Closest("form")
            ?? throw new InvalidOperationException("The login page has no password form.");
        var userField = form.QuerySelector<IHtmlInputElement>("input[type=text],input:not([type])")!.Name!;
        var passwordField = form.QuerySelector<IHtmlInputElement>("input[type=password]")!.Name!;
        var result = await SubmitAsync(login, new Dictionary<string, string> { [userField] = userName, [passwordField] = password });
        for (var hops = 0; result.RedirectTarget is { } next && hops < 10; hops++)
            result = await GetAsync(next);
        return result;
    }

    public sealed record Page(string Url, HttpStatusCode Status, string? RedirectTarget, IHtmlDocument Document, string Html)
    {
        public string Text => Document.Body?.TextContent ?? "";

        public IReadOnlyList<string> Links => Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();

        /// <summary>True when the portal refused the request: a redirect to the access-denied page (never a 500 or a sign-in).</summary>
        public bool IsRefused => Status == HttpStatusCode.Redirect
            && RedirectTarget is { } target && new Uri(new Uri("http://portal"), target).AbsolutePath.StartsWith("/Error/403", StringComparison.Ordinal);

        public static async Task<Page> ReadAsync(HttpResponseMessage response, string url)
        {
            var html = await response.Content.ReadAsStringAsync();
            var location = response.Headers.Location?.ToString();
            return new Page(url, response.StatusCode, location, Parser.ParseDocument(html), html);
        }
    }
}
