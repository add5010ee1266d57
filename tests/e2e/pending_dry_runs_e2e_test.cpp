// Audit 10 item 4: a dry run of resume and of rollback on a journal left pending each says what
// that run would do, in --json (`result.steps_to_run`, `result.steps_to_undo`) as in the text
// (`would run:`, `would undo:`): resume the steps left, in order, up to verify-site; rollback the
// steps it would undo, in undo order, the step begun and not done among them. Nothing changes.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/built_tools.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using e2e::RunAspnetFixer;
using test_support::Ran;
using test_support::Slurp;
using StepIds = std::vector<std::string>;

constexpr const char* kDryRunMachine =
    "os: windows-xp-professional\n"
    "frameworks: ['1.0']\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n";

nlohmann::json RunDryRunJson(std::vector<std::string> args) {
  args.push_back("--json");
  const Ran r = RunAspnetFixer(args);
  EXPECT_EQ(r.exit_code, 0) << args[0] << ":\n" << r.out << r.err;
  return nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
}

// Whether `part` is `whole` with some ids left out, in the same order.
bool InOrderWithin(const StepIds& part, const StepIds& whole) {
  size_t at = 0;
  for (const std::string& id : part) {
    while (at < whole.size() && whole[at] != id) ++at;
    if (at == whole.size()) return false;
    ++at;
  }
  return true;
}

TEST(PendingDryRuns, EachSaysWhatItsRunWouldDo) {
  const test_support::TempFolder dir("pending_dry_runs");
  const std::string machine = dir.Write("m.yaml", kDryRunMachine).string();
  // A keep-sid repair killed in the middle, its journal left pending (two copies: one per verb).
  ASSERT_TRUE(RunAspnetFixer({"apply", "--machine", machine, "--kill-at-mutation", "8"}).signaled);
  const std::string file = Slurp(machine), log = Slurp(machine + ".log");
  const std::string other = dir.Write("r.yaml", file).string();
  dir.Write("r.yaml.log", log);

  const nlohmann::json resume = RunDryRunJson({"resume", "--machine", machine, "--dry-run"});
  const nlohmann::json rollback = RunDryRunJson({"rollback", "--machine", machine, "--dry-run"});
  ASSERT_TRUE(resume.is_object() && rollback.is_object());
  EXPECT_EQ(resume["outcome"], "planned");
  EXPECT_EQ(rollback["outcome"], "planned");
  const StepIds to_run = resume["result"]["steps_to_run"].get<StepIds>();
  const StepIds to_undo = rollback["result"]["steps_to_undo"].get<StepIds>();
  ASSERT_FALSE(to_run.empty()) << resume.dump(2);
  ASSERT_FALSE(to_undo.empty()) << rollback.dump(2);
  EXPECT_EQ(to_run.back(), "verify-site");
  EXPECT_EQ(resume["result"]["steps_to_undo"].get<StepIds>(), StepIds{});
  EXPECT_EQ(rollback["result"]["steps_to_run"].get<StepIds>(), StepIds{});
  EXPECT_EQ(Slurp(machine), file) << "a dry run changed the machine file";
  EXPECT_EQ(Slurp(machine + ".log"), log) << "a dry run changed the log";

  // The text says the same, a line each.
  const Ran text = RunAspnetFixer({"rollback", "--machine", machine, "--dry-run"});
  for (const std::string& id : to_undo) EXPECT_NE(text.out.find("  would undo: " + id + "\n"), std::string::npos);
  EXPECT_EQ(text.out.find("would run:"), std::string::npos) << text.out;

  // The runs the dry runs spoke for do those steps: rollback undoes exactly them, in that order;
  // resume runs them (a step run again only to set the temporary password is not counted done).
  const nlohmann::json undone = RunDryRunJson({"rollback", "--machine", machine});
  EXPECT_EQ(undone["result"]["steps_undone"].get<StepIds>(), to_undo) << undone.dump(2);
  const nlohmann::json resumed = RunDryRunJson({"resume", "--machine", other});
  const StepIds done = resumed["result"]["steps_done"].get<StepIds>();
  EXPECT_EQ(done.back(), "verify-site");
  EXPECT_TRUE(InOrderWithin(done, to_run)) << resumed.dump(2);
  EXPECT_LE(to_run.size(), done.size() + 1);
}

}  // namespace
