// RightSet: the rights one SID holds in a machine's user rights assignment (LsaState::rights).
//
// The model knows 39 rights and privileges (KnownRightNames: the logon rights, their deny twins and
// the Se*Privilege names), and a SID holds each at most once, in its one spelling; so a set of
// them is a bit for each, not a tree of strings: a machine's copy, comparison and destruction
// (the sweep makes thousands) carry one word per SID. It reads as a std::set<std::string> did:
// in the names' order, each a canonical name.
//
//   fakes::RightSet held = {"SeChangeNotifyPrivilege", "SeBatchLogonRight"};
//   held.insert("SeServiceLogonRight");
//   std::vector<std::string> names(held.begin(), held.end());  // sorted: SeBatchLogonRight first
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace fakes {

// Every right and privilege the model knows, in its one spelling, sorted as std::string sorts
// them (byte by byte): a RightSet's bits follow this order.
std::span<const std::string> KnownRightNames();
// The index in KnownRightNames of exactly this spelling, or nullopt.
std::optional<size_t> KnownRightIndex(std::string_view name);

class RightSet {
 public:
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string*;
    using reference = const std::string&;

    const_iterator() = default;
    reference operator*() const { return KnownRightNames()[static_cast<size_t>(std::countr_zero(left_))]; }
    pointer operator->() const { return &**this; }
    const_iterator& operator++() {
      left_ &= left_ - 1;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++*this;
      return before;
    }
    friend bool operator==(const_iterator, const_iterator) = default;

   private:
    friend class RightSet;
    explicit const_iterator(uint64_t left) : left_(left) {}
    uint64_t left_ = 0;  // the rights still to come, lowest first
  };
  using iterator = const_iterator;
  using value_type = std::string;
  using size_type = size_t;

  RightSet() = default;
  // Each a name of KnownRightNames, spelled as there; throws std::invalid_argument for another
  // (no Windows path gives one: Lsa::Grant and the machine file loader keep the one spelling).
  RightSet(std::initializer_list<std::string_view> names);

  bool contains(std::string_view name) const {
    const std::optional<size_t> i = KnownRightIndex(name);
    return i && (bits_ >> *i & 1) != 0;
  }
  size_t count(std::string_view name) const { return contains(name) ? 1 : 0; }
  // By index in KnownRightNames (KnownRightIndex), for a caller that looked the name up once.
  bool Has(size_t index) const { return (bits_ >> index & 1) != 0; }
  void Add(size_t index) { bits_ |= uint64_t{1} << index; }
  void Remove(size_t index) { bits_ &= ~(uint64_t{1} << index); }
  // As std::set's: the right, and whether it was added. Throws as the constructor does.
  std::pair<const_iterator, bool> insert(std::string_view name);
  size_t erase(std::string_view name);  // 1 when it was held
  void clear() { bits_ = 0; }
  bool empty() const { return bits_ == 0; }
  size_t size() const { return static_cast<size_t>(std::popcount(bits_)); }
  const_iterator begin() const { return const_iterator(bits_); }
  const_iterator end() const { return const_iterator(0); }
  friend bool operator==(const RightSet&, const RightSet&) = default;

 private:
  uint64_t bits_ = 0;
};

}  // namespace fakes
