// What each failure of the Windows journal (journal_win32.cpp) says, as every error of the tools
// does: the number, Windows' text for it, then what the journal was doing and the file or folder
// it names. Pure text: tested on the host (tests/win32/).
//
//   fixer::Status st = win32::JournalError(33, win32::JournalOp::kRead, "C:\\...\\aspnet-fixer");
//   // "33: The process cannot access the file because another process has locked a portion of the
//   // file. The journal C:\...\aspnet-fixer\journal.txt could not be read."
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "fixer/result.h"

namespace win32 {

// What the journal was doing when Windows answered an error.
enum class JournalOp : uint8_t {
  kFindFolder,       // SHGetFolderPath(CSIDL_COMMON_APPDATA): the folder that holds the journal's
  kReadFolder,       // the journal's folder: its attributes, owner or DACL
  kCreateFolder,     // CreateDirectory of the journal's folder
  kRead,             // journal.txt
  kCreateTemporary,  // journal.tmp, the new journal before it is moved over journal.txt
  kWriteTemporary,
  kReplace,  // MoveFileEx of journal.tmp over journal.txt
  kDelete,   // DeleteFile of journal.txt (Clear)
};

// `folder` is the journal's folder (%ALLUSERSPROFILE%\Application Data\aspnet-fixer); unused for
// kFindFolder, which has none yet.
fixer::Status JournalError(uint32_t error, JournalOp op, std::string_view folder);
// 5, a journal's folder someone other than the administrators can change: `why` says who.
fixer::Status JournalFolderNotForAdministrators(std::string_view folder, std::string_view why);

}  // namespace win32
