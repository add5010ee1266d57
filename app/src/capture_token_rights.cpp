// aspnet-fixer capture: the rights of every SID of a captured account's logon token beyond its
// own (capture_reads.h). The fixer's batch, service and interactive logon checks read them
// (docs/windows-reference.md#fixer-decisions): a deny held by Everyone or a group refuses the repair.
#include <algorithm>

#include "app/json_text.h"
#include "capture_reads.h"
#include "fixer/name_case.h"

namespace app::capture_reads {

const std::vector<WellKnownTokenSid>& WellKnownTokenSids() {
  static const std::vector<WellKnownTokenSid> kSids = {
      {fixer::Sid::Everyone(), "Everyone"},
      {fixer::Sid::AuthenticatedUsers(), "NT AUTHORITY\\Authenticated Users"},
      {fixer::Sid::Batch(), "NT AUTHORITY\\BATCH"},
      {fixer::Sid::Service(), "NT AUTHORITY\\SERVICE"},
      {fixer::Sid::Interactive(), "NT AUTHORITY\\INTERACTIVE"}};
  return kSids;
}

namespace {

bool IsBuiltinGroup(const fixer::Sid& sid) { return sid.ToString().starts_with("S-1-5-32-"); }

// The captured accounts whose `groups` list the group: a group written with `members` holds
// exactly those, so the accounts in it are named there too.
Json AccountsListing(const Json& doc, const std::string& group) {
  Json names = Json::array();
  const auto accounts = doc.find("accounts");
  if (accounts == doc.end() || !accounts->is_object()) return names;
  for (const auto& [name, account] : accounts->items()) {
    const auto groups = account.find("groups");
    if (groups == account.end() || !groups->is_array()) continue;
    for (const Json& g : *groups) {
      if (g.is_string() && fixer::SameWindowsName(g.get<std::string>(), group)) names.push_back(name);
    }
  }
  return names;
}

// A group of the machine (not built in) the reproduction must make with the well-known SIDs it
// holds (a logon puts it in the token through them) and the captured accounts listing it.
void KeepGroup(Json& doc, const std::string& name, const Json& well_known_members) {
  Json& groups = doc["groups"];
  if (!groups.is_object()) groups = Json::object();
  Json* entry = nullptr;
  for (auto& [key, value] : groups.items()) {
    if (fixer::SameWindowsName(key, name)) entry = &value;
  }
  if (entry == nullptr) {
    AppendNewKey(groups, name, Json::object());
    entry = &groups.back();
  }
  if (well_known_members.empty()) return;  // its members are the accounts listing it
  Json members = well_known_members;
  for (Json& account : AccountsListing(doc, name)) members.push_back(std::move(account));
  (*entry)["members"] = std::move(members);
}

}  // namespace

void ReadTokenRights(fixer::Ports& ports, Capture& out, const std::vector<std::pair<fixer::Sid, std::string>>& accounts,
                     Json& doc) {
  // Which well-known SIDs each group of the machine holds: the members that put it in a token.
  std::map<fixer::Sid, Json> well_known_in;
  std::map<fixer::Sid, std::string> group_names;
  for (const WellKnownTokenSid& w : WellKnownTokenSids()) {
    const fixer::Sid one[] = {w.sid};
    auto groups = Got(out, ports.accounts.GroupsContaining(one), std::string("the local groups holding ") + w.name);
    if (!groups) continue;
    for (const fixer::LocalGroupRef& g : *groups) {
      group_names.emplace(g.sid, g.name);
      if (!IsBuiltinGroup(g.sid)) well_known_in[g.sid].push_back(w.name);
    }
  }
  std::vector<fixer::Sid> members;
  for (const auto& [sid, name] : accounts) members.push_back(sid);
  if (!members.empty()) {
    if (auto groups = Got(out, ports.accounts.GroupsContaining(members), "the local groups of the captured accounts")) {
      for (const fixer::LocalGroupRef& g : *groups) group_names.emplace(g.sid, g.name);
    }
  }

  Json& rights = doc["rights"];
  if (!rights.is_object()) rights = Json::object();
  for (const WellKnownTokenSid& w : WellKnownTokenSids()) {
    const std::string key = w.sid.ToString();
    if (auto held = Got(out, ports.rights.Of(w.sid), "the rights of " + key)) AppendNewKey(rights, key, *held);
  }
  // A built-in group by its SID: its name is the locale's ("Benutzer"), the SID every XP's. In the
  // order of their keys (the groups of the machine by name, then the built-in ones), which a
  // reproduction, whose groups have other SIDs, keeps: its capture is the same document.
  std::map<std::pair<bool, std::string>, std::pair<fixer::Sid, std::string>> by_key;
  for (const auto& [sid, name] : group_names) {
    const bool builtin = IsBuiltinGroup(sid);
    by_key.emplace(std::make_pair(builtin, builtin ? sid.ToString() : name), std::make_pair(sid, name));
  }
  for (const auto& [builtin_and_key, sid_and_name] : by_key) {
    const auto& [builtin, key] = builtin_and_key;
    const auto& [sid, name] = sid_and_name;
    auto held = Got(out, ports.rights.Of(sid), "the rights of " + key);
    if (!held) continue;
    if (!builtin) {
      const auto in = well_known_in.find(sid);
      KeepGroup(doc, name, in == well_known_in.end() ? Json::array() : in->second);
    }
    AppendNewKey(rights, key, *held);
  }
}

}  // namespace app::capture_reads
