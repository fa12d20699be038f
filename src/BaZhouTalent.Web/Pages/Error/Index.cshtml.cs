using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Error;

/// <summary>
/// The Chinese error pages (/Error/403, /Error/404, /Error/500, …), reached by the status-code and
/// exception re-execution and by the cookie's access-denied redirect. They use no service and no
/// database, so they still render when those are what failed. Antiforgery is ignored because a failed
/// POST is re-executed here as a POST.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    /// <summary>The correlation id of the failed request; the log carries the same id.</summary>
    public string? TraceId { get; private set; }

    /// <summary>
    /// Runs for every method, handler or none: a failed PUT or DELETE is re-executed here as itself, and
    /// answers with this page all the same.
    /// </summary>
    [NonHandler]
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var value) ? value : 0;
        Show(code);
    }

    private void Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        (Title, Message) = Describe(Code);
        // The rate limiter set Retry-After on this (re-executed) response; say it in words too.
        if (Code == StatusCodes.Status429TooManyRequests && int.TryParse(Response.Headers.RetryAfter, out var seconds))
            Message = $"请求次数过多，请 {seconds} 秒后再试。";
        // Re-execution keeps the original HttpContext, so this is the id of the request that failed.
        if (Code >= 500)
            TraceId = HttpContext.TraceIdentifier;
        // A direct visit (e.g. the access-denied redirect) should still answer with the error's status.
        Response.StatusCode = Code;
    }

    public static (string Title, string Message) Describe(int code) => code switch
    {
        400 => ("请求无效", "提交的内容无法识别，或页面已过期。请返回上一页刷新后重试。"),
        403 => ("无权访问", "您没有访问此页面的权限。如确需办理，请联系市社科联开通相应权限。"),
        404 => ("页面不存在", "您访问的页面不存在，或您无权查看该内容。请检查地址是否正确。"),
        405 => ("请求方式不正确", "请通过页面上的按钮操作，不要直接访问此地址。"),
        413 => ("提交的内容过大", "提交的内容超过了系统允许的大小。请删减内容，或将附件压缩后重试。"),
        429 => ("操作过于频繁", "请求次数过多，请稍候片刻再试。"),
        >= 500 => ("系统出错", "系统处理您的请求时出错，请稍后重试。"),
        _ => ("请求未能完成", "请返回上一页后重试。"),
    };
}
