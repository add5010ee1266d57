// fixer::QuotedValue: the one way an error quotes a value it was given, at most 60 bytes of it.
#include "fixer/quoted_value.h"

#include <string>

#include <gtest/gtest.h>

namespace {

TEST(QuotedValue, AShortValueIsQuotedWhole) {
  EXPECT_EQ(fixer::QuotedValue("x"), "'x'");
  EXPECT_EQ(fixer::QuotedValue(""), "''");
  const std::string sixty(60, 'a');
  EXPECT_EQ(fixer::QuotedValue(sixty), "'" + sixty + "'");
  EXPECT_EQ(fixer::CappedValue(sixty), sixty);
}

TEST(QuotedValue, ALongValueIsCutAndSaysSo) {
  const std::string value(1 << 20, 'a');
  EXPECT_EQ(fixer::QuotedValue(value), "'" + std::string(60, 'a') + "'... (60 of 1048576 bytes shown)");
  EXPECT_EQ(fixer::CappedValue(value), std::string(60, 'a') + "... (60 of 1048576 bytes shown)");
  EXPECT_EQ(fixer::ShownPartOf(value), std::string(60, 'a'));
}

// The cut falls before a character that would not fit whole: 2, 3 and 4 bytes across byte 60.
TEST(QuotedValue, TheCutNeverSplitsAUtf8Character) {
  for (const std::string character : {"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80"}) {
    for (size_t before = 56; before < 60; ++before) {
      std::string value(before, 'a');
      while (value.size() <= 100) value += character;
      const std::string_view shown = fixer::ShownPartOf(value);
      EXPECT_LE(shown.size(), 60u);
      EXPECT_GT(shown.size(), 56u);
      EXPECT_EQ((shown.size() - before) % character.size(), 0u) << before << " " << shown.size();
    }
  }
}

// Bytes that are not UTF-8 (shown as \xNN later) are each cut as a character of its own.
TEST(QuotedValue, BytesThatAreNotUtf8AreCutAtTheWidth) {
  const std::string value(100, '\x80');
  EXPECT_EQ(fixer::ShownPartOf(value).size(), 60u);
}

// What shows as nothing is escaped between the quotes: a doubled byte-order mark gave
// "unknown key 'os'" with an invisible U+FEFF inside the quotes.
TEST(QuotedValue, ShowsInvisibleAndControlCharactersEscaped) {
  EXPECT_EQ(fixer::QuotedValue("\xEF\xBB\xBFos"), "'\\uFEFFos'");
  EXPECT_EQ(fixer::QuotedValue("a\xE2\x80\x8B"
                               "b"),
            "'a\\u200Bb'");                                          // a zero-width space
  EXPECT_EQ(fixer::QuotedValue("\xE2\x80\xAEtxt"), "'\\u202Etxt'");  // right-to-left override
  EXPECT_EQ(fixer::QuotedValue("a\tb\x1b"), "'a\\tb\\x1b'");
  EXPECT_EQ(fixer::QuotedValue("caf\xC3\xA9 \xE4\xB8\xAD"), "'caf\xC3\xA9 \xE4\xB8\xAD'");  // visible text kept
}

}  // namespace
