#include "fakes/right_set.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace fakes {
namespace {

// The logon rights and their deny twins (ntsecapi.h), and the privileges (winnt.h SE_*_NAME), sorted.
constexpr std::array<std::string_view, 39> kNames = {
    "SeAssignPrimaryTokenPrivilege",
    "SeAuditPrivilege",
    "SeBackupPrivilege",
    "SeBatchLogonRight",
    "SeChangeNotifyPrivilege",
    "SeCreateGlobalPrivilege",
    "SeCreatePagefilePrivilege",
    "SeCreatePermanentPrivilege",
    "SeCreateTokenPrivilege",
    "SeDebugPrivilege",
    "SeDenyBatchLogonRight",
    "SeDenyInteractiveLogonRight",
    "SeDenyNetworkLogonRight",
    "SeDenyRemoteInteractiveLogonRight",
    "SeDenyServiceLogonRight",
    "SeEnableDelegationPrivilege",
    "SeImpersonatePrivilege",
    "SeIncreaseBasePriorityPrivilege",
    "SeIncreaseQuotaPrivilege",
    "SeInteractiveLogonRight",
    "SeLoadDriverPrivilege",
    "SeLockMemoryPrivilege",
    "SeMachineAccountPrivilege",
    "SeManageVolumePrivilege",
    "SeNetworkLogonRight",
    "SeProfileSingleProcessPrivilege",
    "SeRemoteInteractiveLogonRight",
    "SeRemoteShutdownPrivilege",
    "SeRestorePrivilege",
    "SeSecurityPrivilege",
    "SeServiceLogonRight",
    "SeShutdownPrivilege",
    "SeSyncAgentPrivilege",
    "SeSystemEnvironmentPrivilege",
    "SeSystemProfilePrivilege",
    "SeSystemtimePrivilege",
    "SeTakeOwnershipPrivilege",
    "SeTcbPrivilege",
    "SeUndockPrivilege",
};
static_assert(std::is_sorted(kNames.begin(), kNames.end()), "a RightSet iterates its bits in the names' order");
static_assert(std::adjacent_find(kNames.begin(), kNames.end()) == kNames.end());
static_assert(kNames.size() <= 64, "one bit each in a uint64_t");

size_t IndexOrThrow(std::string_view name) {
  if (const std::optional<size_t> i = KnownRightIndex(name)) return *i;
  throw std::invalid_argument("RightSet: '" + std::string(name) + "' is no right the model knows");
}

}  // namespace

std::span<const std::string> KnownRightNames() {
  static const std::array<std::string, kNames.size()> names = [] {
    std::array<std::string, kNames.size()> all;
    for (size_t i = 0; i < kNames.size(); ++i) all[i] = std::string(kNames[i]);
    return all;
  }();
  return names;
}

std::optional<size_t> KnownRightIndex(std::string_view name) {
  const auto it = std::lower_bound(kNames.begin(), kNames.end(), name);
  if (it == kNames.end() || *it != name) return std::nullopt;
  return static_cast<size_t>(it - kNames.begin());
}

RightSet::RightSet(std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) bits_ |= uint64_t{1} << IndexOrThrow(name);
}

std::pair<RightSet::const_iterator, bool> RightSet::insert(std::string_view name) {
  const uint64_t bit = uint64_t{1} << IndexOrThrow(name);
  const bool added = (bits_ & bit) == 0;
  bits_ |= bit;
  return {const_iterator(bits_ & ~(bit - 1)), added};
}

size_t RightSet::erase(std::string_view name) {
  const std::optional<size_t> i = KnownRightIndex(name);
  if (!i || (bits_ >> *i & 1) == 0) return 0;
  bits_ &= ~(uint64_t{1} << *i);
  return 1;
}

}  // namespace fakes
