// ObjectMap: a machine's securable objects (files, registry keys, metabase nodes) by key, each
// object shared between copies of the machine until one of them writes it.
//
// A copy of the map costs a reference count, and two maps that share compare by a pointer. The
// first write to a shared map copies its index (a key and a reference count per object), never
// the objects: a write copies only the object it changes, and only when another map still holds
// it. Iteration is in key order (ObjectKey: "<namespace>:<folded path>") and yields pairs of
// references, `first` the key and `second` the object. Reads never copy; a write names itself.
//
//   const std::string key = fakes::ObjectKey(fixer::ObjectNamespace::kFile, "C:\\Inetpub");
//   fakes::ObjectMap a;
//   a.Put(key, {.path = "C:\\Inetpub"});
//   fakes::ObjectMap b = a;  // shares the index and the object
//   auto at = b.find(key);
//   b.Writable(at, 1).dacl.push_back({fixer::AceType::kAllow, fixer::Sid::Users(), fixer::kFileGenericRead, 0});
//   bool kept = a.at(key).dacl.empty() && b.at(key).dacl.size() == 1;  // a holds the object as it was
//   for (const auto& [k, object] : b) kept = kept && k == key && object.path == "C:\\Inetpub";
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/copy_on_write.h"
#include "fixer/file_path.h"
#include "fixer/ports/security.h"
#include "fixer/sid.h"

namespace fakes {

struct SecurableObject {
  fixer::ObjectNamespace ns = fixer::ObjectNamespace::kFile;
  std::string path;       // as created; lookups are case-insensitive
  bool container = true;  // folder / key / node, as opposed to a file
  fixer::Sid owner;
  std::vector<fixer::Ace> dacl;               // ordered
  std::map<std::string, std::string> values;  // registry values (name -> data)
  friend bool operator==(const SecurableObject&, const SecurableObject&) = default;
};

// A file path as Win32 normalises it (fixer/file_path.h). Every file object's key is made from it,
// so one folder spelled two ways is one object.
using fixer::NormalFilePath;

// "file:c:\inetpub\wwwroot" - the case-folded key of an object in MachineState::objects.
std::string ObjectKey(fixer::ObjectNamespace ns, std::string_view path);
// ObjectKey(ns, path) for a lookup: folded into a buffer on the stack (a heap string past
// kInline characters), so finding an object allocates nothing.
//   auto it = state.objects.find(fakes::FoldedObjectKey(ns, path).view());
class FoldedObjectKey {
 public:
  FoldedObjectKey(fixer::ObjectNamespace ns, std::string_view path);
  FoldedObjectKey(const FoldedObjectKey&) = delete;  // view() points into this object
  FoldedObjectKey& operator=(const FoldedObjectKey&) = delete;
  std::string_view view() const { return {long_.empty() ? inline_ : long_.data(), size_}; }

 private:
  static constexpr size_t kInline = 256;  // MAX_PATH and a namespace name
  char inline_[kInline];
  size_t size_ = 0;
  std::string long_;
};

// The objects by ObjectKey(ns, path), in that key's order. Lookups take a key's view (a
// FoldedObjectKey's builds no string).
class ObjectMap {
  using Shared = CopyOnWrite<SecurableObject>;
  using Map = std::map<std::string, Shared, std::less<>>;

 public:
  // What iteration yields: the key and the object, both read-only.
  struct Entry {
    const std::string& first;
    const SecurableObject& second;
  };

  class const_iterator {
   public:
    using iterator_category = std::bidirectional_iterator_tag;
    using value_type = Entry;
    using difference_type = std::ptrdiff_t;
    using reference = Entry;
    struct pointer {  // it->second.dacl reads through the Entry it holds
      Entry entry;
      const Entry* operator->() const { return &entry; }
    };

    const_iterator() = default;
    Entry operator*() const { return {at_->first, at_->second.get()}; }
    pointer operator->() const { return {**this}; }
    const_iterator& operator++() {
      ++at_;
      return *this;
    }
    const_iterator operator++(int) { return const_iterator(at_++); }
    const_iterator& operator--() {
      --at_;
      return *this;
    }
    const_iterator operator--(int) { return const_iterator(at_--); }
    friend bool operator==(const const_iterator&, const const_iterator&) = default;

   private:
    friend class ObjectMap;
    explicit const_iterator(Map::const_iterator at) : at_(at) {}
    Map::const_iterator at_;
  };
  using iterator = const_iterator;

  const_iterator begin() const { return const_iterator(map_.begin()); }
  const_iterator end() const { return const_iterator(map_.end()); }
  size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }
  const_iterator find(std::string_view key) const { return const_iterator(map_.find(key)); }
  const_iterator lower_bound(std::string_view key) const { return const_iterator(map_.lower_bound(key)); }
  bool contains(std::string_view key) const { return map_.contains(key); }
  const SecurableObject& at(std::string_view key) const;  // std::out_of_range when absent
  static std::less<> key_comp() { return {}; }

  // The object at `at` (an iterator of this map), to change: copied first when another map holds
  // it, its DACL then with room for `dacl_room` more ACEs. When the write copies this map's index,
  // `at` moves to the copy. Take it after the Mutate() announcing the change (which may keep the
  // machine as found, sharing the objects).
  SecurableObject& Writable(const_iterator& at, size_t dacl_room = 0);
  // The same for the object `key` names, which must be held.
  SecurableObject& Writable(std::string_view key);
  // Holds `object` at `key`, in place of any object there. By reference, so `object` is moved
  // only after every argument is made: Put(ObjectKey(o.ns, o.path), std::move(o)) is safe.
  void Put(std::string key, SecurableObject&& object);
  void Put(std::string key, const SecurableObject& object) { Put(std::move(key), SecurableObject(object)); }
  // Holds `object` at `key` unless an object is held there: whether it was added.
  bool Add(std::string key, SecurableObject&& object);
  bool Add(std::string key, const SecurableObject& object) { return Add(std::move(key), SecurableObject(object)); }
  // Holds the object `from` (an iterator of another map) points at, under its key and sharing it,
  // unless an object is held there: whether it was added. Costs a reference count, not a copy.
  bool AddShared(const_iterator from);
  // Whether an object was held at `key`, and is no longer.
  bool Erase(std::string_view key);
  // Drops every object `drop(key, object)` picks; how many.
  template <class Pick>
  size_t EraseIf(Pick drop);
  // Calls `change(key, object)` on a writable copy of each object `wants(key, object)` picks.
  template <class Pick, class Change>
  void ChangeWhere(Pick wants, Change change);

  // Whether the two share one index, and so are equal without a look inside.
  bool Shares(const ObjectMap& other) const { return map_.Shares(other.map_); }
  // Object by object; an object two maps share compares by pointer.
  friend bool operator==(const ObjectMap&, const ObjectMap&) = default;

 private:
  Map::iterator WritableIndex(const_iterator& at);

  CopyOnWrite<Map> map_;
};

template <class Pick>
size_t ObjectMap::EraseIf(Pick drop) {
  auto picked = [&drop](const Map::value_type& kv) { return drop(kv.first, kv.second.get()); };
  if (std::none_of(map_.begin(), map_.end(), picked)) return 0;  // a shared index stays shared
  return std::erase_if(map_.Writable(), picked);
}

template <class Pick, class Change>
void ObjectMap::ChangeWhere(Pick wants, Change change) {
  for (const_iterator at = begin(); at != end(); ++at) {
    if (!wants(at->first, at->second)) continue;
    SecurableObject& object = Writable(at);
    change(at->first, object);
  }
}

}  // namespace fakes
