// An --out file that holds a repair that did not end (a killed run's file and log, or a journal
// left unfinished) may be the only record of a half-done repair on a customer's machine: every verb
// that writes an --out (diagnose, plan, apply, resume, rollback, their dry runs, capture) refuses
// it before any work, exit 2, naming the file and what to do, the file and its log byte-identical
// and nothing else written. Resumed with --machine, the file is free again.
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/built_tools.h"
#include "fixer/exit_code.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;

using e2e::RunAspnetFixer;
using test_support::Ran;
using test_support::Slurp;
using ::testing::HasSubstr;

constexpr const char* kCustomersMachine =
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n";

// Seed 1: ASPNET is ...-1003. A keep-sid run that stopped its services and went no further.
constexpr const char* kPendingJournal =
    "os: windows-xp-professional\n"
    "frameworks: ['1.0']\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n"
    "journal:\n"
    "  - {seq: 0, step: plan, phase: begin, data: {strategy: keep-sid, account: ASPNET, sid: "
    "S-1-5-21-2433363436-3203108257-4170425070-1003, steps: \"stop-services,set-temp-password,lift-restrictions,"
    "create-profile,restore-restrictions,register,start-services,verify-site\"}}\n"
    "  - {seq: 1, step: stop-services, phase: begin, data: {services: W3SVC}}\n";

// Every verb that writes an --out, as typed after `aspnet-fixer`.
const std::vector<std::vector<std::string>> kVerbsWritingOut = {
    {"diagnose"}, {"plan"},     {"apply", "--dry-run"},    {"apply"},   {"resume", "--dry-run"},
    {"resume"},   {"rollback"}, {"rollback", "--dry-run"}, {"capture"},
};

std::string Named(const std::vector<std::string>& args) { return args.size() > 1 ? args[0] + " " + args[1] : args[0]; }

class OutRepairTest : public ::testing::Test {
 protected:
  // `verb` with --machine m.yaml --out o.yaml (and `extra`).
  Ran RunOnto(std::vector<std::string> verb, const std::vector<std::string>& extra = {}) const {
    verb.insert(verb.begin() + 1, {"--machine", machine_.string(), "--out", out_.string()});
    verb.insert(verb.end(), extra.begin(), extra.end());
    return RunAspnetFixer(verb);
  }

  // Every verb is refused with `why` in its message; o.yaml (and its log) as they were.
  void ExpectEveryVerbRefused(const std::string& why) const {
    const std::string file_before = Slurp(out_);
    const bool had_log = fs::exists(log_);
    const std::string log_before = had_log ? Slurp(log_) : "";
    const std::vector<std::string> names_before = dir_.Names();
    for (const std::vector<std::string>& verb : kVerbsWritingOut) {
      const Ran r = RunOnto(verb);
      EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << Named(verb) << ":\n" << r.out << r.err;
      // Said on standard output too, as every --out not written is (README's exit 2).
      EXPECT_THAT(r.out, ::testing::StartsWith("Not written: " + out_.string() + ": holds a repair that did not end ("))
          << Named(verb);
      EXPECT_THAT(r.out, ::testing::EndsWith("\nNothing was changed.\n")) << Named(verb);
      EXPECT_THAT(r.err, HasSubstr("aspnet-fixer " + verb[0] + ": " + out_.string() +
                                   ": holds a repair that did not end (" + why + ")"))
          << Named(verb);
      EXPECT_THAT(r.err, HasSubstr("resume it or roll it back with --machine " + out_.string() + ", or remove "))
          << Named(verb);
      EXPECT_EQ(Slurp(out_), file_before) << Named(verb);
      if (had_log) {
        EXPECT_EQ(Slurp(log_), log_before) << Named(verb);
      }
      EXPECT_EQ(Slurp(machine_), kCustomersMachine) << Named(verb);
      EXPECT_EQ(dir_.Names(), names_before) << Named(verb) << " left a file";
    }
    const Ran j = RunOnto({"apply"}, {"--json"});
    EXPECT_EQ(j.exit_code, 2);
    const nlohmann::json report = nlohmann::json::parse(j.out, nullptr, /*allow_exceptions=*/false);
    ASSERT_TRUE(report.is_object()) << j.out;
    EXPECT_EQ(report["outcome"], "input-error");
    EXPECT_EQ(report["exit_code"], 2);
    EXPECT_THAT(report.value("error", std::string()),
                HasSubstr(out_.string() + ": holds a repair that did not end (" + why + ")"));
    EXPECT_THAT(report.value("not_written", std::string()),
                HasSubstr(out_.string() + ": holds a repair that did not end (" + why + ")"))
        << j.out;
  }

  const test_support::TempFolder dir_{"aspnet_fixer_out_repair"};
  const fs::path machine_ = dir_.Write("m.yaml", kCustomersMachine);
  const fs::path out_ = dir_ / "o.yaml";
  const fs::path log_ = dir_ / "o.yaml.log";
};

TEST_F(OutRepairTest, AKilledRunsOutAndLogAreNeverReplaced) {
  ASSERT_TRUE(RunOnto({"apply"}, {"--kill-at-mutation", "8"}).signaled);
  ASSERT_TRUE(fs::exists(log_)) << "the killed run left no log";
  ExpectEveryVerbRefused(log_.string() + " holds 4 records of a run that was stopped before it saved the file");

  // Resumed where it is, the repair ends and o.yaml is an --out like any other again.
  const Ran resumed = RunAspnetFixer({"resume", "--machine", out_.string()});
  EXPECT_EQ(resumed.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << resumed.out << resumed.err;
  EXPECT_FALSE(fs::exists(log_));
  const Ran again = RunOnto({"apply"});
  EXPECT_EQ(again.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << again.out << again.err;
}

TEST_F(OutRepairTest, AJournalLeftUnfinishedIsNeverReplaced) {
  dir_.Write("o.yaml", kPendingJournal);
  ExpectEveryVerbRefused("its journal holds a run left unfinished");
  EXPECT_EQ(Slurp(out_), kPendingJournal);
}

// The message README.md quotes is the one the tool prints, word for word.
TEST_F(OutRepairTest, TheMessageIsTheOneReadmeQuotes) {
  dir_.Write("o.yaml", kPendingJournal);
  const Ran r = test_support::RunProgram(
      {.program = ASPNET_FIXER_BIN, .args = {"apply", "--machine", "m.yaml", "--out", "o.yaml"}, .cwd = dir_.path()});
  const std::string said =
      "aspnet-fixer apply: o.yaml: holds a repair that did not end (its journal holds a run left unfinished): writing "
      "the machine there would lose the only record of it; resume it or roll it back with --machine o.yaml, or "
      "remove o.yaml to write there";
  EXPECT_EQ(r.err, said + "\n");
  std::string readme;  // README.md as read: every run of whitespace one space
  for (const char c : Slurp(std::string(FIXUP_SOURCE_DIR) + "/README.md")) {
    const bool space = c == ' ' || c == '\n';
    if (!(space && !readme.empty() && readme.back() == ' ')) readme += space ? ' ' : c;
  }
  EXPECT_THAT(readme, HasSubstr("(`" + said + "`)"));
}

// The control: an --out that holds a machine and no unfinished run is replaced, as --out promises.
TEST_F(OutRepairTest, AnOutWithNoRepairPendingIsReplaced) {
  dir_.Write("o.yaml", kCustomersMachine);
  const Ran r = RunOnto({"apply"});
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << r.out << r.err;
  EXPECT_NE(Slurp(out_), kCustomersMachine);
  EXPECT_EQ(Slurp(machine_), kCustomersMachine);
}

}  // namespace
