// MemberList: the SIDs of a local group's members in the order they joined, with "is this SID a
// member" answered in constant time however many there are (the Users group holds every
// account): a machine file of N accounts, each joining groups, loads in linear time. Copies share
// the set until one of them changes.
//
//   #include "fakes/state.h"
//   fakes::MemberList members{fixer::Sid::Everyone()};
//   members.push_back(fixer::Sid::Interactive());
//   bool in = members.Contains(fixer::Sid::Interactive());  // true
//   members.erase(fixer::Sid::Everyone());                  // true: it was a member
//   const std::vector<fixer::Sid>& in_order = members;       // {Interactive}
#pragma once

#include <initializer_list>
#include <unordered_set>
#include <vector>

#include "fakes/copy_on_write.h"
#include "fixer/sid.h"

namespace fakes {

class MemberList {
 public:
  using value_type = fixer::Sid;
  using const_iterator = std::vector<fixer::Sid>::const_iterator;

  MemberList() = default;
  MemberList(std::initializer_list<fixer::Sid> sids) : MemberList(std::vector<fixer::Sid>(sids)) {}
  MemberList(std::vector<fixer::Sid> sids)  // NOLINT: a list of SIDs is one
      : sids_(std::move(sids)), set_(std::unordered_set<fixer::Sid>(sids_.begin(), sids_.end())) {}

  bool Contains(const fixer::Sid& sid) const { return set_.contains(sid); }
  // Adds `sid` at the end; a SID already a member is listed once (as SamrAddMemberToAlias keeps it).
  void push_back(const fixer::Sid& sid) {
    if (set_.Writable().insert(sid).second) sids_.push_back(sid);
  }
  // Removes `sid`; false when it was not a member.
  bool erase(const fixer::Sid& sid) {
    if (set_.Writable().erase(sid) == 0) return false;
    std::erase(sids_, sid);
    return true;
  }

  const std::vector<fixer::Sid>& items() const { return sids_; }
  operator const std::vector<fixer::Sid>&() const { return sids_; }  // NOLINT: reads as the list
  auto begin() const { return sids_.begin(); }
  auto end() const { return sids_.end(); }
  size_t size() const { return sids_.size(); }
  bool empty() const { return sids_.empty(); }
  const fixer::Sid& operator[](size_t i) const { return sids_[i]; }

  // The members in order: the set follows from them.
  friend bool operator==(const MemberList& a, const MemberList& b) { return a.sids_ == b.sids_; }
  friend bool operator==(const MemberList& a, const std::vector<fixer::Sid>& b) { return a.sids_ == b; }

 private:
  std::vector<fixer::Sid> sids_;
  CopyOnWrite<std::unordered_set<fixer::Sid>> set_;
};

}  // namespace fakes
