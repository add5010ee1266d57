// NT hash (MD4 over UTF-16LE) and the XP password policy rules of docs/windows-reference.md#password-policy.
#include "fakes/password_rules.h"

#include <gtest/gtest.h>

#include "test_machine.h"

namespace fakes_test {
namespace {

using fakes::CheckPasswordPolicy;
using fakes::NtHash;

// Expected values computed independently with
//   printf '%s' PW | iconv -t UTF-16LE | openssl dgst -md4 -provider legacy -provider default
TEST(NtHash, MatchesKnownVectors) {
  EXPECT_EQ(NtHash("password"), "8846f7eaee8fb117ad06bdd830b7586c");
  EXPECT_EQ(NtHash("Password"), "a4f49c406510bdcab6824ee7c30fd852");
  EXPECT_EQ(NtHash("1pass@word"), "b680cb503dc862aa81b7e6204c0b8c5c");
}

TEST(NtHash, HashesAcrossSeveralMd4Blocks) {
  // 43 characters = 86 bytes of UTF-16LE: the padding spills into a second block.
  EXPECT_EQ(NtHash("The quick brown fox jumps over the lazy dog"), "4e6a076ae1b04a815fa6332f69e2e231");
}

TEST(NtHash, EncodesNonAsciiAsUtf16) {
  EXPECT_EQ(NtHash("\xC3\xA9"), "e77286d072c7858e9110cc3a011d2ac8");          // U+00E9
  EXPECT_EQ(NtHash("\xF0\x9F\x98\x80"), "4b58a10cc20a4e7d808d218e1f80aabc");  // surrogate pair
  // A byte that is not UTF-8 is taken as Latin-1: "x\xFFy" hashes as U+0078 U+00FF U+0079.
  EXPECT_EQ(NtHash("x\xFFy"), "27847554327d20c0198f98ba1d7ff05f");
}

TEST(NtHash, BlankPasswordIsStoredAsEmpty) { EXPECT_EQ(NtHash(""), ""); }

fixer::PasswordPolicyInfo Complex(uint32_t min_length = 0) {
  fixer::PasswordPolicyInfo p;
  p.complexity = true;
  p.min_length = min_length;
  return p;
}

TEST(PasswordPolicy, XpDefaultsAcceptAnythingIncludingBlank) {
  const fixer::PasswordPolicyInfo xp_default;
  EXPECT_TRUE(CheckPasswordPolicy(xp_default, "ASPNET", "", {}, Pw("")).ok());
  EXPECT_TRUE(CheckPasswordPolicy(xp_default, "ASPNET", "", {}, Pw("aspnet")).ok());
}

TEST(PasswordPolicy, MinimumLengthFailsWith2245AndItsText) {
  fixer::PasswordPolicyInfo p;
  p.min_length = 11;
  const fixer::Status st = CheckPasswordPolicy(p, "ASPNET", "", {}, Pw("1pass@word"));
  EXPECT_EQ(st.code(), 2245u);
  EXPECT_EQ(st.message(),
            "The password does not meet the password policy requirements. Check the minimum "
            "password length, password complexity and password history requirements.");
  p.min_length = 10;
  EXPECT_TRUE(CheckPasswordPolicy(p, "ASPNET", "", {}, Pw("1pass@word")).ok());
}

TEST(PasswordPolicy, ComplexityNeedsSixCharactersEvenWithASmallerMinimum) {
  EXPECT_EQ(CheckPasswordPolicy(Complex(2), "bob", "", {}, Pw("aB1!x")).code(), 2245u);
  EXPECT_TRUE(CheckPasswordPolicy(Complex(2), "bob", "", {}, Pw("aB1!xy")).ok());
  EXPECT_EQ(CheckPasswordPolicy(Complex(8), "bob", "", {}, Pw("aB1!xyz")).code(), 2245u);
}

TEST(PasswordPolicy, ComplexityNeedsThreeOfFourClasses) {
  EXPECT_EQ(CheckPasswordPolicy(Complex(), "bob", "", {}, Pw("abcdefgh")).code(), 2245u);  // 1 class
  EXPECT_EQ(CheckPasswordPolicy(Complex(), "bob", "", {}, Pw("abcd1234")).code(), 2245u);  // 2
  EXPECT_TRUE(CheckPasswordPolicy(Complex(), "bob", "", {}, Pw("abcd123!")).ok());         // l d s
  EXPECT_TRUE(CheckPasswordPolicy(Complex(), "bob", "", {}, Pw("ABcd1234")).ok());         // u l d
  EXPECT_TRUE(CheckPasswordPolicy(Complex(), "bob", "", {}, Pw("ABCD!!!d")).ok());         // u s l
  // The paper's temporary password: lower, digit, symbol.
  EXPECT_TRUE(CheckPasswordPolicy(Complex(), "ASPNET", "aspnet_wp account", {}, Pw("1pass@word")).ok());
}

TEST(PasswordPolicy, ComplexityRejectsTheAccountNameCaseInsensitively) {
  EXPECT_EQ(CheckPasswordPolicy(Complex(), "ASPNET", "", {}, Pw("my1Aspnet!")).code(), 2245u);
  EXPECT_EQ(CheckPasswordPolicy(Complex(), "aspnet", "", {}, Pw("xASPNET9!")).code(), 2245u);
}

TEST(PasswordPolicy, ShortAccountNamesAreNotChecked) {
  // "Al" has two characters, below the three the filter needs to look for it.
  EXPECT_TRUE(CheckPasswordPolicy(Complex(), "Al", "", {}, Pw("Al1!xxyy")).ok());
  EXPECT_EQ(CheckPasswordPolicy(Complex(), "Ali", "", {}, Pw("Ali1!xyy")).code(), 2245u);
}

TEST(PasswordPolicy, ComplexityRejectsFullNameTokensOfThreeOrMore) {
  // "aspnet_wp account" splits on '_' and ' ' into aspnet, wp, account.
  EXPECT_EQ(CheckPasswordPolicy(Complex(), "svc", "aspnet_wp account", {}, Pw("Account#9")).code(), 2245u);
  // "wp" is shorter than three characters, so it may appear.
  EXPECT_TRUE(CheckPasswordPolicy(Complex(), "svc", "aspnet_wp account", {}, Pw("Xwp#9zzz")).ok());
  // Every delimiter splits: , . - _ space # tab.
  const std::string full = "Ann,Lee.Kim-Joe_Ray Sue#Max\tTom";
  EXPECT_TRUE(CheckPasswordPolicy(Complex(), "svc", full, {}, Pw("Q1!zzz")).ok());  // the control
  for (const char* token : {"ann", "lee", "kim", "joe", "ray", "sue", "max", "tom"}) {
    EXPECT_EQ(CheckPasswordPolicy(Complex(), "svc", full, {}, Pw(std::string("Q1!") + token)).code(), 2245u) << token;
  }
}

TEST(PasswordPolicy, HistoryCountsOnlyThePolicyNumberOfHashes) {
  fixer::PasswordPolicyInfo p;
  p.history = 2;
  const std::vector<std::string> history = {NtHash("newest"), NtHash("older"), NtHash("oldest")};
  EXPECT_EQ(CheckPasswordPolicy(p, "bob", "", history, Pw("newest")).code(), 2245u);
  EXPECT_EQ(CheckPasswordPolicy(p, "bob", "", history, Pw("older")).code(), 2245u);
  EXPECT_TRUE(CheckPasswordPolicy(p, "bob", "", history, Pw("oldest")).ok());
  p.history = 0;
  EXPECT_TRUE(CheckPasswordPolicy(p, "bob", "", history, Pw("newest")).ok());
}

}  // namespace
}  // namespace fakes_test
