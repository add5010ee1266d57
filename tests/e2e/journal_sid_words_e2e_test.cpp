// Audit 15, item 3: a malformed SID in a journal was said three ways ("bad SID", Windows' text
// alone, the loader's "malformed SID"), without the SID or Windows' number, at the record or its
// `data:` rather than at the value. Now one wording, the machine loader's, with the SID named and
// Windows' 1337 after it, at the value's line and column, the record named `journal record N`.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e/built_tools.h"
#include "fixer/exit_code.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;
using test_support::Ran;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kRecreateSteps =
    "stop-services,record-grants,delete-account,create-account,lift-restrictions,create-profile,"
    "restore-restrictions,register,regrant-rights,regrant-groups,regrant-aces,regrant-sql,start-services,verify-site";
constexpr const char* kAspnetSid = "S-1-5-21-2433363436-3203108257-4170425070-1003";  // seed 1's
constexpr const char* kWords =
    "malformed SID 'S-1-5-xx'; expected S-1-<authority>-<subauthority>... (1337: The security ID structure is "
    "invalid.)";

std::string MachineHead() {
  return "os: windows-xp-professional\n"
         "frameworks: ['1.0']\n"
         "hotfixes: [MS03-032]\n"
         "applications:\n"
         "  - path: /LM/W3SVC/1/ROOT/shop\n"
         "journal:\n";
}

std::string RecreatePlan(const std::string& sid) {
  return "  - {seq: 0, step: plan, phase: begin, data: {strategy: recreate, account: ASPNET, sid: " + sid +
         ", steps: \"" + kRecreateSteps + "\"}}\n";
}

// ":LINE:COL" of the first `needle` in `text`, as the tools count them (from 1).
std::string SidWordsPlace(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  const size_t line_start = text.rfind('\n', at) + 1;
  const size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  return ":" + std::to_string(line) + ":" + std::to_string(at - line_start + 1);
}

class JournalSidWordsTest : public ::testing::Test {
 protected:
  Ran Diagnose(const std::string& text, fs::path& file) const {
    file = dir_.Write("m.yaml", text);
    return e2e::RunAspnetFixer({"diagnose", "--machine", file.string()});
  }
  const test_support::TempFolder dir_{"journal_sid_words"};
};

TEST_F(JournalSidWordsTest, APlansMalformedSidIsSaidInTheLoadersWordsAtItsValue) {
  const std::string text = MachineHead() + RecreatePlan("S-1-5-xx");
  fs::path file;
  const Ran r = Diagnose(text, file);
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr(file.string() + SidWordsPlace(text, "S-1-5-xx") +
                               ": journal record 1: not a journal aspnet-fixer can resume or roll back: " + kWords))
      << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("bad SID")));
}

TEST_F(JournalSidWordsTest, ARecordedGrantsMalformedSidIsSaidInTheSameWordsAtItsValue) {
  const std::string text = MachineHead() + RecreatePlan(kAspnetSid) +
                           "  - {seq: 1, step: stop-services, phase: begin, data: {services: W3SVC}}\n"
                           "  - {seq: 2, step: stop-services, phase: done}\n"
                           "  - {seq: 3, step: record-grants, phase: begin}\n"
                           "  - {seq: 4, step: record-grants, phase: done, data: {ace.0: "
                           "'file|C:\\WINDOWS\\Temp|allow|S-1-5-xx|0x1f01ff|0x3'}}\n";
  fs::path file;
  const Ran r = Diagnose(text, file);
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr(file.string() + SidWordsPlace(text, "'file|") +
                               ": journal record 5: not a journal aspnet-fixer can resume or roll back: its recorded "
                               "grant ace.0: " +
                               kWords))
      << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("journal[5]")));
}

}  // namespace
