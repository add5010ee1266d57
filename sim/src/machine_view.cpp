#include "sim/machine_view.h"

#include <sstream>

#include "fakes/machine_yaml.h"
#include "fakes/sam.h"
#include "sim/web_requests.h"

namespace sim {
namespace {

std::string Flags(const fakes::UserAccount& u) {
  std::string out;
  auto add = [&](bool on, const char* name) {
    if (on) out += std::string(out.empty() ? "" : ", ") + name;
  };
  add(u.flags.disabled, "disabled");
  add(u.flags.locked_out, "locked out");
  add(u.flags.password_never_expires, "password never expires");
  add(u.flags.cannot_change_password, "cannot change password");
  add(u.password_hash.empty(), "blank password");
  return out.empty() ? "-" : out;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "-" : out;
}

const fakes::ProfileEntry* ProfileOf(const fakes::MachineState& s, const fixer::Sid& sid) {
  for (const auto& p : s.profiles)
    if (p.sid == sid) return &p;
  return nullptr;
}

// Json: nlohmann::json (keys sorted) or nlohmann::ordered_json (keys in the YAML's order, which
// a machine file needs: accounts are created in the order they are listed).
template <class Json>
Json YamlToJson(const YAML::Node& n) {
  if (n.IsMap()) {
    Json j = Json::object();
    for (const auto& kv : n) j[kv.first.as<std::string>()] = YamlToJson<Json>(kv.second);
    return j;
  }
  if (n.IsSequence()) {
    Json j = Json::array();
    for (const auto& item : n) j.push_back(YamlToJson<Json>(item));
    return j;
  }
  if (n.IsScalar()) return n.Scalar();
  return nullptr;
}

}  // namespace

std::string RenderMachineText(const fakes::MachineState& s) {
  fakes::Machine machine(s);  // the subsystems need a Machine; reads only
  const fakes::Sam sam(machine);
  std::ostringstream out;
  const auto& p = s.products;
  out << "Machine " << p.os.computer_name << ": " << fixer::ToString(p.os.edition) << " SP" << p.os.service_pack
      << ", " << fixer::ToString(p.web.kind) << (p.web.iis5_isolation_mode ? " (IIS 5 isolation mode)" : "")
      << ", machine SID " << s.sam.domain.ToString() << "\n";
  out << "Caller: " << s.session.caller << "; at the console: " << s.session.interactive_user.value_or("nobody")
      << "\n";
  out << "Frameworks:\n";
  if (p.frameworks.empty()) out << "  none\n";
  for (const auto& f : p.frameworks)
    out << "  " << f.version << ": processModel userName=\"" << f.process_model.user_name << "\""
        << (f.tools_present ? "" : " (tools missing)") << "\n";
  out << "Hotfixes:";
  if (p.hotfixes.empty()) out << " none";
  for (const auto& h : p.hotfixes) out << " " << h.id << " (" << h.kb << ")";
  out << "\n";

  const auto statuses = StatusOfEveryApp(s);
  out << "Applications:\n";
  if (p.applications.empty()) out << "  none\n";
  for (const auto& a : p.applications) {
    auto it = statuses.find(a.path);
    out << "  " << a.path << " -> " << a.framework_version << ", session state "
        << fixer::ToString(a.session_state) << ", a request now answers "
        << (it == statuses.end() ? std::string("?") : std::to_string(it->second)) << "\n";
  }

  out << "Accounts:\n";
  for (const auto& u : s.sam.users) {
    const fixer::Sid sid = sam.SidOf(u);
    std::vector<std::string> groups;
    for (const fixer::Sid& g : sam.GroupsOf(sid)) groups.push_back(sam.DisplayName(g));
    std::vector<std::string> rights;
    if (auto it = s.lsa.rights.find(sid); it != s.lsa.rights.end())
      rights.assign(it->second.begin(), it->second.end());
    const fakes::ProfileEntry* profile = ProfileOf(s, sid);
    out << "  " << u.name << "  " << sid.ToString() << "\n"
        << "      groups: " << Join(groups) << "; flags: " << Flags(u) << "\n"
        << "      profile: " << (profile ? profile->path : std::string("none")) << "\n"
        << "      rights: " << Join(rights) << "\n";
  }

  out << "Services:\n";
  for (const auto& svc : s.services)
    out << "  " << svc.name << " (" << svc.display_name << "): " << fixer::ToString(svc.state) << ", "
        << fixer::ToString(svc.start_type) << "\n";

  out << "ACEs naming accounts (live, deleted or foreign):\n";
  size_t aces = 0;
  for (const auto& [key, obj] : s.objects) {
    for (const auto& ace : obj.dacl) {
      if (!ace.sid.IsAccountSid() || (ace.flags & fixer::kInheritedAce) != 0) continue;
      ++aces;
      out << "  " << fixer::ToString(obj.ns) << " " << obj.path << ": " << sam.DisplayName(ace.sid) << " "
          << (ace.type == fixer::AceType::kAllow ? "allow" : "deny") << " 0x" << std::hex << ace.mask << std::dec
          << "\n";
    }
  }
  if (aces == 0) out << "  none\n";
  if (s.sql.installed) {
    out << "SQL Server logins:\n";
    for (const auto& l : s.sql.logins) out << "  " << l.name << " -> " << sam.DisplayName(l.sid) << "\n";
  }
  if (!s.journal.empty()) out << "Fixer journal: " << s.journal.size() << " records (run aspnet-fixer resume or rollback)\n";
  return out.str();
}

nlohmann::ordered_json MachineFileJson(const fakes::MachineState& s) {
  return YamlToJson<nlohmann::ordered_json>(fakes::MachineToYaml(s));
}

nlohmann::json MachineToJson(const fakes::MachineState& s) {
  nlohmann::json j = YamlToJson<nlohmann::json>(fakes::MachineToYaml(s));
  nlohmann::json responses = nlohmann::json::object();
  for (const auto& [app, status] : StatusOfEveryApp(s)) responses[app] = status;
  j["responses"] = std::move(responses);
  return j;
}

}  // namespace sim
