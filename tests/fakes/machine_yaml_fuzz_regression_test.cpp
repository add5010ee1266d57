// Regressions found by fuzz/machine_yaml_fuzzer.cpp (scripts/fuzz.sh).
#include <gtest/gtest.h>

#include <string>

#include "fakes/machine_yaml.h"

namespace {

std::string WithPath(const std::string& physical_path) {
  return "frameworks: [1.0]\napplications:\n  - path: /app\n    physical_path: '" + physical_path + "'\n";
}

// A NUL and a stray UTF-8 continuation byte in a path were accepted, and the saved state did
// not load back equal. Text that is not UTF-8 or holds control characters is now rejected at
// its position.
TEST(MachineYamlFuzzRegression, ControlCharactersAndBadUtf8AreRejectedAtTheirPosition) {
  const std::string nul = WithPath(std::string("C:\\Documents and Setting") + std::string(1, '\0') + "s\\app");
  const std::string stray = WithPath("C:\\Inetpub\\\x88wwwroot");
  // RFC 3629 (fixer/utf8.h): an overlong form and a surrogate are no UTF-8 either.
  const std::string overlong = WithPath("C:\\Inetpub\\\xe0\x80\xafwwwroot");
  const std::string surrogate = WithPath("C:\\Inetpub\\\xed\xa0\x80wwwroot");
  for (const std::string& text : {nul, stray, overlong, surrogate}) {
    const auto loaded = fakes::LoadMachineText(text, "m.yaml");
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error->line, 4) << loaded.error->ToString();
    EXPECT_GE(loaded.error->column, 1) << loaded.error->ToString();
    EXPECT_NE(loaded.error->message.find("physical_path"), std::string::npos) << loaded.error->ToString();
  }
  const auto key = fakes::LoadMachineText("accounts:\n  \"bob\\x01\": {password: Pa55word!}\n", "m.yaml");
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error->line, 2) << key.error->ToString();
}

TEST(MachineYamlFuzzRegression, Utf8TextStillRoundTrips) {
  const auto loaded = fakes::LoadMachineText(WithPath("C:\\Dokumente und Einstellungen\\J\xc3\xbcrgen\\app"), "m.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const auto again = fakes::LoadMachineText(fakes::MachineToText(*loaded.value), "saved.yaml");
  ASSERT_TRUE(again.ok()) << again.error->ToString();
  EXPECT_TRUE(*again.value == *loaded.value);
}

}  // namespace
