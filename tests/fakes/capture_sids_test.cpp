// A capture keeps SIDs (audit 14 items 3, 5, 6): each group an account is in by its SID, under the
// name the machine gives it (a German XP's `Administratoren`), and the machine SID, each account's
// RID and a next RID past every RID the file names, so the reproduction's accounts have the SIDs a
// journal's plan and the fixer's event-log mark name.
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

}  // namespace
