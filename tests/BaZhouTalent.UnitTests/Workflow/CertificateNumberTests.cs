using BaZhouTalent.Application.Workflow;

namespace BaZhouTalent.UnitTests.Workflow;

/// <summary>A certificate number as people type it, folded to the number as issued; never an exception.</summary>
public class CertificateNumberTests
{
    [Theory]
    [InlineData("巴社科结〔2026〕001号")]
    [InlineData("巴社科结〔２０２６〕００１号")] // full-width digits, as Chinese input methods type them
    [InlineData("巴社科结（２０２６）００１号")] // full-width round brackets
    [InlineData("巴社科结[2026]1号")]
    [InlineData("巴社科结【2026】01")]
    [InlineData(" 巴社科结 〔2026〕 001 号 ")]
    [InlineData("巴社科结〔٢٠٢٦〕٠٠١号")] // Arabic-Indic digits
    [InlineData("巴社科结〔۲۰۲۶〕۰۰۱号")] // Extended Arabic-Indic digits
    [InlineData("巴社科结〔२०२६〕००१号")] // Devanagari digits
    [InlineData("巴社科结〔𝟐𝟎𝟐𝟔〕𝟎𝟎𝟏号")] // mathematical digits (outside the BMP)
    [InlineData("巴社科结〔2026〕0000000000000000000000000001号")] // leading zeros only
    public void Typed_forms_of_a_number_fold_to_the_number_as_issued(string typed)
    {
        Assert.Equal("巴社科结〔2026〕001号", CertificateNumbers.Normalize(typed));
    }

    [Theory]
    [InlineData("巴社科结〔2026〕99999999999999999999999号")] // an over-long serial
    [InlineData("巴社科结〔2026〕1234567号")]
    [InlineData("巴社科结〔2026〕000号")]
    [InlineData("巴社科结〔20２〕001号")]
    [InlineData("ABCD-1234")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("巴社科结〔\uD800〕001号")] // a lone surrogate
    public void Anything_else_is_no_number_and_no_exception(string? typed)
    {
        Assert.Null(CertificateNumbers.Normalize(typed));
    }

    [Fact]
    public void Verification_codes_typed_full_width_fold_too()
    {
        Assert.Equal("AB12CD34EF", VerificationCodes.Normalize("ａｂ１２－ｃｄ３４ ｅｆ"));
    }
}
