// What every Win32 port file shares: UTF-8 <-> UTF-16 at the API edge, SIDs between
// fixer::Sid and the binary SID Windows takes, a Status from a Windows error number, handle
// owners, registry reads, and the flag that says a mutating call succeeded.
//
//   std::wstring name = win32::Widen("ASPNET");
//   if (NET_API_STATUS rc = NetUserDel(nullptr, name.c_str()); rc != NERR_Success) return win32::Error(rc);
//   changes.Mark();
#pragma once

#include <windows.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fixer/result.h"
#include "fixer/secret.h"
#include "fixer/sid.h"

namespace win32 {

std::wstring Widen(std::string_view utf8);
std::string Narrow(std::wstring_view utf16);

// A password's UTF-16 form for the Windows call that takes it, zeroed when it goes (as
// fixer::Secret zeroes its own): `WidePassword clear(password); info.usri1003_password = clear.text.data();`
struct WidePassword {
  explicit WidePassword(const fixer::Secret& password) : text(Widen(password.Reveal())) {}
  ~WidePassword() { SecureZeroMemory(text.data(), text.size() * sizeof(wchar_t)); }
  WidePassword(const WidePassword&) = delete;
  WidePassword& operator=(const WidePassword&) = delete;
  std::wstring text;
};

// The Windows error `code` (Win32, NET_API_STATUS or LsaNtStatusToWinError's answer) as a Status.
inline fixer::Status Error(DWORD code) { return fixer::Status::Win(code); }
inline fixer::Status LastError() { return Error(GetLastError()); }

// A binary SID (MS-DTYP 2.4.2.2) built from `sid`: revision 1, the authority big-endian.
std::vector<BYTE> ToBinary(const fixer::Sid& sid);
inline PSID AsPsid(std::vector<BYTE>& binary) { return binary.data(); }
fixer::Sid FromPsid(PSID sid);

// Set by every mutating port call that succeeded: the backend's Changed().
class ChangeFlag {
 public:
  void Mark() { changed_ = true; }
  bool changed() const { return changed_; }

 private:
  bool changed_ = false;
};

// Owns a HKEY (RegCloseKey on destruction).
class RegKey {
 public:
  RegKey() = default;
  explicit RegKey(HKEY key) : key_(key) {}
  RegKey(const RegKey&) = delete;
  RegKey& operator=(const RegKey&) = delete;
  RegKey(RegKey&& other) noexcept : key_(std::exchange(other.key_, nullptr)) {}
  RegKey& operator=(RegKey&& other) noexcept {
    if (this != &other) {
      if (key_) RegCloseKey(key_);
      key_ = std::exchange(other.key_, nullptr);
    }
    return *this;
  }
  ~RegKey() {
    if (key_) RegCloseKey(key_);
  }
  HKEY get() const { return key_; }
  HKEY* out() { return &key_; }

 private:
  HKEY key_ = nullptr;
};

// Owns a file HANDLE from CreateFileW (CloseHandle on destruction, or Close() to see its answer:
// a write-through file reports a failed write there).
class File {
 public:
  explicit File(HANDLE h) : h_(h) {}
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  ~File() { Close(); }
  HANDLE get() const { return h_; }
  bool valid() const { return h_ != INVALID_HANDLE_VALUE; }
  bool Close() {
    if (!valid()) return true;
    const bool closed = CloseHandle(h_) != 0;
    h_ = INVALID_HANDLE_VALUE;
    return closed;
  }

 private:
  HANDLE h_;
};

// Opens HKLM\`path` for reading; the Windows error (2 when absent) otherwise.
fixer::Result<HKEY> OpenLocalMachineKey(const std::wstring& path, REGSAM access = KEY_READ);
// The same, owned, where a missing key is an answer, not an error: nullopt for 2, the key it
// reads or the defaults it takes when absent; any other Windows error as it is.
fixer::Result<std::optional<RegKey>> OpenLocalMachineKeyIfPresent(const std::wstring& path);
// REG_SZ / REG_EXPAND_SZ (not expanded) value; 2 when the value is absent.
fixer::Result<std::wstring> ReadString(HKEY key, const wchar_t* value);
fixer::Result<DWORD> ReadDword(HKEY key, const wchar_t* value);
// The names of `key`'s subkeys, in registry order.
fixer::Result<std::vector<std::wstring>> SubkeyNames(HKEY key);

}  // namespace win32
