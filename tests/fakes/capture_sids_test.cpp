// A capture keeps SIDs (audit 14 items 3, 5, 6): each group an account is in by its SID, under the
// name the machine gives it (a German XP's `Administratoren`), and the machine SID, each account's
// RID and a next RID past every RID the file names, so the reproduction's accounts have the SIDs a
// journal's plan and the fixer's event-log mark name.
#include <algorithm>
#include <cctype>
#include <string>

#include <gtest/gtest.h>

#include "capture_helpers.h"
#include "fakes/machine_backend.h"
#include "fakes/yaml_parse.h"

namespace {

using capture_helpers::CaptureOf;
using capture_helpers::Load;

// A German XP: its builtin groups under their localized names, the caller an administrator
// other than the built-in one, and ASPNET made again once (RID 1005, not a fresh install's 1003).
constexpr const char* kGermanXp =
    "seed: 99\n"
    "frameworks: ['1.0']\n"
    "hotfixes: [MS03-032]\n"
    "groups:\n"
    "  Administratoren: {sid: S-1-5-32-544}\n"
    "  Benutzer: {sid: S-1-5-32-545}\n"
    "accounts:\n"
    "  ASPNET: {rid: 1005}\n"
    "  alice: {password: Wonder1and!, rid: 1003, groups: [Administratoren]}\n"
    "session: {caller: alice}\n"
    "applications: [{path: /LM/W3SVC/1/ROOT/shop}]\n";

TEST(CaptureSids, BuiltinGroupsAreWrittenBySidUnderTheMachinesNames) {
  fakes::Machine original(Load(kGermanXp, "de.yaml"));
  const app::Capture c = CaptureOf(original);
  const auto& doc = c.document;
  EXPECT_EQ(doc["accounts"]["alice"]["groups"], nlohmann::ordered_json::array({"S-1-5-32-544"})) << doc.dump(2);
  EXPECT_EQ(doc["accounts"]["ASPNET"]["groups"], nlohmann::ordered_json::array({"S-1-5-32-545"}));
  EXPECT_EQ(doc["groups"]["Administratoren"]["sid"], "S-1-5-32-544");
  EXPECT_EQ(doc["groups"]["Benutzer"]["sid"], "S-1-5-32-545");

  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.yaml"));
  const fakes::SamState& sam = reproduced.state().sam;
  EXPECT_EQ(sam.groups.FindName("Administrators"), nullptr) << "no look-alike group";
  EXPECT_EQ(sam.groups.FindKey(*fixer::Sid::Parse("S-1-5-32-544"))->name, "Administratoren");
  fakes::MachineBackend backend(reproduced);
  auto caller = backend.ports().inventory.Caller();
  ASSERT_TRUE(caller.ok()) << caller.status().ToString();
  EXPECT_TRUE(caller->is_admin) << "alice stays an administrator";
  fakes::MachineBackend was(original);
  for (const char* name : {"ASPNET", "alice"}) {
    auto before = was.ports().accounts.Lookup(name);
    auto after = backend.ports().accounts.Lookup(name);
    ASSERT_TRUE(before.ok() && after.ok()) << name;
    EXPECT_EQ(before->sid, after->sid) << name;
    EXPECT_EQ(before->groups, after->groups) << name << ": the same groups, by the same names";
  }
}

TEST(CaptureSids, TheReproductionKeepsTheMachineSidEachRidAndTheNextRid) {
  fakes::Machine original(Load(kGermanXp, "de.yaml"));
  const app::Capture c = CaptureOf(original);
  EXPECT_EQ(c.document["machine_sid"], original.state().sam.domain.ToString());
  EXPECT_EQ(c.document["accounts"]["ASPNET"]["rid"], 1005);
  EXPECT_EQ(c.document["next_rid"], 1006);

  // Loaded with another default seed: the file's machine SID, not the seed's, is the domain.
  const std::string text = app::CaptureText(c);  // the tree reads it in place
  const fakes::yaml::ParseResult parsed = fakes::yaml::ParseYaml(text);
  ASSERT_FALSE(parsed.error);
  auto loaded = fakes::LoadMachineTree(parsed.tree, parsed.tree.root(), "captured.yaml", /*default_seed=*/7);
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const fakes::SamState& sam = loaded.value->sam;
  EXPECT_EQ(sam.domain, original.state().sam.domain);
  for (const char* name : {"Administrator", "ASPNET", "alice"}) {
    EXPECT_EQ(sam.users.FindName(name)->rid, original.state().sam.users.FindName(name)->rid) << name;
  }
  EXPECT_GE(sam.next_rid, original.state().sam.next_rid) << "a new account never takes a RID the machine used";
}

// `next_rid` is one past the highest RID of the machine's domain the capture names, wherever it
// names it: an account's RID, a group's SID, an ACE's SID of a deleted account, an event's text.
// Each case makes another of them the highest; the others stay below it.
struct HighestRid {
  const char* where;
  int account;
  int group;
  int deleted_in_ace;
  int in_event_text;
};

class CaptureNextRid : public ::testing::TestWithParam<HighestRid> {};

TEST_P(CaptureNextRid, IsOnePastTheHighestRidTheFileNames) {
  const HighestRid& c = GetParam();
  const std::string domain = "S-1-5-21-1111-2222-3333-";
  std::string text =
      "machine_sid: S-1-5-21-1111-2222-3333\n"
      "next_rid: 3000\n"  // the SAM's own, which no call reads: the capture's is a lower bound
      "frameworks: ['1.0']\n"
      "hotfixes: [MS03-032]\n"
      "session: {caller: alice}\n"
      "applications: [{path: /LM/W3SVC/1/ROOT/shop}]\n";
  text += "groups:\n  WebAdmins: {sid: " + domain + std::to_string(c.group) + "}\n";
  text += "accounts:\n  alice: {password: Wonder1and!, groups: [Administrators, WebAdmins], rid: ";
  text += std::to_string(c.account) + "}\n";
  text += "objects:\n  - file: 'C:\\Inetpub\\wwwroot\\shop'\n    acl:\n";
  text += "      - {allow: Administrators, mask: full, flags: [OI, CI]}\n";
  text += "      - {allow: '" + domain + std::to_string(c.deleted_in_ace) + "', mask: read}\n";
  text += "events:\n  - {source: Test, id: 1, type: information, text: 'was ";
  text += domain + std::to_string(c.in_event_text) + " (and not S-1-5-21-9-9-9-9999)'}\n";
  fakes::Machine machine(Load(text, "rids.yaml"));
  const app::Capture captured = CaptureOf(machine);
  const int highest = std::max({c.account, c.group, c.deleted_in_ace, c.in_event_text});
  EXPECT_EQ(captured.document["next_rid"], highest + 1) << captured.document.dump(2);
}

INSTANTIATE_TEST_SUITE_P(EachPlaceOfTheHighest, CaptureNextRid,
                         ::testing::Values(HighestRid{"an account", 2500, 1020, 1500, 1100},
                                           HighestRid{"a group", 1010, 2600, 1500, 1100},
                                           HighestRid{"an ACE of a deleted account", 1010, 1020, 2700, 1100},
                                           HighestRid{"an event's text", 1010, 1020, 1500, 2800}),
                         [](const auto& info) {
                           std::string name;
                           for (const char ch : std::string(info.param.where))
                             if (std::isalnum(static_cast<unsigned char>(ch))) name += ch;
                           return name;
                         });

}  // namespace
