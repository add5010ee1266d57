// The Windows journal's errors (win32/src/journal_errors.h), on the host: each says its number,
// Windows' text for it, then what the journal was doing and the file or folder it names.
#include "journal_errors.h"

#include <gtest/gtest.h>

#include "fixer/win_error.h"

namespace {

constexpr std::string_view kFolder = "C:\\Documents and Settings\\All Users\\Application Data\\aspnet-fixer";

// "N: <Windows text> <the tool's words>": the number and Windows' text come first.
void ExpectWindowsTextFirst(const fixer::Status& st, uint32_t code) {
  EXPECT_EQ(st.code(), code);
  const std::string head = std::to_string(code) + ": " + std::string(fixer::WinErrorText(code)) + " ";
  EXPECT_EQ(st.ToString().substr(0, head.size()), head) << st;
  EXPECT_EQ(st.message().back(), '.') << st;
}

TEST(JournalErrors, AFailedReadSaysWindowsTextThenNamesJournalTxt) {
  const fixer::Status st = win32::JournalError(33, win32::JournalOp::kRead, kFolder);
  ExpectWindowsTextFirst(st, 33);
  EXPECT_EQ(st.ToString(),
            "33: The process cannot access the file because another process has locked a portion of the file. "
            "The journal C:\\Documents and Settings\\All Users\\Application Data\\aspnet-fixer\\journal.txt could "
            "not be read.");
}

TEST(JournalErrors, EachWriteStepNamesTheFileItWasWriting) {
  const std::string journal = std::string(kFolder) + "\\journal.txt", temp = std::string(kFolder) + "\\journal.tmp";
  for (win32::JournalOp op :
       {win32::JournalOp::kCreateTemporary, win32::JournalOp::kWriteTemporary, win32::JournalOp::kReplace}) {
    const fixer::Status st = win32::JournalError(112, op, kFolder);
    ExpectWindowsTextFirst(st, 112);
    EXPECT_NE(st.message().find("The journal " + journal + " could not be written"), std::string::npos) << st;
    EXPECT_NE(st.message().find(temp), std::string::npos) << st;
  }
  const fixer::Status deleted = win32::JournalError(5, win32::JournalOp::kDelete, kFolder);
  ExpectWindowsTextFirst(deleted, 5);
  EXPECT_NE(deleted.message().find(journal + " could not be deleted"), std::string::npos) << deleted;
}

TEST(JournalErrors, FolderErrorsNameTheFolder) {
  for (win32::JournalOp op : {win32::JournalOp::kReadFolder, win32::JournalOp::kCreateFolder}) {
    const fixer::Status st = win32::JournalError(5, op, kFolder);
    ExpectWindowsTextFirst(st, 5);
    EXPECT_NE(st.message().find("The journal's folder " + std::string(kFolder)), std::string::npos) << st;
  }
  ExpectWindowsTextFirst(win32::JournalError(3, win32::JournalOp::kFindFolder, ""), 3);
}

TEST(JournalErrors, AFolderNotForAdministratorsIs5AccessDeniedThenTheReason) {
  const fixer::Status st = win32::JournalFolderNotForAdministrators(
      kFolder, "an ACE lets S-1-1-0 change it or what is in it (access 0x1f01ff)");
  ExpectWindowsTextFirst(st, 5);
  EXPECT_EQ(st.ToString().rfind("5: Access is denied. The journal's folder " + std::string(kFolder) +
                                    " is not for administrators only: an ACE lets S-1-1-0 change it",
                                0),
            0u)
      << st;
  EXPECT_NE(st.message().find("delete it, and run again."), std::string::npos) << st;
}

}  // namespace
