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

// Inserts before the first ACE of a later canonical class, as AddAce does.
void InsertCanonical(std::vector<fixer::Ace>& dacl, const fixer::Ace& ace) {
  const int cls = CanonicalClass(ace);
  auto pos = std::find_if(dacl.begin(), dacl.end(), [cls](const fixer::Ace& a) { return CanonicalClass(a) > cls; });
  dacl.insert(pos, ace);
}

bool Holds(const std::vector<fixer::Ace>& dacl, const fixer::Ace& ace) {
  return std::find(dacl.begin(), dacl.end(), ace) != dacl.end();
}

}  // namespace

fixer::Status ObjectStore::AddAce(const fixer::ObjectRef& ref, const fixer::Ace& ace) {
  SecurableObject* obj = Find(ref);
  if (obj == nullptr) return MissingError(*this, ref);
  if (Holds(obj->dacl, ace)) return fixer::Status::Ok();
  if (auto st = m_.Mutate("acl.add_ace", ref.path); !st.ok()) return st;
  InsertCanonical(obj->dacl, ace);
  return fixer::Status::Ok();
}

fixer::Status ObjectStore::AddAces(const fixer::ObjectRef& ref, std::span<const fixer::Ace> aces) {
  SecurableObject* obj = Find(ref);
  if (obj == nullptr) return MissingError(*this, ref);
  auto& dacl = obj->dacl;
  const bool any_new = std::any_of(aces.begin(), aces.end(), [&dacl](const fixer::Ace& a) { return !Holds(dacl, a); });
  if (!any_new) return fixer::Status::Ok();
  if (auto st = m_.Mutate("acl.set_dacl", ref.path); !st.ok()) return st;
  dacl.reserve(dacl.size() + aces.size());
  for (const fixer::Ace& ace : aces) {
    if (!Holds(dacl, ace)) InsertCanonical(dacl, ace);
  }
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
  // The map is ordered by "<namespace name>:<folded path>": within a namespace that is the
  // folded path order already; a stable sort puts the namespaces in enum order.
  for (const auto& [key, obj] : m_.state().objects) {
    fixer::ObjectAces* found = nullptr;
    for (const fixer::Ace& ace : obj.dacl) {
      if (ace.sid != sid || (ace.flags & fixer::kInheritedAce)) continue;
      if (found == nullptr) found = &out.emplace_back(fixer::ObjectAces{{obj.ns, obj.path}, {}});
      found->aces.push_back(ace);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const fixer::ObjectAces& a, const fixer::ObjectAces& b) { return a.object.ns < b.object.ns; });
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
