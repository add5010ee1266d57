// A machine log that exists and cannot be read is the journal's read failing (README: diagnose and
// plan exit 1, apply exit 3, diagnose-failed): the journal port answers the log's own error at
// every read, however many a run makes, and the error names the log, as every other file error
// names its file. The log here is a folder where the log goes: reading it fails as a denied read
// does (EISDIR, 5: Access is denied.), for root too.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "app/verbs.h"
#include "fakes/state_file_backend.h"
#include "fixer/exit_code.h"
#include "fixer/win_error.h"
#include "support/affected_machine.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;

class UnreadableLogTest : public ::testing::Test {
 protected:
  UnreadableLogTest() { fs::create_directory(dir_ / "m.yaml.log"); }

  fakes::Loaded<std::unique_ptr<fakes::StateFileBackend>> Open(bool changes) const {
    return fakes::StateFileBackend::Open({.path = machine_.string(), .changes = changes});
  }
  // "Access is denied. The log <dir>/m.yaml.log could not be read.": the error's text, its number apart.
  std::string Named() const {
    return "Access is denied. The log " + (dir_ / "m.yaml.log").string() + " could not be read.";
  }

  // A document's text with every run of whitespace (a line break, an indent) one space, as read.
  static std::string AsRead(const std::string& doc) {
    std::ifstream in(std::string(FIXUP_SOURCE_DIR) + "/" + doc);
    std::stringstream text;
    text << in.rdbuf();
    std::string out;
    for (const char c : text.str()) {
      const bool space = c == ' ' || c == '\n' || c == '\t';
      if (space && !out.empty() && out.back() == ' ') continue;
      out += space ? ' ' : c;
    }
    return out;
  }

  const test_support::TempFolder dir_{"unreadable_log"};
  const fs::path machine_ = dir_.Write("m.yaml", test_support::kAffectedMachine);
};

TEST_F(UnreadableLogTest, EveryReadOfTheJournalAnswersTheLogsErrorNamingIt) {
  auto opened = Open(false);
  ASSERT_TRUE(opened.ok()) << opened.error->ToString();
  fixer::Journal& journal = (*opened.value)->ports().journal;
  for (int read = 1; read <= 200; ++read) {
    const auto records = journal.Load();
    ASSERT_FALSE(records.ok()) << "read " << read << " found a journal the log's records were never read into";
    EXPECT_EQ(records.status().code(), fixer::kErrorAccessDenied);
    EXPECT_EQ(records.status().message(), Named());
  }
}

TEST_F(UnreadableLogTest, DiagnoseAndPlanSayTheReadThatFailedWithTheLogsName) {
  for (const app::Verb verb : {app::Verb::kDiagnose, app::Verb::kPlan}) {
    SCOPED_TRACE(std::string(app::ToString(verb)));
    auto opened = Open(false);
    ASSERT_TRUE(opened.ok()) << opened.error->ToString();
    const app::VerbRun run = app::RunVerb(**opened.value, verb, fixer::Options{});
    EXPECT_EQ(run.exit_code, fixer::ExitCode::kFailed) << app::RunText(run);
    EXPECT_EQ(app::ReadErrorOf(run), "5: " + Named()) << app::RunText(run);
    EXPECT_NE(app::RunText(run).find("5: " + Named()), std::string::npos) << app::RunText(run);
  }
}

TEST_F(UnreadableLogTest, ApplyRefusesNamingTheLogAndChangesNothing) {
  auto opened = Open(true);
  ASSERT_TRUE(opened.ok()) << opened.error->ToString();
  const app::VerbRun run = app::RunVerb(**opened.value, app::Verb::kApply, fixer::Options{});
  EXPECT_EQ(run.exit_code, fixer::ExitCode::kRefused) << app::RunText(run);
  EXPECT_EQ(run.outcome, "refused") << app::RunText(run);
  EXPECT_NE(app::RunText(run).find("The machine could not be read: 5: " + Named()), std::string::npos)
      << app::RunText(run);
  EXPECT_EQ(test_support::Slurp(machine_), test_support::kAffectedMachine);
  EXPECT_TRUE(fs::is_directory(dir_ / "m.yaml.log")) << "the log was replaced";
}

// Audit 23 item 1: README quoted another wording (`5: m.yaml.log: cannot read machine log: Access is
// denied.`) than the tool's and docs/machine-format.md's: both documents quote what a run says, the
// log named `m.yaml.log` as they name it.
TEST_F(UnreadableLogTest, TheDocumentsQuoteWhatTheToolSays) {
  const fs::path cwd = fs::current_path();
  fs::current_path(dir_.path());
  auto opened = fakes::StateFileBackend::Open({.path = "m.yaml", .changes = false});
  fs::current_path(cwd);
  ASSERT_TRUE(opened.ok()) << opened.error->ToString();
  const auto records = (*opened.value)->ports().journal.Load();
  ASSERT_FALSE(records.ok());
  const std::string said = records.status().ToString();
  EXPECT_EQ(said, "5: Access is denied. The log m.yaml.log could not be read.");
  for (const char* doc : {"README.md", "docs/machine-format.md"})
    EXPECT_NE(AsRead(doc).find("(`" + said), std::string::npos) << doc << " does not quote: " << said;
}

}  // namespace
