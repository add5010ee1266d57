#include "fakes/object_map.h"

#include <algorithm>
#include <cassert>
#include <stdexcept>
#include <utility>
#include <vector>

#include "fixer/name_case.h"

namespace fakes {

namespace {

// A copy of `object` whose DACL has room for `room` more ACEs: the DACL is copied once, not
// copied and then grown by the write that wanted the copy.
SecurableObject CopyWithRoom(const SecurableObject& object, size_t room) {
  std::vector<fixer::Ace> dacl;
  dacl.reserve(object.dacl.size() + room);
  dacl.assign(object.dacl.begin(), object.dacl.end());
  SecurableObject copy{.ns = object.ns,
                       .path = object.path,
                       .container = object.container,
                       .owner = object.owner,
                       .dacl = std::move(dacl),
                       .values = object.values};
  assert(copy == object && "a field of SecurableObject not copied here");  // the fields are listed by hand
  return copy;
}

size_t ObjectKeySize(fixer::ObjectNamespace ns, std::string_view path) {
  return fixer::ToString(ns).size() + 1 + path.size();
}

// Writes ObjectKey(ns, path) to `out` (ObjectKeySize chars): the path folded by a plain loop
// (which the compiler vectorises; a push_back per character was most of the cost), as every
// object lookup folds its key.
void FoldObjectKeyInto(fixer::ObjectNamespace ns, std::string_view path, char* out) {
  const std::string_view name = fixer::ToString(ns);
  out = std::copy(name.begin(), name.end(), out);
  *out++ = ':';
  std::transform(path.begin(), path.end(), out, [](char c) { return fixer::FoldWindowsChar(c); });
}

// Writes ObjectKey(ns, path) to `out` as FoldObjectKeyInto does, and answers whether the key is
// final: false for a file path Win32 would spell otherwise (NormalFilePath changes it: a '/', a
// run of separators, a "." segment's separator, a trailing period, space or separator), whose key
// is then made from its normal form. The check rides along the fold in the same pass, without a
// branch per character (nearly every path the model meets is normal already): one read of the
// path on a lookup's hot path, where a scan of its own came first.
bool FoldNormalObjectKeyInto(fixer::ObjectNamespace ns, std::string_view path, char* out) {
  if (ns != fixer::ObjectNamespace::kFile || path.empty()) {
    FoldObjectKeyInto(ns, path, out);
    return true;
  }
  const std::string_view name = fixer::ToString(ns);
  out = std::copy(name.begin(), name.end(), out);
  *out++ = ':';
  const char* p = path.data();
  const size_t n = path.size();
  unsigned odd = p[0] == '/';
  out[0] = fixer::FoldWindowsChar(p[0]);
  for (size_t i = 1; i < n; ++i) {
    const char c = p[i];
    const char prev = p[i - 1];
    out[i] = fixer::FoldWindowsChar(c);
    odd |=
        static_cast<unsigned>(c == '/') |
        (static_cast<unsigned>(c == '\\') & (static_cast<unsigned>(prev == '\\') | static_cast<unsigned>(prev == '.')));
  }
  const char last = p[n - 1];
  odd |= static_cast<unsigned>(last == '.' || last == ' ' || (last == '\\' && n > 3));
  return odd == 0;
}

}  // namespace

std::string ObjectKey(fixer::ObjectNamespace ns, std::string_view path) {
  std::string key(ObjectKeySize(ns, path), '\0');
  if (FoldNormalObjectKeyInto(ns, path, key.data())) return key;
  const std::string normal = NormalFilePath(path);
  key.assign(ObjectKeySize(ns, normal), '\0');
  FoldObjectKeyInto(ns, normal, key.data());
  return key;
}

FoldedObjectKey::FoldedObjectKey(fixer::ObjectNamespace ns, std::string_view path) {
  auto fold = [this, ns](std::string_view p) {
    size_ = ObjectKeySize(ns, p);
    char* out = inline_;
    long_.clear();
    if (size_ > kInline) {
      long_.resize(size_);
      out = long_.data();
    }
    return FoldNormalObjectKeyInto(ns, p, out);
  };
  if (!fold(path)) fold(NormalFilePath(path));  // a normal form folds as it is
}

ObjectMap::Map::iterator ObjectMap::WritableIndex(const_iterator& at) {
  const Map* read = &map_.get();
  Map& map = map_.Writable();
  // A copied index: the key is still readable in the index `at` came from, which another map holds.
  if (&map != read) at = const_iterator(map.find(at->first));
  return map.erase(at.at_, at.at_);  // erases nothing: `at` as a writable iterator of this index
}

const SecurableObject& ObjectMap::at(std::string_view key) const {
  const auto it = map_.find(key);
  if (it == map_.end()) throw std::out_of_range("ObjectMap::at: no object " + std::string(key));
  return it->second.get();
}

SecurableObject& ObjectMap::Writable(const_iterator& at, size_t dacl_room) {
  assert(at != end());
  return WritableIndex(at)->second.Writable(
      [dacl_room](const SecurableObject& object) { return CopyWithRoom(object, dacl_room); });
}

SecurableObject& ObjectMap::Writable(std::string_view key) {
  const_iterator at = find(key);
  return Writable(at);
}

void ObjectMap::Put(std::string key, SecurableObject&& object) {
  map_.Writable().insert_or_assign(std::move(key), Shared(std::move(object)));
}

bool ObjectMap::Add(std::string key, SecurableObject&& object) {
  if (contains(key)) return false;
  map_.Writable().emplace(std::move(key), Shared(std::move(object)));
  return true;
}

bool ObjectMap::AddShared(const_iterator from) {
  if (contains(from.at_->first)) return false;
  map_.Writable().emplace(from.at_->first, from.at_->second);
  return true;
}

bool ObjectMap::Erase(std::string_view key) {
  const_iterator at = find(key);
  if (at == end()) return false;
  const Map::iterator writable = WritableIndex(at);  // before Writable() below, which then copies nothing
  map_.Writable().erase(writable);
  return true;
}

}  // namespace fakes
