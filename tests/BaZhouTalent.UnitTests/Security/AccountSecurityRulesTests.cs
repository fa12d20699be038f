using System.Text;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;

namespace BaZhouTalent.UnitTests.Security;

/// <summary>The pure parts of account security: masks, the settings' bounds, a record's hash, the test authenticator.</summary>
public class AccountSecurityRulesTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0827-5267890", "082*-***7890")]
    [InlineData("+86 138 1234 5678", "+86 1** **** 5678")]
    [InlineData("8012", "**12")]
    [InlineData("", "")]
    public void Phones_keep_their_first_three_and_last_four_digits(string phone, string masked) =>
        Assert.Equal(masked, PersonalData.MaskPhone(phone));

    [Theory]
    [InlineData("zhang.san@example.com", "z***@example.com")]
    [InlineData("not-an-address", "***")]
    [InlineData("", "")]
    public void Addresses_keep_their_first_letter_and_domain(string email, string masked) =>
        Assert.Equal(masked, PersonalData.MaskEmail(email));

    [Fact]
    public void Birth_keeps_the_year_only() =>
        Assert.Equal(("1985 年 ** 月", "1985 年", ""), (PersonalData.MaskBirth(1985, 3), PersonalData.MaskBirth(1985, null), PersonalData.MaskBirth(null, null)));

    [Fact]
    public void The_shipped_settings_hold_and_out_of_range_ones_are_named()
    {
        Assert.Empty(new SecurityOptions().Problems());
        Assert.Equal([Roles.MunicipalFederation], new SecurityOptions().TwoFactor.ForRoles);

        var bad = new SecurityOptions
        {
            TwoFactor = { RequiredRoles = ["Admin"] },
            Sessions = { IdleTimeoutMinutes = 0, AbsoluteHours = 100 },
            Passwords = { HistoryCount = 0 },
            Audit = { RetentionDays = 90 },
        };
        var problems = string.Join("\n", bad.Problems());
        foreach (var key in new[] { "'Admin'", "IdleTimeoutMinutes", "AbsoluteHours", "HistoryCount", "RetentionDays must be at least 180" })
            Assert.Contains(key, problems);
    }

    [Fact]
    public void A_configured_role_list_replaces_the_default_and_an_empty_entry_means_none()
    {
        Assert.Empty(new SecurityOptions { TwoFactor = { RequiredRoles = [""] } }.TwoFactor.ForRoles);
        Assert.True(new SecurityOptions { TwoFactor = { RequiredRoles = [Roles.Expert] } }.TwoFactor.IsRequiredFor([Roles.Expert, Roles.Researcher]));
        Assert.False(new SecurityOptions { TwoFactor = { RequiredRoles = [Roles.Expert] } }.TwoFactor.IsRequiredFor([Roles.MunicipalFederation]));
        Assert.False(new SecurityOptions { Passwords = { MaxAgeDays = 0 } }.Passwords.Expires([Roles.MunicipalFederation]));
    }

    [Fact]
    public void A_records_hash_covers_every_field_and_its_predecessor()
    {
        var record = Record();
        record.Chain(7, new string('a', 64));
        var hash = record.Hash;
        Assert.Equal(hash, record.ComputeHash());
        var changes = new Action<SecurityEvent>[]
        {
            r => r.Sequence++, r => r.At = r.At.AddTicks(1), r => r.Kind += "x", r => r.Outcome = "Failure", r => r.Account += "x",
            r => r.AccountName += "x", r => r.ClientAddress += "x", r => r.Target += "x", r => r.Detail += "x", r => r.PreviousHash = new string('b', 64),
        };
        foreach (var change in changes)
        {
            var copy = Record();
            copy.Chain(7, new string('a', 64));
            change(copy);
            Assert.NotEqual(hash, copy.ComputeHash());
        }
        // Fields cannot be shifted into each other: “ab” + “c” is not “a” + “bc”.
        var (left, right) = (Record(), Record());
        (left.Target, left.Detail, right.Target, right.Detail) = ("ab", "c", "a", "bc");
        Assert.NotEqual(left.ComputeHash(), right.ComputeHash());
    }

    [Fact]
    public void A_record_is_cut_to_its_columns_and_the_millisecond_before_it_is_hashed()
    {
        var record = Record();
        record.Target = new string('对', 1000);
        record.Account = "a\0b";
        record.At = new DateTimeOffset(2026, 5, 1, 8, 0, 0, 123, TimeSpan.FromHours(8)).AddTicks(4567);
        record.Chain(1, SecurityEvent.Genesis);
        Assert.Equal(SecurityEvent.TargetLength, record.Target.Length);
        Assert.Equal("ab", record.Account);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 0, 0, 0, 123, TimeSpan.Zero), record.At);
    }

    /// <summary>RFC 6238 appendix B (SHA-1): the tests' authenticator computes what any authenticator app does.</summary>
    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void The_test_authenticator_meets_the_rfc_test_vectors(long unixSeconds, string code)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal(code, Totp.Code(key, unixSeconds / Totp.StepSeconds, digits: 8));
        Assert.Equal(key, Totp.Base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    }

    private static SecurityEvent Record() => new()
    {
        At = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), Kind = "SignIn", Outcome = "Success", Account = "admin",
        AccountName = "管理员", ClientAddress = "10.0.0.1", Target = "admin", Detail = "密码",
    };
}
