// What the re-grant steps of a recreate write: every item in the report (RunResult::regranted and
// its "regrant:" lines), one line per item in the log at debug level only (a machine may hold
// 100,000 objects naming ASPNET), and one summary line per step at info level.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/verbs.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kGrantedFolders = 3;

// An affected XP machine whose ASPNET holds an ACE on each of kGrantedFolders folders.
fakes::MachineState AffectedWithAces() {
  std::string text =
      "os: windows-xp-professional\n"
      "frameworks: [\"1.0\"]\n"
      "hotfixes: [MS03-032]\n"
      "applications:\n"
      "  - path: /LM/W3SVC/1/ROOT/app\n"
      "objects:\n";
  for (int i = 0; i < kGrantedFolders; ++i) {
    text += "  - file: 'C:\\Inetpub\\wwwroot\\data" + std::to_string(i) + "'\n" +
            "    acl: [{allow: Administrators, mask: full}, {allow: ASPNET, mask: modify, flags: [OI, CI]}]\n";
  }
  auto loaded = fakes::LoadMachineText(text, "aces.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return *loaded.value;
}

app::VerbRun Recreate(bool verbose) {
  fakes::Machine machine(AffectedWithAces());
  fakes::MachineBackend backend(machine);
  fixer::Options options;
  options.strategy = fixer::Strategy::kRecreate;
  return app::RunVerb(backend, app::Verb::kApply, options, verbose);
}

// "[info] step regrant-aces: re-granted 8 of 8 items": every object re-granted its ACEs (the
// folders above and those aspnet_regiis granted ASPNET when it was installed).
std::string AceSummary(const app::VerbRun& run) {
  int n = 0;
  for (const auto& item : run.result->regranted) n += item.kind == "ace" && item.ok ? 1 : 0;
  EXPECT_GE(n, kGrantedFolders);
  return "[info] step regrant-aces: re-granted " + std::to_string(n) + " of " + std::to_string(n) + " items\n";
}

TEST(RegrantLog, SaysEachItemAtDebugAndOneSummaryPerStepAtInfo) {
  const app::VerbRun run = Recreate(/*verbose=*/false);
  ASSERT_EQ(run.exit_code, fixer::ExitCode::kOk) << app::RunTranscript(run);
  ASSERT_TRUE(run.result.has_value());

  EXPECT_THAT(run.log, HasSubstr(AceSummary(run)));
  EXPECT_THAT(run.log, HasSubstr("[info] step regrant-rights: re-granted "));
  EXPECT_THAT(run.log, HasSubstr("[info] step regrant-groups: re-granted "));
  EXPECT_THAT(run.log, HasSubstr("[info] step regrant-sql: re-granted 0 of 0 items\n"));
  EXPECT_THAT(run.log, Not(HasSubstr("re-granted ace"))) << "no line per object at info level";
  const std::string report = app::RunText(run);
  for (int i = 0; i < kGrantedFolders; ++i) {
    EXPECT_THAT(report, HasSubstr("  regrant: ace file C:\\Inetpub\\wwwroot\\data" + std::to_string(i) + ": 1 ACE\n"))
        << "the report still lists every object";
  }
}

TEST(RegrantLog, VerboseLogsEveryItem) {
  const app::VerbRun run = Recreate(/*verbose=*/true);
  ASSERT_EQ(run.exit_code, fixer::ExitCode::kOk) << app::RunTranscript(run);
  ASSERT_TRUE(run.result.has_value());
  for (int i = 0; i < kGrantedFolders; ++i) {
    EXPECT_THAT(run.log,
                HasSubstr("[debug] re-granted ace file C:\\Inetpub\\wwwroot\\data" + std::to_string(i) + ": 1 ACE\n"));
  }
  EXPECT_THAT(run.log, HasSubstr(AceSummary(run)));
}

}  // namespace
