// NT hash (MD4 over UTF-16LE) and the XP password policy rules of docs/windows-reference.md#password-policy.
#include "fakes/password_rules.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "fixer/utf16.h"

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

// The padding at every block boundary: 27 characters are 54 bytes (padding fits the block),
// 28 are 56 (the length spills into a second block), 32 are one whole block, 64 two; past 128
// bytes or units the text is kept on the heap instead of the stack. Printable ASCII, character i
// being 33 + (7 * i) % 90; vectors from openssl as above.
std::string Printable(size_t n) {
  std::string pw;
  for (size_t i = 0; i < n; ++i) pw.push_back(static_cast<char>(33 + (i * 7) % 90));
  return pw;
}

TEST(NtHash, PadsAtEveryBlockBoundary) {
  EXPECT_EQ(NtHash(Printable(27)), "d13fdd90e312d95718d2a7bbcd51c2a3");
  EXPECT_EQ(NtHash(Printable(28)), "397ca69c00339b62a88e920639469e56");
  EXPECT_EQ(NtHash(Printable(31)), "aceed0d25a088f9102205b1cc5a5e178");
  EXPECT_EQ(NtHash(Printable(32)), "2f98b0eb7212c8bbb5a4c9cff37484ff");
  EXPECT_EQ(NtHash(Printable(33)), "7a590c74910917a288d2861eaf0b88c7");
  EXPECT_EQ(NtHash(Printable(64)), "b1bcf2936029499fef8d66d28a18b021");
  EXPECT_EQ(NtHash(Printable(129)), "1ea9032933102d9dfc379144adc4037f");
  EXPECT_EQ(NtHash(Printable(200)), "51e89b3175eaefea835e23a94b6c7058");
  std::string accented;  // 141 bytes of UTF-8, 71 UTF-16 units
  for (int i = 0; i < 70; ++i) accented += "\xC3\xA9";
  EXPECT_EQ(NtHash(accented + "x"), "d058cd8dd60816d93faea39a9c28ba83");
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

// Wine's conformance test (dlls/netapi32/tests/access.c, run_userhandling_tests), run on
// Windows: NetUserAdd with a 257-character password answers NERR_PasswordTooShort, also with
// no policy at all; PWLEN is 256.
TEST(PasswordPolicy, MoreThanPwlenCharactersFailWith2245WhateverThePolicy) {
  const fixer::PasswordPolicyInfo xp_default;
  EXPECT_TRUE(CheckPasswordPolicy(xp_default, "ASPNET", "", {}, Pw(std::string(256, 'a'))).ok());
  EXPECT_EQ(CheckPasswordPolicy(xp_default, "ASPNET", "", {}, Pw(std::string(257, 'a'))).code(), 2245u);
  // Counted in UTF-16 units, as Windows stores it: 256 two-byte UTF-8 characters are 256 units.
  std::string accented;
  for (int i = 0; i < 256; ++i) accented += "\xC3\xA9";
  EXPECT_TRUE(CheckPasswordPolicy(xp_default, "ASPNET", "", {}, Pw(accented)).ok());
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

// The three forms of the UTF-16 conversion count the same units: the string, the buffer and the
// length alone, over random bytes (valid and broken UTF-8, surrogates, overlong forms).
TEST(Utf16, BufferAndLengthAgreeWithTheString) {
  std::mt19937 rng(16);
  static constexpr unsigned char kBytes[] = {'a',  'Z',  '0',  0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xC3, 0xDF,
                                             0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x90};
  for (int i = 0; i < 20000; ++i) {
    std::string text(rng() % 12, ' ');
    for (char& c : text) c = static_cast<char>(kBytes[rng() % sizeof kBytes]);
    const std::u16string wide = fixer::Utf8ToUtf16(text);
    std::u16string buffer(text.size(), u'\0');
    buffer.resize(fixer::Utf8ToUtf16(text, buffer.data()));
    ASSERT_EQ(buffer, wide);
    ASSERT_EQ(fixer::Utf16Length(text), wide.size());
    ASSERT_LE(wide.size(), text.size());
  }
  EXPECT_EQ(fixer::Utf8ToUtf16("\xF0\x9F\x98\x80"), std::u16string(u"\U0001F600"));
  EXPECT_EQ(fixer::Utf8ToUtf16("x\xFFy"), std::u16string(u"x\u00FFy"));
  EXPECT_EQ(fixer::Utf8ToUtf16("\xED\xA0\x80"), std::u16string(u"\u00ED\u00A0\u0080"));  // a surrogate: 3 bytes
  EXPECT_EQ(fixer::Utf16Length("\xC3\xA9t\xC3\xA9"), 3u);
  // Broken forms, each byte taken as Latin-1: an overlong lead, a sequence cut short at the end,
  // a value past U+10FFFF, a stray continuation byte.
  EXPECT_EQ(fixer::Utf8ToUtf16("\xC0\x80"), std::u16string(u"\u00C0\u0080"));
  EXPECT_EQ(fixer::Utf8ToUtf16("a\xE2\x82"), std::u16string(u"a\u00E2\u0082"));
  EXPECT_EQ(fixer::Utf8ToUtf16("\xF4\x90\x80\x80"), std::u16string(u"\u00F4\u0090\u0080\u0080"));
  EXPECT_EQ(fixer::Utf8ToUtf16("\x80z"), std::u16string(u"\u0080z"));
  EXPECT_EQ(fixer::Utf8ToUtf16("\xE2\x82\xAC\xF4\x8F\xBF\xBF"), std::u16string(u"\u20AC\U0010FFFF"));
}

}  // namespace
}  // namespace fakes_test
