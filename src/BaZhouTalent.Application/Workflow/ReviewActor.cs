using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Workflow;

/// <summary>Who acts: the account, the name that signs, the unit (or federation) the signature speaks for, and the signer's post.</summary>
public sealed record ReviewActor(string UserId, string Name, string Unit = "", string Post = "");

/// <summary>What a reviewer records in a signed section; items a section does not print stay null.</summary>
/// <param name="HasProblem">有无政治导向/意识形态问题: true = 有.</param>
/// <param name="Agrees">符合预期目标 / 同意结项: true = 是.</param>
public sealed record OpinionInput(bool? HasProblem, bool? Agrees, AppraisalGrade? Grade, string Text);

/// <summary>An expert from the pool as the conflict-of-interest rule needs them.</summary>
/// <param name="Declared">申报回避: unit names, person names or 立项编号 the expert declared they may not appraise.</param>
public sealed record ExpertCandidate(string UserId, string Name, int? UnitId, string UnitName, bool IsChief, IReadOnlyList<string>? Declared = null);

/// <summary>An intent that the workflow or a review rule refuses; the message is Chinese and may be shown.</summary>
public sealed class ReviewRuleException(string message) : InvalidOperationException(message);
