// SharedList<T>: a list read by several owners and never changed after it is made, so that
// copying it copies no element. The diagnosis' ACEs naming the worker (a million on a large
// machine) are the list record-grants journals: both hold the one list.
//
//   fixer::SharedList<int> found = std::vector<int>{1, 2, 3};
//   fixer::SharedList<int> recorded = found;  // the same elements, none copied
//   bool same = recorded.size() == 3 && recorded[1] == 2 && recorded == found;
//   const std::vector<int>& read = recorded;  // for a reader of a std::vector
#pragma once

#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

namespace fixer {

template <class T>
class SharedList {
 public:
  SharedList() = default;
  SharedList(std::vector<T> items)  // NOLINT: a list made once, shared from then on
      : items_(items.empty() ? nullptr : std::make_shared<const std::vector<T>>(std::move(items))) {}
  SharedList(std::initializer_list<T> items) : SharedList(std::vector<T>(items)) {}

  const std::vector<T>& get() const { return items_ ? *items_ : Empty(); }
  operator const std::vector<T>&() const { return get(); }  // NOLINT: reads as the list it is

  auto begin() const { return get().begin(); }
  auto end() const { return get().end(); }
  const T* data() const { return get().data(); }
  size_t size() const { return get().size(); }
  bool empty() const { return get().empty(); }
  const T& operator[](size_t i) const { return get()[i]; }
  const T& front() const { return get().front(); }
  const T& back() const { return get().back(); }

  // One list is equal to itself without a look inside.
  friend bool operator==(const SharedList& a, const SharedList& b) {
    return a.items_ == b.items_ || a.get() == b.get();
  }

 private:
  static const std::vector<T>& Empty() {
    static const std::vector<T> empty;
    return empty;
  }

  std::shared_ptr<const std::vector<T>> items_;  // null: empty
};

}  // namespace fixer
