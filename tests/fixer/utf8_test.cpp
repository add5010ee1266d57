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

// A C1 control is a control character too (U+009B is CSI: a terminal may obey it as ESC [), and a
// noncharacter is no character XML 1.0 (U+FFFE, U+FFFF) or HTML takes: shown as \xNN, each byte.
// Every other character stays as it is, however rare: U+00A0, U+FFFD, CJK, a plane-1 emoji.
// A batch file saved with a BOM: cmd's "'<BOM>REM' is not recognized" showed the BOM as nothing.
TEST(Utf8, EscapeForReaderShowsZeroWidthSpacesAsHex) {
  EXPECT_EQ(fixer::EscapeForReader("'\xef\xbb\xbfREM' is"), "'\\xef\\xbb\\xbfREM' is");  // U+FEFF
  EXPECT_EQ(fixer::EscapeForReader("a\xe2\x80\x8b b\xe2\x81\xa0"),
            "a\\xe2\\x80\\x8b b\\xe2\\x81\\xa0");                       // U+200B U+2060
  EXPECT_EQ(fixer::EscapeForReader("a\xe2\x80\x8d"), "a\xe2\x80\x8d");  // U+200D joins emoji: shown
  EXPECT_EQ(fixer::ShowableLength("\xef\xbb\xbf", 0), 0u);
}

TEST(Utf8, EscapeForReaderShowsC1ControlsAndNoncharactersAsHex) {
  EXPECT_EQ(fixer::EscapeForReader("a\xc2\x9b"
                                   "31mb \xc2\x85 \xc2\x80"),
            "a\\xc2\\x9b31mb \\xc2\\x85 \\xc2\\x80");
  EXPECT_EQ(fixer::EscapeForReader("\xef\xbf\xbe\xef\xbf\xbf"), "\\xef\\xbf\\xbe\\xef\\xbf\\xbf");  // U+FFFE U+FFFF
  EXPECT_EQ(fixer::EscapeForReader("\xef\xb7\x90"), "\\xef\\xb7\\x90");                             // U+FDD0
  EXPECT_EQ(fixer::EscapeForReader("\xf0\x9f\xbf\xbe"), "\\xf0\\x9f\\xbf\\xbe");                    // U+1FFFE
  const std::string kept = "\xc2\xa0 \xc3\xa9 \xef\xbf\xbd \xe4\xb8\xad \xf0\x9f\x98\x80 \xef\xb7\xb0 \xf4\x8f\xbf\xbd";
  EXPECT_EQ(fixer::EscapeForReader(kept), kept);
  EXPECT_EQ(fixer::EscapeNonUtf8("\xc2\x9b"), "\xc2\x9b");  // JSON carries any character
}

// A bidirectional embedding, override or isolate control reorders the text shown after it (Trojan
// Source, CVE-2021-42574): shown as \xNN, each byte, as a control character is; the marks U+200E
// and U+200F, and the characters either side of each range, stay as they are.
TEST(Utf8, EscapeForReaderShowsBidiControlsAsHex) {
  EXPECT_EQ(fixer::EscapeForReader("m\xe2\x80\xaelmy.yaml"), "m\\xe2\\x80\\xaelmy.yaml");  // U+202E RLO
  for (const char* bidi : {"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae",
                           "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9"}) {
    EXPECT_EQ(fixer::ShowableLength(bidi, 0), 0u) << fixer::EscapeNonUtf8(bidi);
    EXPECT_TRUE(fixer::IsBidiControl(fixer::CodePointAt(bidi, 0)));
  }
  const std::string kept = "\xe2\x80\x8e \xe2\x80\x8f \xe2\x80\xa9 \xe2\x80\xaf \xe2\x81\xa5 \xe2\x81\xaa";
  EXPECT_EQ(fixer::EscapeForReader(kept), kept);  // LRM, RLM, U+2029, U+202F, U+2065, U+206A
}

TEST(Utf8, CodePointAtDecodesEachLength) {
  EXPECT_EQ(fixer::CodePointAt("A", 0), U'A');
  EXPECT_EQ(fixer::CodePointAt("\xc3\xa9", 0), U'\u00e9');
  EXPECT_EQ(fixer::CodePointAt("\xef\xbf\xbe", 0), char32_t{0xfffe});
  EXPECT_EQ(fixer::CodePointAt("\xf0\x9f\xbf\xbf", 0), char32_t{0x1ffff});
  EXPECT_TRUE(fixer::IsNoncharacter(0xfffe) && fixer::IsNoncharacter(0x10ffff) && fixer::IsNoncharacter(0xfdef));
  EXPECT_FALSE(fixer::IsNoncharacter(0xfffd) || fixer::IsNoncharacter(0xfdcf) || fixer::IsNoncharacter(0xfdf0));
}

TEST(Utf8, ShowableLengthIsTheSequenceOfACharacterShownAsItself) {
  EXPECT_EQ(fixer::ShowableLength("a", 0), 1u);
  EXPECT_EQ(fixer::ShowableLength("\xe4\xb8\xad", 0), 3u);
  EXPECT_EQ(fixer::ShowableLength("\xf0\x9f\x98\x80", 0), 4u);
  for (const char* refused :
       {"\t", "\n", "\x1b", "\x7f", "\xc2\x80", "\xc2\x9f", "\xef\xbf\xbe", "\xf4\x8f\xbf\xbf", "\xe9"})
    EXPECT_EQ(fixer::ShowableLength(refused, 0), 0u) << refused;
}

}  // namespace
