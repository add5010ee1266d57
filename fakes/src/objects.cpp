// ObjectStore: files, registry keys and metabase nodes with an owner and a DACL.
//
// Choices where Windows leaves room:
//  - Create does not demand that the parent exists (the model holds only the objects a
//    scenario cares about, not a whole disk), and Erase removes only the object named.
//  - A missing object gives 2 when its parent folder exists (or is a drive root) and 3 when
//    the parent is missing too, as CreateFile/GetNamedSecurityInfo do; a missing registry key
//    gives 2; a missing metabase node gives 3 (ADSI's 0x80070003 "path not found").
//  - Create stores the DACL as given (a scenario may want a non-canonical one); AddAce
//    inserts in canonical order (explicit deny, explicit allow, inherited).
//  - An AddAce of an ACE already present (same type, SID, mask and flags), or a RemoveAce of
//    one that is absent, changes nothing and is no mutation (so no fault point), as Lsa::Grant.
//  - AddAces is one mutation per object ("acl.set_dacl"), as SetNamedSecurityInfo writes a
//    whole DACL: a fault leaves none of that object's ACEs added.
#include "fakes/objects.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <tuple>

#include "fakes/cacls_format.h"
#include "fakes/paths.h"

namespace fakes {
namespace {

constexpr uint32_t kReadControl = 0x00020000;
constexpr uint32_t kWriteDac = 0x00040000;

// 0 explicit deny, 1 explicit allow, 2 inherited: the canonical order of a DACL.
int CanonicalClass(const fixer::Ace& ace) {
  if (ace.flags & fixer::kInheritedAce) return 2;
  return ace.type == fixer::AceType::kDeny ? 0 : 1;
}

constexpr std::array kNamespaces = {fixer::ObjectNamespace::kFile, fixer::ObjectNamespace::kRegistry,
                                    fixer::ObjectNamespace::kMetabase};  // enum order

bool IsDriveRoot(const std::string& path) { return path.size() == 2 && path[1] == ':'; }

bool InToken(const std::vector<fixer::Sid>& token, const fixer::Sid& sid) {
  return std::find(token.begin(), token.end(), sid) != token.end();
}

std::string MutationOp(fixer::ObjectNamespace ns, const char* verb) {
  return std::string(fixer::ToString(ns)) + "." + verb;
}

}  // namespace

const SecurableObject* ObjectStore::Find(const fixer::ObjectRef& ref) const {
  const auto& objects = m_.state().objects;
  auto it = objects.find(ObjectKey(ref.ns, ref.path));
  return it == objects.end() ? nullptr : &it->second;
}

SecurableObject* ObjectStore::Find(const fixer::ObjectRef& ref) {
  auto& objects = m_.state().objects;
  auto it = objects.find(ObjectKey(ref.ns, ref.path));
  return it == objects.end() ? nullptr : &it->second;
}

bool ObjectStore::Exists(const fixer::ObjectRef& ref) const { return Find(ref) != nullptr; }

namespace {

fixer::Status MissingError(const ObjectStore& store, const fixer::ObjectRef& ref) {
  switch (ref.ns) {
    case fixer::ObjectNamespace::kRegistry: return fixer::Status::Win(fixer::kErrorFileNotFound);
    case fixer::ObjectNamespace::kMetabase: return fixer::Status::Win(fixer::kErrorPathNotFound);
    case fixer::ObjectNamespace::kFile: {
      const std::string parent = ParentPath(ref.path);
      const bool parent_exists = IsDriveRoot(parent) || store.Exists({fixer::ObjectNamespace::kFile, parent});
      return fixer::Status::Win(parent_exists ? fixer::kErrorFileNotFound : fixer::kErrorPathNotFound);
    }
  }
  return fixer::Status::Win(fixer::kErrorFileNotFound);
}

}  // namespace

fixer::Status ObjectStore::Create(fixer::ObjectNamespace ns, const std::string& path, bool container,
                                  const fixer::Sid& owner, std::vector<fixer::Ace> dacl) {
  if (Exists({ns, path})) return fixer::Status::Win(fixer::kErrorAlreadyExists);
  if (auto st = m_.Mutate(MutationOp(ns, "create"), path); !st.ok()) return st;
  SecurableObject obj;
  obj.ns = ns;
  obj.path = path;
  obj.container = container;
  obj.owner = owner;
  obj.dacl = std::move(dacl);
  m_.state().objects[ObjectKey(ns, path)] = std::move(obj);
  return fixer::Status::Ok();
}

fixer::Status ObjectStore::Erase(const fixer::ObjectRef& ref) {
  if (!Exists(ref)) return MissingError(*this, ref);
  if (auto st = m_.Mutate(MutationOp(ref.ns, "delete"), ref.path); !st.ok()) return st;
  m_.state().objects.erase(ObjectKey(ref.ns, ref.path));
  return fixer::Status::Ok();
}

namespace {

bool Holds(const std::vector<fixer::Ace>& dacl, const fixer::Ace& ace) {
  return std::find(dacl.begin(), dacl.end(), ace) != dacl.end();
}

// The same ACE, the cheap fields first: two ACEs of one DACL seldom share type, mask and flags.
bool SameAce(const fixer::Ace& a, const fixer::Ace& b) {
  return a.mask == b.mask && a.flags == b.flags && a.type == b.type && a.sid == b.sid;
}

// Those of `aces` that neither `dacl` nor an earlier one of `aces` holds, in their order. Only
// the DACL's ACEs naming one of their SIDs (a re-grant names one, which the DACL seldom holds
// yet) are compared with them: the DACL is walked once, not once per ACE.
std::vector<fixer::Ace> NewAces(const std::vector<fixer::Ace>& dacl, std::span<const fixer::Ace> aces) {
  std::vector<const fixer::Sid*> sids;  // distinct
  for (const fixer::Ace& ace : aces) {
    if (std::none_of(sids.begin(), sids.end(), [&](const fixer::Sid* s) { return *s == ace.sid; })) {
      sids.push_back(&ace.sid);
    }
  }
  std::vector<const fixer::Ace*> same_sid;
  for (const fixer::Ace& held : dacl) {
    if (std::any_of(sids.begin(), sids.end(), [&](const fixer::Sid* s) { return *s == held.sid; })) {
      same_sid.push_back(&held);
    }
  }
  std::vector<fixer::Ace> added;
  added.reserve(aces.size());
  for (const fixer::Ace& ace : aces) {
    auto same = [&ace](const fixer::Ace& other) { return SameAce(ace, other); };
    if (std::any_of(same_sid.begin(), same_sid.end(), [&](const fixer::Ace* h) { return same(*h); })) continue;
    if (std::none_of(added.begin(), added.end(), same)) added.push_back(ace);
  }
  return added;
}

// `dacl` with `added` inserted in canonical order, in one pass: an ACE of class c goes before
// the first ACE of `dacl` of a later class, after the added ACEs of classes up to c that go
// there too (so a DACL a scenario gave out of order keeps its order).
std::vector<fixer::Ace> InsertCanonical(std::vector<fixer::Ace> dacl, std::span<const fixer::Ace> added) {
  constexpr int kClasses = 3;
  std::array<size_t, kClasses> before{};  // where each class goes: the first later-class ACE
  for (int cls = 0; cls < kClasses; ++cls) {
    auto pos = std::find_if(dacl.begin(), dacl.end(), [cls](const fixer::Ace& a) { return CanonicalClass(a) > cls; });
    before[static_cast<size_t>(cls)] = static_cast<size_t>(pos - dacl.begin());
  }
  std::vector<fixer::Ace> out;
  out.reserve(dacl.size() + added.size());
  for (size_t i = 0; i <= dacl.size(); ++i) {
    for (int cls = 0; cls < kClasses; ++cls) {
      if (before[static_cast<size_t>(cls)] != i) continue;
      for (const fixer::Ace& ace : added) {
        if (CanonicalClass(ace) == cls) out.push_back(ace);
      }
    }
    if (i < dacl.size()) out.push_back(std::move(dacl[i]));
  }
  return out;
}

}  // namespace

fixer::Status ObjectStore::AddAce(const fixer::ObjectRef& ref, const fixer::Ace& ace) {
  SecurableObject* obj = Find(ref);
  if (obj == nullptr) return MissingError(*this, ref);
  if (Holds(obj->dacl, ace)) return fixer::Status::Ok();
  if (auto st = m_.Mutate("acl.add_ace", ref.path); !st.ok()) return st;
  obj->dacl = InsertCanonical(std::move(obj->dacl), {&ace, 1});
  return fixer::Status::Ok();
}

fixer::Status ObjectStore::AddAces(const fixer::ObjectRef& ref, std::span<const fixer::Ace> aces) {
  SecurableObject* obj = Find(ref);
  if (obj == nullptr) return MissingError(*this, ref);
  const std::vector<fixer::Ace> added = NewAces(obj->dacl, aces);
  if (added.empty()) return fixer::Status::Ok();
  if (auto st = m_.Mutate("acl.set_dacl", ref.path); !st.ok()) return st;
  obj->dacl = InsertCanonical(std::move(obj->dacl), added);
  return fixer::Status::Ok();
}

fixer::Status ObjectStore::RemoveAce(const fixer::ObjectRef& ref, const fixer::Ace& ace) {
  if (!Exists(ref)) return MissingError(*this, ref);
  auto& dacl = Find(ref)->dacl;
  auto it = std::find_if(dacl.begin(), dacl.end(),
                         [&ace](const fixer::Ace& a) { return !(a.flags & fixer::kInheritedAce) && a == ace; });
  if (it == dacl.end()) return fixer::Status::Ok();
  if (auto st = m_.Mutate("acl.remove_ace", ref.path); !st.ok()) return st;
  dacl.erase(it);
  return fixer::Status::Ok();
}

fixer::Status ObjectStore::SetValue(const fixer::ObjectRef& ref, const std::string& name, const std::string& data) {
  if (!Exists(ref)) return MissingError(*this, ref);
  if (auto st = m_.Mutate("registry.set_value", ref.path + "\\" + name); !st.ok()) return st;
  Find(ref)->values[name] = data;
  return fixer::Status::Ok();
}

std::vector<fixer::ObjectAces> ObjectStore::FindAcesByObject(const fixer::Sid& sid) const {
  std::vector<fixer::ObjectAces> out;
  const auto& objects = m_.state().objects;
  // The map is ordered by "<namespace name>:<folded path>": each namespace's range, taken in
  // enum order, is in folded path order already.
  for (fixer::ObjectNamespace ns : kNamespaces) {
    const std::string prefix = std::string(fixer::ToString(ns)) + ":";
    const std::string past = std::string(fixer::ToString(ns)) + char(':' + 1);
    for (auto it = objects.lower_bound(prefix), end = objects.lower_bound(past); it != end; ++it) {
      const std::vector<fixer::Ace>& dacl = it->second.dacl;
      auto names_sid = [&sid](const fixer::Ace& ace) { return ace.sid == sid && !(ace.flags & fixer::kInheritedAce); };
      const auto first = std::find_if(dacl.begin(), dacl.end(), names_sid);
      if (first == dacl.end()) continue;
      fixer::ObjectAces& found = out.emplace_back(fixer::ObjectAces{{it->second.ns, it->second.path}, {}});
      found.aces.reserve(static_cast<size_t>(std::count_if(first, dacl.end(), names_sid)));
      std::copy_if(first, dacl.end(), std::back_inserter(found.aces), names_sid);
    }
  }
  return out;
}

std::vector<fixer::AceGrant> ObjectStore::FindAces(const fixer::Sid& sid) const {
  std::vector<fixer::AceGrant> out;
  for (fixer::ObjectAces& o : FindAcesByObject(sid)) {
    for (fixer::Ace& ace : o.aces) out.push_back({o.object, std::move(ace)});
  }
  return out;
}

bool ObjectStore::AccessAllowed(const fixer::ObjectRef& ref, const std::vector<fixer::Sid>& token,
                                uint32_t mask) const {
  const SecurableObject* obj = Find(ref);
  if (obj == nullptr) return false;
  uint32_t remaining = MapGenericRights(ref.ns, mask);
  // Before Vista the owner always gets READ_CONTROL and WRITE_DAC, whatever the DACL says.
  if (InToken(token, obj->owner)) remaining &= ~(kReadControl | kWriteDac);
  if (remaining == 0) return true;
  // The DACL is walked in order, as AccessCheck does: a matching deny ACE that names a bit
  // still wanted refuses; allow ACEs grant bits until every wanted bit is granted.
  for (const fixer::Ace& ace : obj->dacl) {
    if (ace.flags & fixer::kInheritOnlyAce) continue;  // applies to children only
    if (!InToken(token, ace.sid)) continue;
    const uint32_t ace_mask = MapGenericRights(ref.ns, ace.mask);
    if (ace.type == fixer::AceType::kDeny) {
      if (ace_mask & remaining) return false;
    } else {
      remaining &= ~ace_mask;
      if (remaining == 0) return true;
    }
  }
  return false;
}

std::vector<std::string> ObjectStore::DescribeDacl(const fixer::ObjectRef& ref) const {
  std::vector<std::string> lines;
  const SecurableObject* obj = Find(ref);
  if (obj == nullptr) return lines;
  for (const fixer::Ace& ace : obj->dacl) lines.push_back(FormatCaclsAce(m_, ref.ns, ace));
  return lines;
}

}  // namespace fakes
