// NamedList<T, KeyOf, NameOf>: entries in the order they were added, each found in constant time
// by its name without regard to case (fixer::SameWindowsName; a TwoPartName part by part) and by
// its key (KeyOf), however many there are: the SAM's accounts by RID and its groups by SID, the
// profiles by SID and path, a database's users by database and name.
// A machine file of 100,000 accounts, each checked against the names already taken, loads in
// linear time. The name is the entry's `name` unless NameOf says otherwise.
//
// An entry's name and key are never changed in place (nothing here renames an account or a group):
// entries come and go through push_back and erase_if, which keep the index; other fields may be
// written through the non-const accessors. Two entries of one name (or key) find the first.
// generation() changes with every entry added, removed or replaced, so what a reader builds from
// the entries' names (Scm's dependents of each service) is known to hold while it is unchanged.
//
//   #include "fakes/state.h"
//   fakes::NamedList<fakes::UserAccount, fakes::RidOfAccount> users;  // SamState::users
//   users.push_back({.rid = 1003, .name = "ASPNET"});
//   const fakes::UserAccount* by_name = users.FindName("aspnet");  // the ASPNET account
//   const fakes::UserAccount* by_rid = users.FindKey(1003);        // the same one
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "fakes/copy_on_write.h"
#include "fixer/name_case.h"

namespace fakes {

// A hash of `name` that agrees with fixer::SameWindowsName: names that compare equal hash equal.
inline size_t WindowsNameHash(std::string_view name) {
  uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
  for (char c : name) h = (h ^ static_cast<unsigned char>(fixer::FoldWindowsChar(c))) * 0x100000001b3ull;
  return static_cast<size_t>(h ^ (h >> 29));
}

// A name of two parts, each compared without case: a database user is named by its database and
// its name inside it.
struct TwoPartName {
  std::string_view first;
  std::string_view second;
};

// How NamedList compares and hashes a name: a text as fixer::SameWindowsName compares it, a
// TwoPartName part by part.
inline bool SameName(std::string_view a, std::string_view b) { return fixer::SameWindowsName(a, b); }
inline bool SameName(const TwoPartName& a, const TwoPartName& b) {
  return fixer::SameWindowsName(a.first, b.first) && fixer::SameWindowsName(a.second, b.second);
}
inline size_t NameHash(std::string_view name) { return WindowsNameHash(name); }
inline size_t NameHash(const TwoPartName& name) {
  return WindowsNameHash(name.first) * 0x9E3779B97F4A7C15ull ^ WindowsNameHash(name.second);
}

// An entry's `name`: NamedList's default NameOf.
struct NameMember {
  template <class T>
  const std::string& operator()(const T& entry) const {
    return entry.name;
  }
};

// NamedList's KeyOf for entries found by name only (no key index is kept).
struct NoKey {
  template <class T>
  int operator()(const T&) const {
    return 0;
  }
};

template <class T, class KeyOf = NoKey, class NameOf = NameMember>
class NamedList {
  static constexpr bool kKeyed = !std::is_same_v<KeyOf, NoKey>;
  static constexpr size_t kTables = kKeyed ? 2 : 1;  // by name, and by key when there is one

 public:
  using value_type = T;
  using Key = std::decay_t<std::invoke_result_t<KeyOf, const T&>>;
  // What FindName is given: a text, or what NameOf answers when that is not one (a TwoPartName).
  using NameView = std::conditional_t<std::is_convertible_v<std::invoke_result_t<NameOf, const T&>, std::string_view>,
                                      std::string_view, std::decay_t<std::invoke_result_t<NameOf, const T&>>>;
  using iterator = typename std::vector<T>::iterator;
  using const_iterator = typename std::vector<T>::const_iterator;

  NamedList() = default;
  NamedList(std::initializer_list<T> items) : NamedList(std::vector<T>(items)) {}
  explicit NamedList(std::vector<T> items) : items_(std::move(items)) { Reindex(); }

  const T* FindName(const NameView& name) const {
    const size_t at = Probe(NameHash(name), 0, [&](const T& e) { return SameName(NameView(NameOf{}(e)), name); });
    return at == kNone ? nullptr : &items_[at];
  }
  T* FindName(const NameView& name) { return const_cast<T*>(std::as_const(*this).FindName(name)); }
  const T* FindKey(const Key& key) const {
    static_assert(kKeyed, "a NamedList of NoKey is found by name only");
    const size_t at = Probe(KeyHash(key), Capacity(), [&](const T& e) { return KeyOf{}(e) == key; });
    return at == kNone ? nullptr : &items_[at];
  }
  T* FindKey(const Key& key) { return const_cast<T*>(std::as_const(*this).FindKey(key)); }

  void push_back(T item) {
    items_.push_back(std::move(item));
    if ((items_.size() + 1) * 2 > Capacity()) {
      Reindex();  // at most half full, so a probe ends soon; doubling keeps adds O(1) on average
    } else {
      Index(items_.size() - 1, slots_.Writable());
      generation_ = NextGeneration();
    }
  }
  // Puts `item` in place of the entry at `position` (its name or key may differ).
  void Replace(size_t position, T item) {
    items_[position] = std::move(item);
    Reindex();
  }
  // Removes the entries `pred` holds for; returns how many.
  template <class Pred>
  size_t erase_if(Pred pred) {
    const size_t removed = std::erase_if(items_, pred);
    if (removed > 0) Reindex();
    return removed;
  }

  // Removes the entry `entry` points to (as FindName or FindKey answered it).
  void erase(const T* entry) {
    items_.erase(items_.begin() + (entry - items_.data()));
    Reindex();
  }

  void clear() {
    items_.clear();
    slots_ = {};
    generation_ = NextGeneration();
  }

  const std::vector<T>& items() const { return items_; }
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  const T& operator[](size_t i) const { return items_[i]; }
  const T& at(size_t i) const { return items_.at(i); }
  T& operator[](size_t i) { return items_[i]; }
  const T& back() const { return items_.back(); }
  T& back() { return items_.back(); }
  // A number no other set of entries has had: it changes whenever entries are added, removed or
  // replaced (not when a field is written through a reference), and a copy keeps it.
  uint64_t generation() const { return generation_; }
  const_iterator begin() const { return items_.begin(); }
  const_iterator end() const { return items_.end(); }
  iterator begin() { return items_.begin(); }
  iterator end() { return items_.end(); }

  // The entries, in order: the index follows from them.
  friend bool operator==(const NamedList& a, const NamedList& b) { return a.items_ == b.items_; }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  static uint64_t NextGeneration() {
    static std::atomic<uint64_t> last{0};  // one count for every list of this type
    return last.fetch_add(1, std::memory_order_relaxed) + 1;
  }

  static size_t KeyHash(const Key& key) {
    const size_t hash = std::hash<Key>{}(key);
    return hash * 0x9E3779B97F4A7C15ull;  // spreads a RID's small, dense values over the slots
  }
  // Slots [0, Capacity()) find entries by name, [Capacity(), 2 Capacity()) by key (when keyed);
  // each holds an entry's position + 1, 0 when empty.
  size_t Capacity() const { return slots_.size() / kTables; }

  template <class Match>
  size_t Probe(size_t hash, size_t base, Match match) const {
    const size_t capacity = Capacity();
    if (capacity == 0) return kNone;
    const std::vector<uint32_t>& slots = slots_.get();
    for (size_t i = hash & (capacity - 1);; i = (i + 1) & (capacity - 1)) {
      const uint32_t slot = slots[base + i];
      if (slot == 0) return kNone;
      if (match(items_[slot - 1])) return slot - 1;
    }
  }

  // Adds the entry at `position` under its name and its key, unless an earlier one holds them.
  void Index(size_t position, std::vector<uint32_t>& slots) {
    const size_t capacity = slots.size() / kTables;
    const T& entry = items_[position];
    auto place = [&](size_t hash, size_t base, auto same) {
      for (size_t i = hash & (capacity - 1);; i = (i + 1) & (capacity - 1)) {
        uint32_t& slot = slots[base + i];
        if (slot == 0) {
          slot = static_cast<uint32_t>(position + 1);
          return;
        }
        if (same(items_[slot - 1])) return;  // the first of a name (or key) is the one found
      }
    };
    const NameView name(NameOf{}(entry));
    place(NameHash(name), 0, [&](const T& e) { return SameName(NameView(NameOf{}(e)), name); });
    if constexpr (kKeyed) {
      const Key& key = KeyOf{}(entry);
      place(KeyHash(key), capacity, [&](const T& e) { return KeyOf{}(e) == key; });
    }
  }

  void Reindex() {
    size_t capacity = 8;
    while (capacity < (items_.size() + 1) * 2) capacity *= 2;
    std::vector<uint32_t> slots(capacity * kTables, 0);
    for (size_t i = 0; i < items_.size(); ++i) Index(i, slots);
    slots_ = CopyOnWrite<std::vector<uint32_t>>(std::move(slots));
    generation_ = NextGeneration();
  }

  std::vector<T> items_;
  CopyOnWrite<std::vector<uint32_t>> slots_;  // shared between copies until one adds or removes
  uint64_t generation_ = 0;                   // 0: never changed, so empty
};

}  // namespace fakes
