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
//  - An AddAce of an ACE already present (same type, SID, mask and flags), or a RemoveAce (or
//    RemoveAces) of ACEs that are absent, changes nothing and is no mutation (so no fault
//    point), as Lsa::Grant.
//  - AddAces is one mutation per object ("acl.set_dacl"), as SetNamedSecurityInfo writes a
//    whole DACL: a fault leaves none of that object's ACEs added.
//  - A file name holding < > : " | ? * or a control character is on no disk: creating it, or
//    reading or granting on it, answers 123 ERROR_INVALID_NAME, as CreateFile and
//    GetNamedSecurityInfo do (docs/windows-reference.md#file-errors).
#include "fakes/objects.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <memory>
#include <span>
#include <tuple>
#include <utility>
#include <vector>

#include "fakes/acl_propagation.h"
#include "fakes/cacls_format.h"
#include "fakes/paths.h"
#include "fixer/access_check.h"
#include "fixer/file_path.h"
#include "fixer/win_error.h"

namespace fakes {
namespace {

// 0 explicit deny, 1 explicit allow, 2 inherited: the canonical order of a DACL.
int CanonicalClass(const fixer::Ace& ace) {
  if (ace.flags & fixer::kInheritedAce) return 2;
  return ace.type == fixer::AceType::kDeny ? 0 : 1;
}

bool IsDriveRoot(const std::string& path) { return path.size() == 2 && path[1] == ':'; }

std::string MutationOp(fixer::ObjectNamespace ns, const char* verb) {
  return std::string(fixer::ToString(ns)) + "." + verb;
}

}  // namespace

const SecurableObject* ObjectStore::Find(const fixer::ObjectRef& ref) const {
  const auto& objects = m_.state().objects;
  auto it = objects.find(FoldedObjectKey(ref.ns, ref.path).view());
  return it == objects.end() ? nullptr : &it->second;
}

SecurableObject& ObjectStore::WritableAt(const fixer::ObjectRef& ref) {
  return m_.state().objects.Writable(FoldedObjectKey(ref.ns, ref.path).view());
}

bool ObjectStore::Exists(const fixer::ObjectRef& ref) const { return Find(ref) != nullptr; }

namespace {

// The object `ref` names, tried first at `hint`: objects visited in the map's order (an earlier
// walk's answer) are each the one after the last found. A key is ObjectKey(ns, path) of its
// object, so the same namespace and the same spelling of the path is the same key, found with
// one string comparison and no folding; else one lookup.
template <typename Map, typename Iterator>
Iterator FindFrom(Map& objects, Iterator hint, const fixer::ObjectRef& ref) {
  if (hint != objects.end() && hint->second.ns == ref.ns && hint->second.path == ref.path) return hint;
  return objects.find(FoldedObjectKey(ref.ns, ref.path).view());
}

fixer::Status MissingError(const ObjectStore& store, const fixer::ObjectRef& ref) {
  // A name no file may have is refused before any lookup (GetNamedSecurityInfo: 123).
  if (ref.ns == fixer::ObjectNamespace::kFile && fixer::HoldsCharacterNoFileNameHolds(ref.path))
    return fixer::Status::Win(fixer::kErrorInvalidName);
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
  if (ns == fixer::ObjectNamespace::kFile && fixer::HoldsCharacterNoFileNameHolds(path))
    return fixer::Status::Win(fixer::kErrorInvalidName);  // CreateFile: no such name on any disk
  if (Exists({ns, path})) return fixer::Status::Win(fixer::kErrorAlreadyExists);
  if (auto st = m_.Mutate(MutationOp(ns, "create"), path); !st.ok()) return st;
  SecurableObject obj;
  obj.ns = ns;
  obj.path = path;
  obj.container = container;
  obj.owner = owner;
  obj.dacl = std::move(dacl);
  m_.state().objects.Put(ObjectKey(ns, path), std::move(obj));
  return fixer::Status::Ok();
}

fixer::Status ObjectStore::Erase(const fixer::ObjectRef& ref) {
  if (!Exists(ref)) return MissingError(*this, ref);
  if (auto st = m_.Mutate(MutationOp(ref.ns, "delete"), ref.path); !st.ok()) return st;
  m_.state().objects.Erase(FoldedObjectKey(ref.ns, ref.path).view());
  return fixer::Status::Ok();
}

namespace {

// The same ACE, the cheap fields first: two ACEs of one DACL seldom share type, mask and flags.
bool SameAce(const fixer::Ace& a, const fixer::Ace& b) {
  return a.mask == b.mask && a.flags == b.flags && a.type == b.type && a.sid == b.sid;
}

// Equal ACEs get the same one of 64 bits, from their type, mask and flags (a re-grant's ACEs
// differ in these).
uint64_t FieldsBit(const fixer::Ace& ace) {
  const uint64_t fields = (uint64_t{ace.mask} << 32) ^ (uint64_t{ace.flags} << 1) ^ static_cast<uint64_t>(ace.type);
  return uint64_t{1} << ((fields * 0x9E3779B97F4A7C15ull) >> 58);
}

constexpr int kClasses = 3;
using ClassCounts = std::array<size_t, kClasses>;
constexpr uint8_t kNotNew = kClasses;  // the class MarkNewAces gives an ACE that is not new

// Gives each of `aces` its canonical class in `cls` (one per ACE), or kNotNew when `dacl` or an
// earlier one of `aces` holds it; counts the new ones by class. The DACL is walked once, not
// once per ACE. A re-grant names one SID, which the DACL seldom holds yet: then one SID
// comparison per DACL entry skips the entries naming another; otherwise each entry is compared
// with every ACE, the mask first.
ClassCounts MarkNewAces(const std::vector<fixer::Ace>& dacl, std::span<const fixer::Ace> aces, std::span<uint8_t> cls) {
  for (size_t i = 0; i < aces.size(); ++i) cls[i] = static_cast<uint8_t>(CanonicalClass(aces[i]));
  const bool one_sid =
      !aces.empty() && std::all_of(aces.begin(), aces.end(), [&](const fixer::Ace& a) { return a.sid == aces[0].sid; });
  for (const fixer::Ace& held : dacl) {
    if (one_sid && !(held.sid == aces[0].sid)) continue;
    for (size_t i = 0; i < aces.size(); ++i) {
      if (cls[i] != kNotNew && SameAce(held, aces[i])) cls[i] = kNotNew;
    }
  }
  ClassCounts counts{};
  uint64_t seen = 0;  // the FieldsBit of each new ACE so far
  for (size_t i = 0; i < aces.size(); ++i) {
    if (cls[i] == kNotNew) continue;
    // An equal earlier ACE that is held marked this one held too; an equal earlier new one is
    // added already: only the new ones need a look, and only when one shares its FieldsBit.
    const uint64_t bit = FieldsBit(aces[i]);
    if (seen & bit) {
      for (size_t j = 0; j < i; ++j) {
        if (cls[j] != kNotNew && SameAce(aces[j], aces[i])) {
          cls[i] = kNotNew;
          break;
        }
      }
    }
    seen |= bit;
    if (cls[i] != kNotNew) ++counts[cls[i]];
  }
  return counts;
}

// Where each class's added ACEs go in `dacl`: before the first ACE of a later class (the DACL's
// size when none), so a DACL a scenario gave out of order keeps its order. Two scans that stop
// at the first allow and at the first inherited ACE.
ClassCounts InsertionPoints(std::span<const fixer::Ace> dacl) {
  const size_t n = dacl.size();
  size_t first_past_deny = 0;
  while (first_past_deny < n && CanonicalClass(dacl[first_past_deny]) == 0) ++first_past_deny;
  size_t first_inherited = first_past_deny;
  while (first_inherited < n && CanonicalClass(dacl[first_inherited]) < 2) ++first_inherited;
  return {first_past_deny, first_inherited, n};
}

// Inserts the ACEs of `aces` that `cls` gives a class (`counts` of them by class) into `dacl` in
// canonical order: an ACE of class c goes before the first ACE of `dacl` of a later class, after
// the added ACEs of classes up to c that go there too. The DACL is runs of old ACEs with the added
// ones of a class after each; each ACE moves once: into a new buffer when the DACL must grow (a
// re-grant's usual case), else in place from the back. A batch already in canonical order (a
// re-grant's, read from a DACL) is read once, not once per class.
void InsertCanonical(std::vector<fixer::Ace>& dacl, std::span<const fixer::Ace> aces, std::span<const uint8_t> cls,
                     const ClassCounts& counts) {
  const size_t n = dacl.size();
  const ClassCounts before = InsertionPoints(dacl);
  // Sorted classes (kNotNew last) put each class's new ACEs in one range of `aces`: no look at
  // the others.
  const bool grouped = std::is_sorted(cls.begin(), cls.end());
  auto added_of_class = [&](size_t c, auto&& put) {
    if (grouped) {
      const size_t start = c == 0 ? 0 : c == 1 ? counts[0] : counts[0] + counts[1];
      for (size_t j = start; j < start + counts[c]; ++j) put(aces[j]);
      return;
    }
    for (size_t j = 0; j < aces.size(); ++j) {
      if (cls[j] == c) put(aces[j]);
    }
  };
  size_t shift = counts[0] + counts[1] + counts[2];
  if (dacl.capacity() < n + shift) {
    std::vector<fixer::Ace> grown;
    grown.reserve(n + shift);
    const fixer::Ace* old = dacl.data();
    size_t from = 0;
    for (size_t c = 0; c < kClasses; ++c) {
      const size_t to = before[c];
      grown.insert(grown.end(), old + from, old + to);
      if (counts[c] > 0) added_of_class(c, [&grown](const fixer::Ace& ace) { grown.push_back(ace); });
      from = to;
    }
    dacl.swap(grown);
    return;
  }
  auto at = [&dacl](size_t i) { return dacl.begin() + static_cast<std::ptrdiff_t>(i); };
  dacl.resize(n + shift);
  size_t run_end = n;  // the run of old ACEs after class c's place moves `shift` on
  for (size_t c = kClasses; c-- > 0 && shift > 0;) {
    const size_t to = before[c];
    std::move_backward(at(to), at(run_end), at(run_end + shift));
    shift -= counts[c];
    size_t write = to + shift;
    if (counts[c] > 0) added_of_class(c, [&](const fixer::Ace& ace) { dacl[write++] = ace; });
    run_end = to;
  }
}

// Up to this many ACEs per call, the classes live on the stack (a re-grant adds a few per object).
constexpr size_t kInlineClasses = 64;

// Adds the new ones of `aces` to `dacl` (see MarkNewAces): `mutate` (the fault point) first,
// then the ACEs go into the DACL `writable(added)` gives (a copy made for the write has room for
// the `added` ACEs); none new: no call, no change.
template <typename Mutate, typename Writable>
fixer::Status MergeAces(const std::vector<fixer::Ace>& dacl, std::span<const fixer::Ace> aces, Mutate mutate,
                        Writable writable) {
  std::array<uint8_t, kInlineClasses> inline_classes;
  std::unique_ptr<uint8_t[]> heap_classes;
  if (aces.size() > kInlineClasses) heap_classes = std::make_unique<uint8_t[]>(aces.size());
  const std::span<uint8_t> cls(heap_classes ? heap_classes.get() : inline_classes.data(), aces.size());
  const ClassCounts counts = MarkNewAces(dacl, aces, cls);
  if (counts == ClassCounts{}) return fixer::Status::Ok();
  if (auto st = mutate(); !st.ok()) return st;
  InsertCanonical(writable(counts[0] + counts[1] + counts[2]), aces, cls, counts);
  return fixer::Status::Ok();
}

}  // namespace

fixer::Status ObjectStore::AddAce(const fixer::ObjectRef& ref, const fixer::Ace& ace) {
  const FoldedObjectKey key(ref.ns, ref.path);  // folded once: found, written, propagated below
  ObjectMap& objects = m_.state().objects;
  const auto found = objects.find(key.view());
  if (found == objects.end()) return MissingError(*this, ref);
  bool wrote = false;
  const fixer::Status st = MergeAces(
      found->second.dacl, {&ace, 1}, [&] { return m_.Mutate("acl.add_ace", ref.path); },
      [&](size_t) -> std::vector<fixer::Ace>& {
        wrote = true;
        return objects.Writable(key.view()).dacl;
      });
  if (wrote) PropagateInheritableAces(objects, key.view());
  return st;
}

fixer::Status ObjectStore::AddAcesTo(ObjectMap::const_iterator& seen, const fixer::ObjectRef& ref,
                                     std::span<const fixer::Ace> aces) {
  if (seen == m_.state().objects.end()) return MissingError(*this, ref);
  bool wrote = false;
  const fixer::Status st = MergeAces(
      seen->second.dacl, aces, [&] { return m_.Mutate("acl.set_dacl", ref.path); },
      [&](size_t added) -> std::vector<fixer::Ace>& {
        wrote = true;
        return m_.state().objects.Writable(seen, added).dacl;
      });
  if (wrote) PropagateInheritableAces(m_.state().objects, seen->first);
  return st;
}

fixer::Status ObjectStore::AddAces(const fixer::ObjectRef& ref, std::span<const fixer::Ace> aces) {
  auto seen = m_.state().objects.find(FoldedObjectKey(ref.ns, ref.path).view());
  return AddAcesTo(seen, ref, aces);
}

void ObjectStore::AddAcesEach(std::span<const fixer::ObjectAces> objects, fixer::AceWrites& writes) {
  const ObjectMap& map = m_.state().objects;
  auto next = map.end();         // the object after the last one found
  std::vector<fixer::Ace> aces;  // reused for every object
  for (size_t i = 0; i < objects.size(); ++i) {
    aces.clear();
    writes.AcesFor(i, aces);
    if (aces.empty()) {
      writes.Written(i, fixer::Status::Ok());
      continue;
    }
    const fixer::ObjectRef& ref = objects[i].object;
    auto it = FindFrom(map, next, ref);
    writes.Written(i, AddAcesTo(it, ref, aces));  // a write that copied the index moved `it` to the copy
    if (it != map.end()) next = std::next(it);
  }
}

fixer::Status ObjectStore::RemoveAce(const fixer::ObjectRef& ref, const fixer::Ace& ace) {
  const FoldedObjectKey key(ref.ns, ref.path);
  ObjectMap& objects = m_.state().objects;
  const auto found = objects.find(key.view());
  if (found == objects.end()) return MissingError(*this, ref);
  const std::vector<fixer::Ace>& held_dacl = found->second.dacl;
  auto held = [&ace](const fixer::Ace& a) { return !(a.flags & fixer::kInheritedAce) && a == ace; };
  const auto at = std::find_if(held_dacl.begin(), held_dacl.end(), held) - held_dacl.begin();
  if (at == std::ssize(held_dacl)) return fixer::Status::Ok();
  if (auto st = m_.Mutate("acl.remove_ace", ref.path); !st.ok()) return st;
  auto& dacl = objects.Writable(key.view()).dacl;
  dacl.erase(dacl.begin() + at);
  PropagateInheritableAces(objects, key.view());
  return fixer::Status::Ok();
}

fixer::Status ObjectStore::RemoveAces(const fixer::ObjectRef& ref, std::span<const fixer::Ace> aces) {
  const FoldedObjectKey key(ref.ns, ref.path);
  ObjectMap& objects = m_.state().objects;
  const auto found = objects.find(key.view());
  if (found == objects.end()) return MissingError(*this, ref);
  auto removed = [&aces](const fixer::Ace& a) {
    return !(a.flags & fixer::kInheritedAce) && std::find(aces.begin(), aces.end(), a) != aces.end();
  };
  if (std::none_of(found->second.dacl.begin(), found->second.dacl.end(), removed)) return fixer::Status::Ok();
  if (auto st = m_.Mutate("acl.set_dacl", ref.path); !st.ok()) return st;
  std::erase_if(objects.Writable(key.view()).dacl, removed);
  PropagateInheritableAces(objects, key.view());
  return fixer::Status::Ok();
}

fixer::Status ObjectStore::SetValue(const fixer::ObjectRef& ref, const std::string& name, const std::string& data) {
  if (!Exists(ref)) return MissingError(*this, ref);
  if (auto st = m_.Mutate("registry.set_value", ref.path + "\\" + name); !st.ok()) return st;
  WritableAt(ref).values[name] = data;
  return fixer::Status::Ok();
}

namespace {

bool NamesExplicitly(const fixer::Ace& ace, const fixer::Sid& sid) {
  return ace.sid == sid && !(ace.flags & fixer::kInheritedAce);
}

// The first explicit ACE of `dacl` naming `sid`; dacl.size() when none does.
size_t FirstExplicitAceOf(std::span<const fixer::Ace> dacl, const fixer::Sid& sid) {
  size_t i = 0;
  while (i < dacl.size() && !NamesExplicitly(dacl[i], sid)) ++i;
  return i;
}

using AceRuns = std::vector<std::pair<size_t, size_t>>;  // [begin, end) positions in a DACL

// Appends the explicit ACEs of `dacl` naming `sid`, from `first` (FirstExplicitAceOf) on, to
// `out` in DACL order: one comparison per ACE, then one block copy per run of them (an account's
// ACEs on an object usually stand together) into a buffer of the right size. `runs` is scratch.
void AppendExplicitAcesOf(std::span<const fixer::Ace> dacl, const fixer::Sid& sid, size_t first,
                          std::vector<fixer::Ace>& out, AceRuns& runs) {
  runs.clear();
  size_t count = 0;
  for (size_t i = first; i < dacl.size();) {
    if (!NamesExplicitly(dacl[i], sid)) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < dacl.size() && NamesExplicitly(dacl[end], sid)) ++end;
    runs.emplace_back(i, end);
    count += end - i;
    i = end;
  }
  out.reserve(out.size() + count);
  for (const auto& [begin, end] : runs) out.insert(out.end(), dacl.data() + begin, dacl.data() + end);
}

}  // namespace

std::vector<fixer::ObjectAces> ObjectStore::FindAcesByObject(const fixer::Sid& sid) const {
  std::vector<fixer::ObjectAces> out;
  AceRuns runs;  // reused for every object
  const auto& objects = m_.state().objects;
  // The map is ordered by "<namespace name>:<folded path>": each namespace's range, taken in
  // enum order, is in folded path order already.
  for (fixer::ObjectNamespace ns : fixer::kObjectNamespaces) {
    const std::string prefix = std::string(fixer::ToString(ns)) + ":";
    const std::string past = std::string(fixer::ToString(ns)) + char(':' + 1);
    for (auto it = objects.lower_bound(prefix), end = objects.lower_bound(past); it != end; ++it) {
      const std::vector<fixer::Ace>& dacl = it->second.dacl;
      const size_t first = FirstExplicitAceOf(dacl, sid);
      if (first == dacl.size()) continue;
      fixer::ObjectAces& found = out.emplace_back(fixer::ObjectAces{.object = {it->second.ns, it->second.path}});
      AppendExplicitAcesOf(dacl, sid, first, found.aces, runs);
    }
  }
  return out;
}

std::vector<std::vector<fixer::Ace>> ObjectStore::FindAcesOn(const fixer::Sid& sid,
                                                             std::span<const fixer::ObjectAces> on) const {
  std::vector<std::vector<fixer::Ace>> out(on.size());
  AceRuns runs;
  const auto& objects = m_.state().objects;
  auto next = objects.end();  // the object after the last one found
  for (size_t i = 0; i < on.size(); ++i) {
    auto it = FindFrom(objects, next, on[i].object);
    if (it == objects.end()) continue;
    next = std::next(it);
    const std::vector<fixer::Ace>& dacl = it->second.dacl;
    const size_t first = FirstExplicitAceOf(dacl, sid);
    if (first != dacl.size()) AppendExplicitAcesOf(dacl, sid, first, out[i], runs);
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

fixer::Result<fixer::ObjectSecurity> ObjectStore::ReadSecurity(const fixer::ObjectRef& ref) const {
  const SecurableObject* obj = Find(ref);
  if (obj == nullptr) return MissingError(*this, ref);
  return fixer::ObjectSecurity{.owner = obj->owner, .dacl = obj->dacl};
}

bool ObjectStore::AccessAllowed(const fixer::ObjectRef& ref, const std::vector<fixer::Sid>& token,
                                uint32_t mask) const {
  const SecurableObject* obj = Find(ref);
  if (obj == nullptr) return false;
  return fixer::CheckAccess(obj->owner, obj->dacl, token, mask, ref.ns).granted;
}

std::vector<std::string> ObjectStore::DescribeDacl(const fixer::ObjectRef& ref) const {
  std::vector<std::string> lines;
  const SecurableObject* obj = Find(ref);
  if (obj == nullptr) return lines;
  for (const fixer::Ace& ace : obj->dacl) lines.push_back(FormatCaclsAce(m_, ref.ns, ace));
  return lines;
}

}  // namespace fakes
