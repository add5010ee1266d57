// Input files in every encoding YAML 1.2 allows (fakes/text_encoding.h): the detection table of
// section 5.2, decoding each form to the same UTF-8, and a code unit that is no character as an
// error at its line and column.
#include "fakes/text_encoding.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace {

using fakes::TextEncoding;

// `utf8` (ASCII and BMP or astral characters) in `encoding`, with a byte order mark or not.
std::string Encode(std::u32string_view text, TextEncoding encoding, bool bom) {
  const bool wide = encoding == TextEncoding::kUtf32Le || encoding == TextEncoding::kUtf32Be;
  const bool big = encoding == TextEncoding::kUtf16Be || encoding == TextEncoding::kUtf32Be;
  std::string out;
  auto unit = [&](uint32_t u) {
    const int n = wide ? 4 : 2;
    for (int k = 0; k < n; ++k) out += static_cast<char>((u >> (8 * (big ? n - 1 - k : k))) & 0xFF);
  };
  if (bom) unit(0xFEFF);
  for (char32_t c : text) {
    if (!wide && c >= 0x10000) {
      unit(0xD800 + ((c - 0x10000) >> 10));
      unit(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      unit(c);
    }
  }
  return out;
}

constexpr TextEncoding kWideEncodings[] = {TextEncoding::kUtf16Le, TextEncoding::kUtf16Be, TextEncoding::kUtf32Le,
                                           TextEncoding::kUtf32Be};

TEST(TextEncoding, EachFormWithOrWithoutAByteOrderMarkIsToldAndDecodedToTheSameUtf8) {
  // "os: xp\r\nname: Zoë €\U0001F600\n": ASCII, two BMP characters and one past U+FFFF.
  const std::u32string text = U"os: xp\r\nname: Zo\u00EB \u20AC\U0001F600\n";
  const std::string utf8 = "os: xp\r\nname: Zo\xC3\xAB \xE2\x82\xAC\xF0\x9F\x98\x80\n";
  for (TextEncoding e : kWideEncodings) {
    for (bool bom : {true, false}) {
      const std::string bytes = Encode(text, e, bom);
      EXPECT_EQ(fakes::DetectTextEncoding(bytes), e) << static_cast<int>(e) << " bom " << bom;
      std::string buffer;
      const auto decoded = fakes::TextAsUtf8(bytes, "m.yaml", buffer);
      ASSERT_TRUE(decoded.ok()) << decoded.error->ToString();
      EXPECT_EQ(*decoded.value, utf8) << static_cast<int>(e) << " bom " << bom;
    }
  }
}

TEST(TextEncoding, AUtf8FileComesBackAsItsOwnBytes) {
  for (std::string_view bytes : {std::string_view("os: xp\n"), std::string_view("\xEF\xBB\xBFos: xp\n"),
                                 std::string_view("Zo\xC3\xAB"), std::string_view("x"), std::string_view("")}) {
    EXPECT_EQ(fakes::DetectTextEncoding(bytes), TextEncoding::kUtf8) << bytes;
    std::string buffer;
    const auto decoded = fakes::TextAsUtf8(bytes, "m.yaml", buffer);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded.value->data(), bytes.data()) << "copied: " << bytes;
    EXPECT_EQ(decoded.value->size(), bytes.size());
  }
}

TEST(TextEncoding, AUnitThatIsNoCharacterIsAnErrorAtItsLineAndColumn) {
  struct Case {
    std::string bytes;
    int line, column;
    std::string message;
  };
  const std::string head = Encode(U"os: xp\nseed: ", TextEncoding::kUtf16Le, true);
  const Case cases[] = {
      {head + std::string("\x00\xD8", 2) + Encode(U"7", TextEncoding::kUtf16Le, false), 2, 7,
       "the file is UTF-16 (little-endian), but the surrogate 0xD800 has no low half after it"},
      {head + std::string("\x00\xDC", 2), 2, 7,
       "the file is UTF-16 (little-endian), but 0xDC00 is half of a surrogate pair, alone"},
      {head + "7", 2, 7, "the file is UTF-16 (little-endian), but it ends inside a character (1 byte(s) left over)"},
      {Encode(U"a\n", TextEncoding::kUtf32Be, false) + std::string("\x00\x11\x00\x00", 4), 2, 1,
       "the file is UTF-32 (big-endian), but 0x110000 is past the last character, U+10FFFF"},
  };
  for (const Case& c : cases) {
    std::string buffer;
    const auto decoded = fakes::TextAsUtf8(c.bytes, "m.yaml", buffer);
    ASSERT_FALSE(decoded.ok()) << c.message;
    EXPECT_EQ(decoded.error->file, "m.yaml");
    EXPECT_EQ(decoded.error->line, c.line) << c.message;
    EXPECT_EQ(decoded.error->column, c.column) << c.message;
    EXPECT_EQ(decoded.error->message, c.message);
  }
}

TEST(TextEncoding, ShortTextsFollowTheTableOfSection52) {
  EXPECT_EQ(fakes::DetectTextEncoding("ab"), TextEncoding::kUtf8);
  EXPECT_EQ(fakes::DetectTextEncoding("\xFF"), TextEncoding::kUtf8);  // one byte: no wide form has room
  EXPECT_EQ(fakes::DetectTextEncoding(std::string_view("\xFE\xFF", 2)), TextEncoding::kUtf16Be);
  EXPECT_EQ(fakes::DetectTextEncoding(std::string_view("\xFF\xFE\x00\x00", 4)), TextEncoding::kUtf32Le);
  EXPECT_EQ(fakes::DetectTextEncoding(std::string_view("\x00\x00\x00\x00", 4)), TextEncoding::kUtf8);
}

}  // namespace
