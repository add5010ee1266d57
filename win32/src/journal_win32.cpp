// Journal: a text file, %ALLUSERSPROFILE%\Application Data\aspnet-fixer\journal.txt (the
// all-users application data folder, SHGetFolderPath(CSIDL_COMMON_APPDATA)). Each Append
// writes the whole journal to journal.tmp with FILE_FLAG_WRITE_THROUGH, flushes it, and puts it
// in place with MoveFileEx(MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) (replace_file.h): a power loss
// leaves the old journal or the new one, never half of one. Format (journal_file.h): one record
// a line. The folder this tool creates is for administrators only (a protected DACL: Administrators
// and SYSTEM, full control): a journal a user could write would steer an administrator's resume.
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <sddl.h>
#include <shlobj.h>

#include "journal_file.h"
#include "replace_file.h"
#include "win32_ports.h"

namespace win32 {

namespace {

constexpr wchar_t kFolderName[] = L"aspnet-fixer";

fixer::Result<std::wstring> Folder() {
  wchar_t path[MAX_PATH];
  HRESULT hr = SHGetFolderPathW(nullptr, CSIDL_COMMON_APPDATA, nullptr, SHGFP_TYPE_CURRENT, path);
  if (FAILED(hr)) return Error(HRESULT_CODE(hr));
  return std::wstring(path) + L"\\" + kFolderName;
}

// The file's bytes; "" when there is no journal.
fixer::Result<std::string> ReadAll(const std::wstring& path) {
  File file(CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0, nullptr));
  if (!file.valid()) {
    DWORD error = GetLastError();
    if (error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND) return std::string();
    return Error(error);
  }
  std::string text;
  char chunk[64 * 1024];
  for (;;) {
    DWORD read = 0;
    // A failed read is an error, never the end of the file: ReadFile zeroes `read` before it
    // fails, and a journal read short would be rewritten short by the next Append.
    if (!ReadFile(file.get(), chunk, sizeof(chunk), &read, nullptr)) return LastError();
    if (read == 0) return text;  // end of file
    text.append(chunk, read);
  }
}

// Creates the journal's folder with a DACL of its own, not inheriting "All Users" one:
// Administrators and SYSTEM, full control, for the folder and what is made in it [SDDL]. A folder
// that exists already is left as it is.
fixer::Status CreateFolderForAdministrators(const std::wstring& folder) {
  PSECURITY_DESCRIPTOR sd = nullptr;
  if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(L"D:P(A;OICI;FA;;;BA)(A;OICI;FA;;;SY)", SDDL_REVISION_1,
                                                            &sd, nullptr)) {
    return LastError();
  }
  SECURITY_ATTRIBUTES attributes{sizeof(attributes), sd, FALSE};
  const BOOL created = CreateDirectoryW(folder.c_str(), &attributes);
  const DWORD error = created ? ERROR_SUCCESS : GetLastError();
  LocalFree(sd);
  if (!created && error != ERROR_ALREADY_EXISTS) return Error(error);
  return {};
}

}  // namespace

fixer::Result<std::vector<fixer::JournalRecord>> Win32Journal::Load() {
  auto folder = Folder();
  if (!folder) return folder.status();
  auto text = ReadAll(*folder + L"\\journal.txt");
  if (!text) return text.status();
  return ParseJournal(*text);
}

fixer::Status Win32Journal::Append(fixer::JournalRecord record) {
  auto folder = Folder();
  if (!folder) return folder.status();
  if (fixer::Status st = CreateFolderForAdministrators(*folder); !st.ok()) return st;
  const std::wstring path = *folder + L"\\journal.txt", temp = *folder + L"\\journal.tmp";
  auto text = ReadAll(path);
  if (!text) return text.status();
  if (std::optional<ReplaceFailure> failed = ReplaceFile(path, temp, *text + FormatJournalLine(record))) {
    return Error(failed->error);
  }
  changes_.Mark();
  return {};
}

fixer::Status Win32Journal::Clear() {
  auto folder = Folder();
  if (!folder) return folder.status();
  if (!DeleteFileW((*folder + L"\\journal.txt").c_str())) {
    DWORD error = GetLastError();
    if (error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND) return {};  // no journal: nothing to do
    return Error(error);
  }
  changes_.Mark();
  return {};
}

}  // namespace win32
