// Every loader message that names something the file wrote (an account, a group, a database, a
// login, ...) quotes it through fixer::QuotedValue: between quotes, so a name ending in ':' reads
// as a name, and at most 60 bytes of it, so a 5,000-byte name makes no 5,000-byte message.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/machine_yaml.h"

namespace {

using ::testing::HasSubstr;

const std::string kLong(5000, 'b');
const std::string kCut = "'" + std::string(60, 'b') + "'... (60 of 5000 bytes shown)";
constexpr size_t kMostAMessageSays = 400;

struct Named {
  const char* what;
  std::string body;
  std::string said;
};

TEST(MachineYamlLongNames, ANameAMessageQuotesIsQuotedAndCut) {
  const Named cases[] = {
      {"account", "accounts:\n  " + kLong + ": {}\n", "creating account " + kCut + ": 2202"},
      {"group", "groups:\n  " + kLong + ": {}\n", "creating group " + kCut + ": "},
      {"database", "sql:\n  databases: [" + kLong + ", " + kLong + "]\n", "database " + kCut + " is listed twice"},
      {"application framework",
       "frameworks: [1.0]\napplications:\n  - {path: /LM/W3SVC/1/ROOT/shop, framework: " + kLong + "}\n", kCut},
  };
  for (const Named& c : cases) {
    const auto loaded = fakes::LoadMachineText("os: windows-xp-professional\n" + c.body, "m.yaml");
    ASSERT_FALSE(loaded.ok()) << c.what << " loaded";
    EXPECT_THAT(loaded.error->message, HasSubstr(c.said)) << c.what;
    EXPECT_LT(loaded.error->message.size(), kMostAMessageSays) << c.what << ": " << loaded.error->message;
  }
}

// A name ending in ':' is told from the code that follows it.
TEST(MachineYamlLongNames, ANameEndingInAColonReadsAsAName) {
  const auto loaded = fakes::LoadMachineText("os: windows-xp-professional\naccounts:\n  'bob:': {}\n", "m.yaml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.error->message, HasSubstr("creating account 'bob:': 2202"));
}

}  // namespace
