// EnabledPrivileges (enabled_privileges.h): AdjustTokenPrivileges on the process token, and
// again with the previous state it returned.
#include "enabled_privileges.h"

namespace win32 {

namespace {

// TOKEN_PRIVILEGES ends in a one-element array: room for `count` entries.
size_t TokenPrivilegesSize(size_t count) {
  return sizeof(TOKEN_PRIVILEGES) + (count > 0 ? count - 1 : 0) * sizeof(LUID_AND_ATTRIBUTES);
}

}  // namespace

EnabledPrivileges::EnabledPrivileges(std::initializer_list<const wchar_t*> names) {
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, &token_)) {
    token_ = nullptr;
    return;
  }
  std::vector<BYTE> wanted(TokenPrivilegesSize(names.size()));
  auto* privileges = reinterpret_cast<TOKEN_PRIVILEGES*>(wanted.data());
  privileges->PrivilegeCount = 0;
  for (const wchar_t* name : names) {
    LUID luid;
    if (!LookupPrivilegeValueW(nullptr, name, &luid)) continue;
    LUID_AND_ATTRIBUTES& entry = privileges->Privileges[privileges->PrivilegeCount++];
    entry.Luid = luid;
    entry.Attributes = SE_PRIVILEGE_ENABLED;
  }
  previous_.resize(TokenPrivilegesSize(names.size()));
  DWORD returned = 0;
  // Succeeds with ERROR_NOT_ALL_ASSIGNED when the token lacks one: those it holds are enabled.
  if (!AdjustTokenPrivileges(token_, FALSE, privileges, static_cast<DWORD>(previous_.size()),
                             reinterpret_cast<TOKEN_PRIVILEGES*>(previous_.data()), &returned)) {
    previous_.clear();
  }
}

DWORD EnabledPrivileges::enabled() const {
  return previous_.empty() ? 0 : reinterpret_cast<const TOKEN_PRIVILEGES*>(previous_.data())->PrivilegeCount;
}

EnabledPrivileges::~EnabledPrivileges() {
  if (token_ == nullptr) return;
  if (enabled() > 0) {
    AdjustTokenPrivileges(token_, FALSE, reinterpret_cast<TOKEN_PRIVILEGES*>(previous_.data()), 0, nullptr, nullptr);
  }
  CloseHandle(token_);
}

}  // namespace win32
