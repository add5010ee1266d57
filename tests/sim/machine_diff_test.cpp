// MachineDiff reads as a change log: entries added and removed whole, fields changed one line
// each, matched by identity, nothing for an unchanged machine, and never a password.
#include <gtest/gtest.h>

#include <algorithm>

#include "fakes/machine_yaml.h"
#include "sim/machine_diff.h"

namespace {

fakes::MachineState Machine() {
  auto loaded = fakes::LoadMachineText(
      "frameworks: [\"1.0\"]\n"
      "accounts:\n"
      "  alice: {password: Wonder1and!}\n"
      "applications:\n"
      "  - path: /LM/W3SVC/1/ROOT/app\n",
      "m.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return *loaded.value;
}

std::string Text(const std::vector<sim::Change>& changes) {
  std::string out;
  for (const auto& c : changes) out += sim::FormatChange(c);
  return out;
}

TEST(MachineDiff, AnUnchangedMachineHasNoChanges) {
  const fakes::MachineState m = Machine();
  EXPECT_TRUE(sim::DiffMachines(m, m).empty());
}

TEST(MachineDiff, AListThatGainsAnEntryShowsItOnceWithItsFieldsIndented) {
  const fakes::MachineState before = Machine();
  fakes::MachineState after = before;
  after.products.hotfixes.push_back({"MS03-032", "KB822925", {{"urlmon.dll", "6.0.2800.1226", true}}});
  const auto changes = sim::DiffMachines(before, after);
  ASSERT_EQ(changes.size(), 1u) << Text(changes);
  EXPECT_EQ(changes[0].kind, sim::Change::Kind::kAdded);
  EXPECT_EQ(Text(changes),
            "+ hotfixes[MS03-032]\n"
            "    kb: KB822925\n"
            "    components[urlmon.dll]: 6.0.2800.1226, fails without profile\n");
}

TEST(MachineDiff, ARemovedEntryIsOneMinusLineAndAChangedFieldOneTildeLine) {
  const fakes::MachineState before = Machine();
  fakes::MachineState after = before;
  after.sam.users.erase_if([](const fakes::UserAccount& u) { return u.name == "alice"; });
  for (auto& s : after.services)
    if (s.name == "W3SVC") s.state = fixer::ServiceState::kStopped;
  const std::string text = Text(sim::DiffMachines(before, after));
  EXPECT_NE(text.find("- accounts[alice]\n    rid: "), std::string::npos) << text;
  EXPECT_NE(text.find("~ services[W3SVC].state: running -> stopped\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("accounts[Administrator]"), std::string::npos) << "only what changed\n" << text;
}

// A recreated account keeps its name under a new SID, and the old SID's rights stay behind:
// the rights granted to the new SID are a change even though both SIDs are named alike.
TEST(MachineDiff, RightsGrantedToARecreatedAccountShowBesideTheOldSidsUnderTheSameName) {
  fakes::MachineState before = Machine();
  auto alice = std::find_if(before.sam.users.begin(), before.sam.users.end(),
                            [](const fakes::UserAccount& u) { return u.name == "alice"; });
  ASSERT_NE(alice, before.sam.users.end());
  before.lsa.rights[before.sam.domain.WithRid(alice->rid)] = {"SeBatchLogonRight"};
  fakes::MachineState after = before;
  for (auto& u : after.sam.users)
    if (u.name == "alice") u.rid = after.sam.next_rid++;
  const fixer::Sid new_sid = after.sam.domain.WithRid(after.sam.next_rid - 1);
  after.lsa.rights[new_sid] = {"SeBatchLogonRight"};
  const std::string text = Text(sim::DiffMachines(before, after));
  // Two SIDs named alike: each shown with its SID.
  EXPECT_NE(text.find("+ rights[alice (" + new_sid.ToString() + ")]: [SeBatchLogonRight]\n"), std::string::npos)
      << text;
}

// After a recreate the old SID's inherited ACE stays and the new SID gets an explicit one: the log
// adds the new SID's ACE, never pairs it with the old SID's as one ACE "becoming" another.
TEST(MachineDiff, AcesOfTwoSidsNamedAlikeAreShownBySidAndNeverPaired) {
  fakes::MachineState before = Machine();
  const fixer::Sid old_sid = before.sam.domain.WithRid(before.sam.users.FindName("alice")->rid);
  const std::string key = before.objects.begin()->first;
  before.objects.Writable(key).dacl.push_back(
      {fixer::AceType::kAllow, old_sid, fixer::kFileGenericRead | fixer::kFileGenericExecute,
       fixer::kObjectInheritAce | fixer::kContainerInheritAce | fixer::kInheritedAce});
  fakes::MachineState after = before;
  for (auto& u : after.sam.users)
    if (u.name == "alice") u.rid = after.sam.next_rid++;
  const fixer::Sid new_sid = after.sam.domain.WithRid(after.sam.next_rid - 1);
  after.objects.Writable(key).dacl.push_back(
      {fixer::AceType::kAllow, new_sid, fixer::kFileAllAccess, fixer::kObjectInheritAce | fixer::kContainerInheritAce});
  const std::string text = Text(sim::DiffMachines(before, after));
  EXPECT_NE(text.find("].acl[allow alice (" + new_sid.ToString() + ")]: (none) -> full [OI, CI]\n"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("-> full [OI, CI]\n", text.find("read_execute")), std::string::npos)
      << "the old SID's ACE paired with the new one's\n"
      << text;
  EXPECT_EQ(text.find("#2"), std::string::npos) << text;
}

// A list too long to show whole (60 bytes a value) names the entries that moved, not two cut
// lists that hide them; a short one shows both lists.
TEST(MachineDiff, ALongListNamesTheEntriesThatMoved) {
  fakes::MachineState before = Machine();
  const fixer::Sid alice = before.sam.domain.WithRid(before.sam.users.FindName("alice")->rid);
  before.lsa.rights[alice] = {"SeBatchLogonRight", "SeDenyInteractiveLogonRight", "SeDenyRemoteInteractiveLogonRight"};
  fakes::MachineState after = before;
  after.lsa.rights[alice].insert("SeInteractiveLogonRight");
  after.lsa.rights[alice].erase("SeBatchLogonRight");
  EXPECT_EQ(Text(sim::DiffMachines(before, after)),
            "~ rights[alice]: + SeInteractiveLogonRight, - SeBatchLogonRight\n");
  fakes::MachineState short_before = Machine();
  short_before.lsa.rights[alice] = {"SeBatchLogonRight"};
  fakes::MachineState short_after = short_before;
  short_after.lsa.rights[alice].insert("SeServiceLogonRight");
  EXPECT_EQ(Text(sim::DiffMachines(short_before, short_after)),
            "~ rights[alice]: [SeBatchLogonRight] -> [SeBatchLogonRight, SeServiceLogonRight]\n");
}

TEST(MachineDiff, AnInsertionDoesNotRenumberTheOtherEntries) {
  const fakes::MachineState before = Machine();
  fakes::MachineState after = before;
  std::vector<fixer::ServiceInfo> services = after.services.items();
  services.insert(services.begin(), fixer::ServiceInfo{.name = "AAA", .display_name = "First"});
  after.services = fakes::NamedList<fixer::ServiceInfo>(std::move(services));
  const auto changes = sim::DiffMachines(before, after);
  ASSERT_EQ(changes.size(), 1u) << Text(changes);
  EXPECT_EQ(changes[0].path, "services[AAA]");
}

TEST(MachineDiff, PasswordMaterialIsComparedButNeverShown) {
  const fakes::MachineState before = Machine();
  fakes::MachineState after = before;
  std::string old_hash, new_hash = "0123456789abcdef0123456789abcdef";
  for (auto& u : after.sam.users)
    if (u.name == "alice") {
      old_hash = u.password_hash;
      u.password_history.insert(u.password_history.begin(), u.password_hash);
      u.password_hash = new_hash;
    }
  ASSERT_FALSE(old_hash.empty());
  after.lsa.secrets["L$TEST"] = "c0ffee";
  fakes::UserAccount bob{.rid = 1099, .name = "bob", .password_hash = "fedcba9876543210fedcba9876543210"};
  after.sam.users.push_back(bob);
  const std::string text = Text(sim::DiffMachines(before, after));
  EXPECT_NE(text.find("~ accounts[alice].password_hash: (secret) -> (secret, changed)"), std::string::npos) << text;
  EXPECT_NE(text.find("+ secrets[L$TEST]: (secret)"), std::string::npos) << text;
  EXPECT_NE(text.find("    password_hash: (secret)"), std::string::npos) << text;
  for (const std::string& secret : {old_hash, new_hash, std::string("c0ffee"), bob.password_hash})
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << " shown in\n" << text;
}

// A registry value may hold a credential whatever its name (aspnet_setreg's, Winlogon's
// DefaultPassword): its name is shown, its data only as (secret), added, removed or changed. This
// change log is what `run -v`, a failing step, the JSON, JUnit and HTML reports and the sweep's
// "not as found" show.
TEST(MachineDiff, RegistryValueDataIsComparedButNeverShown) {
  const fakes::MachineState before = Machine();
  fakes::MachineState after = before;
  fakes::SecurableObject key{.ns = fixer::ObjectNamespace::kRegistry, .path = "HKLM\\SOFTWARE\\Contoso\\SETREG"};
  key.values = {{"userName", "webworker"}, {"Pwd", "W3b-Worker-2003"}};
  const std::string at = fakes::ObjectKey(key.ns, key.path);
  after.objects.Put(at, key);
  const std::string added = Text(sim::DiffMachines(before, after));
  EXPECT_NE(added.find("    values[Pwd]: (secret)\n"), std::string::npos) << added;
  fakes::MachineState changed = after;
  changed.objects.Writable(at).values["Pwd"] = "N3w-Worker-2004";
  const std::string text = added + Text(sim::DiffMachines(after, changed)) + Text(sim::DiffMachines(changed, before));
  EXPECT_NE(text.find(".values[Pwd]: (secret) -> (secret, changed)"), std::string::npos) << text;
  for (const std::string secret : {"webworker", "W3b-Worker-2003", "N3w-Worker-2004"})
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << " shown in\n" << text;
}

TEST(MachineDiff, AnAceNamesItsPrincipal) {
  const fakes::MachineState before = Machine();
  fakes::MachineState after = before;
  auto& obj = after.objects.Writable(after.objects.begin()->first);
  obj.dacl.push_back({fixer::AceType::kAllow, fixer::Sid::NetworkService(), fixer::kFileModify, 0});
  const std::string text = Text(sim::DiffMachines(before, after));
  EXPECT_NE(text.find("].acl[allow NETWORK SERVICE]: (none) -> modify\n"), std::string::npos) << text;
}

// Masks and flags are spelled as machine files spell them (fixer/windows_names.h): read & execute
// is FILE_GENERIC_READ | FILE_GENERIC_EXECUTE (0x1200A9), a registry key has its own names.
TEST(MachineDiff, MasksAndFlagsAreTheMachineFilesWords) {
  EXPECT_EQ(sim::MaskText(fixer::ObjectNamespace::kFile, fixer::kFileGenericRead | fixer::kFileGenericExecute),
            "read_execute");
  EXPECT_EQ(sim::MaskText(fixer::ObjectNamespace::kRegistry, 0x20019), "read");
  EXPECT_EQ(sim::MaskText(fixer::ObjectNamespace::kFile, 0x20019), "0x20019");
  const fakes::MachineState before = Machine();
  fakes::MachineState after = before;
  after.objects.Writable(after.objects.begin()->first)
      .dacl.push_back(
          {fixer::AceType::kAllow, fixer::Sid::NetworkService(), 0x1200A9, fixer::kObjectInheritAce | 0x40});
  const std::string text = Text(sim::DiffMachines(before, after));
  EXPECT_NE(text.find("]: (none) -> read_execute [OI, 0x40]\n"), std::string::npos) << text;
}

}  // namespace

namespace {

// A change's names and values are the machine's text, which a batch file may have filled with
// bytes a terminal obeys: a byte that is not UTF-8, ESC, the C1 control U+009B (CSI), a line end.
TEST(MachineDiff, AChangeShowsTerminalCommandsAndLineEndsEscaped) {
  const std::string odd = "x\xff\x1b[2J\xc2\x9b\ny";
  const std::vector<sim::Change> changes = {
      {.path = "accounts[" + odd + "]", .before = odd, .after = odd, .kind = sim::Change::Kind::kChanged},
      {.path = "groups[" + odd + "]",
       .kind = sim::Change::Kind::kAdded,
       .fields = {{.name = "members", .value = odd}}}};
  for (const sim::Change& c : changes) {
    const std::string shown = sim::FormatChange(c);
    SCOPED_TRACE(shown);
    EXPECT_EQ(shown.find('\x1b'), std::string::npos);
    EXPECT_EQ(shown.find("\xc2\x9b"), std::string::npos);
    EXPECT_EQ(shown.find('\xff'), std::string::npos);
    EXPECT_NE(shown.find("\\xff"), std::string::npos);
    // Each line ends its own entry: the value's line end is shown as \n, not started anew.
    EXPECT_EQ(std::count(shown.begin(), shown.end(), '\n'), c.fields.empty() ? 1 : 2);
  }
}

}  // namespace
