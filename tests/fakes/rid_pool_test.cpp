// The SAM's RID pool (audit 15 item 5): RIDs below 1000 are the built-in accounts' and groups',
// the next RID is 32 bits and never wraps, so the last RID given is 4294967294; past it creating
// an account is refused (8209), never a RID given twice. The loader refuses a RID or a next_rid
// that would break that at its value, and a machine that used the last RID saves and loads back.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/machine.h"
#include "fakes/machine_yaml.h"
#include "fakes/sam.h"
#include "fixer/secret.h"
#include "fixer/win_error.h"

namespace {

using ::testing::HasSubstr;

fakes::MachineState Loaded(const std::string& text) {
  auto loaded = fakes::LoadMachineText(text, "m.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return loaded.ok() ? *loaded.value : fakes::MachineState{};
}

fixer::Result<fixer::Sid> Create(fakes::Machine& machine, const std::string& name) {
  return fakes::Sam(machine).CreateUser({.name = name}, fixer::Secret::FromString("Tulip#2003pass"));
}

TEST(RidPool, TheLastRidIsGivenOnceAndThenCreatingIsRefusedNeverWrapped) {
  fakes::Machine machine(Loaded("os: windows-xp-professional\nnext_rid: 4294967293\n"));
  ASSERT_TRUE(Create(machine, "carol").ok());
  auto dave = Create(machine, "dave");
  ASSERT_TRUE(dave.ok()) << dave.status();
  EXPECT_EQ(dave->Rid(), 4294967294u) << "the last RID the SAM gives";
  EXPECT_EQ(machine.state().sam.next_rid, 4294967295u) << "none left, not wrapped to 0";
  auto erin = Create(machine, "erin");
  ASSERT_FALSE(erin.ok());
  EXPECT_EQ(erin.status().code(), fixer::kErrorNoMoreRids);
  EXPECT_EQ(fakes::Sam(machine).FindUser("erin"), nullptr);
  EXPECT_EQ(machine.state().sam.next_rid, 4294967295u);
  for (const fakes::UserAccount& u : machine.state().sam.users) EXPECT_NE(u.rid, 0u) << u.name;
}

// What a changing verb saves after creating an account at the top RID loads back, and the
// machine it loads still has no RID to give.
TEST(RidPool, AMachineThatUsedTheLastRidSavesAndLoadsBack) {
  fakes::Machine machine(Loaded("os: windows-xp-professional\nframeworks: ['1.0']\nnext_rid: 4294967294\n"));
  ASSERT_TRUE(Create(machine, "carol").ok());
  for (auto format : {fakes::MachineFileFormat::kYaml, fakes::MachineFileFormat::kJson}) {
    const std::string saved = fakes::MachineToText(machine.state(), format);
    auto again = fakes::LoadMachineText(saved, "saved");
    ASSERT_TRUE(again.ok()) << again.error->ToString();
    EXPECT_EQ(again.value->sam.next_rid, 4294967295u);
    EXPECT_EQ(again.value->sam.users.FindName("carol")->rid, 4294967294u);
    fakes::Machine reloaded(*again.value);
    EXPECT_EQ(Create(reloaded, "dave").status().code(), fixer::kErrorNoMoreRids);
  }
}

TEST(RidPool, AFreshFormWithNoRidLeftLoadsAndRefusesNewAccounts) {
  fakes::Machine machine(Loaded("os: windows-xp-professional\nnext_rid: 4294967295\n"));
  EXPECT_EQ(Create(machine, "carol").status().code(), fixer::kErrorNoMoreRids);
}

struct RidRefusal {
  const char* what;
  const char* text;
  int line;
  int column;
  const char* message;
};

TEST(RidPool, EachRidTheSamCouldNotHaveGivenIsRefusedAtItsValue) {
  const RidRefusal cases[] = {
      {"an account's RID below 1000", "accounts:\n  bob: {password: 'Tulip#2003pass', rid: 999}\n", 2, 42,
       "accounts.bob.rid: RID 999 is reserved: RIDs below 1000 are the built-in accounts' and groups' (MS-SAMR)"},
      {"RID 0", "accounts:\n  bob: {rid: 0}\n", 2, 14, "RID 0 is reserved"},
      {"the top RID", "accounts:\n  bob: {password: 'Tulip#2003pass', rid: 4294967295}\n", 2, 42,
       "RID 4294967295 leaves no next RID: the SAM's next RID is 32 bits and never wraps, so the last RID it gives "
       "is 4294967294"},
      {"the worker at the top RID", "frameworks: ['1.0']\naccounts:\n  ASPNET: {rid: 4294967295}\n", 3, 17,
       "leaves no next RID"},
      {"a group at a reserved RID", "groups:\n  Web: {sid: S-1-5-21-2433363436-3203108257-4170425070-999}\n", 2, 14,
       "RID 999 is reserved"},
      {"a group at the top RID", "groups:\n  Web: {sid: S-1-5-21-2433363436-3203108257-4170425070-4294967295}\n", 2, 14,
       "leaves no next RID"},
      {"a group when none is left",
       "groups:\n  Top: {sid: S-1-5-21-2433363436-3203108257-4170425070-4294967294}\n  Web: {}\n", 3, 3,
       "creating group 'Web': 8209: The directory service has exhausted the pool of relative identifiers."},
      {"a full form's account below 1000", "base: empty\nnext_rid: 1000\naccounts:\n  bob: {rid: 999}\n", 4, 14,
       "RID 999 is reserved"},
      {"a full form's account at the top RID",
       "base: empty\nnext_rid: 4294967295\naccounts:\n  bob: {rid: 4294967295}\n", 4, 14, "leaves no next RID"},
      {"a full form's next_rid below 1000", "base: empty\nnext_rid: 999\n", 2, 11,
       "next_rid 999 is below 1000: RIDs below 1000 are reserved"},
  };
  for (const RidRefusal& c : cases) {
    const auto loaded = fakes::LoadMachineText(c.text, "m.yaml");
    ASSERT_FALSE(loaded.ok()) << c.what << " loaded";
    EXPECT_EQ(loaded.error->line, c.line) << c.what << ": " << loaded.error->ToString();
    EXPECT_EQ(loaded.error->column, c.column) << c.what << ": " << loaded.error->ToString();
    EXPECT_THAT(loaded.error->ToString(), HasSubstr(c.message)) << c.what;
  }
  // The built-in accounts keep their RIDs below 1000 in the full form, under any name.
  const auto admin = fakes::LoadMachineText("base: empty\naccounts:\n  Root: {rid: 500}\n  Guest: {rid: 501}\n", "m");
  EXPECT_TRUE(admin.ok()) << admin.error->ToString();
}

// `clock` is set before anything is installed: the fresh install's own accounts' passwords were
// set then (audit 15 item 6).
TEST(RidPool, TheClockStampsTheFreshInstallsOwnAccounts) {
  const fakes::MachineState s = Loaded(
      "os: windows-xp-professional\nclock: 2005-01-01T00:00:00Z\naccounts:\n  bob: {password: 'Tulip#2003pass'}\n");
  ASSERT_GE(s.sam.users.size(), 5u);
  for (const fakes::UserAccount& u : s.sam.users) EXPECT_EQ(u.password_last_set, 1104537600) << u.name;
}

}  // namespace
