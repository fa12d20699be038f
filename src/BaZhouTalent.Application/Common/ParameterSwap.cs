using System.Linq.Expressions;

namespace BaZhouTalent.Application.Common;

/// <summary>Puts predicates written apart into one expression tree the database provider can translate.</summary>
public static class ParameterSwap
{
    /// <summary>The body of <paramref name="lambda"/> with its parameter replaced by <paramref name="parameter"/>.</summary>
    public static Expression Apply<T, TResult>(Expression<Func<T, TResult>> lambda, ParameterExpression parameter) =>
        new Swapper(lambda.Parameters[0], parameter).Visit(lambda.Body);

    /// <summary><paramref name="first"/> and <paramref name="second"/>, as one predicate.</summary>
    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> first, Expression<Func<T, bool>> second)
    {
        var parameter = first.Parameters[0];
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(first.Body, Apply(second, parameter)), parameter);
    }

    /// <summary><paramref name="first"/> or <paramref name="second"/>, as one predicate.</summary>
    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> first, Expression<Func<T, bool>> second)
    {
        var parameter = first.Parameters[0];
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(first.Body, Apply(second, parameter)), parameter);
    }

    private sealed class Swapper(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
