// fixer::CheckPasswordRules (fixer/password_rules.h), the one copy of the XP password rules both
// backends ask: each rule on both sides of its boundary (docs/windows-reference.md#password-policy).
#include "fixer/password_rules.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using fixer::CheckPasswordRules;
using fixer::PasswordPolicyInfo;

const PasswordPolicyInfo kNoPolicy;
const PasswordPolicyInfo kComplex{.complexity = true};

bool Passes(const PasswordPolicyInfo& policy, std::string_view account, std::string_view full_name,
            std::string password) {
  const fixer::Status st =
      CheckPasswordRules(policy, account, full_name, fixer::Secret::FromString(std::move(password)));
  if (!st.ok()) {
    EXPECT_EQ(st.code(), 2245u) << "every refusal is NERR_PasswordTooShort";
  }
  return st.ok();
}

std::string Repeat(std::string_view piece, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += piece;
  return out;
}

constexpr std::string_view kEAcute = "\xC3\xA9";         // U+00E9: 2 bytes, 1 UTF-16 unit
constexpr std::string_view kEmoji = "\xF0\x9F\x98\x80";  // U+1F600: 4 bytes, 2 units (a surrogate pair)

TEST(PasswordRules, Pwlen256UnitsWhateverThePolicy) {
  EXPECT_TRUE(Passes(kNoPolicy, "bob", "", std::string(256, 'a')));
  EXPECT_FALSE(Passes(kNoPolicy, "bob", "", std::string(257, 'a')));
  EXPECT_TRUE(Passes(kNoPolicy, "bob", "", Repeat(kEAcute, 256)));  // 512 bytes, 256 units
  EXPECT_FALSE(Passes(kNoPolicy, "bob", "", Repeat(kEAcute, 257)));
  EXPECT_TRUE(Passes(kNoPolicy, "bob", "", Repeat(kEmoji, 128)));  // 256 units
  EXPECT_FALSE(Passes(kNoPolicy, "bob", "", Repeat(kEmoji, 128) + "a"));
  EXPECT_FALSE(Passes(kComplex, "bob", "", Repeat("Aa1!", 64) + "x"));
}

TEST(PasswordRules, MinimumLengthInUtf16Units) {
  const PasswordPolicyInfo min10{.min_length = 10};
  EXPECT_TRUE(Passes(min10, "bob", "", "123456789a"));
  EXPECT_FALSE(Passes(min10, "bob", "", "123456789"));
  EXPECT_FALSE(Passes(min10, "bob", "", Repeat(kEAcute, 9)));  // 18 bytes, 9 units
  EXPECT_TRUE(Passes(min10, "bob", "", Repeat(kEAcute, 10)));
  EXPECT_TRUE(Passes(min10, "bob", "", Repeat(kEmoji, 5)));  // 5 characters, 10 units
  EXPECT_TRUE(Passes(kNoPolicy, "bob", "", ""));             // XP's default: anything, blank too
}

TEST(PasswordRules, ComplexityNeedsSixUnitsWhateverTheMinimum) {
  const PasswordPolicyInfo complex2{.min_length = 2, .complexity = true};
  EXPECT_FALSE(Passes(complex2, "bob", "", "aB1!x"));
  EXPECT_TRUE(Passes(complex2, "bob", "", "aB1!xy"));
  EXPECT_FALSE(Passes(complex2, "bob", "", std::string("aB1!") + std::string(kEAcute)));  // 6 bytes, 5 units
  EXPECT_TRUE(Passes(complex2, "bob", "", std::string("aB1!") + std::string(kEmoji)));    // 6 units
  const PasswordPolicyInfo complex8{.min_length = 8, .complexity = true};
  EXPECT_FALSE(Passes(complex8, "bob", "", "aB1!xyz"));
  EXPECT_TRUE(Passes(complex8, "bob", "", "aB1!xyzw"));
}

TEST(PasswordRules, ComplexityNeedsThreeOfFourClasses) {
  EXPECT_FALSE(Passes(kComplex, "bob", "", "abcdefgh"));  // lower
  EXPECT_FALSE(Passes(kComplex, "bob", "", "abcd1234"));  // lower, digit
  EXPECT_FALSE(Passes(kComplex, "bob", "", "ABCD!!!!"));  // upper, other
  EXPECT_TRUE(Passes(kComplex, "bob", "", "abcd123!"));   // lower, digit, other
  EXPECT_TRUE(Passes(kComplex, "bob", "", "ABcd1234"));   // upper, lower, digit
  EXPECT_TRUE(Passes(kComplex, "bob", "", "ABCD!!1!"));   // upper, other, digit
  EXPECT_TRUE(Passes(kComplex, "bob", "", "Ab1!Ab1!"));   // all four
  // A non-ASCII letter is "other", whatever its case: É (U+00C9) is not an upper-case letter here.
  EXPECT_FALSE(Passes(kComplex, "bob", "", "abcdef\xC3\x89"));  // lower, other
  EXPECT_TRUE(Passes(kComplex, "bob", "", "abcde1\xC3\x89"));   // lower, digit, other
  // Without complexity the classes do not count.
  EXPECT_TRUE(Passes(kNoPolicy, "bob", "", "aaaaaaaa"));
}

TEST(PasswordRules, TheAccountNameOfThreeUnitsOrMoreCaseInsensitively) {
  EXPECT_FALSE(Passes(kComplex, "ASPNET", "", "my1Aspnet!"));
  EXPECT_FALSE(Passes(kComplex, "aspnet", "", "xASPNET9!"));
  EXPECT_FALSE(Passes(kComplex, "Ali", "", "Ali1!xyy"));  // 3 characters: looked for
  EXPECT_TRUE(Passes(kComplex, "Al", "", "Al1!xxyy"));    // 2: not
  EXPECT_TRUE(Passes(kComplex,
                     "\xC3\xA9"
                     "a",
                     "",
                     "x\xC3\xA9"
                     "a1!Yz"));  // 3 bytes, 2 units: not
  EXPECT_FALSE(Passes(kComplex,
                      "\xC3\xA9"
                      "ab",
                      "",
                      "x\xC3\xA9"
                      "ab1!Y"));                                    // 3 units: looked for
  EXPECT_TRUE(Passes(kComplex, "ASPNET", "", "my1Aspne!"));         // a part of the name is no match
  EXPECT_TRUE(Passes(kComplex, "LONGACCOUNTNAME", "", "Acc1!zz"));  // a name longer than the password
  // Only A-Z fold (fixer/name_case.h): É in the name does not match é in the password.
  EXPECT_TRUE(Passes(kComplex, "\xC3\x89mile", "", "x\xC3\xA9mile1!"));
  // Without complexity the name may appear.
  EXPECT_TRUE(Passes(kNoPolicy, "aspnet", "", "aspnet"));
}

TEST(PasswordRules, FullNameTokensOfThreeUnitsOrMoreSplitOnEachDelimiter) {
  const std::string full = "Ann,Lee.Kim-Joe_Ray Sue#Max\tTom";
  EXPECT_TRUE(Passes(kComplex, "svc", full, "Q1!zzz"));  // the control
  for (const char* token : {"ann", "lee", "kim", "joe", "ray", "sue", "max", "tom"}) {
    EXPECT_FALSE(Passes(kComplex, "svc", full, std::string("Q1!") + token)) << token;
  }
  // Other punctuation does not split: "Ann;Lee" is one token, not found in "Q1!ann".
  EXPECT_TRUE(Passes(kComplex, "svc", "Ann;Lee", "Q1!ann"));
  EXPECT_FALSE(Passes(kComplex, "svc", "Ann;Lee", "Q1!ann;lee"));
  // Tokens of two units may appear; empty tokens (delimiters side by side, at either end) do nothing.
  EXPECT_TRUE(Passes(kComplex, "svc", "aspnet_wp account", "Xwp#9zzz"));
  EXPECT_FALSE(Passes(kComplex, "svc", "aspnet_wp account", "Account#9"));
  EXPECT_TRUE(Passes(kComplex, "svc", ",,Wp--Al__", "Wp1!Alzz"));
  EXPECT_FALSE(Passes(kComplex, "svc", ",,Wp--Ali__", "Wp1!Aliz"));
  // The whole full name, when it has no delimiter; a token counted in UTF-16 units.
  EXPECT_FALSE(Passes(kComplex, "svc", "Zoe", "12zoe!!x"));
  const std::string e(kEAcute);
  EXPECT_TRUE(Passes(kComplex, "svc", "Z" + e + " Li", "1!Qz" + e + "x"));  // "Zé": 3 bytes, 2 units
  EXPECT_FALSE(Passes(kComplex, "svc", "Zo" + e + " Li", "1!Qzo" + e));     // "Zoé": 3 units
  // Without complexity the full name may appear.
  EXPECT_TRUE(Passes(kNoPolicy, "svc", "aspnet_wp account", "account"));
}

TEST(PasswordRules, ThePapersTemporaryPasswordPasses) {
  EXPECT_TRUE(
      Passes(PasswordPolicyInfo{.min_length = 7, .complexity = true}, "ASPNET", "aspnet_wp account", "1pass@word"));
}

}  // namespace
