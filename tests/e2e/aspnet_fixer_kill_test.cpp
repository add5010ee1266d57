// Real crashes: `aspnet-fixer apply` runs as a real process on a state file and is killed with
// SIGKILL right before its Nth mutating call (after the log record the tool appends there, if
// any: each journal record with the changes before it), for every N in turn, with each strategy,
// so every append point is a kill point. Then `aspnet-fixer resume` (or `apply`, when the kill
// came before the journal's first record) must find a state file and log that load and bring the
// machine to fixed: site up, services as found, every grant working, no journal and no log
// left; keep-sid keeps the SID, recreate re-grants to the new one.
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/built_tools.h"
#include "fakes/machine_log.h"
#include "fakes/machine_yaml.h"
#include "fakes/sam.h"
#include "fakes/web_requests.h"
#include "sim/invariants.h"
#include "support/affected_machine.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;

using e2e::RunAspnetFixer;

class KillTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto loaded = fakes::LoadMachineText(test_support::kAffectedMachine, "affected.yaml");
    ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
    found_ = *loaded.value;
  }

  const test_support::TempFolder dir_{"aspnet_fixer_kill"};
  fakes::MachineState found_;
};

TEST_P(KillTest, EveryKillPointResumesToAFixedMachine) {
  const std::string strategy = GetParam();
  const std::string file = (dir_ / "machine.yaml").string();
  int kill_points = 0;
  std::set<uint64_t> records_at_kill;  // how many log records each kill left behind
  for (int n = 1; n <= 400; ++n) {
    ASSERT_TRUE(fakes::SaveMachineFile(found_, file).ok());
    const test_support::Ran first =
        RunAspnetFixer({"apply", "--machine", file, "--strategy", strategy, "--kill-at-mutation", std::to_string(n)});
    if (!first.signaled) {
      // Past the last mutation: the run finished on its own.
      EXPECT_EQ(first.exit_code, 0) << "kill point " << n;
      break;
    }
    ++kill_points;
    EXPECT_EQ(first.signal, SIGKILL);

    // The file and its log load, and no temporary file is left beside them.
    auto after_kill = fakes::OpenMachineFile(file);
    ASSERT_TRUE(after_kill.ok()) << "kill point " << n << ": " << after_kill.error->ToString();
    records_at_kill.insert(after_kill.value->log.records);
    for (const auto& entry : fs::directory_iterator(dir_.path())) {
      EXPECT_TRUE(entry.path().filename() == "machine.yaml" || entry.path().filename() == "machine.yaml.log")
          << "kill point " << n << " left " << entry.path();
    }

    const bool journaled = !after_kill.value->state.journal.empty();
    const test_support::Ran second = journaled ? RunAspnetFixer({"resume", "--machine", file})
                                               : RunAspnetFixer({"apply", "--machine", file, "--strategy", strategy});
    EXPECT_FALSE(second.signaled);
    EXPECT_EQ(second.exit_code, 0) << "kill point " << n << (journaled ? " (resume)" : " (apply)");

    auto end = fakes::LoadMachineFile(file);
    ASSERT_TRUE(end.ok());
    const fakes::MachineState& now = *end.value;
    EXPECT_TRUE(now.journal.empty()) << "kill point " << n;
    EXPECT_FALSE(fs::exists(file + ".log")) << "kill point " << n << ": the resumed run ends with a checkpoint";
    for (const auto& [app, status] : fakes::StatusOfEveryApp(now))
      EXPECT_EQ(status, 200) << app << " at kill point " << n;
    EXPECT_TRUE(sim::ServicesAsFound(found_, now).passed) << sim::ServicesAsFound(found_, now).actual;
    const auto grants = sim::GrantsStillWork(found_, now, "ASPNET");
    EXPECT_TRUE(grants.passed) << "kill point " << n << ": " << grants.actual;
    EXPECT_TRUE(sim::WorkerPasswordIsTheSecret(now, "ASPNET").passed) << "kill point " << n;
    if (strategy == "keep-sid") {
      EXPECT_EQ(fakes::UserSidIn(found_, "ASPNET"), fakes::UserSidIn(now, "ASPNET"))
          << "keep-sid must keep the SID (kill point " << n << ")";
    }
  }
  EXPECT_GT(kill_points, 10);  // the repair makes dozens of changes; each was a kill point
  // Each append was followed by a kill: every record count from 0 to the last was seen.
  ASSERT_FALSE(records_at_kill.empty());
  EXPECT_GT(*records_at_kill.rbegin(), 10u);
  EXPECT_EQ(records_at_kill.size(), *records_at_kill.rbegin() + 1) << "a record no kill came right after";
}

// A kill during the final checkpoint (after its temporary file, before the rename) leaves
// "machine.yaml.tmp.PID" beside the file: the next run of a verb that changes the machine removes
// it, as the PID's process is dead, and never the temporary file of a process that lives.
TEST_P(KillTest, TheNextRunRemovesTheTemporaryFileOfAKilledCheckpoint) {
  const std::string file = (dir_ / "machine.yaml").string();
  ASSERT_TRUE(fakes::SaveMachineFile(found_, file).ok());
  // The shell says its PID and becomes aspnet-fixer (exec keeps the PID), killed at its 1st change.
  const test_support::Ran killed =
      test_support::RunProgram({.program = "/bin/sh",
                                .args = {"-c", "echo $$; exec \"$0\" \"$@\"", ASPNET_FIXER_BIN, "apply", "--machine",
                                         file, "--strategy", GetParam(), "--kill-at-mutation", "1"}});
  ASSERT_TRUE(killed.signaled) << killed.err;
  const std::string killed_pid = killed.out.substr(0, killed.out.find('\n'));
  // What that process would have left had the kill come in its checkpoint; and a live process's.
  const std::string left = file + ".tmp." + killed_pid, live = file + ".tmp." + std::to_string(::getpid());
  std::ofstream(left) << "half a machine";
  std::ofstream(live) << "a write under way";

  const test_support::Ran next = RunAspnetFixer({"apply", "--machine", file, "--strategy", GetParam()});
  EXPECT_EQ(next.exit_code, 0) << next.out << next.err;
  EXPECT_FALSE(fs::exists(left)) << "the killed process's temporary file is left";
  EXPECT_TRUE(fs::exists(live)) << "a live process's temporary file was removed";
  fs::remove(live);
}

INSTANTIATE_TEST_SUITE_P(Strategies, KillTest, ::testing::Values("keep-sid", "recreate"),
                         [](const auto& info) { return info.param == "keep-sid" ? "KeepSid" : "Recreate"; });

}  // namespace
