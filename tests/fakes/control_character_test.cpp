// A control character is named by its code point wherever it is (machine-format.md, "Text
// values"): in a value, at the key or value holding it; where the file's structure breaks at one
// (a NUL of a UTF-16 file read as bytes) or the file is one scalar holding one (an executable,
// "\x7fELF"), at that character, not as a structure error around it (audit 8 item 12).
#include <string>

#include <gtest/gtest.h>

#include "fakes/load_result.h"
#include "fakes/machine_yaml.h"

namespace {

fakes::LoadError ControlError(const std::string& text) {
  auto loaded = fakes::LoadMachineText(text, "m.yaml");
  EXPECT_FALSE(loaded.ok()) << text;
  return loaded.error.value_or(fakes::LoadError{});
}

}  // namespace

TEST(ControlCharacters, C0AndDelAreNamedByTheirCodePoint) {
  EXPECT_EQ(fakes::TextProblem(std::string(1, '\0')), "control character U+0000 in text");
  EXPECT_EQ(fakes::TextProblem("a\x1b"), "control character U+001B in text");
  EXPECT_EQ(fakes::TextProblem("\x7f"), "control character U+007F in text");
  const fakes::LoadError del = ControlError(
      "os: windows-xp-professional\ncomputer_name: \x7f"
      "abc\n");
  EXPECT_EQ(del.line, 2);
  EXPECT_EQ(del.column, 16);
  EXPECT_EQ(del.message, "computer_name: control character U+007F in text");
}

TEST(ControlCharacters, ANulWhereTheStructureBreaksIsSaidAtItsPlace) {
  const fakes::LoadError nul = ControlError(std::string("os: windows-xp-professional\nseed: 3\n\0\n", 38));
  EXPECT_EQ(nul.line, 3);
  EXPECT_EQ(nul.column, 1);
  EXPECT_EQ(nul.message, "invalid YAML: control character U+0000 in text");
}

TEST(ControlCharacters, AFileThatIsOneScalarHoldingOneIsSaidAtIt) {
  const fakes::LoadError elf =
      ControlError(std::string("\x7f"
                               "ELF\x02\x01\x01\0\0\0",
                               10));
  EXPECT_EQ(elf.line, 1);
  EXPECT_EQ(elf.column, 1);
  EXPECT_EQ(elf.message, "invalid YAML: control character U+007F in text");
}
