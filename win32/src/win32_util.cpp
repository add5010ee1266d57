// win32_util.h: the conversions and registry reads every port file shares.
#include "win32_util.h"

#include <algorithm>

namespace win32 {

std::wstring Widen(std::string_view utf8) {
  if (utf8.empty()) return {};
  int n = MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
  std::wstring out(static_cast<size_t>(n), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), out.data(), n);
  return out;
}

std::string Narrow(std::wstring_view utf16) {
  if (utf16.empty()) return {};
  int n = WideCharToMultiByte(CP_UTF8, 0, utf16.data(), static_cast<int>(utf16.size()), nullptr, 0, nullptr, nullptr);
  std::string out(static_cast<size_t>(n), '\0');
  WideCharToMultiByte(CP_UTF8, 0, utf16.data(), static_cast<int>(utf16.size()), out.data(), n, nullptr, nullptr);
  return out;
}

std::vector<BYTE> ToBinary(const fixer::Sid& sid) {
  auto subs = sid.sub_authorities();
  std::vector<BYTE> out(8 + 4 * subs.size());
  out[0] = 1;  // SID_REVISION
  out[1] = static_cast<BYTE>(subs.size());
  for (int i = 0; i < 6; ++i) out[2 + i] = static_cast<BYTE>(sid.authority() >> (8 * (5 - i)));
  for (size_t i = 0; i < subs.size(); ++i) {
    for (int b = 0; b < 4; ++b) out[8 + 4 * i + b] = static_cast<BYTE>(subs[i] >> (8 * b));
  }
  return out;
}

fixer::Sid FromPsid(PSID psid) {
  const SID_IDENTIFIER_AUTHORITY* ia = GetSidIdentifierAuthority(psid);
  uint64_t authority = 0;
  for (BYTE b : ia->Value) authority = (authority << 8) | b;
  std::vector<uint32_t> subs(*GetSidSubAuthorityCount(psid));
  for (DWORD i = 0; i < subs.size(); ++i) subs[i] = *GetSidSubAuthority(psid, i);
  return fixer::Sid(authority, subs);
}

fixer::Result<HKEY> OpenLocalMachineKey(const std::wstring& path, REGSAM access) {
  HKEY key = nullptr;
  if (LONG rc = RegOpenKeyExW(HKEY_LOCAL_MACHINE, path.c_str(), 0, access, &key); rc != ERROR_SUCCESS) {
    return Error(static_cast<DWORD>(rc));
  }
  return key;
}

fixer::Result<std::optional<RegKey>> OpenLocalMachineKeyIfPresent(const std::wstring& path) {
  auto key = OpenLocalMachineKey(path);
  if (key) return std::optional<RegKey>(RegKey(*key));
  if (key.status().code() == ERROR_FILE_NOT_FOUND) return std::optional<RegKey>();
  return key.status();
}

fixer::Result<std::wstring> ReadString(HKEY key, const wchar_t* value) {
  DWORD type = 0, bytes = 0;
  if (LONG rc = RegQueryValueExW(key, value, nullptr, &type, nullptr, &bytes); rc != ERROR_SUCCESS) {
    return Error(static_cast<DWORD>(rc));
  }
  if (type != REG_SZ && type != REG_EXPAND_SZ) return Error(ERROR_INVALID_DATA);
  std::wstring text(bytes / sizeof(wchar_t) + 1, L'\0');
  bytes = static_cast<DWORD>(text.size() * sizeof(wchar_t));
  if (LONG rc = RegQueryValueExW(key, value, nullptr, &type, reinterpret_cast<BYTE*>(text.data()), &bytes);
      rc != ERROR_SUCCESS) {
    return Error(static_cast<DWORD>(rc));
  }
  text.resize(wcsnlen(text.c_str(), text.size()));  // the stored string may or may not end in a NUL
  return text;
}

fixer::Result<DWORD> ReadDword(HKEY key, const wchar_t* value) {
  DWORD type = 0, data = 0, bytes = sizeof(data);
  if (LONG rc = RegQueryValueExW(key, value, nullptr, &type, reinterpret_cast<BYTE*>(&data), &bytes);
      rc != ERROR_SUCCESS) {
    return Error(static_cast<DWORD>(rc));
  }
  if (type != REG_DWORD) return Error(ERROR_INVALID_DATA);
  return data;
}

fixer::Result<std::vector<std::wstring>> SubkeyNames(HKEY key) {
  std::vector<std::wstring> names;
  for (DWORD i = 0;; ++i) {
    wchar_t name[256];  // a key name is at most 255 characters
    DWORD length = 256;
    LONG rc = RegEnumKeyExW(key, i, name, &length, nullptr, nullptr, nullptr, nullptr);
    if (rc == ERROR_NO_MORE_ITEMS) return names;
    if (rc != ERROR_SUCCESS) return Error(static_cast<DWORD>(rc));
    names.emplace_back(name, length);
  }
}

}  // namespace win32
