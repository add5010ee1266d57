// A machine file's names are looked up through the indexes that keep its load linear (SAM
// accounts and groups, profiles, SQL logins, services, applications): every name found in any
// case, and every second entry of one name refused at its own place, as a scan found them.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/machine_yaml.h"

namespace {

using ::testing::HasSubstr;

constexpr const char* kHead = "os: windows-xp-professional\ncomputer_name: SHOPWEB\n";

struct Refused {
  const char* what;
  const char* body;  // after kHead (2 lines)
  int line;
  const char* message;
};

TEST(MachineYamlLookups, ASecondEntryOfOneNameInAnyCaseIsRefusedAtItsPlace) {
  const Refused cases[] = {
      {"application",
       "frameworks: [1.0]\napplications:\n  - path: /LM/W3SVC/1/ROOT/shop\n  - path: /lm/w3svc/1/root/SHOP\n", 6,
       "application '/lm/w3svc/1/root/SHOP' is listed twice"},
      {"database", "sql:\n  databases: [shop, SHOP]\n", 4, "database 'SHOP' is listed twice"},
      {"login",
       "accounts:\n  bob: {password: Pw1xyz!}\nsql:\n  databases: [shop]\n  logins:\n"
       "    - {name: 'SHOPWEB\\bob'}\n    - {name: 'shopweb\\BOB'}\n",
       9, "login 'shopweb\\BOB' is listed twice"},
      {"database user",
       "accounts:\n  bob: {password: Pw1xyz!}\nsql:\n  databases: [shop]\n  logins:\n    - {name: 'SHOPWEB\\bob'}\n"
       "  users:\n    - {database: shop, name: bob, login: 'SHOPWEB\\bob'}\n"
       "    - {database: SHOP, name: BOB, login: 'SHOPWEB\\bob'}\n",
       11, "user 'BOB' of 'SHOP' is listed twice"},
      {"profile", "accounts:\n  bob: {password: Pw1xyz!}\nprofiles:\n  bob: present\n  BOB: present\n", 7,
       "a profile of 'BOB' is already listed (same SID)"},
      {"rights", "accounts:\n  bob: {password: Pw1xyz!}\nrights:\n  bob: [SeBatchLogonRight]\n  'SHOPWEB\\BOB': []\n",
       7, "rights of 'SHOPWEB\\BOB' are already listed (same SID)"},
      {"missing dependency", "services:\n  Shop: {dependencies: [W3SVC, NoSuchService]}\n", 4,
       "depends on 'NoSuchService', which is not installed"},
  };
  for (const Refused& c : cases) {
    const auto loaded = fakes::LoadMachineText(std::string(kHead) + c.body, "m.yaml");
    ASSERT_FALSE(loaded.ok()) << c.what << " loaded";
    EXPECT_EQ(loaded.error->line, c.line) << c.what << ": " << loaded.error->ToString();
    EXPECT_THAT(loaded.error->message, HasSubstr(c.message)) << c.what;
  }
}

// Many entries of each kind, each named in another case than written: all found.
TEST(MachineYamlLookups, EveryOneOfManyNamesIsFoundInAnyCase) {
  constexpr int kCount = 600;
  std::string text = kHead;
  text += "accounts:\n";
  for (int i = 0; i < kCount; ++i)
    text += "  User" + std::to_string(i) + ": {password: Pw" + std::to_string(i) + "xyz!}\n";
  text += "groups:\n";
  for (int i = 0; i < kCount; ++i)
    text += "  Team" + std::to_string(i) + ": {members: [USER" + std::to_string(i) + "]}\n";
  text += "profiles:\n";
  for (int i = 0; i < kCount; ++i) text += "  user" + std::to_string(i) + ": present\n";
  text += "rights:\n";
  for (int i = 0; i < kCount; ++i) text += "  TEAM" + std::to_string(i) + ": [SeBatchLogonRight]\n";
  text += "sql:\n  databases: [shop]\n  logins:\n";
  for (int i = 0; i < kCount; ++i) text += "    - {name: 'shopweb\\user" + std::to_string(i) + "'}\n";
  text += "  users:\n";
  for (int i = 0; i < kCount; ++i) {
    text +=
        "    - {database: SHOP, name: u" + std::to_string(i) + ", login: 'SHOPWEB\\USER" + std::to_string(i) + "'}\n";
  }
  text += "services:\n";
  for (int i = 0; i < kCount; ++i) {
    text += "  Svc" + std::to_string(i) + ": {dependencies: [" +
            (i == 0 ? std::string("w3svc") : "SVC" + std::to_string(i - 1)) + "]}\n";
  }
  const auto loaded = fakes::LoadMachineText(text, "m.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const fakes::MachineState& s = *loaded.value;
  for (int i = 0; i < kCount; ++i) {
    const std::string n = std::to_string(i);
    const fakes::UserAccount* user = s.sam.users.FindName("user" + n);
    ASSERT_NE(user, nullptr) << n;
    const fixer::Sid sid = s.sam.domain.WithRid(user->rid);
    const fakes::LocalGroup* team = s.sam.groups.FindName("TEAM" + n);
    ASSERT_NE(team, nullptr) << n;
    EXPECT_EQ(team->members, std::vector<fixer::Sid>{sid}) << n;
    ASSERT_NE(s.profiles.FindKey(sid), nullptr) << n;
    EXPECT_EQ(s.profiles.FindKey(sid)->path, "C:\\Documents and Settings\\User" + n);
    ASSERT_NE(s.sql.logins.FindName("SHOPWEB\\user" + n), nullptr) << n;
    EXPECT_EQ(s.sql.logins.FindName("SHOPWEB\\user" + n)->sid, sid);
    EXPECT_EQ(s.sql.users[static_cast<size_t>(i)].login_sid, sid);
  }
  EXPECT_EQ(s.profiles.FindName("C:\\documents and settings\\USER7")->sid,
            s.sam.domain.WithRid(s.sam.users.FindName("user7")->rid));
}

}  // namespace
