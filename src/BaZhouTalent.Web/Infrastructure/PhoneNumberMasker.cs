using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>Masks mainland mobile numbers in string properties, should one ever reach a log event.</summary>
public sealed partial class PhoneNumberMasker : ILogEventEnricher
{
    [GeneratedRegex(@"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")]
    private static partial Regex Mobile();

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && Mobile().IsMatch(text))
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(Mask(text))));
        }
    }

    public static string Mask(string text) => Mobile().Replace(text, "$1****$2");
}
