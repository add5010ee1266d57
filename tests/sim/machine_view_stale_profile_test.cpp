// `fixup-sim show` marks a ProfileList entry whose folder does not exist (audit 17 item 3): the worker
// and the fixer's diagnosis (`profile none`) take it as no profile, so the text says so beside its
// path and `--json` lists it under stale_profile_entries, with the account holding its SID.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "fakes/machine_yaml.h"
#include "sim/machine_view.h"

namespace machine_view_stale_profile {

fakes::MachineState Loaded(const std::string& profiles) {
  const auto loaded = fakes::LoadMachineText(
      "os: windows-xp-professional\nframeworks: ['1.0']\nhotfixes: [MS03-032]\nprofiles:\n" + profiles, "pe.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return loaded.ok() ? *loaded.value : fakes::MachineState{};
}

TEST(RenderMachineText, AnEntryWithoutItsFolderIsMarkedAsNoProfile) {
  const std::string text =
      sim::RenderMachineText(Loaded("  ASPNET: {path: 'C:\\Documents and Settings\\ASPNET', folder: false}\n"));
  EXPECT_NE(text.find("profile: C:\\Documents and Settings\\ASPNET (its folder does not exist: no profile)\n"),
            std::string::npos)
      << text;
}

TEST(RenderMachineText, AProfileWithItsFolderIsShownPlain) {
  const std::string text = sim::RenderMachineText(Loaded("  ASPNET: present\n"));
  EXPECT_NE(text.find("profile: C:\\Documents and Settings\\ASPNET\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("its folder does not exist"), std::string::npos) << text;
}

TEST(MachineToJsonText, ListsEachEntryWithoutItsFolder) {
  const fakes::MachineState state = Loaded("  ASPNET: {path: 'C:\\Documents and Settings\\ASPNET', folder: false}\n");
  const auto j = nlohmann::json::parse(sim::MachineToJsonText(state));
  const auto& stale = j.at("stale_profile_entries");
  ASSERT_EQ(stale.size(), 1u) << stale.dump();
  EXPECT_EQ(stale[0].at("account"), "ASPNET");
  EXPECT_EQ(stale[0].at("path"), "C:\\Documents and Settings\\ASPNET");
  const std::string rid = j.at("accounts").at("ASPNET").at("rid").get<std::string>();
  EXPECT_TRUE(stale[0].at("sid").get<std::string>().ends_with("-" + rid)) << stale.dump();
  EXPECT_EQ(nlohmann::json::parse(sim::MachineToJsonText(Loaded("  ASPNET: present\n"))).at("stale_profile_entries"),
            nlohmann::json::array());
}

}  // namespace machine_view_stale_profile
