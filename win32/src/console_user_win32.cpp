// Inventory::ConsoleUser: who is logged on at the console, as the owner of the interactive shell,
// explorer.exe, which Winlogon starts (Userinit) in the user's logon session. XP has no documented
// call naming the console session's user (WTSQuerySessionInformation and
// WTSGetActiveConsoleSessionId are Vista on Microsoft Learn), so the processes are walked with the
// Tool Help snapshot (XP) and the first explorer.exe's token names the user
// (docs/windows-reference.md#console-user, a modelling choice where Fast User Switching runs more
// than one).
#include <tlhelp32.h>

#include "fixer/name_case.h"
#include "win32_ports.h"
#include "win32_util.h"

namespace win32 {
namespace {

// "XPPRO\Owner" of the user a process runs as; the Windows error otherwise.
fixer::Result<std::string> ProcessUser(DWORD pid) {
  HANDLE process = OpenProcess(PROCESS_QUERY_INFORMATION, FALSE, pid);
  if (process == nullptr) return LastError();
  File process_owner(process);
  HANDLE token_handle = nullptr;
  if (!OpenProcessToken(process, TOKEN_QUERY, &token_handle)) return LastError();
  File token(token_handle);
  DWORD bytes = 0;
  GetTokenInformation(token_handle, TokenUser, nullptr, 0, &bytes);
  if (bytes == 0) return LastError();
  std::vector<BYTE> user(bytes);
  if (!GetTokenInformation(token_handle, TokenUser, user.data(), bytes, &bytes)) return LastError();
  const PSID sid = reinterpret_cast<TOKEN_USER*>(user.data())->User.Sid;
  wchar_t name[257];    // UNLEN + 1
  wchar_t domain[257];  // DNLEN is 15; a domain's NetBIOS name fits
  DWORD name_length = 257, domain_length = 257;
  SID_NAME_USE use;
  if (!LookupAccountSidW(nullptr, sid, name, &name_length, domain, &domain_length, &use)) return LastError();
  const std::string qualified = Narrow(domain);
  return (qualified.empty() ? "" : qualified + "\\") + Narrow(name);
}

}  // namespace

fixer::Result<std::string> Win32Inventory::ConsoleUser() {
  HANDLE snapshot = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
  if (snapshot == INVALID_HANDLE_VALUE) return LastError();
  File owner(snapshot);
  PROCESSENTRY32W entry{};
  entry.dwSize = sizeof(entry);
  for (BOOL more = Process32FirstW(snapshot, &entry); more; more = Process32NextW(snapshot, &entry)) {
    if (fixer::SameWindowsName(Narrow(entry.szExeFile), "explorer.exe")) return ProcessUser(entry.th32ProcessID);
  }
  if (GetLastError() != ERROR_NO_MORE_FILES) return LastError();
  return std::string();  // no shell: nobody is logged on at the console
}

}  // namespace win32
