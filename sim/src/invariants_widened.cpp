// The `widened` invariant (NoGrantWidened, invariants.h): never worse than found also means no
// wider. What the fixer's documented repair may grant the worker account beyond what it held:
//  - register (aspnet_regiis -i): its rights and default ACLs, found by registering ASP.NET 1.0
//    on a copy of the machine as found (docs/windows-reference.md#choice-aspnet-rights), so the
//    list has one home, fakes' AspNetSetup;
//  - create-profile: the worker's own profile folder and what is in it;
//  - recreate: the old account's memberships, no more: a new account joins Users (`net user NAME
//    /add`, NetUserAdd), and the repair takes it out again where the old one was not in it. Only an
//    account that did not exist when the run began (a resume past the delete) has no memberships to
//    compare with, and its Users is NetUserAdd's.
#include <algorithm>
#include <map>
#include <set>

#include "fakes/aspnet_setup.h"
#include "fakes/machine.h"
#include "fakes/sam.h"
#include "fixer/name_case.h"
#include "fixer/ports/aspnet.h"
#include "sim/invariants.h"
#include "sim/machine_diff.h"

namespace sim {
namespace {

// What an account holds: explicit rights (a deny right narrows, so it is not counted), the
// groups it is a member of, and its allowed access on each object (by ObjectKey).
struct Held {
  std::set<std::string> rights;
  std::set<std::string> groups;
  std::map<std::string, uint32_t> masks;
};

Held HeldBy(const fakes::MachineState& s, const std::optional<fixer::Sid>& sid) {
  Held h;
  if (!sid) return h;
  if (auto it = s.lsa.rights.find(*sid); it != s.lsa.rights.end())
    for (const std::string& r : it->second)
      if (r.rfind("SeDeny", 0) != 0) h.rights.insert(r);
  for (const fakes::LocalGroup& g : s.sam.groups)
    if (g.members.Contains(*sid)) h.groups.insert(g.name);
  for (const auto& [key, obj] : s.objects)
    for (const fixer::Ace& ace : obj.dacl)
      if (ace.sid == *sid && ace.type == fixer::AceType::kAllow) h.masks[key] |= ace.mask;
  return h;
}

// What aspnet_regiis -i gives the worker on the machine as found (nothing when it cannot run).
Held RegisterGrants(const fakes::MachineState& found, const std::string& account) {
  fakes::Machine copy(found);
  if (!fakes::AspNetSetup(copy).Register(std::string(fixer::kFramework10)).ok()) return {};
  return HeldBy(copy.state(), fakes::UserSidIn(copy.state(), account));
}

bool InProfileOf(const fakes::MachineState& s, const fixer::Sid& sid, const std::string& path) {
  auto it = std::find_if(s.profiles.begin(), s.profiles.end(), [&](const auto& p) { return p.sid == sid; });
  if (it == s.profiles.end() || it->path.empty()) return false;
  const std::string folder = fixer::FoldWindowsName(it->path), p = fixer::FoldWindowsName(path);
  return p == folder || p.rfind(folder + "\\", 0) == 0;
}

// `now` against what `account` held when found (`was`, under `old_sid`) and what the repair may
// grant (`allowed`, asked only when something is new).
template <class Allowed>
CheckResult Widened(const std::string& account, const std::optional<fixer::Sid>& old_sid, const Held& was,
                    Allowed&& allowed, const fakes::MachineState& now) {
  const std::string what = "no grant of " + account + " widened";
  const auto new_sid = fakes::UserSidIn(now, account);
  if (!new_sid) return {"invariant", what, true, "nothing new", "no such account now", {}};
  const Held is = HeldBy(now, new_sid);
  std::vector<std::string> wider;
  for (const std::string& r : is.rights)
    if (!was.rights.count(r) && !allowed().rights.count(r)) wider.push_back("right " + r);
  for (const std::string& g : is.groups) {
    const bool new_account_in_users = !old_sid && fixer::SameWindowsName(g, "Users");
    if (!was.groups.count(g) && !allowed().groups.count(g) && !new_account_in_users) wider.push_back("group " + g);
  }
  for (const auto& [key, mask] : is.masks) {
    auto before = was.masks.find(key);
    uint32_t extra = mask & ~(before == was.masks.end() ? 0u : before->second);
    if (extra == 0) continue;
    auto regiis = allowed().masks.find(key);
    extra &= ~(regiis == allowed().masks.end() ? 0u : regiis->second);
    const fakes::SecurableObject& object = now.objects.at(key);
    if (extra != 0 && !InProfileOf(now, *new_sid, object.path))
      wider.push_back("ACE on " + object.path + " " + MaskText(object.ns, extra));
  }
  std::string actual;
  for (const std::string& w : wider) actual += (actual.empty() ? "" : "; ") + w;
  return {"invariant",
          what,
          wider.empty(),
          "nothing beyond the repair's own grants",
          wider.empty() ? "nothing new" : "new: " + actual,
          {}};
}

}  // namespace

CheckResult NoGrantWidened(const fakes::MachineState& found, const fakes::MachineState& now,
                           const std::string& account) {
  const auto old_sid = fakes::UserSidIn(found, account);
  std::optional<Held> repair;  // registering on a copy costs a run: only when something is new
  auto allowed = [&]() -> const Held& {
    if (!repair) repair = RegisterGrants(found, account);
    return *repair;
  };
  return Widened(account, old_sid, HeldBy(found, old_sid), allowed, now);
}

struct GrantWidening::Baseline {
  std::string account;
  std::optional<fixer::Sid> old_sid;
  Held was, repair;
};

GrantWidening::GrantWidening(const fakes::MachineState& found, const std::string& account)
    : baseline_(std::make_unique<const Baseline>(Baseline{.account = account,
                                                          .old_sid = fakes::UserSidIn(found, account),
                                                          .was = HeldBy(found, fakes::UserSidIn(found, account)),
                                                          .repair = RegisterGrants(found, account)})) {}

GrantWidening::~GrantWidening() = default;

CheckResult GrantWidening::Check(const fakes::MachineState& now) const {
  const Baseline& b = *baseline_;
  return Widened(
      b.account, b.old_sid, b.was, [&]() -> const Held& { return b.repair; }, now);
}

}  // namespace sim
