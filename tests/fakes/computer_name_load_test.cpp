// A machine file's `computer_name` is a NetBIOS computer name, as Windows allows one [KB 909264]:
// 1 to 15 characters, none of \ / : * ? " < > |, not starting with a period. Anything else is a
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
  for (const char* name : {"XPPRO", "SHOPWEB", "WEB-01", "ABCDEFGHIJKLMNO", "A.B"}) {
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
  for (const char* name : {"'bad\\name'", "'a/b'", "'a:b'", "'a*b'", "'a?b'", "'a\"b'", "'a<b'", "'a>b'", "'a|b'"}) {
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

TEST(ComputerNameLoad, ALeadingPeriodIsAnError) {
  const auto loaded = Load("'.XPPRO'");
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.error->message, HasSubstr("may not start with a period"));
}

}  // namespace
