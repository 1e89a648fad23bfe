namespace MilestonePlan.Analyzers.Tests;

[TestClass]
public sealed class OnceMapTests
{
    [TestMethod]
    public void A_value_is_computed_once_and_a_cancelled_computation_is_retried()
    {
        var map = new OnceMap<string, int>(StringComparer.Ordinal);
        var calls = 0;

        Assert.ThrowsExactly<OperationCanceledException>(() => map.Get("m1", _ => { calls++; throw new OperationCanceledException(); }));
        Assert.AreEqual(7, map.Get("m1", _ => { calls++; return 7; }));
        Assert.AreEqual(7, map.Get("m1", _ => { calls++; return 8; }));
        Assert.AreEqual(2, calls);
    }
}
