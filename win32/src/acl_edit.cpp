// acl_edit.h: DACL reads, and a DACL with ACEs added built ACE by ACE.
#include "acl_edit.h"

#include <algorithm>

#include "win32_util.h"

namespace win32 {

namespace {

// The ACE at `header` in the port's terms when it is an allow or deny ACE; nullopt for any other.
std::optional<fixer::Ace> AllowOrDeny(const ACE_HEADER* header) {
  if (header->AceType != ACCESS_ALLOWED_ACE_TYPE && header->AceType != ACCESS_DENIED_ACE_TYPE) return std::nullopt;
  // ACCESS_ALLOWED_ACE and ACCESS_DENIED_ACE share one layout: header, mask, SID.
  const auto* ace = reinterpret_cast<const ACCESS_ALLOWED_ACE*>(header);
  return fixer::Ace{.type = header->AceType == ACCESS_DENIED_ACE_TYPE ? fixer::AceType::kDeny : fixer::AceType::kAllow,
                    .sid = FromPsid(const_cast<DWORD*>(&ace->SidStart)),
                    .mask = ace->Mask,
                    .flags = header->AceFlags};
}

// The same for an explicit (not inherited) allow or deny ACE only.
std::optional<fixer::Ace> ExplicitAllowOrDeny(const ACE_HEADER* header) {
  if (header->AceFlags & INHERITED_ACE) return std::nullopt;
  return AllowOrDeny(header);
}

}  // namespace

std::vector<fixer::Ace> AllowAndDenyAces(const ACL* dacl) {
  std::vector<fixer::Ace> aces;
  if (!dacl) return aces;
  for (DWORD i = 0; i < dacl->AceCount; ++i) {
    void* raw = nullptr;
    if (!GetAce(const_cast<ACL*>(dacl), i, &raw)) continue;
    if (std::optional<fixer::Ace> ace = AllowOrDeny(static_cast<const ACE_HEADER*>(raw))) aces.push_back(*ace);
  }
  return aces;
}

std::vector<fixer::Ace> ExplicitAces(const ACL* dacl) {
  std::vector<fixer::Ace> aces = AllowAndDenyAces(dacl);
  std::erase_if(aces, [](const fixer::Ace& ace) { return (ace.flags & INHERITED_ACE) != 0; });
  return aces;
}

std::vector<fixer::Ace> ExplicitAcesFor(const ACL* dacl, const fixer::Sid& sid) {
  std::vector<fixer::Ace> mine;
  for (fixer::Ace& ace : ExplicitAces(dacl)) {
    if (ace.sid == sid) mine.push_back(std::move(ace));
  }
  return mine;
}

namespace {

// An ACE's place in canonical order ("Order of ACEs in a DACL"): explicit denies (0), other
// explicit ACEs (1), inherited ACEs (2); the fake's CanonicalClass (fakes/src/objects.cpp).
int ClassOf(BYTE type, BYTE flags) {
  if (flags & INHERITED_ACE) return 2;
  return type == ACCESS_DENIED_ACE_TYPE || type == ACCESS_DENIED_OBJECT_ACE_TYPE ? 0 : 1;
}

int ClassOf(const fixer::Ace& ace) {
  return ClassOf(ace.type == fixer::AceType::kDeny ? ACCESS_DENIED_ACE_TYPE : ACCESS_ALLOWED_ACE_TYPE,
                 static_cast<BYTE>(ace.flags));
}

bool Contains(const std::vector<fixer::Ace>& list, const fixer::Ace& ace) {
  return std::find(list.begin(), list.end(), ace) != list.end();
}

}  // namespace

fixer::Result<std::optional<std::vector<BYTE>>> WithAces(const ACL* dacl, std::span<const fixer::Ace> aces) {
  // No DACL (or a NULL one) lets everyone in; one holding only the new ACEs would shut everyone
  // else out. The fake has no such object: refused rather than guessed.
  if (!dacl) return Error(ERROR_NOT_SUPPORTED);
  const std::vector<fixer::Ace> held = ExplicitAces(dacl);
  std::vector<fixer::Ace> added;
  std::vector<std::vector<BYTE>> sids;
  DWORD size = sizeof(ACL);
  for (fixer::Ace ace : aces) {
    ace.flags &= VALID_INHERIT_FLAGS;
    if (Contains(held, ace) || Contains(added, ace)) continue;  // already there: kept once
    sids.push_back(ToBinary(ace.sid));
    size += static_cast<DWORD>(sizeof(ACCESS_ALLOWED_ACE) - sizeof(DWORD) + sids.back().size());
    added.push_back(std::move(ace));
  }
  if (added.empty()) return std::optional<std::vector<BYTE>>();
  std::vector<const ACE_HEADER*> old;
  for (DWORD i = 0; i < dacl->AceCount; ++i) {
    void* raw = nullptr;
    if (!GetAce(const_cast<ACL*>(dacl), i, &raw)) return LastError();
    old.push_back(static_cast<const ACE_HEADER*>(raw));
    size += old.back()->AceSize;
  }
  size = (size + sizeof(DWORD) - 1) & ~DWORD{sizeof(DWORD) - 1};
  std::vector<BYTE> bytes(size);
  ACL* acl = reinterpret_cast<ACL*>(bytes.data());
  const DWORD revision = std::max<DWORD>(dacl->AclRevision, ACL_REVISION);
  if (!InitializeAcl(acl, size, revision)) return LastError();
  // Each new ACE goes before the first old one of a later class: the old ACEs keep their order.
  int written = 0;  // the new ACEs of classes below this are in
  auto add_new_below = [&](int cls) -> bool {
    for (; written < cls; ++written) {
      for (size_t i = 0; i < added.size(); ++i) {
        const fixer::Ace& ace = added[i];
        if (ClassOf(ace) != written) continue;
        const BYTE flags = static_cast<BYTE>(ace.flags);
        PSID sid = AsPsid(sids[i]);
        const BOOL ok = ace.type == fixer::AceType::kDeny ? AddAccessDeniedAceEx(acl, revision, flags, ace.mask, sid)
                                                          : AddAccessAllowedAceEx(acl, revision, flags, ace.mask, sid);
        if (!ok) return false;
      }
    }
    return true;
  };
  for (const ACE_HEADER* header : old) {
    if (!add_new_below(ClassOf(header->AceType, header->AceFlags))) return LastError();
    if (!AddAce(acl, revision, MAXDWORD, const_cast<ACE_HEADER*>(header), header->AceSize)) return LastError();
  }
  if (!add_new_below(3)) return LastError();
  return std::optional<std::vector<BYTE>>(std::move(bytes));
}

fixer::Result<std::optional<std::vector<BYTE>>> WithoutAces(const ACL* dacl, std::span<const fixer::Ace> aces) {
  if (!dacl) return std::optional<std::vector<BYTE>>();
  std::vector<const ACE_HEADER*> kept;
  DWORD size = sizeof(ACL);
  for (DWORD i = 0; i < dacl->AceCount; ++i) {
    void* raw = nullptr;
    if (!GetAce(const_cast<ACL*>(dacl), i, &raw)) return LastError();
    const auto* header = static_cast<const ACE_HEADER*>(raw);
    const std::optional<fixer::Ace> ace = ExplicitAllowOrDeny(header);
    if (ace && std::find(aces.begin(), aces.end(), *ace) != aces.end()) continue;
    kept.push_back(header);
    size += header->AceSize;
  }
  if (kept.size() == dacl->AceCount) return std::optional<std::vector<BYTE>>();
  std::vector<BYTE> bytes(size);
  ACL* acl = reinterpret_cast<ACL*>(bytes.data());
  const DWORD revision = std::max<DWORD>(dacl->AclRevision, ACL_REVISION);
  if (!InitializeAcl(acl, size, revision)) return LastError();
  for (const ACE_HEADER* header : kept)
    if (!AddAce(acl, revision, MAXDWORD, const_cast<ACE_HEADER*>(header), header->AceSize)) return LastError();
  return std::optional<std::vector<BYTE>>(std::move(bytes));
}

}  // namespace win32
