#include "sim/machine_view.h"

#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/json_text.h"
#include "fakes/account_lockout.h"
#include "fakes/app_pools.h"
#include "fakes/machine_yaml.h"
#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "fakes/shown_secrets.h"
#include "fakes/web_requests.h"
#include "fixer/name_case.h"
#include "fixer/ports/aspnet.h"
#include "fixer/result.h"
#include "fixer/win_error.h"
#include "machine_view_principals.h"

namespace sim {
namespace {

// The lockout as Windows computes it against the lockout duration (MS-SAMR; net user's "Account
// active"), the fixer's reading too (fakes::IsLockedOutNow): a run-out one is said so.
std::string Flags(const fakes::UserAccount& u, const fakes::MachineState& s) {
  std::string out;
  auto add = [&](bool on, const char* name) {
    if (on) out += std::string(out.empty() ? "" : ", ") + name;
  };
  add(u.flags.disabled, "disabled");
  add(fakes::IsLockedOutNow(u, s), "locked out");
  add(fakes::LockoutHasExpired(u, s), "lockout expired (not locked out)");
  add(u.flags.password_never_expires, "password never expires");
  add(u.flags.cannot_change_password, "cannot change password");
  add(u.password_not_required, "password not required");
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

// `text`, a JSON object as fakes writes one ("{\n  ...\n}\n"), with `member` (`"key": value`, as
// written at the top) added as its last key, indented as the others.
std::string WithLastMember(std::string text, std::string member) {
  for (size_t at = member.find('\n'); at != std::string::npos; at = member.find('\n', at + 1))
    member.insert(at + 1, "  ");
  const size_t last = text.find_last_not_of(" \n", text.rfind('}') - 1);  // the last member's end, or the '{'
  text.replace(last + 1, std::string::npos, (text[last] == '{' ? "\n  " : ",\n  ") + member + "\n}\n");
  return text;
}

// " (not read: 50: The request is not supported.)" where a capture lists `read` as unread: what is
// shown there is the machine file's default, not the customer's machine (capture.unreadable).
std::string NotRead(const fakes::MachineState& s, std::string_view read) {
  for (const fakes::UnreadableRead& u : s.capture.unreadable) {
    if (u.read == read) return " (not read: " + std::to_string(u.error) + ": " + u.message + "; shown: the default)";
  }
  return "";
}

// A capture's account it did not read (capture.accounts lists those it did): a fresh install's.
bool FreshInstallsAccount(const fakes::MachineState& s, const std::string& name) {
  if (s.capture.empty()) return false;
  for (const std::string& a : s.capture.accounts)
    if (fixer::SameWindowsName(a, name)) return false;
  return true;
}

// IIS 6's application pool identity, w3wp.exe's in worker process isolation mode: ", application
// pool as LOCAL SERVICE"; "" on another web server or mode, where no request runs as it.
std::string AppPoolLine(const fakes::MachineState& s) {
  const auto& web = s.products.web;
  if (web.kind != fixer::WebServerKind::kIis60 || web.iis5_isolation_mode) return "";
  std::string line =
      ", application pool as " + s.products.app_pool_identity + NotRead(s, "the application pool identity");
  for (const auto& [pool, identity] : s.products.app_pools)
    line += ", pool " + pool + " as " + identity + NotRead(s, fakes::AppPoolIdentityRead(pool));
  return line;
}

// ", in application pool ShopPool" for an application of IIS 6 in worker process isolation mode
// outside DefaultAppPool; "" elsewhere.
std::string AppPoolOfLine(const fakes::MachineState& s, const std::string& application) {
  const auto& web = s.products.web;
  if (web.kind != fixer::WebServerKind::kIis60 || web.iis5_isolation_mode) return "";
  const std::string pool = fakes::AppPoolOf(s, application);
  if (fixer::SameWindowsName(pool, fixer::kDefaultAppPool)) return NotRead(s, fakes::AppPoolRead(application));
  return ", in application pool " + pool + NotRead(s, fakes::AppPoolRead(application));
}

// An LSA secret by its name, never its value; one a capture redacted with what it recorded:
// "(redacted by capture; logs ASPNET on: no)".
std::string SecretLine(const fakes::MachineState& s, const std::string& name) {
  std::string line = "  " + name;
  if (const auto it = s.lsa.redacted_secrets.find(name); it != s.lsa.redacted_secrets.end()) {
    const std::optional<bool>& logs_on = it->second.logs_on;
    line += " (redacted by capture; logs " + std::string(fixer::kMachineWorkerAccount) + " on: " +
            (!logs_on   ? "not known"
             : *logs_on ? "yes"
                        : "no") +
            ")";
  }
  return line + NotRead(s, "the LSA secret " + name) + "\n";
}

// " (its folder does not exist: no profile)" for a ProfileList entry without its folder, which the
// worker and the fixer's diagnosis take as no profile; "" for a profile.
std::string StaleMark(const fakes::MachineState& s, const fakes::ProfileEntry& entry) {
  return fakes::ProfileFolderExists(s, entry) ? "" : " (its folder does not exist: no profile)";
}

// Every ProfileList entry whose folder does not exist, as `show --json` lists them: its SID, the
// account that holds that SID now (null for a deleted account's) and the folder it names.
nlohmann::ordered_json StaleProfileEntries(const fakes::MachineState& s) {
  fakes::Machine machine(s);
  const fakes::Sam sam(machine);
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const fakes::ProfileEntry& p : s.profiles) {
    if (fakes::ProfileFolderExists(s, p)) continue;
    const auto account = sam.LookupSid(p.sid);
    out.push_back({{"sid", p.sid.ToString()},
                   {"account", account ? nlohmann::ordered_json(*account) : nlohmann::ordered_json()},
                   {"path", p.path}});
  }
  return out;
}

}  // namespace

std::string RenderMachineText(const fakes::MachineState& s) {
  fakes::Machine machine(s);  // the subsystems need a Machine; reads only
  const fakes::Sam sam(machine);
  std::ostringstream out;
  const auto& p = s.products;
  out << "Machine " << p.os.computer_name << ": " << fixer::ToString(p.os.edition) << " SP" << p.os.service_pack
      << NotRead(s, "the operating system") << ", " << fixer::WebServerText(p.web.kind)
      << (p.web.iis5_isolation_mode ? " (IIS 5 isolation mode)" : "") << NotRead(s, "the web server") << AppPoolLine(s)
      << ", machine SID " << s.sam.domain.ToString() << NotRead(s, "the machine SID") << "\n";
  out << "Caller: "
      << (s.capture.caller ? s.capture.caller->name +
                                 (s.capture.caller->is_admin ? " (an administrator" : " (not an administrator") +
                                 ", as the machine's caller read gave it; no account of this file)"
                           : s.session.caller)
      << NotRead(s, "the calling user") << "; at the console: " << s.session.interactive_user.value_or("nobody")
      << NotRead(s, "the console user") << "\n";
  out << "Frameworks:" << NotRead(s, "the ASP.NET frameworks") << "\n";
  if (p.frameworks.empty()) out << "  none\n";
  for (const auto& f : p.frameworks)
    out << "  " << f.version << ": processModel userName=\"" << f.process_model.user_name << "\""
        << (f.tools_present ? "" : " (tools missing)") << "\n";
  out << "Hotfixes:" << NotRead(s, "the installed hotfixes");
  if (p.hotfixes.empty()) out << " none";
  // A captured hotfix is known by its KB number alone: no "(KB...)" after it.
  for (const auto& h : p.hotfixes) out << " " << h.id << (h.kb.empty() || h.kb == h.id ? "" : " (" + h.kb + ")");
  out << "\n";

  const auto statuses = StatusOfEveryApp(s);
  out << "Applications:" << NotRead(s, "the IIS applications") << "\n";
  if (p.applications.empty()) out << "  none\n";
  for (const auto& a : p.applications) {
    auto it = statuses.find(a.path);
    // Status 0 is no HTTP answer at all: nothing listens, as a browser's refused connection shows it.
    const std::string answer =
        it == statuses.end() ? "answers ?"
        : it->second == 0    ? "gets no answer (" + fixer::Status::Win(fixer::kWsaConnectionRefused).ToString() + ")"
                             : "answers " + std::to_string(it->second);
    out << "  " << a.path << " -> " << a.framework_version << ", session state " << fixer::ToString(a.session_state)
        << AppPoolOfLine(s, a.path) << ", a request now " << answer << "\n";
  }

  out << "Accounts:\n";
  if (s.sam.users.empty()) out << "  none\n";
  for (const auto& u : s.sam.users) {
    const fixer::Sid sid = sam.SidOf(u);
    std::vector<std::string> groups;
    for (const fixer::Sid& g : sam.GroupsOf(sid)) groups.push_back(sam.DisplayName(g));
    std::vector<std::string> rights;
    if (auto it = s.lsa.rights.find(sid); it != s.lsa.rights.end()) rights.assign(it->second.begin(), it->second.end());
    const fakes::ProfileEntry* profile = ProfileOf(s, sid);
    out << "  " << u.name << "  " << sid.ToString()
        << (FreshInstallsAccount(s, u.name) ? "  (not captured: a fresh install's account)" : "")
        << NotRead(s, "the account " + u.name) << "\n"
        << "      groups: " << Join(groups) << "; flags: " << Flags(u, s) << "\n"
        << "      profile: " << (profile ? profile->path + StaleMark(s, *profile) : std::string("none"))
        << NotRead(s, "the profile of " + u.name) << "\n"
        << "      rights: " << Join(rights) << NotRead(s, "the rights of " + u.name) << "\n";
  }

  RenderGroupsAndOtherRights(out, s, sam);

  out << "LSA secrets:\n";
  if (s.lsa.secrets.empty()) out << "  none\n";
  for (const auto& secret : s.lsa.secrets) out << SecretLine(s, secret.first);

  out << "Services:\n";
  if (s.services.empty()) out << "  none\n";
  for (const auto& svc : s.services)
    out << "  " << svc.name << " (" << svc.display_name << "): " << fixer::ToString(svc.state) << ", "
        << fixer::ToString(svc.start_type) << NotRead(s, "the service " + svc.name) << "\n";

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
    if (s.sql.logins.empty()) out << "  none\n";
    for (const auto& l : s.sql.logins) out << "  " << l.name << " -> " << sam.DisplayName(l.sid) << "\n";
  }
  if (!s.journal.empty())
    out << "Fixer journal: " << s.journal.size() << " records (run aspnet-fixer resume or rollback)\n";
  if (!s.capture.empty()) {
    out << "Captured by " << s.capture.tool << "; what could not be read:\n";
    for (const fakes::UnreadableRead& u : s.capture.unreadable)
      out << "  " << u.read << ": " << u.error << ": " << u.message << "\n";
    if (s.capture.unreadable.empty()) out << "  nothing\n";
  }
  return out.str();
}

std::string MachineFileText(const fakes::MachineState& s, fakes::MachineFileFormat format) {
  return fakes::MachineToText(fakes::WithSecretsMasked(s), format);
}

std::string MachineToJsonText(const fakes::MachineState& s) {
  nlohmann::ordered_json responses = nlohmann::ordered_json::object();
  for (const auto& [app, status] : StatusOfEveryApp(s)) app::AppendNewKey(responses, app, status);
  // Added to the machine file's text, not to an ordered_json parsed from it: parsing looks each
  // key up among the keys before it (N² for N accounts).
  const std::string file = WithLastMember(MachineFileText(s, fakes::MachineFileFormat::kJson),
                                          "\"stale_profile_entries\": " + app::JsonText(StaleProfileEntries(s)));
  return WithLastMember(file, "\"responses\": " + app::JsonText(responses));
}

}  // namespace sim
