#include "fakes/acl_inheritance.h"

#include "fakes/modelling_choices.h"

namespace fakes {

std::vector<fixer::Ace> InheritedDacl(const std::vector<fixer::Ace>& parent_dacl, bool container,
                                      const fixer::Sid& owner) {
  const fixer::Sid creator_owner = fixer::Sid::CreatorOwner();
  std::vector<fixer::Ace> out;
  for (const fixer::Ace& ace : parent_dacl) {
    const bool oi = ace.flags & fixer::kObjectInheritAce;
    const bool ci = ace.flags & fixer::kContainerInheritAce;
    const bool np = ace.flags & kNoPropagateInheritAce;
    const fixer::Sid effective_sid = ace.sid == creator_owner ? owner : ace.sid;
    if (!container) {
      if (oi) out.push_back({ace.type, effective_sid, ace.mask, fixer::kInheritedAce});
      continue;
    }
    if (ci) {
      const uint32_t onward = ace.flags & (fixer::kObjectInheritAce | fixer::kContainerInheritAce);
      if (np) {
        out.push_back({ace.type, effective_sid, ace.mask, fixer::kInheritedAce});
      } else if (ace.sid == creator_owner) {
        // The owner gets the access; CREATOR OWNER stays inheritable for what comes below.
        out.push_back({ace.type, owner, ace.mask, fixer::kInheritedAce});
        out.push_back({ace.type, creator_owner, ace.mask, onward | fixer::kInheritOnlyAce | fixer::kInheritedAce});
      } else {
        out.push_back({ace.type, ace.sid, ace.mask, onward | fixer::kInheritedAce});
      }
    } else if (oi && !np) {
      out.push_back(
          {ace.type, ace.sid, ace.mask, fixer::kObjectInheritAce | fixer::kInheritOnlyAce | fixer::kInheritedAce});
    }
  }
  return out;
}

std::string ParentObjectPath(fixer::ObjectNamespace ns, const std::string& path) {
  const char sep = ns == fixer::ObjectNamespace::kMetabase ? '/' : '\\';
  std::string p = path;
  while (!p.empty() && p.back() == sep) p.pop_back();
  const size_t cut = p.find_last_of(sep);
  if (cut == std::string::npos || cut == 0) return "";
  return p.substr(0, cut);
}

const SecurableObject* NearestAncestor(const MachineState& state, const fixer::ObjectRef& ref) {
  for (std::string p = ParentObjectPath(ref.ns, ref.path); !p.empty(); p = ParentObjectPath(ref.ns, p)) {
    auto it = state.objects.find(ObjectKey(ref.ns, p));
    if (it != state.objects.end()) return &it->second;
  }
  return nullptr;
}

std::vector<fixer::Ace> DriveRootDacl(fixer::OsEdition os) {
  constexpr uint32_t kBoth = fixer::kObjectInheritAce | fixer::kContainerInheritAce;
  constexpr uint32_t kReadExecute = 0x1200A9;  // FILE_GENERIC_READ | FILE_GENERIC_EXECUTE
  std::vector<fixer::Ace> dacl = {
      {fixer::AceType::kAllow, fixer::Sid::Administrators(), fixer::kFileAllAccess, kBoth},
      {fixer::AceType::kAllow, fixer::Sid::LocalSystem(), fixer::kFileAllAccess, kBoth},
      {fixer::AceType::kAllow, fixer::Sid::CreatorOwner(), fixer::kFileAllAccess, kBoth | fixer::kInheritOnlyAce},
  };
  const bool windows_2000 =
      os == fixer::OsEdition::kWindows2000Professional || os == fixer::OsEdition::kWindows2000Server;
  if (windows_2000) {
    dacl.push_back({fixer::AceType::kAllow, fixer::Sid::Everyone(), fixer::kFileModify, kBoth});
  } else {
    dacl.push_back({fixer::AceType::kAllow, fixer::Sid::Users(), kReadExecute, kBoth});
    dacl.push_back({fixer::AceType::kAllow, fixer::Sid::Everyone(), kReadExecute, 0});  // the root itself only
  }
  return dacl;
}

std::vector<fixer::Ace> DaclForNewObject(const MachineState& state, const fixer::ObjectRef& ref, bool container,
                                         const fixer::Sid& owner) {
  if (const SecurableObject* parent = NearestAncestor(state, ref)) return InheritedDacl(parent->dacl, container, owner);
  if (ref.ns != fixer::ObjectNamespace::kFile) return {};
  RelyOn("choice-drive-root-dacl");
  return InheritedDacl(DriveRootDacl(state.products.os.edition), container, owner);
}

}  // namespace fakes
