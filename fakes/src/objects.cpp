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
#include <memory>
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
  auto it = objects.find(FoldedObjectKey(ref.ns, ref.path).view());
  return it == objects.end() ? nullptr : &it->second;
}

SecurableObject* ObjectStore::Find(const fixer::ObjectRef& ref) {
  auto& objects = m_.state().objects;
  auto it = objects.find(FoldedObjectKey(ref.ns, ref.path).view());
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

// The same ACE, the cheap fields first: two ACEs of one DACL seldom share type, mask and flags.
bool SameAce(const fixer::Ace& a, const fixer::Ace& b) {
  return a.mask == b.mask && a.flags == b.flags && a.type == b.type && a.sid == b.sid;
}

constexpr int kClasses = 3;
using ClassCounts = std::array<size_t, kClasses>;

// Marks those of `aces` that neither `dacl` nor an earlier one of `aces` holds (`fresh`, one flag
// per ACE); counts them by canonical class. The DACL is walked once, not once per ACE. A re-grant
// names one SID, which the DACL seldom holds yet: then one SID comparison per DACL entry skips
// the entries naming another; otherwise each entry is compared with every ACE, the mask first.
ClassCounts MarkNewAces(const std::vector<fixer::Ace>& dacl, std::span<const fixer::Ace> aces, std::span<bool> fresh) {
  std::fill(fresh.begin(), fresh.end(), true);
  const bool one_sid =
      !aces.empty() && std::all_of(aces.begin(), aces.end(), [&](const fixer::Ace& a) { return a.sid == aces[0].sid; });
  for (const fixer::Ace& held : dacl) {
    if (one_sid && !(held.sid == aces[0].sid)) continue;
    for (size_t i = 0; i < aces.size(); ++i) {
      if (fresh[i] && SameAce(held, aces[i])) fresh[i] = false;
    }
  }
  ClassCounts counts{};
  for (size_t i = 0; i < aces.size(); ++i) {
    if (!fresh[i]) continue;
    // An equal earlier ACE is either added already or held: this one is not new either way.
    const bool repeated = std::any_of(aces.begin(), aces.begin() + static_cast<std::ptrdiff_t>(i),
                                      [&](const fixer::Ace& earlier) { return SameAce(earlier, aces[i]); });
    if (repeated) {
      fresh[i] = false;
    } else {
      ++counts[static_cast<size_t>(CanonicalClass(aces[i]))];
    }
  }
  return counts;
}

// Inserts the ACEs of `aces` that `fresh` marks (`counts` of them by class) into `dacl` in
// canonical order: an ACE of class c goes before the first ACE of `dacl` of a later class, after
// the added ACEs of classes up to c that go there too (so a DACL a scenario gave out of order
// keeps its order). The DACL is runs of old ACEs with the added ones of a class after each; each
// ACE moves once: into a new buffer when the DACL must grow (a re-grant's usual case), else in
// place from the back.
void InsertCanonical(std::vector<fixer::Ace>& dacl, std::span<const fixer::Ace> aces, std::span<const bool> fresh,
                     const ClassCounts& counts) {
  const size_t n = dacl.size();
  ClassCounts before;  // where each class goes: the first later-class ACE
  before.fill(n);
  for (size_t i = 0; i < n && before[1] == n; ++i) {
    const int cls = CanonicalClass(dacl[i]);
    for (int earlier = 0; earlier < cls; ++earlier) {
      if (before[static_cast<size_t>(earlier)] == n) before[static_cast<size_t>(earlier)] = i;
    }
  }
  // Stops at the class's last added ACE (a re-grant's allow ACEs follow its deny ones).
  auto added_of_class = [&](int cls, auto&& put) {
    for (size_t j = 0, left = counts[static_cast<size_t>(cls)]; left > 0; ++j) {
      if (fresh[j] && CanonicalClass(aces[j]) == cls) {
        put(aces[j]);
        --left;
      }
    }
  };
  auto at = [&dacl](size_t i) { return dacl.begin() + static_cast<std::ptrdiff_t>(i); };
  size_t shift = counts[0] + counts[1] + counts[2];
  if (dacl.capacity() < n + shift) {
    std::vector<fixer::Ace> grown;
    grown.reserve(n + shift);
    size_t from = 0;
    for (int cls = 0; cls < kClasses; ++cls) {
      const size_t to = before[static_cast<size_t>(cls)];
      grown.insert(grown.end(), std::make_move_iterator(at(from)), std::make_move_iterator(at(to)));
      added_of_class(cls, [&grown](const fixer::Ace& ace) { grown.push_back(ace); });
      from = to;
    }
    grown.insert(grown.end(), std::make_move_iterator(at(from)), std::make_move_iterator(dacl.end()));
    dacl.swap(grown);
    return;
  }
  dacl.resize(n + shift);
  size_t run_end = n;  // the run of old ACEs after class cls's place moves `shift` on
  for (int cls = kClasses - 1; cls >= 0 && shift > 0; --cls) {
    const size_t to = before[static_cast<size_t>(cls)];
    std::move_backward(at(to), at(run_end), at(run_end + shift));
    shift -= counts[static_cast<size_t>(cls)];
    size_t write = to + shift;
    added_of_class(cls, [&](const fixer::Ace& ace) { dacl[write++] = ace; });
    run_end = to;
  }
}

// Up to this many ACEs per call, the flags live on the stack (a re-grant adds a few per object).
constexpr size_t kInlineFlags = 64;

// Adds the new ones of `aces` to `dacl` (see MarkNewAces), calling `mutate` (the fault point)
// first; none new: no call, no change.
template <typename Mutate>
fixer::Status MergeAces(std::vector<fixer::Ace>& dacl, std::span<const fixer::Ace> aces, Mutate mutate) {
  std::array<bool, kInlineFlags> inline_flags;
  std::unique_ptr<bool[]> heap_flags;
  if (aces.size() > kInlineFlags) heap_flags = std::make_unique<bool[]>(aces.size());
  const std::span<bool> fresh(heap_flags ? heap_flags.get() : inline_flags.data(), aces.size());
  const ClassCounts counts = MarkNewAces(dacl, aces, fresh);
  if (counts == ClassCounts{}) return fixer::Status::Ok();
  if (auto st = mutate(); !st.ok()) return st;
  InsertCanonical(dacl, aces, fresh, counts);
  return fixer::Status::Ok();
}

}  // namespace

fixer::Status ObjectStore::AddAce(const fixer::ObjectRef& ref, const fixer::Ace& ace) {
  SecurableObject* obj = Find(ref);
  if (obj == nullptr) return MissingError(*this, ref);
  return MergeAces(obj->dacl, {&ace, 1}, [&] { return m_.Mutate("acl.add_ace", ref.path); });
}

fixer::Status ObjectStore::AddAces(const fixer::ObjectRef& ref, std::span<const fixer::Ace> aces) {
  SecurableObject* obj = Find(ref);
  if (obj == nullptr) return MissingError(*this, ref);
  return MergeAces(obj->dacl, aces, [&] { return m_.Mutate("acl.set_dacl", ref.path); });
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

namespace {

// Where in `dacl` the explicit ACEs naming `sid` are, into `at` (cleared first): one comparison
// per ACE, and the caller copies only those found.
void ExplicitAcesAt(const std::vector<fixer::Ace>& dacl, const fixer::Sid& sid, std::vector<size_t>& at) {
  at.clear();
  const size_t n = dacl.size();
  const fixer::Ace* ace = dacl.data();
  for (size_t i = 0; i < n; ++i) {
    if (ace[i].sid == sid && !(ace[i].flags & fixer::kInheritedAce)) at.push_back(i);
  }
}

void CopyAcesAt(const std::vector<fixer::Ace>& dacl, const std::vector<size_t>& at, std::vector<fixer::Ace>& out) {
  out.reserve(out.size() + at.size());
  for (size_t i : at) out.push_back(dacl[i]);
}

}  // namespace

std::vector<fixer::ObjectAces> ObjectStore::FindAcesByObject(const fixer::Sid& sid) const {
  std::vector<fixer::ObjectAces> out;
  std::vector<size_t> at;  // reused for every object
  const auto& objects = m_.state().objects;
  // The map is ordered by "<namespace name>:<folded path>": each namespace's range, taken in
  // enum order, is in folded path order already.
  for (fixer::ObjectNamespace ns : kNamespaces) {
    const std::string prefix = std::string(fixer::ToString(ns)) + ":";
    const std::string past = std::string(fixer::ToString(ns)) + char(':' + 1);
    for (auto it = objects.lower_bound(prefix), end = objects.lower_bound(past); it != end; ++it) {
      ExplicitAcesAt(it->second.dacl, sid, at);
      if (at.empty()) continue;
      fixer::ObjectAces& found = out.emplace_back(fixer::ObjectAces{{it->second.ns, it->second.path}, {}});
      CopyAcesAt(it->second.dacl, at, found.aces);
    }
  }
  return out;
}

std::vector<std::vector<fixer::Ace>> ObjectStore::FindAcesOn(const fixer::Sid& sid,
                                                             std::span<const fixer::ObjectAces> on) const {
  std::vector<std::vector<fixer::Ace>> out(on.size());
  std::vector<size_t> at;
  const auto& objects = m_.state().objects;
  auto next = objects.end();  // the object after the last one found
  for (size_t i = 0; i < on.size(); ++i) {
    const FoldedObjectKey key(on[i].object.ns, on[i].object.path);
    // `on` is usually an earlier walk's answer, in the map's order: then the next object is the
    // one after the last, and one comparison finds it.
    auto it = next != objects.end() && next->first == key.view() ? next : objects.find(key.view());
    if (it == objects.end()) continue;
    next = std::next(it);
    ExplicitAcesAt(it->second.dacl, sid, at);
    CopyAcesAt(it->second.dacl, at, out[i]);
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
