// journal_errors.h: the Windows journal's errors, Windows' text first.
#include "journal_errors.h"

#include "fixer/text.h"
#include "fixer/win_error.h"

namespace win32 {

namespace {

std::string Journal(std::string_view folder) { return std::string(folder) + "\\journal.txt"; }
std::string Temporary(std::string_view folder) { return std::string(folder) + "\\journal.tmp"; }

// What the journal was doing, naming the file or folder it was doing it to.
std::string Doing(JournalOp op, std::string_view folder) {
  switch (op) {
    case JournalOp::kFindFolder:
      return "The all-users application data folder (SHGetFolderPath, CSIDL_COMMON_APPDATA), where the journal's "
             "folder aspnet-fixer is kept, could not be found";
    case JournalOp::kReadFolder:
      return "The journal's folder " + std::string(folder) + " could not be read (its owner and permissions)";
    case JournalOp::kCreateFolder: return "The journal's folder " + std::string(folder) + " could not be created";
    case JournalOp::kRead: return "The journal " + Journal(folder) + " could not be read";
    case JournalOp::kCreateTemporary:
      return "The journal " + Journal(folder) + " could not be written: its new text's file " + Temporary(folder) +
             " could not be created";
    case JournalOp::kWriteTemporary:
      return "The journal " + Journal(folder) + " could not be written: its new text could not be written to " +
             Temporary(folder);
    case JournalOp::kReplace:
      return "The journal " + Journal(folder) + " could not be written: " + Temporary(folder) +
             ", its new text, could not be moved over it";
    case JournalOp::kDelete: return "The journal " + Journal(folder) + " could not be deleted";
  }
  return "The journal " + Journal(folder) + " could not be used";
}

}  // namespace

fixer::Status JournalError(uint32_t error, JournalOp op, std::string_view folder) {
  return fixer::Status::Explained(error, Doing(op, folder));
}

fixer::Status JournalFolderNotForAdministrators(std::string_view folder, std::string_view why) {
  return fixer::Status::Explained(
      fixer::kErrorAccessDenied,
      fixer::Text(FMT_COMPILE("The journal's folder {} is not for administrators only: {}; a journal someone else "
                              "can write would steer this repair, so it is neither read nor written. Look at the "
                              "folder (and any journal.txt in it), delete it, and run again"),
                  folder, why));
}

}  // namespace win32
