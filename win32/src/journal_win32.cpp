// Journal: a text file, %ALLUSERSPROFILE%\Application Data\aspnet-fixer\journal.txt (the
// all-users application data folder, SHGetFolderPath(CSIDL_COMMON_APPDATA)). Each Append
// writes the whole journal to journal.tmp with FILE_FLAG_WRITE_THROUGH, flushes it, and puts it
// in place with MoveFileEx(MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) (replace_file.h): a power loss
// leaves the old journal or the new one, never half of one. Format (journal_file.h): one record
// a line. The folder this tool creates is for administrators only (owner Administrators, a protected
// DACL: Administrators and SYSTEM, full control): a journal a user could write would steer an
// administrator's resume. A folder that is there already is trusted only when it is so too (its
// owner and every ACE that lets anyone change it: FolderTrust); else Load and Append answer 5 with
// the reason, and neither reads nor writes it (docs/windows.md#the-journal-folder).
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <aclapi.h>
#include <sddl.h>
#include <shlobj.h>

#include <cstdio>
#include <vector>

#include "journal_errors.h"
#include "journal_file.h"
#include "replace_file.h"
#include "win32_ports.h"

namespace win32 {

namespace {

constexpr wchar_t kFolderName[] = L"aspnet-fixer";

fixer::Result<std::wstring> Folder() {
  wchar_t path[MAX_PATH];
  HRESULT hr = SHGetFolderPathW(nullptr, CSIDL_COMMON_APPDATA, nullptr, SHGFP_TYPE_CURRENT, path);
  if (FAILED(hr)) return JournalError(HRESULT_CODE(hr), JournalOp::kFindFolder, "");
  return std::wstring(path) + L"\\" + kFolderName;
}

// The bytes of the journal in `folder`; "" when there is no journal.
fixer::Result<std::string> ReadAll(const std::wstring& folder) {
  const std::wstring path = folder + L"\\journal.txt";
  File file(CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0, nullptr));
  if (!file.valid()) {
    DWORD error = GetLastError();
    if (error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND) return std::string();
    return JournalError(error, JournalOp::kRead, Narrow(folder));
  }
  std::string text;
  char chunk[64 * 1024];
  for (;;) {
    DWORD read = 0;
    // A failed read is an error, never the end of the file: ReadFile zeroes `read` before it
    // fails, and a journal read short would be rewritten short by the next Append.
    if (!ReadFile(file.get(), chunk, sizeof(chunk), &read, nullptr)) {
      return JournalError(GetLastError(), JournalOp::kRead, Narrow(folder));
    }
    if (read == 0) return text;  // end of file
    text.append(chunk, read);
  }
}

// The user this process runs as: the administrator running the tool.
fixer::Result<fixer::Sid> ProcessUser() {
  HANDLE token = nullptr;
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return LastError();
  DWORD bytes = 0;
  GetTokenInformation(token, TokenUser, nullptr, 0, &bytes);  // the size, with ERROR_INSUFFICIENT_BUFFER
  std::vector<BYTE> buffer(bytes);
  const BOOL read = GetTokenInformation(token, TokenUser, buffer.data(), bytes, &bytes);
  const DWORD error = read ? ERROR_SUCCESS : GetLastError();
  CloseHandle(token);
  if (!read) return Error(error);
  return FromPsid(reinterpret_cast<const TOKEN_USER*>(buffer.data())->User.Sid);
}

// The rights that change what a folder holds or who may: add a file or a folder (write, append
// data), write attributes or extended attributes, delete a child or the folder, rewrite the DACL
// or the owner, and the generic rights that include them.
constexpr ACCESS_MASK kChangingRights = FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_WRITE_EA | FILE_DELETE_CHILD |
                                        FILE_WRITE_ATTRIBUTES | DELETE | WRITE_DAC | WRITE_OWNER | GENERIC_WRITE |
                                        GENERIC_ALL;

// Trusted: Administrators, SYSTEM, the user running the tool, and CREATOR OWNER (an inherit-only
// ACE for whoever creates a child, which only the trusted can).
bool Trusted(const fixer::Sid& sid, const fixer::Sid& me) {
  return sid == fixer::Sid::Administrators() || sid == fixer::Sid::LocalSystem() || sid == me ||
         sid == fixer::Sid::CreatorOwner();
}

// Why the folder is not for administrators only, "" when it is: its owner, who may always rewrite
// its DACL [Owner of a New Object], is trusted, and no ACE lets anyone else change it or what is
// made in it (an ACE for its files counts: the journal is one). No DACL at all is full access for
// everyone [CDacl]. An ACE of another type than allow or deny is not read: refused.
fixer::Result<std::string> WhyNotForAdministrators(const std::wstring& folder) {
  auto me = ProcessUser();
  if (!me) return JournalError(me.status().code(), JournalOp::kReadFolder, Narrow(folder));
  PSID owner = nullptr;
  PACL dacl = nullptr;
  PSECURITY_DESCRIPTOR sd = nullptr;
  if (DWORD rc =
          GetNamedSecurityInfoW(folder.c_str(), SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION,
                                &owner, nullptr, &dacl, nullptr, &sd);
      rc != ERROR_SUCCESS) {
    return JournalError(rc, JournalOp::kReadFolder, Narrow(folder));
  }
  std::string why;
  if (owner == nullptr) {
    why = "it has no owner";
  } else if (const fixer::Sid o = FromPsid(owner); !Trusted(o, *me)) {
    why = "its owner is " + o.ToString() + ", who may always change its permissions";
  } else if (dacl == nullptr) {
    why = "it has no DACL: everyone has full access";
  } else {
    for (DWORD i = 0; i < dacl->AceCount && why.empty(); ++i) {
      void* ace = nullptr;
      if (!GetAce(dacl, i, &ace)) {
        why = "its DACL cannot be read (ACE " + std::to_string(i) + ")";
        break;
      }
      const auto* header = static_cast<const ACE_HEADER*>(ace);
      if (header->AceType == ACCESS_DENIED_ACE_TYPE) continue;  // a deny grants nothing
      if (header->AceType != ACCESS_ALLOWED_ACE_TYPE) {
        why = "its DACL holds an ACE of type " + std::to_string(header->AceType);
        break;
      }
      const auto* allowed = static_cast<const ACCESS_ALLOWED_ACE*>(ace);
      const fixer::Sid who = FromPsid(const_cast<DWORD*>(&allowed->SidStart));
      if ((allowed->Mask & kChangingRights) != 0 && !Trusted(who, *me)) {
        char mask[16];
        snprintf(mask, sizeof(mask), "0x%lx", static_cast<unsigned long>(allowed->Mask));
        why = "an ACE lets " + who.ToString() + " change it or what is in it (access " + mask + ")";
      }
    }
  }
  LocalFree(sd);
  return why;
}

// Refuses a folder that is not for administrators only (5, the reason named): the journal in it
// could have been written, or be rewritten, by someone else. A folder that does not exist holds
// no journal: nothing to refuse.
fixer::Status CheckFolderForAdministrators(const std::wstring& folder) {
  if (GetFileAttributesW(folder.c_str()) == INVALID_FILE_ATTRIBUTES) {
    const DWORD error = GetLastError();
    if (error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND) return {};
    return JournalError(error, JournalOp::kReadFolder, Narrow(folder));
  }
  auto why = WhyNotForAdministrators(folder);
  if (!why) return why.status();
  if (why->empty()) return {};
  return JournalFolderNotForAdministrators(Narrow(folder), *why);
}

// Creates the journal's folder with a security descriptor of its own, not inheriting "All Users"
// one: owner Administrators; Administrators and SYSTEM, full control, for the folder and what is
// made in it [SDDL]. CreateDirectory applies it only to a folder it creates [CreateDirectory]: one
// that is there already must pass CheckFolderForAdministrators.
fixer::Status CreateFolderForAdministrators(const std::wstring& folder) {
  PSECURITY_DESCRIPTOR sd = nullptr;
  if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(L"O:BAD:P(A;OICI;FA;;;BA)(A;OICI;FA;;;SY)", SDDL_REVISION_1,
                                                            &sd, nullptr)) {
    return JournalError(GetLastError(), JournalOp::kCreateFolder, Narrow(folder));
  }
  SECURITY_ATTRIBUTES attributes{sizeof(attributes), sd, FALSE};
  const BOOL created = CreateDirectoryW(folder.c_str(), &attributes);
  const DWORD error = created ? ERROR_SUCCESS : GetLastError();
  LocalFree(sd);
  if (!created && error != ERROR_ALREADY_EXISTS) return JournalError(error, JournalOp::kCreateFolder, Narrow(folder));
  return CheckFolderForAdministrators(folder);
}

// The journal's words for the step of ReplaceFile that failed.
JournalOp OpOf(ReplaceStep step) {
  switch (step) {
    case ReplaceStep::kCreateTemporary: return JournalOp::kCreateTemporary;
    case ReplaceStep::kWriteTemporary: return JournalOp::kWriteTemporary;
    case ReplaceStep::kMoveOverTarget: return JournalOp::kReplace;
  }
  return JournalOp::kReplace;
}

}  // namespace

fixer::Result<std::vector<fixer::JournalRecord>> Win32Journal::Load() {
  auto folder = Folder();
  if (!folder) return folder.status();
  auto text = ReadAll(*folder);
  if (!text) return text.status();
  if (text->empty()) return std::vector<fixer::JournalRecord>{};  // no journal: nothing to trust
  // A journal in a folder someone else can write is not read: it may be theirs.
  if (fixer::Status st = CheckFolderForAdministrators(*folder); !st.ok()) return st;
  return ParseJournal(*text);
}

fixer::Status Win32Journal::Append(fixer::JournalRecord record) {
  auto folder = Folder();
  if (!folder) return folder.status();
  if (fixer::Status st = CreateFolderForAdministrators(*folder); !st.ok()) return st;
  const std::wstring path = *folder + L"\\journal.txt", temp = *folder + L"\\journal.tmp";
  auto text = ReadAll(*folder);
  if (!text) return text.status();
  if (std::optional<ReplaceFailure> failed = ReplaceFile(path, temp, *text + FormatJournalLine(record))) {
    return JournalError(failed->error, OpOf(failed->step), Narrow(*folder));
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
    return JournalError(error, JournalOp::kDelete, Narrow(*folder));
  }
  changes_.Mark();
  return {};
}

}  // namespace win32
