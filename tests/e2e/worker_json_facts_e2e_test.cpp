// Audit 19, items 3 and 9: `diagnosis.worker` says only what a read established. An account that
// does not exist has no flags and no profile to report (null, not false), and the profile path a
// recreate's plan predicts is the one its run makes (the old SID's stale ProfileList entry keeps
// the folder named as the account: docs/windows-reference.md#profiles).
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/built_tools.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;
using e2e::RunAspnetFixer;
using test_support::Ran;

nlohmann::json Parsed(const Ran& r) {
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_TRUE(j.is_object()) << r.out << r.err;
  return j;
}

TEST(WorkerJsonFacts, AnAccountThatDoesNotExistHasNoFlagsAndNoProfileToReport) {
  const test_support::TempFolder dir("worker_json_facts");
  const fs::path machine = dir.Write("absent.yaml",
                                     "frameworks: [1.0]\n"
                                     "hotfixes: [MS03-032]\n"
                                     "accounts:\n"
                                     "  ASPNET: {absent: true}\n"
                                     "applications:\n"
                                     "  - path: /LM/W3SVC/1/ROOT/shop\n");
  const nlohmann::json j = Parsed(RunAspnetFixer({"diagnose", "--machine", machine.string(), "--json"}));
  const nlohmann::json& worker = j["diagnosis"]["worker"];
  EXPECT_EQ(worker["exists"], false) << worker;  // looked up: it is not there
  for (const char* unknown : {"disabled", "locked_out", "has_profile", "new_profile_path"})
    EXPECT_TRUE(worker[unknown].is_null()) << unknown << ": " << worker;
}

TEST(WorkerJsonFacts, ARecreatesPlannedProfilePathIsTheOneItsRunMakes) {
  const test_support::TempFolder dir("worker_json_facts");
  const fs::path machine = dir.Write("stale.yaml",
                                     "os: windows-xp-professional\n"
                                     "frameworks: [1.0]\n"
                                     "hotfixes: [MS03-032]\n"
                                     "applications: [{path: /LM/W3SVC/1/ROOT/shop}]\n"
                                     "profiles:\n"
                                     "  ASPNET: {path: 'C:\\Documents and Settings\\ASPNET', folder: false}\n");
  const std::string made = "C:\\Documents and Settings\\ASPNET.XPPRO";
  const nlohmann::json plan =
      Parsed(RunAspnetFixer({"plan", "--strategy", "recreate", "--machine", machine.string(), "--json"}));
  EXPECT_EQ(plan["diagnosis"]["worker"]["new_profile_path"], made) << plan["diagnosis"]["worker"];
  // keep-sid removes the worker's own entry first: its new profile takes the folder that entry named.
  const nlohmann::json keep = Parsed(RunAspnetFixer({"plan", "--machine", machine.string(), "--json"}));
  EXPECT_EQ(keep["diagnosis"]["worker"]["new_profile_path"], "C:\\Documents and Settings\\ASPNET");

  const Ran applied = RunAspnetFixer(
      {"apply", "--strategy", "recreate", "--machine", machine.string(), "--temp-password", "Tq8!abcdefg", "--json"});
  const nlohmann::json run = Parsed(applied);
  ASSERT_EQ(run.value("exit_code", -1), 0) << applied.out;
  EXPECT_EQ(run["result"]["diagnosis"]["worker"]["new_profile_path"], made);
  bool said = false;
  for (const nlohmann::json& m : run["result"]["messages"]) {
    const std::string text = m.get<std::string>();
    if (text.find("the profile of ASPNET was made at " + made) == std::string::npos) continue;
    said = true;
    // No folder is there: the old SID's entry, which the recreate left, takes the name.
    EXPECT_NE(text.find("no folder of that name exists, but the ProfileList entry of ASPNET's old SID S-1-5-21-"),
              std::string::npos)
        << text;
  }
  EXPECT_TRUE(said) << run["result"]["messages"];
}

}  // namespace
