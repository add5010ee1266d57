// A machine file's ACE flags given as hex: only the bits a DACL ACE can carry load.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/machine_yaml.h"

namespace {

using ::testing::HasSubstr;

// A DACL ACE's flags are one byte of its header, OI, CI, NP, IO and I [MS-DTYP 2.4.4.1]; 0x40 and
// 0x80 are a SACL's audit flags. Wider or audit bits given as hex are an error at the value (they
// loaded, and a plan ran on a DACL no Windows machine has: audit 7).
TEST(AceFlagsLoad, BitsNoDaclAceHasAreAnErrorAtTheValue) {
  const std::string head = "objects:\n  - file: 'C:\\Inetpub\\wwwroot\\shop'\n    acl:\n";
  for (const char* flags : {"0x100", "0x40", "0xFF"}) {
    const auto loaded =
        fakes::LoadMachineText(head + "      - {allow: Users, mask: read, flags: " + flags + "}\n", "m.yaml");
    ASSERT_FALSE(loaded.ok()) << flags;
    EXPECT_EQ(loaded.error->line, 4) << flags;
    EXPECT_THAT(loaded.error->message, HasSubstr("name bits no DACL ACE has")) << flags;
  }
  const auto fine = fakes::LoadMachineText(head + "      - {allow: Users, mask: read, flags: 0x1B}\n", "m.yaml");
  EXPECT_TRUE(fine.ok()) << fine.error->ToString();
}

}  // namespace
