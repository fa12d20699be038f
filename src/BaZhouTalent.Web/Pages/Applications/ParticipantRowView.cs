using System.Globalization;
using BaZhouTalent.Application.Applications;

namespace BaZhouTalent.Web.Pages.Applications;

/// <summary>
/// One row of the 现参与人员 list, posted as Input.Participants[i]. Rendered for each row and once as the
/// script's template, where <see cref="Index"/> is null and the index placeholder <c>__i__</c> stands in.
/// </summary>
public sealed record ParticipantRowView(int? Index, int Count, ParticipantInput Row)
{
    public const string Placeholder = "__i__";

    private string I => Index?.ToString(CultureInfo.InvariantCulture) ?? Placeholder;

    /// <summary>The row's number as the researcher reads it (1-based); the template's is filled in by the script.</summary>
    public string Number => Index is { } i ? (i + 1).ToString(CultureInfo.InvariantCulture) : "";

    public string Name(string field) => $"Input.Participants[{I}].{field}";

    public string Id(string field) => $"Input_Participants_{I}__{field}";

    public bool IsFirst => Index == 0;

    public bool IsLast => Index == Count - 1;
}
