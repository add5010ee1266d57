// Real crashes: `aspnet-fixer apply` runs as a real process on a state file and is killed with
// SIGKILL right before its Nth mutating call (the tool saves the state before every mutation,
// so this is a power cut between two changes), for every N in turn, with each strategy. Then
// `aspnet-fixer resume` (or `apply`, when the kill came before the journal's first record) must
// find a whole state file and bring the machine to fixed: site up, services as found, every
// grant working, no journal left; keep-sid keeps the SID, recreate re-grants to the new one.
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <boost/process.hpp>
#include <gtest/gtest.h>

#include "fakes/machine_yaml.h"
#include "fakes/sam.h"
#include "fakes/web_requests.h"
#include "sim/invariants.h"

namespace {

namespace bp = boost::process;
namespace fs = std::filesystem;

constexpr const char* kAffectedXp =
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n";

struct Exit {
  bool killed = false;  // ended by a signal
  int code = -1;
};

Exit Fixer(const std::vector<std::string>& args) {
  bp::child c(bp::exe = ASPNET_FIXER_BIN, bp::args = args, bp::std_out > bp::null, bp::std_err > bp::null);
  c.wait();
  const int status = c.native_exit_code();
  if (WIFSIGNALED(status)) return {true, WTERMSIG(status)};
  return {false, WEXITSTATUS(status)};
}

class KillTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("aspnet_fixer_kill_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    auto loaded = fakes::LoadMachineText(kAffectedXp, "affected.yaml");
    ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
    found_ = *loaded.value;
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  fakes::MachineState found_;
};

TEST_P(KillTest, EveryKillPointResumesToAFixedMachine) {
  const std::string strategy = GetParam();
  const std::string file = (dir_ / "machine.yaml").string();
  int kill_points = 0;
  for (int n = 1; n <= 400; ++n) {
    ASSERT_TRUE(fakes::SaveMachineFile(found_, file).ok());
    const Exit first =
        Fixer({"apply", "--machine", file, "--strategy", strategy, "--kill-at-mutation", std::to_string(n)});
    if (!first.killed) {
      // Past the last mutation: the run finished on its own.
      EXPECT_EQ(first.code, 0) << "kill point " << n;
      break;
    }
    ++kill_points;
    EXPECT_EQ(first.code, SIGKILL);

    // The file is whole: it loads, and no temporary file is left beside it.
    auto after_kill = fakes::LoadMachineFile(file);
    ASSERT_TRUE(after_kill.ok()) << "kill point " << n << ": " << after_kill.error->ToString();
    for (const auto& entry : fs::directory_iterator(dir_))
      EXPECT_EQ(entry.path().filename(), "machine.yaml") << "kill point " << n << " left " << entry.path();

    const bool journaled = !after_kill.value->journal.empty();
    const Exit second = journaled ? Fixer({"resume", "--machine", file})
                                  : Fixer({"apply", "--machine", file, "--strategy", strategy});
    EXPECT_FALSE(second.killed);
    EXPECT_EQ(second.code, 0) << "kill point " << n << (journaled ? " (resume)" : " (apply)");

    auto end = fakes::LoadMachineFile(file);
    ASSERT_TRUE(end.ok());
    const fakes::MachineState& now = *end.value;
    EXPECT_TRUE(now.journal.empty()) << "kill point " << n;
    for (const auto& [app, status] : fakes::StatusOfEveryApp(now)) EXPECT_EQ(status, 200) << app << " at kill point " << n;
    EXPECT_TRUE(sim::ServicesAsFound(found_, now).passed) << sim::ServicesAsFound(found_, now).actual;
    const auto grants = sim::GrantsStillWork(found_, now, "ASPNET");
    EXPECT_TRUE(grants.passed) << "kill point " << n << ": " << grants.actual;
    EXPECT_TRUE(sim::WorkerSecretLogsOn(now, "ASPNET").passed) << "kill point " << n;
    if (strategy == "keep-sid") {
      EXPECT_EQ(fakes::UserSidIn(found_, "ASPNET"), fakes::UserSidIn(now, "ASPNET"))
          << "keep-sid must keep the SID (kill point " << n << ")";
    }
  }
  EXPECT_GT(kill_points, 10);  // the repair makes dozens of changes; each was a kill point
}

INSTANTIATE_TEST_SUITE_P(Strategies, KillTest, ::testing::Values("keep-sid", "recreate"),
                         [](const auto& info) { return info.param == "keep-sid" ? "KeepSid" : "Recreate"; });

}  // namespace
