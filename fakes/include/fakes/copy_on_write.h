// CopyOnWrite<T>: a value shared between copies until one of them is written.
//
// A sweep copies a machine for every case and compares it with the machine it found; most runs
// write few of its sections. A section held as CopyOnWrite costs a reference count to copy and a
// pointer comparison to compare while it is shared; the first write through Writable() copies
// it, and only when another copy still shares it. Reads go through the const members, which
// never copy; a write must name itself with Writable().
//
//   fakes::CopyOnWrite<std::map<std::string, int, std::less<>>> a;
//   a.Writable()["x"] = 1;
//   fakes::CopyOnWrite<std::map<std::string, int, std::less<>>> b = a;  // shares a's map
//   b.Writable()["y"] = 2;                                              // b copies it first
//   bool same = a.size() == 1 && b.size() == 2 && a.contains("x") && a != b;
#pragma once

#include <atomic>
#include <memory>
#include <utility>

namespace fakes {

template <class T>
class CopyOnWrite {
 public:
  CopyOnWrite() = default;
  CopyOnWrite(T value) : value_(std::make_shared<T>(std::move(value))) {}  // NOLINT: a T is one

  const T& get() const { return value_ ? *value_ : Empty(); }
  // The value to change: copied first if another CopyOnWrite shares it.
  T& Writable() {
    return Writable([](const T& value) -> const T& { return value; });
  }
  // The same, with `copy(value)` making the copy (a T, or what a T is made from): a copy made
  // with room to grow, say.
  template <class Copy>
  T& Writable(Copy copy) {
    if (!value_) {
      value_ = std::make_shared<T>();
    } else if (value_.use_count() > 1) {
      value_ = std::make_shared<T>(copy(std::as_const(*value_)));
    } else {
      // Sole owner: whatever the last other owner did with the value happened before it let go
      // (its count decrement releases), so this write may not be reordered before that.
      std::atomic_thread_fence(std::memory_order_acquire);
    }
    return *value_;
  }
  // Whether the two share one value (and so are equal without a look inside it).
  bool Shares(const CopyOnWrite& other) const { return value_ == other.value_; }

  auto begin() const { return get().begin(); }
  auto end() const { return get().end(); }
  auto size() const { return get().size(); }
  bool empty() const { return get().empty(); }
  template <class K>
  auto find(const K& key) const {
    return get().find(key);
  }
  template <class K>
  bool contains(const K& key) const {
    return get().contains(key);
  }
  template <class K>
  decltype(auto) at(const K& key) const {
    return get().at(key);
  }
  template <class K>
  auto lower_bound(const K& key) const {
    return get().lower_bound(key);
  }

  // Shared values are equal without a look inside them.
  friend bool operator==(const CopyOnWrite& a, const CopyOnWrite& b) {
    return a.value_ == b.value_ || a.get() == b.get();
  }

 private:
  static const T& Empty() {
    static const T empty;
    return empty;
  }

  std::shared_ptr<T> value_;  // null: empty, nothing allocated yet
};

}  // namespace fakes
