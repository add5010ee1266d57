// AccessCheck's DACL walk (docs/windows-reference.md#acls): one home for the fake and the fixer.
#include "fixer/access_check.h"

#include <algorithm>

namespace fixer {
namespace {

constexpr uint32_t kGenericRead = 0x80000000;
constexpr uint32_t kGenericWrite = 0x40000000;
constexpr uint32_t kGenericExecute = 0x20000000;
constexpr uint32_t kGenericAll = 0x10000000;
constexpr uint32_t kKeyWrite = 0x20006;
constexpr uint32_t kKeyExecute = 0x20019;
constexpr uint32_t kReadControl = 0x20000;
constexpr uint32_t kWriteDac = 0x40000;

bool InToken(std::span<const Sid> token, const Sid& sid) {
  return std::find(token.begin(), token.end(), sid) != token.end();
}

}  // namespace

uint32_t MapGenericRights(ObjectNamespace ns, uint32_t mask) {
  const bool registry = ns == ObjectNamespace::kRegistry;
  uint32_t out = mask & ~(kGenericRead | kGenericWrite | kGenericExecute | kGenericAll);
  if (mask & kGenericRead) out |= registry ? kKeyRead : kFileGenericRead;
  if (mask & kGenericWrite) out |= registry ? kKeyWrite : kFileGenericWrite;
  if (mask & kGenericExecute) out |= registry ? kKeyExecute : kFileGenericExecute;
  if (mask & kGenericAll) out |= registry ? kKeyAllAccess : kFileAllAccess;
  return out;
}

AccessVerdict CheckAccess(const ObjectSecurity& sd, std::span<const Sid> token, uint32_t desired, ObjectNamespace ns) {
  if (!sd.has_dacl) return {.granted = true};
  return CheckAccess(sd.owner, sd.dacl, token, desired, ns);
}

AccessVerdict CheckAccess(const Sid& owner, std::span<const Ace> dacl, std::span<const Sid> token, uint32_t desired,
                          ObjectNamespace ns) {
  uint32_t remaining = MapGenericRights(ns, desired);
  // Before Vista the owner always gets READ_CONTROL and WRITE_DAC, whatever the DACL says.
  if (InToken(token, owner)) remaining &= ~(kReadControl | kWriteDac);
  if (remaining == 0) return {.granted = true};
  for (const Ace& ace : dacl) {
    if (ace.flags & kInheritOnlyAce) continue;  // applies to children only
    if (!InToken(token, ace.sid)) continue;
    const uint32_t ace_mask = MapGenericRights(ns, ace.mask);
    if (ace.type == AceType::kDeny) {
      if (ace_mask & remaining) return {.denied_by = ace};
    } else {
      remaining &= ~ace_mask;
      if (remaining == 0) return {.granted = true};
    }
  }
  return {.missing = remaining};
}

}  // namespace fixer
