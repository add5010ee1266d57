// Names compare as Windows compares account, group, service and right names here: A-Z equal to
// a-z, every other byte (digits, punctuation, UTF-8's bytes of 0x80 and above) only to itself
// (fixer/name_case.h). SameWindowsName compares eight bytes at a time; these tests hold it to the
// byte-by-byte rule at every position and length, and FoldWindowsName and FoldWindowsChar to the
// same rule.
#include "fixer/name_case.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>

namespace {

char FoldByte(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool ReferenceEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (FoldByte(a[i]) != FoldByte(b[i])) return false;
  }
  return true;
}

// Every pair of byte values, at each of the 8 positions of a word and in a tail, in strings of
// 1 to 19 bytes: only A-Z/a-z pairs (and equal bytes) compare equal.
TEST(SameWindowsName, AgreesWithTheByteRuleForEveryPairOfBytes) {
  for (size_t length : {1u, 2u, 3u, 4u, 5u, 7u, 8u, 9u, 15u, 16u, 19u}) {
    for (size_t at = 0; at < length; ++at) {
      std::string a(length, 'q'), b(length, 'Q');
      for (int x = 0; x < 256; ++x) {
        for (int y = 0; y < 256; ++y) {
          a[at] = static_cast<char>(x);
          b[at] = static_cast<char>(y);
          ASSERT_EQ(fixer::SameWindowsName(a, b), ReferenceEquals(a, b)) << "bytes " << x << ", " << y << " at " << at;
        }
      }
    }
  }
}

// Random names over letters around the case boundaries ('@', '[', '`', '{'), digits and high
// bytes: the comparison answers as the byte rule does, both ways round.
TEST(SameWindowsName, AgreesWithTheByteRuleOnRandomNames) {
  static constexpr std::string_view kAlphabet = "aAzZmM@[`{09 _.\\\x80\xC1\xE1\xFF";
  std::mt19937 rng(8);
  int equal = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string a(rng() % 24, ' ');
    for (char& c : a) c = kAlphabet[rng() % kAlphabet.size()];
    std::string b = a;
    for (char& c : b) {
      if (rng() % 2 == 0) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (rng() % 3 == 0 && !b.empty()) b[rng() % b.size()] = kAlphabet[rng() % kAlphabet.size()];
    if (rng() % 10 == 0) b.push_back('a');
    const bool expected = ReferenceEquals(a, b);
    equal += expected;
    ASSERT_EQ(fixer::SameWindowsName(a, b), expected) << a << " / " << b;
    ASSERT_EQ(fixer::SameWindowsName(b, a), expected) << b << " / " << a;
  }
  EXPECT_GT(equal, 50000);  // both answers came up many times
  EXPECT_LT(equal, 150000);
}

// FoldWindowsName and FoldWindowsChar fold the same bytes, whatever the C locale says of the
// others: every byte value, alone and in a name.
TEST(FoldWindowsName, FoldsOnlyAToZ) {
  for (int x = 0; x < 256; ++x) {
    const char c = static_cast<char>(x);
    ASSERT_EQ(fixer::FoldWindowsChar(c), FoldByte(c)) << x;
    ASSERT_EQ(fixer::FoldWindowsName(std::string("Q") + c + "z"), std::string("q") + FoldByte(c) + "z") << x;
  }
  EXPECT_EQ(fixer::FoldWindowsChar(u'\u00C9'), u'\u00C9');  // Windows would upper-case it; the model does not
  EXPECT_EQ(fixer::FoldWindowsChar(u'Z'), u'z');
  EXPECT_EQ(fixer::FoldWindowsChar(L'['), L'[');
  EXPECT_EQ(fixer::FoldWindowsName("W3SVC\\Parameters"), "w3svc\\parameters");
}

TEST(UpperWindowsName, UpperCasesOnlyAToZ) {
  for (int x = 0; x < 256; ++x) {
    const char c = static_cast<char>(x);
    const char upper = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    ASSERT_EQ(fixer::UpperWindowsName(std::string("q") + c + "Z"), std::string("Q") + upper + "Z") << x;
  }
  EXPECT_EQ(fixer::UpperWindowsName("xpPro-1.b"), "XPPRO-1.B");
  EXPECT_EQ(fixer::UpperWindowsName("caf\xc3\xa9"), "CAF\xc3\xa9");  // UTF-8's bytes kept, as FoldWindowsName does
}

// WindowsNameLess orders names as their folded texts compare (bytes as unsigned), so a map keyed
// by it finds a name in any spelling and holds one entry per name.
TEST(WindowsNameLess, OrdersAsTheFoldedTextsCompare) {
  static constexpr std::string_view kAlphabet = "aAzZmM@[`{09 _.\\\x80\xC1\xE1\xFF";
  std::mt19937 rng(9);
  const fixer::WindowsNameLess less;
  for (int i = 0; i < 50000; ++i) {
    std::string a(rng() % 20, ' '), b(rng() % 20, ' ');  // past a word of eight bytes, and past two
    for (char& c : a) c = kAlphabet[rng() % kAlphabet.size()];
    for (char& c : b) c = kAlphabet[rng() % kAlphabet.size()];
    const std::string fa = fixer::FoldWindowsName(a), fb = fixer::FoldWindowsName(b);
    const bool expected = std::lexicographical_compare(fa.begin(), fa.end(), fb.begin(), fb.end(), [](char x, char y) {
      return static_cast<unsigned char>(x) < static_cast<unsigned char>(y);
    });
    ASSERT_EQ(less(a, b), expected) << a << " / " << b;
  }
  std::map<std::string, int, fixer::WindowsNameLess> secrets{{"aspnet_WP_PASSWORD", 1}, {"DPAPI_SYSTEM", 2}};
  EXPECT_EQ(secrets.find("ASPNET_WP_PASSWORD")->first, "aspnet_WP_PASSWORD");
  EXPECT_FALSE(secrets.emplace("Aspnet_wp_password", 3).second);  // one entry per name
  EXPECT_EQ(secrets.begin()->first, "aspnet_WP_PASSWORD");        // 'a' < 'd', whatever the case
}

}  // namespace
