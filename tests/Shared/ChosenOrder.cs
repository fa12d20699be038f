using Xunit.Abstractions;
using Xunit.Sdk;

namespace BaZhouTalent.Tests.Shared;

/// <summary>
/// Runs the tests of a class, and the classes of an assembly, in the order <c>BAZHOUTALENT_TEST_ORDER</c> names:
/// unset, xUnit's own; <c>reverse</c>, that order backwards; <c>random:SEED</c>, shuffled by the seed (the same seed, the
/// same order, so a failing order can be run again). A test that passes only in one order depends on another: this shows it.
/// </summary>
public sealed class ChosenOrder : ITestCaseOrderer, ITestCollectionOrderer
{
    public const string Variable = "BAZHOUTALENT_TEST_ORDER";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        Arrange(new DefaultTestCaseOrderer(new NullMessageSink()).OrderTestCases(testCases));

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        Arrange(new DefaultTestCollectionOrderer().OrderTestCollections(testCollections));

    private static IEnumerable<T> Arrange<T>(IEnumerable<T> items)
    {
        var order = Environment.GetEnvironmentVariable(Variable) ?? "";
        if (order == "reverse") return items.Reverse();
        if (order.StartsWith("random:", StringComparison.Ordinal) && int.TryParse(order["random:".Length..], out var seed))
        {
            var shuffled = items.ToArray();
            new Random(seed).Shuffle(shuffled);
            return shuffled;
        }
        return items;
    }
}
