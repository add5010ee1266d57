// Loading scenario files and machine state files: malformed input is rejected at the exact
// FILE:LINE:COL with a message that names the problem; a few-line state file gets the defaults
// of a fresh install; save -> load gives back an equal machine; and every example in
// docs/machine-format.md and docs/scenario-format.md loads.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "fakes/fresh_install.h"
#include "fakes/machine_yaml.h"
#include "fakes/password_rules.h"
#include "fakes/sam.h"
#include "fixer/ports/aspnet.h"
#include "fixer/ports/journal.h"
#include "sim/runner.h"
#include "sim/scenario.h"
#include "sim/vocabulary.h"
#include "support/temp_folder.h"
#include "support/valid_scenario_head.h"

namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// The error of a machine file that must not load.
fakes::LoadError MachineError(const std::string& text) {
  auto loaded = fakes::LoadMachineText(text, "m.yaml");
  EXPECT_FALSE(loaded.ok()) << "expected a load error for:\n" << text;
  if (!loaded.error) return {};
  EXPECT_FALSE(loaded.value.has_value());
  return *loaded.error;
}

fakes::MachineState LoadMachine(const std::string& text) {
  auto loaded = fakes::LoadMachineText(text, "m.yaml");
  EXPECT_TRUE(loaded.ok()) << (loaded.error ? loaded.error->ToString() : "");
  return loaded.value.value_or(fakes::MachineState{});
}

fakes::LoadError ScenarioError(const std::string& text) {
  auto loaded = sim::LoadScenarioText(text, "s.yaml");
  EXPECT_FALSE(loaded.ok()) << "expected a load error for:\n" << text;
  if (!loaded.error) return {};
  return *loaded.error;
}

sim::Scenario LoadScenario(const std::string& text) {
  auto loaded = sim::LoadScenarioText(text, "s.yaml");
  EXPECT_TRUE(loaded.ok()) << (loaded.error ? loaded.error->ToString() : "");
  return loaded.value.value_or(sim::Scenario{});
}

using test_support::kValidScenarioHead;

// ---- machine state files: rejected at FILE:LINE:COL ---------------------------------------

TEST(MachineFileErrors, UnknownTopLevelKeyAtTheKey) {
  auto e = MachineError("os: windows-xp-professional\nframeworks: [1.0]\ncolour: blue\n");
  EXPECT_EQ(e.file, "m.yaml");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 1);
  EXPECT_THAT(e.message, StartsWith("unknown key 'colour'; expected one of: base, seed,"));
  EXPECT_THAT(e.ToString(), StartsWith("m.yaml:3:1: unknown key 'colour'"));
}

// A scenario given where a machine file goes is named as such; a scenario key indented under the
// scenario's `machine:` is an indentation slip, said at that key.
TEST(MachineFileErrors, AScenarioOrAScenarioKeyUnderMachineIsNamed) {
  auto file = MachineError("summary: s\nmachine:\n  frameworks: [1.0]\nsteps: []\n");
  EXPECT_EQ(file.line, 1);
  EXPECT_EQ(file.column, 1);
  EXPECT_EQ(
      file.message,
      "'summary' is a scenario's key: this is a scenario file, not a machine state file (`fixup-sim run` runs it; "
      "the machine is its 'machine:' section)");
  auto slip = ScenarioError("summary: s\nmachine:\n  frameworks: [1.0]\n  steps: []\n");
  EXPECT_EQ(slip.line, 4);
  EXPECT_EQ(slip.column, 3);
  EXPECT_EQ(slip.message,
            "'steps' is a scenario's key, not a machine's: it belongs at the top of the scenario, not under "
            "'machine:' (check its indentation)");
}

TEST(MachineFileErrors, UnknownNestedKeyNamesItsPath) {
  auto e = MachineError("policy:\n  password:\n    min_lenght: 8\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 5);
  EXPECT_THAT(e.message, StartsWith("policy.password: unknown key 'min_lenght'"));
}

TEST(MachineFileErrors, WrongTypeAtTheValue) {
  auto e = MachineError("os: windows-xp-professional\nseed: -3\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 7);
  EXPECT_EQ(e.message, "seed: expected an integer from 0 to 18446744073709551615, got '-3'");

  auto list = MachineError("os: [a, b]\n");
  EXPECT_EQ(list.line, 1);
  EXPECT_EQ(list.column, 5);
  EXPECT_EQ(list.message, "os: expected a string, got a list");

  auto flag = MachineError("web_server:\n  kind: iis-5.1\n  iis5_isolation_mode: maybe\n");
  EXPECT_EQ(flag.line, 3);
  EXPECT_EQ(flag.column, 24);
  EXPECT_THAT(flag.message, HasSubstr("expected true or false, got 'maybe'"));
}

TEST(MachineFileErrors, OutOfRangeInteger) {
  auto e = MachineError("policy:\n  password: {min_length: 15}\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 26);
  EXPECT_EQ(e.message, "policy.password.min_length: expected an integer from 0 to 14, got '15'");
}

TEST(MachineFileErrors, BadEnumValueListsTheChoices) {
  auto os = MachineError("os: windows-xp-pro\n");
  EXPECT_EQ(os.line, 1);
  EXPECT_EQ(os.column, 5);
  EXPECT_THAT(os.message, StartsWith("os: unknown os 'windows-xp-pro'; expected one of: "
                                     "windows-2000-professional,"));

  auto state = MachineError("services:\n  W3SVC: {state: runing}\n");
  EXPECT_EQ(state.line, 2);
  EXPECT_EQ(state.column, 18);
  EXPECT_EQ(state.message,
            "services.W3SVC.state: unknown service state 'runing'; expected one of: stopped, "
            "start-pending, stop-pending, running, paused");

  auto flag = MachineError("accounts:\n  bob:\n    flags: [disabld]\n");
  EXPECT_EQ(flag.line, 3);
  EXPECT_EQ(flag.column, 13);
  EXPECT_THAT(flag.message, StartsWith("accounts.bob.flags[1]: unknown account flag 'disabld'"));

  auto mask = MachineError("objects:\n  - file: 'C:\\Inetpub'\n    acl:\n      - {allow: Users, mask: reed}\n");
  EXPECT_EQ(mask.line, 4);
  EXPECT_EQ(mask.column, 30);
  EXPECT_THAT(mask.message, HasSubstr("unknown access mask 'reed'"));
}

TEST(MachineFileErrors, DuplicateAccountNameIsCaseInsensitive) {
  auto e = MachineError("accounts:\n  alice: {password: x}\n  ALICE: {password: y}\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 3);
  EXPECT_EQ(e.message,
            "accounts: duplicate account 'ALICE' (already defined at line 2; names are "
            "case-insensitive)");
}

TEST(MachineFileErrors, DuplicateGroupServiceAndObject) {
  auto g = MachineError("groups:\n  WebAdmins: {}\n  webadmins: {}\n");
  EXPECT_EQ(g.line, 3);
  EXPECT_EQ(g.column, 3);
  EXPECT_THAT(g.message, HasSubstr("duplicate group 'webadmins'"));

  auto s = MachineError("services:\n  w3svc: {state: stopped}\n  W3SVC: {state: running}\n");
  EXPECT_EQ(s.line, 3);
  EXPECT_THAT(s.message, HasSubstr("duplicate service 'W3SVC'"));

  auto o = MachineError("objects:\n  - file: 'C:\\Shop'\n  - file: 'c:\\shop'\n");
  EXPECT_EQ(o.line, 3);
  EXPECT_EQ(o.column, 11);
  EXPECT_THAT(o.message, HasSubstr("duplicate object 'c:\\shop' (already listed at line 2"));
}

TEST(MachineFileErrors, DuplicateYamlKey) {
  auto e = MachineError("seed: 1\nseed: 2\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 1);
  EXPECT_EQ(e.message, "duplicate key 'seed' (first at line 1)");
}

TEST(MachineFileErrors, UnknownSidOfThisMachine) {
  // Seed 1's machine domain; RIDs 1000 to 1002 exist on XP (HelpServicesGroup is 1001), 1003 is the next free one.
  const std::string domain = fakes::MachineSidFromSeed(1).ToString();
  auto e = MachineError("rights:\n  " + domain + "-1099: [SeBatchLogonRight]\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 3);
  EXPECT_EQ(e.message, "rights: unknown SID '" + domain +
                           "-1099': no account or group of this machine ever had RID 1099 (RIDs so far: "
                           "below 1003)");

  auto ace =
      MachineError("objects:\n  - file: 'C:\\Shop'\n    acl:\n      - {allow: " + domain + "-1003, mask: read}\n");
  EXPECT_EQ(ace.line, 4);
  EXPECT_EQ(ace.column, 17);
  EXPECT_THAT(ace.message, HasSubstr("unknown SID"));
}

TEST(MachineFileErrors, OrphanedAndForeignSidsAreAccepted) {
  // A deleted account's SID (an allocated RID with no account) and another domain's SID.
  const std::string domain = fakes::MachineSidFromSeed(1).ToString();
  auto state = LoadMachine(
      "frameworks: [1.0]\n"
      "accounts:\n  ASPNET: {absent: true}\n"
      "rights:\n  " +
      domain +
      "-1003: [SeBatchLogonRight]\n"
      "  S-1-5-21-9-9-9-1099: [SeServiceLogonRight]\n");
  EXPECT_TRUE(state.lsa.rights.count(*fixer::Sid::Parse(domain + "-1003")));
  EXPECT_TRUE(state.lsa.rights.count(*fixer::Sid::Parse("S-1-5-21-9-9-9-1099")));
}

TEST(MachineFileErrors, UnresolvedPrincipalAndMalformedSid) {
  auto name = MachineError("objects:\n  - file: 'C:\\Inetpub'\n    acl:\n      - {allow: NoSuchUser, mask: read}\n");
  EXPECT_EQ(name.line, 4);
  EXPECT_EQ(name.column, 17);
  EXPECT_THAT(name.message, StartsWith("objects[1].acl[1].allow: principal 'NoSuchUser' does not "
                                       "resolve"));

  auto sid = MachineError("objects:\n  - file: 'C:\\Inetpub'\n    acl:\n      - {allow: S-1-5-xx, mask: read}\n");
  EXPECT_EQ(sid.line, 4);
  EXPECT_EQ(sid.column, 17);
  EXPECT_THAT(sid.message, HasSubstr("malformed SID 'S-1-5-xx'"));
}

TEST(MachineFileErrors, MissingRequiredKeyAtTheMap) {
  auto e = MachineError("sql:\n  logins:\n    - {sid: S-1-5-18}\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 7);
  EXPECT_EQ(e.message, "sql.logins[1]: missing key 'name'");
}

TEST(MachineFileErrors, KeyOfTheOtherForm) {
  auto history = MachineError("accounts:\n  bob:\n    password_history: []\n");
  EXPECT_EQ(history.line, 3);
  EXPECT_EQ(history.column, 5);
  EXPECT_THAT(history.message, HasSubstr("'password_history' is only accepted with base: empty"));

  auto absent = MachineError("base: empty\naccounts:\n  bob: {rid: 1005, absent: true}\n");
  EXPECT_EQ(absent.line, 3);
  EXPECT_THAT(absent.message, HasSubstr("'absent' is not accepted with base: empty"));
}

TEST(MachineFileErrors, WindowsRuleRefusedAtTheEntry) {
  auto e = MachineError("accounts:\n  Guest: {absent: true}\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 3);
  EXPECT_THAT(e.message, HasSubstr("1371"));
}

TEST(MachineFileErrors, YamlSyntaxErrorHasAPosition) {
  auto e = MachineError("os: windows-xp-professional\n  bad: indent\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 6);
  EXPECT_THAT(e.message, StartsWith("invalid YAML:"));
}

TEST(MachineFileErrors, UnreadableFileHasNoPosition) {
  auto loaded = fakes::LoadMachineFile("/nonexistent/machine.yaml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error->line, 0);
  EXPECT_THAT(loaded.error->ToString(), StartsWith("/nonexistent/machine.yaml: cannot read machine state file:"));
}

// ---- machine state files: a few lines take fresh-install defaults -------------------------

TEST(MachineFileDefaults, EmptyFileIsAFreshXpProfessional) {
  EXPECT_EQ(LoadMachine(""), fakes::FreshInstall(fakes::InstallOptions{}));
  EXPECT_EQ(LoadMachine("os: windows-xp-professional\n"), fakes::FreshInstall(fakes::InstallOptions{}));
}

TEST(MachineFileDefaults, OsAndSeedSelectTheFreshInstall) {
  EXPECT_EQ(LoadMachine("os: windows-2000-server\nseed: 9\n"),
            fakes::FreshInstall({.os = fixer::OsEdition::kWindows2000Server, .seed = 9}));
  EXPECT_EQ(LoadMachine("os: windows-server-2003\n"),
            fakes::FreshInstall({.os = fixer::OsEdition::kWindowsServer2003}));
}

TEST(MachineFileDefaults, AFewLinesGiveTheWholeMachine) {
  const fakes::MachineState s = LoadMachine(
      "os: windows-xp-professional\n"
      "frameworks: [1.0]\n"
      "hotfixes: [MS03-032]\n"
      "applications:\n"
      "  - path: /LM/W3SVC/1/ROOT/shop\n");
  fakes::Machine m(s);
  fakes::Sam sam(m);
  // Fresh-install defaults that the file did not mention.
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.clock, 1061510400);  // 2003-08-22
  EXPECT_EQ(s.products.os.computer_name, "XPPRO");
  EXPECT_EQ(s.products.os.service_pack, 1);
  EXPECT_EQ(s.products.web.kind, fixer::WebServerKind::kIis51);
  EXPECT_EQ(s.sam.domain, fakes::MachineSidFromSeed(1));
  ASSERT_NE(sam.FindUser("Administrator"), nullptr);
  EXPECT_EQ(sam.FindUser("Administrator")->rid, 500u);
  ASSERT_NE(sam.FindUser("Guest"), nullptr);
  EXPECT_TRUE(sam.FindUser("Guest")->flags.disabled);
  EXPECT_EQ(s.lsa.password_policy.max_age_days, 42u);
  EXPECT_FALSE(s.lsa.password_policy.complexity);
  EXPECT_EQ(s.lsa.lockout.threshold, 0u);
  EXPECT_FALSE(s.session.interactive_user.has_value());
  EXPECT_EQ(s.session.caller, "Administrator");
  // What the three sections installed, the Windows way.
  ASSERT_NE(sam.FindUser("ASPNET"), nullptr);
  EXPECT_EQ(sam.FindUser("ASPNET")->rid, 1003u);  // after HelpAssistant, HelpServicesGroup, SUPPORT_388945a0
  EXPECT_EQ(s.sam.next_rid, 1004u);
  ASSERT_EQ(s.products.frameworks.size(), 1u);
  EXPECT_EQ(s.products.frameworks[0].version, "1.0.3705");
  EXPECT_EQ(s.products.frameworks[0].process_model.user_name, "machine");
  ASSERT_EQ(s.products.hotfixes.size(), 1u);
  EXPECT_EQ(s.products.hotfixes[0].kb, "KB822925");
  ASSERT_EQ(s.products.applications.size(), 1u);
  EXPECT_EQ(s.products.applications[0].physical_path, "C:\\Inetpub\\wwwroot\\shop");
  EXPECT_EQ(s.products.applications[0].framework_version, "1.0.3705");
  auto svc = [&](const std::string& name) -> const fixer::ServiceInfo* {
    for (const auto& x : s.services)
      if (x.name == name) return &x;
    return nullptr;
  };
  ASSERT_NE(svc("W3SVC"), nullptr);
  EXPECT_EQ(svc("W3SVC")->state, fixer::ServiceState::kRunning);
  ASSERT_NE(svc("aspnet_state"), nullptr);
  EXPECT_EQ(svc("aspnet_state")->state, fixer::ServiceState::kStopped);
  // No profile for ASPNET: that is the MS03-032 precondition.
  const fixer::Sid aspnet = sam.SidOf(*sam.FindUser("ASPNET"));
  for (const auto& p : s.profiles) EXPECT_NE(p.sid, aspnet);
}

TEST(MachineFileDefaults, PolicyAppliesAfterAccounts) {
  // A password in a state file is a fact set before the file's policy.
  const fakes::MachineState s = LoadMachine(
      "accounts:\n  bob: {password: short}\n"
      "policy:\n  password: {min_length: 12, complexity: true}\n");
  fakes::Machine m(s);
  ASSERT_NE(fakes::Sam(m).FindUser("bob"), nullptr);
  EXPECT_EQ(fakes::Sam(m).FindUser("bob")->password_hash, fakes::NtHash("short"));
  EXPECT_EQ(s.lsa.password_policy.min_length, 12u);
  // From now on the file's policy holds: setting that password again is refused (2245).
  EXPECT_EQ(fakes::Sam(m).CheckPassword("bob", fixer::Secret::FromString("short")).code(), 2245u);
}

// ---- save -> load round trips ------------------------------------------------------------

void ExpectRoundTrip(const fakes::MachineState& state) {
  const std::string text = fakes::MachineToText(state);
  auto back = fakes::LoadMachineText(text, "saved.yaml");
  ASSERT_TRUE(back.ok()) << back.error->ToString() << "\n" << text;
  EXPECT_TRUE(*back.value == state) << text;
  // And the saved text is a fixed point.
  EXPECT_EQ(fakes::MachineToText(*back.value), text);
}

TEST(MachineRoundTrip, FreshInstallOfEveryEdition) {
  for (auto os : {fixer::OsEdition::kWindows2000Professional, fixer::OsEdition::kWindows2000Server,
                  fixer::OsEdition::kWindowsXpHome, fixer::OsEdition::kWindowsXpProfessional,
                  fixer::OsEdition::kWindowsServer2003, fixer::OsEdition::kWindowsXpProfessionalX64}) {
    SCOPED_TRACE(std::string(fixer::ToString(os)));
    ExpectRoundTrip(fakes::FreshInstall({.os = os, .seed = 3}));
  }
}

TEST(MachineRoundTrip, EverySectionWithOrphansAndOddValues) {
  const std::string domain = fakes::MachineSidFromSeed(5).ToString();
  fakes::MachineState s = LoadMachine(
      "seed: 5\n"
      "clock: 2003-08-25T09:30:00Z\n"
      "frameworks:\n  - 1.0\n  - {version: 1.1, process_model: {userName: SYSTEM, password: AutoGenerate}}\n"
      "hotfixes: [MS03-032, MS03-040]\n"
      "accounts:\n"
      "  alice: {password: 'Wonder1and!', full_name: Alice, groups: [Users, Administrators]}\n"
      "  gone: {password: x}\n"
      "groups:\n  WebAdmins: {comment: web, members: [alice]}\n"
      "rights:\n  alice: [SeBatchLogonRight]\n"
      "secrets:\n  Extra: {clear: 'some value'}\n"
      "profiles:\n  alice: present\n"
      "objects:\n"
      "  - file: 'C:\\Inetpub\\wwwroot\\shop'\n"
      "    acl:\n      - {allow: alice, mask: modify, flags: [OI, CI]}\n"
      "      - {deny: Guests, mask: '0x1234', flags: '0x13'}\n"
      "  - registry: 'HKLM\\SOFTWARE\\Shop'\n    values: {Conn: 'a=b'}\n"
      "sql:\n  databases: [shop]\n  logins: [{name: 'XPPRO\\alice'}]\n"
      "  users: [{database: shop, name: alice, login: 'XPPRO\\alice', roles: [db_owner]}]\n"
      "services:\n  aspnet_state: {state: running, start_type: auto}\n"
      "applications:\n  - {path: /LM/W3SVC/1/ROOT/shop, framework: 1.0, session_state: StateServer}\n"
      "session: {caller: alice, interactive_user: alice}\n"
      "events:\n  - {source: Test, id: 7, type: warning, text: \"two\\nlines\"}\n"
      "journal:\n  - {seq: 1, step: stop-services, phase: begin, data: {services: W3SVC}}\n");
  // Leave orphans behind: an ACE, a right and a login naming the deleted account's SID.
  fakes::Machine m(s);
  fakes::Sam sam(m);
  const fixer::Sid gone = sam.SidOf(*sam.FindUser("gone"));
  m.state().lsa.rights[gone] = {"SeServiceLogonRight"};
  m.state()
      .objects.Writable(m.state().objects.begin()->first)
      .dacl.push_back({fixer::AceType::kAllow, gone, 0x1F01FF, 0});
  m.state().sql.logins.push_back({"XPPRO\\gone", gone, {}, "master"});
  ASSERT_TRUE(sam.DeleteUser("gone").ok());
  ExpectRoundTrip(m.state());
}

TEST(MachineRoundTrip, ThroughAFileOnDisk) {
  const fakes::MachineState s = LoadMachine("frameworks: [1.0]\nhotfixes: [MS03-032]\n");
  const test_support::TempFolder dir("scenario_loader_test");
  const auto path = dir / "m.yaml";
  ASSERT_TRUE(fakes::SaveMachineFile(s, path.string()).ok());
  auto back = fakes::LoadMachineFile(path.string());
  ASSERT_TRUE(back.ok()) << back.error->ToString();
  EXPECT_TRUE(*back.value == s);
}

TEST(MachineRoundTrip, AfterTheFixerRecreatedTheAccount) {
  // The machine after a real fixer run (journal, events, new SID, orphaned grants) round-trips.
  auto scenario = LoadScenario(kValidScenarioHead +
                               "  - grant_ace: {path: 'C:\\Inetpub\\wwwroot\\shop', principal: ASPNET, mask: modify}\n"
                               "  - install_hotfix: MS03-032\n"
                               "  - fixer: {command: apply, strategy: recreate, crash_op: profile.create}\n");
  sim::RunContext ctx(scenario.machine);
  for (const auto& step : scenario.steps) {
    auto r = sim::ExecuteStep(ctx, step);
    ASSERT_TRUE(r.ran) << r.error;
  }
  EXPECT_FALSE(ctx.machine.state().journal.empty());
  ExpectRoundTrip(ctx.machine.state());
}

// ---- scenario files: rejected at FILE:LINE:COL -------------------------------------------

TEST(ScenarioFileErrors, UnknownTopLevelKey) {
  auto e = ScenarioError("summary: s\nmachine:\n  frameworks: [1.0]\ncolour: red\nsteps: []\n");
  EXPECT_EQ(e.file, "s.yaml");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.column, 1);
  EXPECT_EQ(e.message, "scenario: unknown key 'colour' (expected one of: name, summary, tags, machine, steps)");
}

// A YAML syntax error of a scenario says so, as a machine file's does, and names the file a
// scenario: "a second document ('---'); a machine file holds one document" was said of
// scenarios, without "invalid YAML:".
TEST(ScenarioFileErrors, AYamlSyntaxErrorNamesAScenarioFile) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"summary: s\n---\nmachine: {}\n", "invalid YAML: a second document ('---'); a scenario file holds one document"},
      {"summary: &s s\nmachine: {}\n",
       "invalid YAML: anchors ('&') are not supported in a scenario file; write the value out"},
      {"%YAML 1.2\n---\nsummary: s\n", "invalid YAML: directives ('%') are not supported in a scenario file"},
      {"summary: !x s\n", "invalid YAML: tags ('!') are not supported in a scenario file"},
      {"summary: s\n\tmachine: {}\n", "invalid YAML: a tab in the indentation; YAML indents with spaces only"},
  };
  for (const auto& [text, said] : cases) EXPECT_EQ(ScenarioError(text).message, said) << text;
  EXPECT_EQ(MachineError("seed: 1\n---\n").message,
            "invalid YAML: a second document ('---'); a machine file holds one document");
}

// A machine state file given where a scenario goes is named as such, at its first machine key;
// a machine key left outside `machine:` in a real scenario is an indentation slip.
// An empty file, or a top that is no map, lists every key a scenario takes (tags was left out).
TEST(ScenarioFileErrors, AScenarioThatIsNoMapListsEveryKey) {
  for (const char* text : {"", "- a list\n", "just words\n"}) {
    const fakes::LoadError e = ScenarioError(text);
    EXPECT_EQ(e.message, "scenario: expected a map with keys name, summary, tags, machine, steps") << text;
  }
}

TEST(ScenarioFileErrors, AMachineFileOrAMachineKeyOutsideMachineIsNamed) {
  auto file = ScenarioError("# a customer's machine\nos: windows-xp-professional\nframeworks: [\"1.0\"]\n");
  EXPECT_EQ(file.line, 2);
  EXPECT_EQ(file.column, 1);
  EXPECT_THAT(file.message, StartsWith("scenario: 'os' is a machine's key: this is a machine state file, not a "
                                       "scenario (`fixup-sim show` shows it"));
  auto slip = ScenarioError("summary: s\nmachine:\n  os: windows-xp-professional\nhotfixes: [MS03-032]\nsteps: []\n");
  EXPECT_EQ(slip.line, 4);
  EXPECT_EQ(slip.column, 1);
  EXPECT_EQ(slip.message,
            "scenario: 'hotfixes' is a machine's key: it belongs under 'machine:' (check its indentation)");
  // Any scenario key marks the file as a scenario, `name` and `tags` as much as `summary`.
  auto named = ScenarioError("name: n\ntags: [t]\nos: windows-xp-professional\n");
  EXPECT_EQ(named.line, 3);
  EXPECT_EQ(named.message, "scenario: 'os' is a machine's key: it belongs under 'machine:' (check its indentation)");
}

TEST(ScenarioFileErrors, MissingMachineOrSummary) {
  auto m = ScenarioError("summary: s\nsteps: []\n");
  EXPECT_EQ(m.line, 1);
  EXPECT_EQ(m.column, 1);
  EXPECT_EQ(m.message, "scenario: missing 'machine'");
  auto s = ScenarioError("machine:\nsteps: []\n");
  EXPECT_THAT(s.message, StartsWith("scenario: missing 'summary'"));
  // Given empty, at its value: not "missing" at 1:1, quoting another line.
  auto empty = ScenarioError("machine: {}\n# c\nsummary: \"\"\n");
  EXPECT_EQ(empty.line, 3);
  EXPECT_EQ(empty.column, 10);
  EXPECT_EQ(empty.message, "summary: empty (one line: what it shows)");
}

// `name:` names the scenario in every report; an empty one would name it nothing (`PASS s.yaml
// []`, a JUnit testcase without a name): an error at the value, as the file's name is the default.
TEST(ScenarioFileErrors, AnEmptyNameIsAnErrorAtItsValue) {
  auto e = ScenarioError("summary: s\nname: ''\nmachine:\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 7);
  EXPECT_EQ(e.message, "name: empty (leave 'name' out to name the scenario after its file)");
}

TEST(ScenarioFileErrors, UnknownStepKind) {
  auto e = ScenarioError(kValidScenarioHead + "  - request: /LM/W3SVC/1/ROOT/shop\n  - reboot: now\n");
  EXPECT_EQ(e.line, 8);
  EXPECT_EQ(e.column, 5);
  EXPECT_THAT(e.message, StartsWith("steps: unknown step 'reboot' (expected one of: install_hotfix,"));
}

TEST(ScenarioFileErrors, UnknownExpectationKind) {
  auto e = ScenarioError(kValidScenarioHead + "  - request: /x\n    expect:\n      status: 200\n      statuss: 200\n");
  EXPECT_EQ(e.line, 10);
  EXPECT_EQ(e.column, 7);
  EXPECT_THAT(e.message, StartsWith("expect: unknown check 'statuss' (expected one of: status,"));
}

TEST(ScenarioFileErrors, UnknownParameter) {
  auto e = ScenarioError(kValidScenarioHead + "  - request: {page: /x}\n");
  EXPECT_EQ(e.line, 7);
  EXPECT_EQ(e.column, 15);
  EXPECT_EQ(e.message, "step 'request': unknown key 'page' (expected one of: app)");
}

// machine.config's `userName` is spelt so in a machine file's process_model and in the step
// set_process_model, which spelt it `user_name`. The step takes `userName` and sets it; a key spelt
// another way (case, `_` or `-` aside) is an error at that key naming the spelling, in both files.
TEST(ScenarioFileErrors, TheProcessModelsUserNameIsSpeltAsMachineConfigSpellsIt) {
  const sim::Scenario s = LoadScenario(kValidScenarioHead + "  - set_process_model: {userName: SYSTEM}\n");
  ASSERT_EQ(s.steps.size(), 1u);
  EXPECT_EQ(s.steps[0].args.at("userName"), "SYSTEM");
  auto e = ScenarioError(kValidScenarioHead + "  - set_process_model: {user_name: SYSTEM}\n");
  EXPECT_EQ(e.line, 7);
  EXPECT_EQ(e.column, 25);
  EXPECT_EQ(e.message,
            "step 'set_process_model': unknown key 'user_name', spelt 'userName' here (expected one of: framework, "
            "userName, password)");
  auto machine = MachineError("frameworks:\n  - version: '1.0'\n    process_model: {user_name: SYSTEM}\n");
  EXPECT_EQ(machine.line, 3);
  EXPECT_EQ(machine.column, 21);
  EXPECT_THAT(machine.message,
              HasSubstr("unknown key 'user_name', spelt 'userName' here; expected one of: enable, userName"));
  // Any key of either file: the same hint.
  EXPECT_THAT(ScenarioError(kValidScenarioHead + "  - map_application: {path: /x, physical-path: 'C:\\x'}\n").message,
              HasSubstr("unknown key 'physical-path', spelt 'physical_path' here"));
  EXPECT_THAT(MachineError("frameworks:\n  - version: '1.0'\n    toolsPresent: true\n").message,
              HasSubstr("unknown key 'toolsPresent', spelt 'tools_present' here"));
  // A key no known key is spelt like has no hint.
  EXPECT_EQ(ScenarioError(kValidScenarioHead + "  - request: {page: /x}\n").message,
            "step 'request': unknown key 'page' (expected one of: app)");
}

// A step's word written in another case is that word, kept in the vocabulary's spelling, as a
// machine file reads its words (`state: Running`); a scenario key so written gets the spelling hint.
TEST(ScenarioFile, AStepsWordsReadInAnyCase) {
  const sim::Scenario s =
      LoadScenario(kValidScenarioHead + "  - logon: {user: ASPNET, type: Interactive}\n  - fixer: {command: APPLY}\n");
  ASSERT_EQ(s.steps.size(), 2u);
  EXPECT_EQ(s.steps[0].args.at("type"), "interactive");
  EXPECT_EQ(s.steps[1].args.at("command"), "apply");
  const auto summary = ScenarioError("Summary: x\nmachine: {}\nsteps: []\n");
  EXPECT_EQ(summary.message,
            "scenario: unknown key 'Summary', spelt 'summary' here (expected one of: name, summary, tags, machine, "
            "steps)");
  EXPECT_TRUE(fakes::LoadMachineText("frameworks: [1.0]\nprofiles: {aspnet: Present}\n", "m.yaml").ok());
}

TEST(ScenarioFileErrors, BadEnumValueOfAStepAtTheValue) {
  auto fixer = ScenarioError(kValidScenarioHead + "  - fixer: {command: fix}\n");
  EXPECT_EQ(fixer.line, 7);
  EXPECT_EQ(fixer.column, 22);
  EXPECT_EQ(fixer.message,
            "step 'fixer' key 'command': unknown value 'fix' (expected one of: diagnose, plan, "
            "apply, resume, rollback)");

  auto scalar = ScenarioError(kValidScenarioHead + "  - fixer: repair\n");
  EXPECT_EQ(scalar.line, 7);
  EXPECT_EQ(scalar.column, 12);
  EXPECT_THAT(scalar.message, HasSubstr("unknown value 'repair'"));

  auto logon = ScenarioError(kValidScenarioHead + "  - logon: {user: ASPNET, type: console}\n");
  EXPECT_EQ(logon.line, 7);
  EXPECT_EQ(logon.column, 33);
  EXPECT_THAT(logon.message, HasSubstr("step 'logon' key 'type': unknown value 'console'"));

  auto strategy = ScenarioError(kValidScenarioHead + "  - fixer: {strategy: keep_sid}\n");
  EXPECT_EQ(strategy.column, 23);
  EXPECT_THAT(strategy.message, HasSubstr("(expected one of: keep-sid, recreate)"));
}

TEST(ScenarioFileErrors, BadEnumValueOfAnExpectation) {
  auto e =
      ScenarioError(kValidScenarioHead + "  - request: /x\n    expect:\n      service: {name: W3SVC, state: runing}\n");
  EXPECT_EQ(e.line, 9);
  EXPECT_EQ(e.column, 37);
  EXPECT_THAT(e.message, StartsWith("expect 'service' key 'state': unknown value 'runing'"));

  auto sid =
      ScenarioError(kValidScenarioHead + "  - request: /x\n    expect:\n      account: {name: ASPNET, sid: same}\n");
  EXPECT_EQ(sid.line, 9);
  EXPECT_EQ(sid.column, 36);
  EXPECT_THAT(sid.message, HasSubstr("(expected one of: unchanged, changed)"));
}

TEST(ScenarioFileErrors, WrongTypesOfParameters) {
  auto code = ScenarioError(kValidScenarioHead + "  - request: /x\n    expect:\n      status: 2oo\n");
  EXPECT_EQ(code.line, 9);
  EXPECT_EQ(code.column, 15);
  EXPECT_EQ(code.message, "expect 'status' key 'code': expected a whole number, got '2oo'");

  auto negative = ScenarioError(kValidScenarioHead + "  - set_policy: {min_length: -1}\n");
  EXPECT_EQ(negative.line, 7);
  EXPECT_EQ(negative.column, 30);
  EXPECT_THAT(negative.message, HasSubstr("expected a whole number from 0 to 14, got '-1'"));

  auto boolean = ScenarioError(kValidScenarioHead + "  - fixer: {dry_run: perhaps}\n");
  EXPECT_EQ(boolean.line, 7);
  EXPECT_EQ(boolean.column, 22);
  EXPECT_EQ(boolean.message, "step 'fixer' key 'dry_run': expected true or false (yes / no), got 'perhaps'");

  auto nested = ScenarioError(kValidScenarioHead + "  - request: {app: {path: /x}}\n");
  EXPECT_EQ(nested.line, 7);
  EXPECT_THAT(nested.message, HasSubstr("expected a single value"));

  auto steps = ScenarioError("summary: s\nmachine:\nsteps: {request: /x}\n");
  EXPECT_EQ(steps.line, 3);
  EXPECT_EQ(steps.column, 8);
  EXPECT_EQ(steps.message, "steps: expected a list of steps");

  auto tags = ScenarioError("summary: s\nmachine:\ntags: legacy\n");
  EXPECT_EQ(tags.line, 3);
  EXPECT_EQ(tags.column, 7);
  EXPECT_EQ(tags.message, "tags: expected a list");
}

// A step (one line after the valid head) and the error its load gives: at line 7, this column.
struct StepError {
  std::string step;
  int column;
  std::string message;
};

void ExpectEachStepFailsTheLoadAt(const std::vector<StepError>& cases) {
  for (const StepError& c : cases) {
    auto e = ScenarioError(kValidScenarioHead + "  " + c.step + "\n");
    EXPECT_EQ(e.line, 7) << c.step;
    EXPECT_EQ(e.column, c.column) << c.step;
    EXPECT_EQ(e.message, c.message) << c.step;
  }
}

// A value the step would refuse, or read as another number, fails the load (exit 2), not the run:
// whole numbers past the parameter's range (never wrapped to a small one), and the parameters
// with a syntax of their own (an access mask, ACE flags), checked by the parser the step uses.
TEST(ScenarioFileErrors, ValuesTheStepCouldNotReadFailTheLoad) {
  const std::vector<StepError> cases = {
      {"- fixer: {fail_at: 1, fail_error: 4294967301}", 37,
       "step 'fixer' key 'fail_error': expected a whole number from 1 to 4294967295, got '4294967301'"},
      {"- set_policy: {min_length: 15}", 30,
       "step 'set_policy' key 'min_length': expected a whole number from 0 to 14, got '15'"},
      {"- set_policy: {history: 25}", 27,
       "step 'set_policy' key 'history': expected a whole number from 0 to 24, got '25'"},
      {"- set_policy: {lockout_threshold: 4294967297}", 37,
       "step 'set_policy' key 'lockout_threshold': expected a whole number from 0 to 999, got '4294967297'"},
      {"- fixer: {crash_at: 99999999999999999999}", 23,
       "step 'fixer' key 'crash_at': expected a whole number from 1 to 999999999999999999, got "
       "'99999999999999999999'"},
      {"- grant_ace: {path: x, principal: ASPNET, mask: 0xZZ}", 51,
       "step 'grant_ace' key 'mask': '0xZZ' is not one of read, write, modify, full, or a 32-bit hex mask 0x…"},
      {"- grant_ace: {path: x, principal: ASPNET, mask: 0x1ffffffff}", 51,
       "step 'grant_ace' key 'mask': '0x1ffffffff' is not one of read, write, modify, full, or a 32-bit hex mask 0x…"},
      {"- grant_ace: {path: x, principal: ASPNET, mask: readwrite}", 51,
       "step 'grant_ace' key 'mask': 'readwrite' is not one of read, write, modify, full, or a 32-bit hex mask 0x…"},
      {"- grant_ace: {path: x, principal: ASPNET, flags: OIX}", 52,
       "step 'grant_ace' key 'flags': 'OIX' is not made of OI, CI, IO written together (OICI)"},
  };
  ExpectEachStepFailsTheLoadAt(cases);
  // The largest values each takes still load.
  LoadScenario(kValidScenarioHead +
               "  - fixer: {fail_at: 1, fail_error: 4294967295}\n  - set_policy: {min_length: 14, history: 24}\n" +
               "  - grant_ace: {path: x, principal: ASPNET, mask: 0xFFFFFFFF, flags: OICIIO}\n");
}

// A count where 0 names nothing (no call 0 to fail or lose power at, no run 0 or line 0 of a
// program) is refused where it is written, and so is a fault's error without the fault: each
// loaded and injected nothing, a scenario testing a clean run under a fault's name.
TEST(ScenarioFileErrors, AFaultThatCouldNeverHappenFailsTheLoad) {
  const std::string from_one = "expected a whole number from 1 to 999999999999999999, got '0'";
  const std::vector<StepError> cases = {
      {"- fixer: {fail_at: 0}", 22, "step 'fixer' key 'fail_at': " + from_one},
      {"- fixer: {crash_at: 0}", 23, "step 'fixer' key 'crash_at': " + from_one},
      {"- fixer: {crash_after: 0, crash_op: scm.stop}", 26, "step 'fixer' key 'crash_after': " + from_one},
      {"- expect: {errorlevel: {program: runas, nth: 0, code: 0}}", 48, "expect 'errorlevel' key 'nth': " + from_one},
      {"- expect: {errorlevel: {line: 0, code: 0}}", 33, "expect 'errorlevel' key 'line': " + from_one},
      {"- fixer: {fail_error: 5}", 25,
       "step 'fixer': 'fail_error' goes only with 'fail_at' or 'fail_op' or 'fail_read' (without one it means "
       "nothing)"},
      {"- fixer: {crash_at: 2, fail_error: 5}", 38,
       "step 'fixer': 'fail_error' goes only with 'fail_at' or 'fail_op' or 'fail_read' (without one it means "
       "nothing)"},
      // 0 is ERROR_SUCCESS: the fault would fail with no error, and inject nothing (audit 15 item 10).
      {"- fixer: {fail_at: 3, fail_error: 0}", 37,
       "step 'fixer' key 'fail_error': expected a whole number from 1 to 4294967295, got '0'"},
      // A named call that cannot give the error, in the sweep's words (sim::ErrorsFor).
      {"- fixer: {fail_op: scm.stop, fail_error: 99999}", 44,
       "step 'fixer' key 'fail_error': scm.stop cannot fail with 99999; the errors it can give: 1051, 1061, 5"},
      {"- fixer: {fail_op: scm.start, fail_error: 1058}", 45,
       "step 'fixer' key 'fail_error': scm.start cannot fail with 1058; the errors it can give: 1069, 1068, 1053, "
       "1072, 5"},
      // A named read, in the same words (sim::ReadErrorsFor: docs/windows-reference.md#read-errors).
      {"- fixer: {fail_read: eventlog.read, fail_error: 1502}", 51,
       "step 'fixer' key 'fail_error': eventlog.read cannot fail with 1502; the errors it can give: 1722, 5"},
      {"- fixer: {fail_read: scm.list, fail_error: 1722}", 46,
       "step 'fixer' key 'fail_error': scm.list cannot fail with 1722; the errors it can give: 5"},
      // One error for both faults: the call may give it, the read may not.
      {"- fixer: {fail_op: scm.stop, fail_read: journal.load, fail_error: 1051}", 69,
       "step 'fixer' key 'fail_error': journal.load cannot fail with 1051; the errors it can give: 33, 5"},
  };
  ExpectEachStepFailsTheLoadAt(cases);
  // 1, and an error beside the fault it belongs to, load.
  LoadScenario(kValidScenarioHead +
               "  - fixer: {fail_at: 1, fail_error: 5}\n  - fixer: {fail_op: scm.stop, fail_error: 5}\n" +
               "  - fixer: {crash_at: 1}\n  - fixer: {crash_after: 1}\n" +
               "  - expect: {errorlevel: {program: runas, nth: 1, line: 1, code: 0}}\n");
  // Each read's own errors, and 5 for any read, load.
  LoadScenario(kValidScenarioHead + "  - fixer: {fail_read: journal.load, fail_error: 33}\n" +
               "  - fixer: {fail_read: eventlog.read, fail_error: 1722}\n" +
               "  - fixer: {fail_read: inventory.app_pool_identity, fail_error: 1060}\n" +
               "  - fixer: {fail_read: scm.list, fail_error: 5}\n  - fixer: {fail_read: scm.query}\n");
}

TEST(ScenarioFileErrors, MissingRequiredParameterAtTheStep) {
  auto step = ScenarioError(kValidScenarioHead + "  - request: /x\n  - grant_ace: {principal: ASPNET}\n");
  EXPECT_EQ(step.line, 8);
  EXPECT_EQ(step.column, 5);
  EXPECT_EQ(step.message, "step 'grant_ace': missing 'path'");

  auto empty = ScenarioError(kValidScenarioHead + "  - create_account: {password: x}\n");
  EXPECT_EQ(empty.line, 7);
  EXPECT_EQ(empty.message, "step 'create_account': missing 'name'");

  // Given empty, it is said as empty, at the value, not as left out at the step.
  auto blank = ScenarioError(kValidScenarioHead + "  - request: ''\n");
  EXPECT_EQ(blank.line, 7);
  EXPECT_EQ(blank.column, 14);
  EXPECT_EQ(blank.message, "step 'request': 'app' is empty: give a value");
  auto blank_key = ScenarioError(kValidScenarioHead + "  - grant_ace: {principal: ASPNET, path: ''}\n");
  EXPECT_EQ(blank_key.line, 7);
  EXPECT_EQ(blank_key.column, 42);
  EXPECT_EQ(blank_key.message, "step 'grant_ace': 'path' is empty: give a value");

  auto no_value = ScenarioError(kValidScenarioHead + "  - request:\n");
  EXPECT_EQ(no_value.line, 7);
  EXPECT_EQ(no_value.column, 5);
  EXPECT_EQ(no_value.message, "step 'request': needs a value");
}

TEST(ScenarioFileErrors, MissingRequiredParameterOfAnExpectation) {
  auto e = ScenarioError(kValidScenarioHead + "  - request: /x\n    expect:\n      service: {state: running}\n");
  EXPECT_EQ(e.line, 9);
  EXPECT_EQ(e.column, 7);
  EXPECT_EQ(e.message, "expect 'service': missing 'name'");

  // In a list of checks, at the item.
  auto item = ScenarioError(kValidScenarioHead +
                            "  - request: /x\n    expect:\n      service:\n        - {name: W3SVC}\n"
                            "        - {state: running}\n");
  EXPECT_EQ(item.line, 11);
  EXPECT_EQ(item.column, 11);
  EXPECT_EQ(item.message, "expect 'service': missing 'name'");
}

TEST(ScenarioFileErrors, OneActionPerStepAndDuplicateParameters) {
  auto two = ScenarioError(kValidScenarioHead + "  - request: /x\n    stop_service: W3SVC\n");
  EXPECT_EQ(two.line, 8);
  EXPECT_EQ(two.column, 5);
  EXPECT_EQ(two.message, "steps: one action per step, but this one has 'request' and 'stop_service'");

  auto dup = ScenarioError(kValidScenarioHead + "  - request: {app: /x, app: /y}\n");
  EXPECT_EQ(dup.line, 7);
  EXPECT_EQ(dup.column, 24);
  EXPECT_EQ(dup.message, "duplicate key 'app' (first at line 7)");
}

// A key written twice in any map of a scenario is an error at the second, as in a machine file
// (a later value silently winning would run a scenario other than the one read).
TEST(ScenarioFileErrors, AKeyWrittenTwiceInAnyMap) {
  auto top = ScenarioError("summary: a\nsummary: b\nmachine:\n");
  EXPECT_EQ(top.line, 2);
  EXPECT_EQ(top.column, 1);
  EXPECT_EQ(top.message, "duplicate key 'summary' (first at line 1)");

  auto expect =
      ScenarioError(kValidScenarioHead + "  - request: /x\n    expect: {status: 200}\n    expect: {status: 503}\n");
  EXPECT_EQ(expect.line, 9);
  EXPECT_EQ(expect.message, "duplicate key 'expect' (first at line 8)");

  auto check =
      ScenarioError(kValidScenarioHead + "  - request: /x\n    expect:\n      status: 200\n      status: 503\n");
  EXPECT_EQ(check.line, 10);
  EXPECT_EQ(check.message, "duplicate key 'status' (first at line 9)");

  auto machine = ScenarioError("summary: a\nmachine:\n  seed: 1\n  seed: 2\n");
  EXPECT_EQ(machine.line, 4);
  EXPECT_EQ(machine.message, "duplicate key 'seed' (first at line 3)");
}

// Text that is not UTF-8 or holds a control character is refused where it is written, as in a
// machine file: a report (JSON, JUnit XML, HTML) could not carry it.
TEST(ScenarioFileErrors, TextThatIsNotUtf8OrHasAControlCharacter) {
  auto summary = ScenarioError("summary: caf\xe9\nmachine:\n");
  EXPECT_EQ(summary.line, 1);
  EXPECT_EQ(summary.column, 10);
  EXPECT_EQ(summary.message, "summary: text is not UTF-8");
  EXPECT_THAT(summary.ToString(), HasSubstr("near: \"summary: caf\\xe9\""));

  auto nul = ScenarioError(kValidScenarioHead + "  - request: \"/x\\0y\"\n");
  EXPECT_EQ(nul.line, 7);
  EXPECT_EQ(nul.message, "step 'request': control character U+0000 in text");

  auto param = ScenarioError(kValidScenarioHead + "  - create_account: {name: bob, password: \"a\\x01b\"}\n");
  EXPECT_EQ(param.line, 7);
  EXPECT_EQ(param.message, "step 'create_account' key 'password': control character U+0001 in text");

  auto key = ScenarioError(kValidScenarioHead + "  - request: /x\n    expect: {output_contains: \"\\x7f\"}\n");
  EXPECT_EQ(key.line, 8);
  EXPECT_THAT(key.message, HasSubstr("control character U+007F in text"));

  auto tag = ScenarioError("summary: s\nmachine:\ntags: [\"a\\tb\", \"\\x1b[31m\"]\n");
  EXPECT_EQ(tag.line, 3);
  EXPECT_EQ(tag.message, "tags: control character U+001B in text");

  // A tab and line ends are text: a literal block keeps its lines.
  LoadScenario(kValidScenarioHead + "  - request: /x\n    expect:\n      output_contains: \"a\\tb\"\n");
}

TEST(ScenarioFileErrors, EmptyValuesAreReportedAtTheirKey) {
  auto name = ScenarioError("summary: s\nmachine:\nname:\nsteps: []\n");
  EXPECT_EQ(name.line, 3);
  EXPECT_EQ(name.column, 1);
  EXPECT_EQ(name.message, "name: expected a single value");

  auto steps = ScenarioError("summary: s\nmachine:\nsteps:\n");
  EXPECT_EQ(steps.line, 3);
  EXPECT_EQ(steps.column, 1);

  auto expect = ScenarioError(kValidScenarioHead + "  - request: /x\n    expect:\n");
  EXPECT_EQ(expect.line, 8);
  EXPECT_EQ(expect.column, 5);
  EXPECT_THAT(expect.message, StartsWith("expect: expected a map of checks"));

  auto arg = ScenarioError(kValidScenarioHead + "  - request: {app: }\n");
  EXPECT_EQ(arg.line, 7);
  EXPECT_EQ(arg.column, 15);
  EXPECT_EQ(arg.message, "step 'request' key 'app': expected a single value");
}

TEST(ScenarioFileErrors, MachineErrorsArePositionedInTheScenarioFile) {
  auto e = ScenarioError("summary: s\nmachine:\n  os: windows-xp-professional\n  seed: x\n");
  EXPECT_EQ(e.file, "s.yaml");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.column, 9);
  EXPECT_EQ(e.message, "seed: expected an integer from 0 to 18446744073709551615, got 'x'");

  auto dup = ScenarioError("summary: s\nmachine:\n  accounts:\n    bob: {}\n    Bob: {}\n");
  EXPECT_EQ(dup.line, 5);
  EXPECT_EQ(dup.column, 5);
  EXPECT_THAT(dup.message, HasSubstr("duplicate account 'Bob'"));
}

TEST(ScenarioFileErrors, YamlSyntaxAndUnreadableFile) {
  auto e = ScenarioError("summary: fixup.cmd answered 1pass@word: the machine is fixed\nmachine:\n");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.column, 39);
  EXPECT_EQ(e.message,
            "invalid YAML: a second ': ' on one line; quote a value that holds ': ', or start the map on the next "
            "line");

  auto missing = sim::LoadScenarioFile("/nonexistent/scenario.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error->line, 0);
}

// A scenario saved as UTF-16 (big-endian here, no byte order mark: YAML tells it by the zero
// bytes) loads as its UTF-8 text; a broken UTF-16 one is an error at its line and column.
TEST(ScenarioFile, AUtf16FileLoadsAsItsUtf8Text) {
  const std::string text = kValidScenarioHead + "  - install_hotfix: MS03-032\n";
  auto utf16be = [](const std::string& ascii) {
    std::string out;
    for (char c : ascii) out += std::string(1, '\0') + c;
    return out;
  };
  const test_support::TempFolder dir("scenario_loader_test");
  const auto path = dir.Write("s.yaml", utf16be(text));
  auto loaded = sim::LoadScenarioFile(path.string());
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  EXPECT_EQ(loaded.value->steps.size(), LoadScenario(text).steps.size());
  EXPECT_TRUE(loaded.value->machine == LoadScenario(text).machine);
  dir.Write("s.yaml", utf16be("summary: s\n") + std::string("\xDC\x00", 2));
  auto broken = sim::LoadScenarioFile(path.string());
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error->line, 2);
  EXPECT_EQ(broken.error->column, 1);
  EXPECT_EQ(broken.error->message, "the file is UTF-16 (big-endian), but 0xDC00 is half of a surrogate pair, alone");
}

// ---- scenario files: what a valid one holds ----------------------------------------------

TEST(ScenarioFile, LoadsStepsArgsAndExpectations) {
  auto s = LoadScenario(
      "summary: one line\n"
      "tags: [fixer, acl-loss]\n"
      "machine:\n"
      "  frameworks: [1.0]\n"
      "steps:\n"
      "  - install_hotfix: MS03-032\n"
      "  - grant_sql_login: {name: ASPNET, database: shop, roles: [db_datareader, db_datawriter]}\n"
      "  - fixer: {command: apply, strategy: recreate}\n"
      "    expect:\n"
      "      outcome: fixed\n"
      "      service: [{name: W3SVC}, {name: IISADMIN, state: running}]\n"
      "      services_as_before:\n"
      "  - expect: {status: 200}\n");
  EXPECT_EQ(s.name, "s");  // the file stem when no name is given
  EXPECT_EQ(s.summary, "one line");
  EXPECT_EQ(s.tags, (std::vector<std::string>{"fixer", "acl-loss"}));
  EXPECT_EQ(s.machine.products.frameworks.size(), 1u);
  ASSERT_EQ(s.steps.size(), 4u);
  EXPECT_EQ(s.steps[0].kind, "install_hotfix");
  EXPECT_EQ(s.steps[0].args.at("id"), "MS03-032");
  EXPECT_EQ(s.steps[0].pos.ToString(), "s.yaml:6:5");
  EXPECT_EQ(s.steps[1].args.at("roles"), "db_datareader,db_datawriter");
  EXPECT_EQ(s.steps[2].args.at("strategy"), "recreate");
  ASSERT_EQ(s.steps[2].expect.size(), 4u);
  EXPECT_EQ(s.steps[2].expect[0].kind, "outcome");
  EXPECT_EQ(s.steps[2].expect[0].args.at("name"), "fixed");
  EXPECT_EQ(s.steps[2].expect[0].pos.ToString(), "s.yaml:10:7");
  EXPECT_EQ(s.steps[2].expect[1].kind, "service");
  EXPECT_EQ(s.steps[2].expect[2].args.at("state"), "running");
  EXPECT_EQ(s.steps[2].expect[2].pos.ToString(), "s.yaml:11:32");
  EXPECT_EQ(s.steps[2].expect[3].kind, "services_as_before");
  EXPECT_EQ(s.steps[3].kind, "check");  // an expect-only step
}

TEST(ScenarioFile, EveryVocabularyWordHasAnExecutorOrCheck) {
  // A word the loader accepts but nothing runs would fail only at run time.
  fakes::Machine m(fakes::FreshInstall({}));
  sim::RunContext ctx(m.state());
  for (const sim::Word& w : sim::StepWords()) {
    sim::Step step{std::string(w.name), {}, {}, {"s.yaml", 1, 1}};
    const auto r = sim::ExecuteStep(ctx, step);
    EXPECT_THAT(r.error, ::testing::Not(HasSubstr("has no executor"))) << w.name;
  }
  for (const sim::Word& w : sim::ExpectWords()) {
    sim::Expectation e{std::string(w.name), {}, {"s.yaml", 1, 1}};
    EXPECT_NE(sim::CheckExpectation(ctx, e).actual, "unknown check") << w.name;
  }
}

// ---- the documentation's examples load ---------------------------------------------------

std::filesystem::path DocsDir() { return std::filesystem::path(FIXUP_SOURCE_DIR) / "docs"; }

struct Block {
  int line = 0;
  std::string text;
};

std::vector<Block> YamlBlocks(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  std::vector<Block> out;
  // Every ```yaml fence up to the next ``` (a plain scan: <regex> trips GCC 12's
  // -Wmaybe-uninitialized under the sanitizers).
  const std::string open = "```yaml\n", close = "```";
  size_t pos = doc.find(open);
  while (pos != std::string::npos) {
    const size_t body = pos + open.size();
    const size_t end = doc.find(close, body);
    if (end == std::string::npos) break;
    out.push_back({1 + static_cast<int>(std::count(doc.begin(), doc.begin() + static_cast<long>(pos), '\n')),
                   doc.substr(body, end - body)});
    pos = doc.find(open, end + close.size());
  }
  return out;
}

TEST(DocsExamples, EveryMachineFormatExampleLoadsAndRoundTrips) {
  const auto blocks = YamlBlocks(DocsDir() / "machine-format.md");
  ASSERT_GE(blocks.size(), 15u) << DocsDir();
  for (const Block& b : blocks) {
    SCOPED_TRACE("docs/machine-format.md:" + std::to_string(b.line));
    auto loaded = fakes::LoadMachineText(b.text, "example.yaml");
    ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
    ExpectRoundTrip(*loaded.value);
    // A journal shown is one aspnet-fixer acts on (its plan names this machine's ASPNET), as
    // every aspnet-fixer verb checks at the open: an example only `show` loads would mislead.
    const fakes::MachineState& state = *loaded.value;
    const auto problem =
        fixer::CheckJournalOnMachine(state.journal, fakes::UserSidIn(state, fixer::kMachineWorkerAccount));
    EXPECT_FALSE(problem) << fixer::JournalProblemText(*problem);
  }
}

TEST(DocsExamples, EveryScenarioFormatExampleLoads) {
  const auto blocks = YamlBlocks(DocsDir() / "scenario-format.md");
  ASSERT_GE(blocks.size(), 15u) << DocsDir();
  std::string fixture;
  for (const Block& b : blocks)
    if (b.text.rfind("machine:", 0) == 0) fixture = b.text;
  ASSERT_FALSE(fixture.empty());
  std::string all_steps;  // every step example, to check the vocabulary is covered
  for (const Block& b : blocks) {
    SCOPED_TRACE("docs/scenario-format.md:" + std::to_string(b.line));
    std::string text = b.text;
    auto indent = [](const std::string& s, const std::string& pad) {
      std::string out;
      std::istringstream lines(s);
      for (std::string l; std::getline(lines, l);) out += pad + l + "\n";
      return out;
    };
    if (text.rfind("machine:", 0) == 0) {
      text = "summary: fixture\n" + text;
    } else if (text.rfind("expect:", 0) == 0) {
      text = "summary: s\n" + fixture + "steps:\n  - request: /LM/W3SVC/1/ROOT/shop\n" + indent(text, "    ");
    } else if (text.rfind("name:", 0) != 0 && text.rfind("summary:", 0) != 0) {
      text = "summary: s\n" + fixture + "steps:\n" + indent(text, "  ");
      all_steps += b.text;
    }
    auto loaded = sim::LoadScenarioText(text, "example.yaml");
    EXPECT_TRUE(loaded.ok()) << loaded.error->ToString() << "\n" << text;
  }
  for (const sim::Word& w : sim::StepWords())
    EXPECT_THAT(all_steps, HasSubstr("- " + std::string(w.name) + ":")) << "no example of step " << w.name;
  for (const sim::Word& w : sim::ExpectWords())
    EXPECT_THAT(all_steps, HasSubstr(std::string(w.name) + ":")) << "no example of check " << w.name;
}

}  // namespace
