// acl_edit.h: DACL reads and SetEntriesInAcl.
#include "acl_edit.h"

// windows.h first (acl_edit.h): aclapi.h needs its types.
#include <aclapi.h>

#include "win32_util.h"

namespace win32 {

std::vector<fixer::Ace> ExplicitAces(const ACL* dacl) {
  std::vector<fixer::Ace> aces;
  if (!dacl) return aces;
  for (DWORD i = 0; i < dacl->AceCount; ++i) {
    void* raw = nullptr;
    if (!GetAce(const_cast<ACL*>(dacl), i, &raw)) continue;
    const auto* header = static_cast<const ACE_HEADER*>(raw);
    if (header->AceFlags & INHERITED_ACE) continue;
    if (header->AceType != ACCESS_ALLOWED_ACE_TYPE && header->AceType != ACCESS_DENIED_ACE_TYPE) continue;
    // ACCESS_ALLOWED_ACE and ACCESS_DENIED_ACE share one layout: header, mask, SID.
    const auto* ace = static_cast<const ACCESS_ALLOWED_ACE*>(raw);
    aces.push_back({.type = header->AceType == ACCESS_DENIED_ACE_TYPE ? fixer::AceType::kDeny : fixer::AceType::kAllow,
                    .sid = FromPsid(const_cast<DWORD*>(&ace->SidStart)),
                    .mask = ace->Mask,
                    .flags = header->AceFlags});
  }
  return aces;
}

std::vector<fixer::Ace> ExplicitAcesFor(const ACL* dacl, const fixer::Sid& sid) {
  std::vector<fixer::Ace> mine;
  for (fixer::Ace& ace : ExplicitAces(dacl)) {
    if (ace.sid == sid) mine.push_back(std::move(ace));
  }
  return mine;
}

fixer::Result<LocalPtr<ACL>> WithAces(ACL* dacl, std::span<const fixer::Ace> aces) {
  std::vector<std::vector<BYTE>> sids;
  sids.reserve(aces.size());
  std::vector<EXPLICIT_ACCESSW> entries(aces.size());
  for (size_t i = 0; i < aces.size(); ++i) {
    sids.push_back(ToBinary(aces[i].sid));
    EXPLICIT_ACCESSW& e = entries[i];
    e.grfAccessPermissions = aces[i].mask;
    e.grfAccessMode = aces[i].type == fixer::AceType::kDeny ? DENY_ACCESS : GRANT_ACCESS;
    e.grfInheritance =
        aces[i].flags & (OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE | INHERIT_ONLY_ACE | NO_PROPAGATE_INHERIT_ACE);
    e.Trustee.TrusteeForm = TRUSTEE_IS_SID;
    e.Trustee.TrusteeType = TRUSTEE_IS_UNKNOWN;
    e.Trustee.ptstrName = reinterpret_cast<LPWSTR>(AsPsid(sids.back()));
  }
  ACL* merged = nullptr;
  if (DWORD rc = SetEntriesInAclW(static_cast<ULONG>(entries.size()), entries.data(), dacl, &merged);
      rc != ERROR_SUCCESS) {
    return Error(rc);
  }
  return LocalPtr<ACL>(merged);
}

}  // namespace win32
