using BaZhouTalent.Application.Common;

namespace BaZhouTalent.UnitTests.Common;

/// <summary>Unit names compared by what they name: the Party's prefix, spaces and full-width forms do not make another unit.</summary>
public class UnitNamesTests
{
    [Theory]
    [InlineData("平昌县委党校", "中共平昌县委党校")]
    [InlineData("中国共产党平昌县委党校", "中共平昌县委党校")]
    [InlineData("中共 平昌县委党校", "平昌县委党校")]
    [InlineData("平昌县委党校 ", "平昌县委党校")]
    [InlineData("平昌县委　党校", "平昌县委党校")] // a full-width (ideographic) space
    [InlineData("巴中市第１中学", "巴中市第1中学")] // a full-width digit
    [InlineData("ＸＹＺ研究院", "XYZ研究院")]
    public void Spellings_of_one_unit_are_the_same(string typed, string registered) =>
        Assert.True(UnitNames.Same(typed, registered), $"{typed} ≠ {registered}: {UnitNames.Normalize(typed)} / {UnitNames.Normalize(registered)}");

    [Theory]
    [InlineData("平昌县委党校", "巴州区委党校")]
    [InlineData("中共平昌县委组织部", "中共平昌县委党校")]
    [InlineData("", "")]
    [InlineData("中共", "平昌县委党校")]
    public void Different_or_empty_units_are_not_the_same(string a, string b) => Assert.False(UnitNames.Same(a, b));

    [Fact]
    public void The_prefix_alone_is_kept_so_it_never_matches_everything() => Assert.Equal("中共", UnitNames.Normalize(" 中共 "));

    [Fact]
    public void A_typed_name_finds_its_registered_unit()
    {
        (int, string)[] units = [(1, "中共巴中市巴州区委党校"), (2, "中共平昌县委党校")];
        Assert.Equal(2, UnitNames.Match("平昌县委党校", units));
        Assert.Equal(1, UnitNames.Match("中国共产党巴中市巴州区委党校", units));
        Assert.Null(UnitNames.Match("四川文理学院", units));
        Assert.Null(UnitNames.Match("  ", units));
    }
}
