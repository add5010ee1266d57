// A machine file's `computer_name` is a NetBIOS computer name, as Windows allows one [KB 909264]:
// 1 to 15 characters (UTF-16 code units), none of \ / : * ? " < > |, not starting with a period. Anything else is a
// load error at the value (exit 2 from the tools). It was taken as written: `bad\name` made
// `bad\name\ASPNET` account names and the profile folder `ASPNET.bad\name`, a folder inside
// another; a 21-character name, which Windows cannot have, gave `ASPNET.AVERYVERYLONGNAMEXX`.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/machine_yaml.h"

namespace {

using ::testing::HasSubstr;

fakes::Loaded<fakes::MachineState> Load(const std::string& name_value, bool saved_form = false) {
  const std::string text = std::string(saved_form ? "base: empty\n" : "") + "computer_name: " + name_value +
                           "\nframeworks: [" + (saved_form ? "" : "1.0") + "]\n";
  return fakes::LoadMachineText(text, "m.yaml");
}

TEST(ComputerNameLoad, NamesWindowsAllowsLoad) {
  for (const char* name : {"XPPRO", "SHOPWEB", "WEB-01", "ABCDEFGHIJKLMNO", "A.B", "A!B_{1}~'", "A@#$%^&()"}) {
    const auto loaded = Load(name);
    ASSERT_TRUE(loaded.ok()) << name << ": " << loaded.error->ToString();
    EXPECT_EQ(loaded.value->products.os.computer_name, name);
  }
}

// NetBIOS names are uppercase ("Computer Names"): a name written in lowercase is that machine's,
// so its accounts are XPPRO\ASPNET and a taken profile folder gives way to ASPNET.XPPRO.
TEST(ComputerNameLoad, ANameInLowercaseIsTheUppercaseNetBiosName) {
  for (bool saved : {false, true}) {
    const auto loaded = Load("xpPro-1.b", saved);
    ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
    EXPECT_EQ(loaded.value->products.os.computer_name, "XPPRO-1.B");
  }
}

TEST(ComputerNameLoad, AReservedCharacterIsAnErrorAtTheValue) {
  // KB 909264's, MS-SRVS's ([ ] + = ; ,) and SetComputerName's (no blank: 87) refusals.
  for (const char* name : {"'bad\\name'", "'a/b'", "'a:b'", "'a*b'", "'a?b'", "'a\"b'", "'a<b'", "'a>b'", "'a|b'",
                           "'A+B'", "'A=B'", "'A;B'", "'A,B'", "'[X]'", "' X'", "'X '", "'X Y'"}) {
    for (bool saved : {false, true}) {
      const auto loaded = Load(name, saved);
      ASSERT_FALSE(loaded.ok()) << name;
      EXPECT_EQ(loaded.error->line, saved ? 2 : 1) << name;
      EXPECT_EQ(loaded.error->column, 16) << name;
      EXPECT_THAT(loaded.error->message, HasSubstr("is no NetBIOS computer name")) << name;
    }
  }
}

TEST(ComputerNameLoad, MoreThanFifteenCharactersIsAnError) {
  const auto loaded = Load("AVERYVERYLONGNAME");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error->column, 16);
  EXPECT_THAT(loaded.error->message,
              HasSubstr("a NetBIOS computer name has 1 to 15 characters, got 'AVERYVERYLONGNAME'"));
}

// Windows counts a name's characters as UTF-16 code units, not UTF-8 bytes: 8 of U+00E9 (16
// bytes) is a name of 8; 15 of U+20AC (45 bytes) of 15; 16 of them is one too many, said in units.
TEST(ComputerNameLoad, CharactersAreCountedNotBytes) {
  std::string eight, fifteen;
  for (int i = 0; i < 8; ++i) eight += "\xc3\xa9";
  for (int i = 0; i < 15; ++i) fifteen += "\xe2\x82\xac";
  for (const std::string& name : {eight, fifteen}) {
    const auto loaded = Load(name);
    EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  }
  const auto sixteen = Load(fifteen + "\xe2\x82\xac");
  ASSERT_FALSE(sixteen.ok());
  EXPECT_THAT(sixteen.error->message, HasSubstr("'" + fifteen + "\xe2\x82\xac' (16)"));
}

// A value too long to quote whole says its size once, in the cut (`60 of N bytes shown`).
TEST(ComputerNameLoad, ALongNameSaysItsSizeOnce) {
  const auto loaded = Load(std::string(100'000, 'N'));
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.error->message, HasSubstr("(60 of 100000 bytes shown)"));
  EXPECT_THAT(loaded.error->message, ::testing::Not(HasSubstr("(100000)")));
}

TEST(ComputerNameLoad, ALeadingPeriodIsAnError) {
  const auto loaded = Load("'.XPPRO'");
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.error->message, HasSubstr("may not start with a period"));
}

}  // namespace
