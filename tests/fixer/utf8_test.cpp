// fixer::Utf8SequenceLength: RFC 3629's UTF-8, the one rule both file readers and every report
// writer apply to user text.
#include "fixer/utf8.h"

#include <string_view>

#include <gtest/gtest.h>

namespace {

size_t Length(std::string_view text) { return fixer::Utf8SequenceLength(text, 0); }

TEST(Utf8, EachWellFormedLengthIsMeasured) {
  EXPECT_EQ(Length("a"), 1u);
  EXPECT_EQ(Length("\xc3\xa9"), 2u);          // U+00E9
  EXPECT_EQ(Length("\xe2\x82\xac"), 3u);      // U+20AC
  EXPECT_EQ(Length("\xf0\x9f\x98\x80"), 4u);  // U+1F600
  EXPECT_EQ(Length("\xf4\x8f\xbf\xbf"), 4u);  // U+10FFFF, the last code point
  EXPECT_EQ(fixer::Utf8SequenceLength("caf\xc3\xa9", 3), 2u);
}

TEST(Utf8, WhatRfc3629RefusesIsNoSequence) {
  EXPECT_EQ(Length("\xe9"), 0u);                  // Latin-1
  EXPECT_EQ(Length("\x80"), 0u);                  // a stray continuation byte
  EXPECT_EQ(Length("\xe2\x82"), 0u);              // cut short
  EXPECT_EQ(Length("\xc0\xaf"), 0u);              // overlong '/'
  EXPECT_EQ(Length("\xe0\x80\xaf"), 0u);          // overlong '/'
  EXPECT_EQ(Length("\xf0\x80\x80\xaf"), 0u);      // overlong '/'
  EXPECT_EQ(Length("\xed\xa0\x80"), 0u);          // U+D800, a surrogate
  EXPECT_EQ(Length("\xf4\x90\x80\x80"), 0u);      // past U+10FFFF
  EXPECT_EQ(Length("\xf8\x88\x80\x80\x80"), 0u);  // a five-byte form
}

// What a report shows of a name: UTF-8 as it is, any other byte as the four characters \xNN.
TEST(Utf8, EscapeNonUtf8KeepsUtf8AndShowsOtherBytesAsHex) {
  EXPECT_EQ(fixer::EscapeNonUtf8("caf\xc3\xa9.yaml"), "caf\xc3\xa9.yaml");
  EXPECT_EQ(fixer::EscapeNonUtf8("caf\xe9.yaml"), "caf\\xe9.yaml");
  EXPECT_EQ(fixer::EscapeNonUtf8("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate: three bytes
}

// What a report or a terminal shows of a program's output: tab and line feed as they are, every
// other control character (an ESC that would clear the screen, a lone CR) as \xNN.
TEST(Utf8, EscapeForReaderShowsControlCharactersAsHex) {
  EXPECT_EQ(fixer::EscapeForReader("\x1b[2Jhi\tthere\n"), "\\x1b[2Jhi\tthere\n");
  EXPECT_EQ(fixer::EscapeForReader("a\rb\x01\x7f"), "a\\x0db\\x01\\x7f");
  EXPECT_EQ(fixer::EscapeForReader("caf\xc3\xa9 caf\xe9"), "caf\xc3\xa9 caf\\xe9");
  EXPECT_EQ(fixer::EscapeNonUtf8("\x1b"), "\x1b");  // names keep theirs (a file name has none)
}

}  // namespace
