#include "machine_view_principals.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "fixer/name_case.h"

namespace sim {
namespace {

// Each SID as `show` names it (Sam::DisplayName: "BUILTIN\Users", a bare SID for one that names
// nothing); a name two SIDs would share is followed by its SID, so neither reads as the other.
class ShownNames {
 public:
  ShownNames(const fakes::Sam& sam, const std::set<fixer::Sid>& sids) {
    std::map<std::string, int> holders;
    for (const fixer::Sid& sid : sids) ++holders[fixer::FoldWindowsName(names_[sid] = sam.DisplayName(sid))];
    for (auto& [sid, name] : names_)
      if (holders[fixer::FoldWindowsName(name)] > 1) name += " (" + sid.ToString() + ")";
  }
  const std::string& Of(const fixer::Sid& sid) const { return names_.at(sid); }

 private:
  std::map<fixer::Sid, std::string> names_;
};

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "-" : out;
}

}  // namespace

void RenderGroupsAndOtherRights(std::ostream& out, const fakes::MachineState& s, const fakes::Sam& sam) {
  std::set<fixer::Sid> accounts;
  for (const auto& u : s.sam.users) accounts.insert(sam.SidOf(u));
  std::set<fixer::Sid> shown = accounts;
  for (const auto& g : s.sam.groups) {
    shown.insert(g.sid);
    shown.insert(g.members.begin(), g.members.end());
  }
  for (const auto& [sid, rights] : s.lsa.rights) shown.insert(sid);
  const ShownNames names(sam, shown);

  out << "Groups and their members:\n";
  if (s.sam.groups.empty()) out << "  none\n";
  for (const auto& g : s.sam.groups) {
    std::vector<std::string> members;
    for (const fixer::Sid& m : g.members) members.push_back(names.Of(m));
    out << "  " << names.Of(g.sid) << "  " << g.sid.ToString() << ": " << Joined(members) << "\n";
  }

  // An account's own rights are listed under it (Accounts); these are every other SID's.
  out << "Rights of groups, well-known principals and SIDs of no account:\n";
  size_t listed = 0;
  for (const auto& [sid, rights] : s.lsa.rights) {
    if (accounts.contains(sid) || rights.begin() == rights.end()) continue;
    ++listed;
    out << "  " << names.Of(sid) << ": " << Joined(std::vector<std::string>(rights.begin(), rights.end())) << "\n";
  }
  if (listed == 0) out << "  none\n";
}

}  // namespace sim
