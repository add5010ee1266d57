// An error number is printed with Windows' text of it (fixer::WinErrorText), and the tool's own
// explanation follows as a sentence of its own (fixer::Status::Explained). "1067: the site still
// fails after the repair", "1327: a blank password cannot log on (runas)" and "87: the journal is
// unreadable: ..." paired a Windows number with the tool's words alone; the simulator's text of an
// unusable journal also differed from aspnet-fixer's for the same file.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fixer/ports/journal.h"
#include "fixer/result.h"

namespace {

namespace fs = std::filesystem;

TEST(WindowsTextWithNumber, AnExplainedErrorGivesWindowsTextFirst) {
  EXPECT_EQ(fixer::Status::Explained(1067, "the site still fails after the repair").ToString(),
            "1067: The process terminated unexpectedly. The site still fails after the repair.");
  EXPECT_EQ(fixer::Status::Explained(2224, "the old account still exists").message(),
            "The account already exists. The old account still exists.");
}

TEST(WindowsTextWithNumber, AnUnusableJournalIsSaidInOneText) {
  const fixer::JournalProblem problem{.record = 0, .why = "it does not start with its plan"};
  EXPECT_EQ(fixer::JournalProblemText(problem),
            "journal record 1: not a journal aspnet-fixer can resume or roll back: it does not start with its plan");
  const fixer::Status st = fixer::UnreadableJournal(problem);
  EXPECT_EQ(st.ToString(),
            "87: The parameter is incorrect. Journal record 1: not a journal aspnet-fixer can resume or roll back: it "
            "does not start with its plan.");
  EXPECT_TRUE(fixer::IsUnreadableJournal(st));
}

// The kind, not the examples: no source builds a Status from a number and words of its own that
// are not Windows' text (a lower-case literal is the tool's sentence, never Windows').
// Whether `s` builds a Status from a named error number and a lower-case literal:
// `Status(kX, "the ...")`, spaces and line breaks allowed between.
bool PairsANumberWithOwnWords(const std::string& s) {
  for (size_t at = s.find("Status("); at != std::string::npos; at = s.find("Status(", at + 1)) {
    size_t i = at + 7;
    auto skip_space = [&] {
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    };
    skip_space();
    if (s.compare(i, 7, "fixer::") == 0) i += 7;
    if (i >= s.size() || s[i] != 'k') continue;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
    if (i >= s.size() || s[i] != ',') continue;
    ++i;
    skip_space();
    if (i + 1 < s.size() && s[i] == '"' && std::islower(static_cast<unsigned char>(s[i + 1]))) return true;
  }
  return false;
}

TEST(WindowsTextWithNumber, NoStatusPairsANumberWithTheToolsWordsAlone) {
  EXPECT_TRUE(PairsANumberWithOwnWords("return Status(kErrorAccountRestriction, \"a blank password\");"));
  EXPECT_TRUE(PairsANumberWithOwnWords("Status(fixer::kErrorX,\n    \"the journal\")"));
  EXPECT_FALSE(PairsANumberWithOwnWords("Status::Explained(kErrorX, \"the journal\")"));
  EXPECT_FALSE(PairsANumberWithOwnWords("Status(kSqlLoginExists, \"The server principal\")"));
  size_t files = 0;
  for (const char* dir : {"fixer/src", "fakes/src", "sim/src", "sim/cli", "app/src", "win32/src"}) {
    if (!fs::exists(fs::path(FIXUP_SOURCE_DIR) / dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(FIXUP_SOURCE_DIR) / dir)) {
      if (entry.path().extension() != ".cpp" && entry.path().extension() != ".h") continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      EXPECT_FALSE(PairsANumberWithOwnWords(text.str())) << entry.path() << ": use fixer::Status::Explained";
      ++files;
    }
  }
  EXPECT_GT(files, 100u);
}

}  // namespace
