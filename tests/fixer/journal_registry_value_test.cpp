// create-profile records every value of the stale ProfileList entry it removes as
// "name|type|hex" (EncodeRegistryValue), so its undo writes each back with its type and bytes:
// names holding the journal's separators, empty data and every byte value survive the round trip,
// and a record edited into something else is 87, never a value quietly changed.
#include <string>

#include <gtest/gtest.h>

#include "fixer/journal_codec.h"
#include "fixer/win_error.h"

namespace {

TEST(JournalRegistryValue, EveryNameTypeAndByteSurvivesTheRoundTrip) {
  std::string all_bytes;
  for (int b = 0; b < 256; ++b) all_bytes.push_back(static_cast<char>(b));
  const fixer::RegistryValue values[] = {
      {"ProfileImagePath", fixer::kRegExpandSz, std::string("C\0:\0\0\0", 6)},
      {"Flags", fixer::kRegDword, std::string(4, '\0')},
      {"odd|name,with;separators%", 7, all_bytes},
      {"", fixer::kRegBinary, ""},
  };
  for (const fixer::RegistryValue& v : values) {
    const std::string encoded = fixer::EncodeRegistryValue(v);
    auto back = fixer::DecodeRegistryValue(encoded);
    ASSERT_TRUE(back.ok()) << encoded << ": " << back.status();
    EXPECT_EQ(*back, v) << encoded;
    // As create-profile keeps them: a list of encoded values.
    auto listed = fixer::SplitList(fixer::JoinList({encoded, encoded}));
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[1], encoded);
  }
  EXPECT_EQ(fixer::EncodeRegistryValue({"Flags", fixer::kRegDword, std::string("\x01\x00\xab\xff", 4)}),
            "Flags|4|0100abff");
}

TEST(JournalRegistryValue, AnEditedRecordIsInvalidParameter) {
  for (const char* edited : {"Flags|4", "Flags|4|0", "Flags|4|0g", "Flags|x|00", "Flags||00", "Flags|4|00|00",
                             "Flags|-1|00", "Flags|4|0A"}) {
    EXPECT_EQ(fixer::DecodeRegistryValue(edited).status().code(), fixer::kErrorInvalidParameter) << edited;
  }
}

}  // namespace
