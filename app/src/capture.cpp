// aspnet-fixer capture (app/capture.h): each section of the machine file from the ports' reads.
#include "app/capture.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/json_text.h"
#include "capture_reads.h"
#include "fixer/file_path.h"
#include "fixer/journal_codec.h"
#include "fixer/name_case.h"
#include "fixer/process_model.h"
#include "fixer/profile_folder_names.h"
#include "fixer/windows_names.h"
#include "fixer/worker_folders.h"

namespace app {
namespace {

using Json = nlohmann::ordered_json;

// The machine file's spellings (docs/machine-format.md, "Base machine" and "web_server").
std::string_view OsKey(fixer::OsEdition e) {
  switch (e) {
    case fixer::OsEdition::kWindows2000Professional: return "windows-2000-professional";
    case fixer::OsEdition::kWindows2000Server: return "windows-2000-server";
    case fixer::OsEdition::kWindowsXpHome: return "windows-xp-home";
    case fixer::OsEdition::kWindowsXpProfessional: return "windows-xp-professional";
    case fixer::OsEdition::kWindowsServer2003: return "windows-server-2003";
    case fixer::OsEdition::kWindowsXpProfessionalX64: return "windows-xp-professional-x64";
  }
  return "windows-xp-professional";
}

std::string_view WebServerKey(fixer::WebServerKind k) {
  switch (k) {
    case fixer::WebServerKind::kNone: return "none";
    case fixer::WebServerKind::kIis50: return "iis-5.0";
    case fixer::WebServerKind::kIis51: return "iis-5.1";
    case fixer::WebServerKind::kIis60: return "iis-6.0";
    case fixer::WebServerKind::kCassini: return "cassini";
  }
  return "none";
}

// The services the fixer and the web stack depend on; their dependencies are read as found.
constexpr std::string_view kServices[] = {"IISADMIN",   "W3SVC",    "SMTPSVC",     "MSFTPSVC",
                                          "HTTPFilter", "seclogon", "aspnet_state"};

class Reader {
 public:
  Reader(fixer::Ports& ports, Capture& out) : p_(ports), out_(out) {}

  void Run(std::string_view tool) {
    Json& doc = out_.document;
    doc["base"] = "fresh-install";
    doc["capture"] = Json::object();
    doc["capture"]["tool"] = std::string(tool);
    ReadInventory(doc);
    ReadFrameworks(doc);
    ReadHotfixes(doc);
    ReadAppPools(doc);
    ReadAccounts(doc);
    ReadSecrets(doc);
    ReadServices(doc);
    ReadApplications(doc);
    ReadWorkerFolders(doc);
    ReadCredentialKeys(doc);
    ReadPolicy(doc);
    ReadSession(doc);
    ReadEvents(doc);
    ReadJournal(doc);
    WriteNextRid(doc);
    doc["capture"]["accounts"] = Json::array();
    for (const Found& a : accounts_) doc["capture"]["accounts"].push_back(a.account.name);
    Json unreadable = Json::array();
    for (const UnreadablePart& u : out_.unreadable) {
      unreadable.push_back({{"read", u.read}, {"error", u.error.code()}, {"message", u.error.message()}});
    }
    doc["capture"]["unreadable"] = std::move(unreadable);
  }

 private:
  struct Found {
    fixer::Account account;
  };

  // The value of a read, or nullopt with the failure listed.
  template <class T>
  std::optional<T> Got(fixer::Result<T> r, std::string what) {
    if (r.ok()) {
      ++out_.reads_ok;
      return std::move(*r);
    }
    out_.unreadable.push_back({std::move(what), r.status()});
    return std::nullopt;
  }

  // A name of this machine's SAM: "ASPNET", ".\ASPNET" or "XPPRO\ASPNET"; nullopt otherwise.
  std::optional<std::string> LocalName(const std::string& qualified) const {
    const size_t slash = qualified.find('\\');
    if (slash == std::string::npos) return qualified;
    const std::string domain = fixer::FoldWindowsName(qualified.substr(0, slash));
    if (domain == "." || (!computer_.empty() && domain == fixer::FoldWindowsName(computer_)))
      return qualified.substr(slash + 1);
    return std::nullopt;
  }

  void Wanted(const std::string& qualified) {
    auto name = LocalName(qualified);
    if (!name || name->empty()) return;
    const std::string folded = fixer::FoldWindowsName(*name);
    if (folded == "machine" || folded == "system" || folded == "localsystem") return;
    if (wanted_.insert(folded).second) wanted_names_.push_back(*name);
  }

  void ReadInventory(Json& doc) {
    if (auto os = Got(p_.inventory.Os(), "the operating system")) {
      doc["os"] = OsKey(os->edition);
      doc["service_pack"] = os->service_pack;
      doc["computer_name"] = os->computer_name;
      computer_ = os->computer_name;
      windows_folder_ = os->windows_folder;
    }
    if (auto web = Got(p_.inventory.WebServer(), "the web server")) {
      doc["web_server"] = {{"kind", WebServerKey(web->kind)}, {"iis5_isolation_mode", web->iis5_isolation_mode}};
      if (web->kind == fixer::WebServerKind::kIis60) {
        iis6_ = true;
        auto identity = ReadPoolIdentity(std::string(fixer::kDefaultAppPool));
        if (identity) doc["web_server"]["app_pool_identity"] = *identity;
      }
    }
  }

  // The identity an IIS 6 application pool runs w3wp.exe as (a machine file holds pools for IIS 6
  // alone); a user it names is captured with the services' accounts. DefaultAppPool's read keeps
  // the name captures always listed it by, "the application pool identity".
  std::optional<std::string> ReadPoolIdentity(const std::string& pool) {
    const std::string read = fixer::SameWindowsName(pool, fixer::kDefaultAppPool)
                                 ? std::string("the application pool identity")
                                 : "the identity of application pool " + pool;
    auto identity = Got(p_.inventory.AppPoolIdentity(pool), read);
    if (!identity || identity->empty()) return std::nullopt;
    const std::string folded = fixer::FoldWindowsName(*identity);
    // NETWORK SERVICE and LOCAL SERVICE are no SAM accounts (SYSTEM and NT AUTHORITY\... Wanted skips).
    if (folded != "network service" && folded != "local service") pool_users_.push_back(*identity);
    return identity;
  }

  // The IIS applications, read before the accounts: on IIS 6, each application's pool (written
  // as its `app_pool` when not DefaultAppPool) and each such pool's identity (web_server.app_pools),
  // whose user the accounts then include.
  void ReadAppPools(Json& doc) {
    auto apps = Got(p_.aspnet.Applications(), "the IIS applications");
    if (!apps) return;
    apps_read_ = true;
    apps_ = *apps;
    if (!iis6_) return;
    std::set<std::string> pools_read;  // folded
    for (const fixer::ApplicationInfo& a : apps_) {
      auto pool = Got(p_.inventory.AppPoolOf(a.path), "the application pool of " + a.path);
      if (!pool || pool->empty() || fixer::SameWindowsName(*pool, fixer::kDefaultAppPool)) continue;
      pool_of_[a.path] = *pool;
      if (!pools_read.insert(fixer::FoldWindowsName(*pool)).second) continue;
      if (auto identity = ReadPoolIdentity(*pool)) doc["web_server"]["app_pools"][*pool] = *identity;
    }
  }

  void ReadFrameworks(Json& doc) {
    Wanted("ASPNET");
    auto frameworks = Got(p_.aspnet.Frameworks(), "the ASP.NET frameworks");
    if (!frameworks) return;
    has_frameworks_ = !frameworks->empty();
    Json list = Json::array();
    for (const fixer::FrameworkInfo& fw : *frameworks) {
      std::string password = fw.process_model.password;
      if (fixer::IsClearProcessModelPassword(password)) password = kRedactedPassword;
      if (fw.version == fixer::kFramework10) framework10_folder_ = fw.folder;
      Json process_model = {{"userName", fw.process_model.user_name}, {"password", password}};
      if (!fw.process_model.enable) process_model["enable"] = false;  // as a machine file writes it
      list.push_back({{"version", fw.version}, {"tools_present", fw.tools_present}, {"process_model", process_model}});
      const std::string& user = fw.process_model.user_name;
      if (fixer::IsRegistryReference(user)) {
        // Not found (2) is listed too, and the reproduction, holding no such value, answers 2 as well.
        auto name = Got(p_.aspnet.ResolveRegistryCredential(user), "the account " + user + " names");
        if (name) Wanted(*name);
        // The user name is an account name, which the file names anyway.
        KeepCredentialValue(user, name ? std::optional<Json>(Json(*name)) : std::nullopt);
      } else {
        Wanted(user);
      }
      // aspnet_setreg's password is never read: its value is written as a placeholder.
      if (fixer::IsRegistryReference(fw.process_model.password))
        KeepCredentialValue(fw.process_model.password, Json{{"redacted", true}});
    }
    doc["frameworks"] = std::move(list);
  }

  // The key and value an aspnet_setreg reference names ("registry:HKLM\key,Name"), kept to be
  // written with the key's DACL (ReadCredentialKeys); `data` nullopt: the value was not found.
  void KeepCredentialValue(const std::string& reference, std::optional<Json> data) {
    const std::string rest = reference.substr(fixer::kRegistryReferencePrefix.size());
    const size_t comma = rest.rfind(',');
    if (comma == std::string::npos) return;  // malformed: the reproduction fails it as the machine does
    CredentialKey& key = credential_keys_[fixer::FoldWindowsName(rest.substr(0, comma))];
    if (key.path.empty()) key.path = rest.substr(0, comma);
    if (data && !key.values.contains(rest.substr(comma + 1))) key.values[rest.substr(comma + 1)] = std::move(*data);
  }

  // The registry keys processModel reads its identity from (aspnet_setreg, KB 329290), each with
  // its owner, whole DACL (inetinfo.exe reads them as SYSTEM) and the values it names: the user
  // name as the account it names, the password as {redacted: true}. A key missing is left out.
  void ReadCredentialKeys(Json& doc) {
    for (auto& [folded, key] : credential_keys_) {
      const fixer::ObjectRef ref{fixer::ObjectNamespace::kRegistry, key.path};
      if (KeepSecurity(doc, ref) == Kept::kMissing) continue;
      if (!key.values.empty()) ObjectItem(doc, ref)["values"] = std::move(key.values);
    }
  }

  void ReadHotfixes(Json& doc) {
    if (auto ids = Got(p_.inventory.Hotfixes(), "the installed hotfixes")) doc["hotfixes"] = *ids;
  }

  // Services first name their accounts; the caller too. Then each wanted account, with what names its SID.
  void ReadAccounts(Json& doc) {
    ReadServiceInfos();
    for (const fixer::ServiceInfo& s : services_) Wanted(s.account);
    for (const std::string& user : pool_users_) Wanted(user);
    caller_ = Got(p_.inventory.Caller(), "the calling user");
    if (caller_) Wanted(caller_->name);
    console_user_ = Got(p_.inventory.ConsoleUser(), "the console user");
    if (console_user_ && !console_user_->empty()) Wanted(*console_user_);  // Cassini runs as this user
    // The machine SID from the LSA, which needs no account read (every one fails under Wine):
    // else the first local account read gives it (KeepSid); else it is listed, never a default.
    fixer::Result<fixer::Sid> machine_sid = p_.inventory.MachineSid();
    if (machine_sid.ok()) {  // no read of what the fixer checks: not counted toward "something was read"
      machine_sid_ = *machine_sid;
      doc["machine_sid"] = machine_sid_->ToString();
    }

    Json accounts = Json::object();
    for (const std::string& name : wanted_names_) {
      fixer::Result<fixer::Account> r = p_.accounts.Lookup(name);
      if (!r.ok() && r.status().code() == 2221) {  // NERR_UserNotFound: a fact, not a failure
        ++out_.reads_ok;
        if (fixer::FoldWindowsName(name) == "aspnet" && has_frameworks_)
          AppendNewKey(accounts, "ASPNET", {{"absent", true}});
        continue;
      }
      auto account = Got(std::move(r), "the account " + name);
      if (!account) continue;
      Json flags = Json::array();
      if (account->flags.disabled) flags.push_back("disabled");
      if (account->flags.locked_out) flags.push_back("locked_out");
      if (account->flags.password_never_expires) flags.push_back("password_never_expires");
      if (account->flags.cannot_change_password) flags.push_back("cannot_change_password");
      if (account->password_not_required) flags.push_back("password_not_required");
      Json entry = {{"full_name", account->full_name},
                    {"comment", account->comment},
                    {"flags", flags},
                    {"password_expired", account->password_expired}};
      if (auto groups = GroupsOf(*account)) entry["groups"] = std::move(*groups);
      KeepSid(doc, *account, entry);
      AppendNewKey(accounts, account->name, std::move(entry));
      names_by_sid_.emplace(account->sid, account->name);
      accounts_.push_back({*account});
    }
    if (!machine_sid_) out_.unreadable.push_back({"the machine SID", machine_sid.status()});
    ReadGroupsHoldingEveryone();
    WriteGroups(doc);
    doc["accounts"] = std::move(accounts);
    ReadOldSids();
    ReadRights(doc);
    ReadTokenRights(doc);
    ReadProfiles(doc);
    ReadObjects(doc);
    ReadSql(doc);
    capture_reads::ReadSqlServer(p_.security, out_, doc);
  }

  // The rights of the other SIDs of the captured accounts' tokens (capture_token_rights.cpp).
  void ReadTokenRights(Json& doc) {
    std::vector<std::pair<fixer::Sid, std::string>> accounts;
    for (const Found& a : accounts_) accounts.emplace_back(a.account.sid, a.account.name);
    capture_reads::ReadTokenRights(p_, out_, accounts, doc);
  }

  // The local groups an account is a member of, each by its SID (NetLocalGroupEnum's groups and
  // their members): a localized Windows names S-1-5-32-544 `Administratoren`, which a
  // reproduction by name would take for a new group; WriteGroups gives each its name here.
  // nullopt when not read: the fresh install's membership stands in, listed as unread.
  std::optional<Json> GroupsOf(const fixer::Account& account) {
    const fixer::Sid one[] = {account.sid};
    auto groups = Got(p_.accounts.GroupsContaining(one), "the local groups of " + account.name);
    if (!groups) return std::nullopt;
    Json sids = Json::array();
    for (const fixer::LocalGroupRef& g : *groups) {
      sids.push_back(g.sid.ToString());
      groups_.emplace(g.sid, g.name);
    }
    return sids;
  }

  // The account's SID as the machine gives it: the machine SID (`machine_sid`, once) and its RID,
  // so the reproduction's account has the SID the journal's plan and the fixer's event-log mark name.
  void KeepSid(Json& doc, const fixer::Account& account, Json& entry) {
    if (!account.sid.IsAccountSid()) return;
    if (!machine_sid_) {
      machine_sid_ = account.sid.Domain();
      doc["machine_sid"] = machine_sid_->ToString();
    }
    if (account.sid.Domain() == *machine_sid_) entry["rid"] = account.sid.Rid();
  }

  // The groups the captured accounts are members of, and the local groups holding Everyone,
  // Authenticated Users or BATCH: each under its name here, with its SID, so the reproduction's
  // group of that SID takes this name (a builtin one) or is created with that SID.
  void WriteGroups(Json& doc) {
    if (groups_.empty()) return;
    Json groups = Json::object();
    for (const auto& [sid, name] : groups_) {
      Json entry = {{"sid", sid.ToString()}};
      // Members read only where a group holds Everyone, Authenticated Users or BATCH: what puts
      // it in every logon's token; the accounts list their own groups.
      if (const auto members = implicit_members_.find(sid); members != implicit_members_.end())
        entry["members"] = members->second;
      AppendNewKey(groups, name, std::move(entry));
    }
    doc["groups"] = std::move(groups);
  }

  // `next_rid`: one past the highest RID of the machine's domain the file names anywhere (an
  // account, a group, an old SID of an ACE, a login, the journal, an event's text), so the
  // reproduction never gives a new account a RID the machine used. Windows keeps its own next RID
  // in the SAM, which no call reads: a lower bound [M] (docs/windows-reference.md#sids).
  void WriteNextRid(Json& doc) const {
    if (!machine_sid_) return;
    const std::string prefix = machine_sid_->ToString() + "-";
    uint64_t highest = 0;
    std::vector<fixer::Sid> held;  // the SIDs the file names by a name or a `rid`
    for (const Found& a : accounts_) held.push_back(a.account.sid);
    for (const auto& [sid, name] : groups_) held.push_back(sid);
    for (const fixer::Sid& sid : held) {
      if (sid.IsAccountSid() && sid.Domain() == *machine_sid_) highest = std::max<uint64_t>(highest, sid.Rid());
    }
    RaiseToRidsInKeysAndStrings(doc, prefix, highest);
    if (highest > 0) doc["next_rid"] = highest + 1;
  }

  // Every key and string of `j` read for SIDs of the machine's domain (`prefix`: its SID and '-').
  static void RaiseToRidsInKeysAndStrings(const Json& j, std::string_view prefix, uint64_t& highest) {
    if (j.is_string()) {
      RaiseToRidsInText(j.get_ref<const std::string&>(), prefix, highest);
    } else if (j.is_object()) {
      for (const auto& [key, value] : j.items()) {
        RaiseToRidsInText(key, prefix, highest);
        RaiseToRidsInKeysAndStrings(value, prefix, highest);
      }
    } else if (j.is_array()) {
      for (const Json& item : j) RaiseToRidsInKeysAndStrings(item, prefix, highest);
    }
  }

  // Each "<prefix><RID>" in `text` (a SID, or one inside a message) raises `highest` to its RID.
  static void RaiseToRidsInText(std::string_view text, std::string_view prefix, uint64_t& highest) {
    for (size_t at = text.find(prefix); at != std::string_view::npos; at = text.find(prefix, at + 1)) {
      size_t end = at + prefix.size();
      uint64_t rid = 0;
      while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) && rid <= 0xFFFFFFFFu)
        rid = rid * 10 + static_cast<uint64_t>(text[end++] - '0');
      if (end > at + prefix.size() && rid <= 0xFFFFFFFEu) highest = std::max(highest, rid);
    }
  }

  // The principal the file names a SID by: a captured account's name, else the SID string.
  std::string Who(const fixer::Sid& sid) const {
    const auto it = names_by_sid_.find(sid);
    return it == names_by_sid_.end() ? sid.ToString() : it->second;
  }

  // The local groups other than the built-in ones that hold Everyone, Authenticated Users or BATCH:
  // every logon token (the worker's too) holds them, so the fixer's folder check reads them. A
  // built-in group keeps its fresh install's members (Users holds Authenticated Users).
  void ReadGroupsHoldingEveryone() {
    // Members written by SID: a localized Windows names Everyone `Jeder`.
    static const std::pair<fixer::Sid, const char*> kImplicit[] = {
        {fixer::Sid::Everyone(), "Everyone"},
        {fixer::Sid::AuthenticatedUsers(), "NT AUTHORITY\\Authenticated Users"},
        {fixer::Sid::Batch(), "NT AUTHORITY\\BATCH"}};
    for (const auto& [sid, name] : kImplicit) {
      const fixer::Sid one[] = {sid};
      auto groups = Got(p_.accounts.GroupsContaining(one), std::string("the local groups holding ") + name);
      if (!groups) continue;
      for (const fixer::LocalGroupRef& g : *groups) {
        if (g.sid.ToString().starts_with("S-1-5-32-")) continue;  // built in
        groups_.emplace(g.sid, g.name);
        names_by_sid_.emplace(g.sid, g.name);
        implicit_members_[g.sid].push_back(sid.ToString());
      }
    }
  }

  // The SIDs a SQL login named as a wanted account ("XPPRO\ASPNET") stores when no captured
  // account holds them: an account deleted and created again (fixup.cmd's recreate) left its
  // login, ACEs, rights and profile naming the old SID. Kept as the SID string.
  void ReadOldSids() {
    if (computer_.empty()) return;
    for (const std::string& name : wanted_names_) {
      auto logins = Got(p_.security.LoginsNamed(computer_ + "\\" + name), "the SQL Server logins named " + name);
      if (!logins) continue;
      for (fixer::SqlLogin& l : *logins) {
        if (names_by_sid_.contains(l.sid)) continue;
        if (std::find(old_sids_.begin(), old_sids_.end(), l.sid) == old_sids_.end()) old_sids_.push_back(l.sid);
        old_logins_.push_back(std::move(l));
      }
    }
  }

  void ReadRights(Json& doc) {
    Json rights = Json::object();
    for (const Found& a : accounts_) {
      if (auto held = Got(p_.rights.Of(a.account.sid), "the rights of " + a.account.name)) {
        AppendNewKey(rights, a.account.name, *held);
      }
    }
    for (const fixer::Sid& sid : old_sids_) {
      auto held = Got(p_.rights.Of(sid), "the rights of " + sid.ToString());
      if (held && !held->empty()) AppendNewKey(rights, sid.ToString(), *held);
    }
    doc["rights"] = std::move(rights);
  }

  void ReadProfiles(Json& doc) {
    Json profiles = Json::object();
    for (const Found& a : accounts_) {
      auto found = Got(p_.profiles.Find(a.account.sid), "the profile of " + a.account.name);
      if (!found) continue;
      if (*found) {
        AppendNewKey(profiles, a.account.name, {{"path", (*found)->path}, {"folder", (*found)->folder_exists}});
      } else {
        AppendNewKey(profiles, a.account.name, "absent");
      }
      if (!*found || !(*found)->folder_exists) ReadTakenProfileFolder(a.account.name);
    }
    for (const fixer::Sid& sid : old_sids_) {
      auto found = Got(p_.profiles.Find(sid), "the profile of " + sid.ToString());
      if (found && *found)
        AppendNewKey(profiles, sid.ToString(), {{"path", (*found)->path}, {"folder", (*found)->folder_exists}});
    }
    doc["profiles"] = std::move(profiles);
  }

  // The folders named as an account without a profile that another profile (a deleted account's)
  // or anything else holds: a new profile goes to the first free one of NAME, NAME.COMPUTERNAME,
  // NAME.COMPUTERNAME.000, .001 ... (KB 324734), so every one before the folder the machine would
  // use is taken, and the reproduction keeps them all, to pick the same folder.
  void ReadTakenProfileFolder(const std::string& name) {
    auto folder = Got(p_.profiles.NewProfileFolder(name, fixer::NewProfileOwner::kPresentAccount),
                      "where a new profile of " + name + " would go");
    if (!folder) return;
    const size_t slash = folder->find_last_of('\\');
    if (slash == std::string::npos) return;
    for (std::string& taken : fixer::TakenProfileNames(name, computer_, folder->substr(slash + 1)))
      taken_folders_.push_back(folder->substr(0, slash + 1) + taken);
  }

  // An object as the loader identifies it: a file by its normal path (one folder spelled two ways,
  // "shop\" and "Shop", is one object, which a file must list once), any object without case.
  static std::string ObjectKey(fixer::ObjectNamespace ns, const std::string& path) {
    return fixer::FoldWindowsName(ns == fixer::ObjectNamespace::kFile ? fixer::NormalFilePath(path) : path);
  }

  static Json AceJson(const fixer::ObjectNamespace ns, const fixer::Ace& ace, const std::string& who) {
    Json j = Json::object();
    j[ace.type == fixer::AceType::kAllow ? "allow" : "deny"] = who;
    const std::string_view name = fixer::MaskName(ns, ace.mask);
    j["mask"] = name.empty() ? HexNumber(ace.mask) : std::string(name);
    if (ace.flags != 0) {
      uint32_t covered = 0;
      Json flags = Json::array();
      for (const auto& nv : fixer::kAceFlagNames) {
        if (ace.flags & nv.value) {
          flags.push_back(nv.name);
          covered |= nv.value;
        }
      }
      j["flags"] = covered == ace.flags ? flags : Json(HexNumber(ace.flags));
    }
    return j;
  }

  // The item of `ref` in the file's objects, found as the loader identifies an object (a file by
  // its normal path, any object without case), or added at the end: each object is listed once.
  Json& ObjectItem(Json& doc, const fixer::ObjectRef& ref) {
    Json& list = doc["objects"];
    if (!list.is_array()) list = Json::array();
    const auto [it, added] =
        object_positions_.emplace(std::make_pair(ref.ns, ObjectKey(ref.ns, ref.path)), list.size());
    if (added) list.push_back({{std::string(fixer::NameIn(fixer::kNamespaceNames, ref.ns)), ref.path}});
    return list[it->second];
  }

  enum class Kept {
    kWhole,    // its owner and whole DACL are in its item
    kMissing,  // no such object: nothing is listed, as the machine has none
    kNotRead,  // the read failed (listed as unreadable), or a NULL DACL, which a machine file cannot hold
  };

  // One object's security into its item: the owner and the whole DACL, explicit and inherited
  // ACEs in their order with their flags, every principal included. The loader takes a listed
  // object's `acl` as its whole DACL and its `owner` as its owner, so the reproduction's object
  // is the original's, whether or not its parent is captured.
  Kept KeepSecurity(Json& doc, const fixer::ObjectRef& ref) {
    fixer::Result<fixer::ObjectSecurity> sd = p_.security.ReadSecurity(ref);
    if (!sd.ok() &&
        (sd.status().code() == fixer::kErrorFileNotFound || sd.status().code() == fixer::kErrorPathNotFound)) {
      ++out_.reads_ok;
      return Kept::kMissing;
    }
    auto read = Got(std::move(sd), "the DACL of " + ref.path);
    if (!read || !read->has_dacl) return Kept::kNotRead;
    Json acl = Json::array();
    for (const fixer::Ace& ace : read->dacl) acl.push_back(AceJson(ref.ns, ace, Who(ace.sid)));
    Json& item = ObjectItem(doc, ref);
    item["owner"] = Who(read->owner);
    item["acl"] = std::move(acl);
    return Kept::kWhole;
  }

  // Every object holding an explicit ACE naming a captured account or an old SID, in the order
  // first found, with its owner and whole DACL; then the taken profile folders.
  void ReadObjects(Json& doc) {
    std::vector<std::pair<fixer::ObjectRef, Json>> objects;  // each object and the ACEs found naming the SIDs
    std::map<std::pair<fixer::ObjectNamespace, std::string>, size_t> index;  // folded path -> position
    std::vector<std::pair<fixer::Sid, std::string>> named;                   // each SID and how a failed read names it
    for (const Found& a : accounts_) named.emplace_back(a.account.sid, a.account.name);
    for (const fixer::Sid& sid : old_sids_) named.emplace_back(sid, sid.ToString());
    for (const auto& [sid, who] : named) {
      auto by_object = Got(p_.security.FindAcesByObject(sid), "the ACEs naming " + who);
      if (!by_object) continue;
      for (const fixer::ObjectAces& o : *by_object) {
        const auto key = std::make_pair(o.object.ns, ObjectKey(o.object.ns, o.object.path));
        auto [it, inserted] = index.emplace(key, objects.size());
        if (inserted) objects.emplace_back(o.object, Json::array());
        for (const fixer::Ace& ace : o.aces) {
          objects[it->second].second.push_back(AceJson(o.object.ns, ace, Who(ace.sid)));
        }
      }
    }
    doc["objects"] = Json::array();
    object_positions_.clear();
    for (auto& [ref, found] : objects) {
      // A DACL that could not be read: the ACEs found are what the capture holds of it.
      if (KeepSecurity(doc, ref) == Kept::kNotRead) ObjectItem(doc, ref)["acl"] = std::move(found);
    }
    for (const std::string& taken : taken_folders_) {
      const fixer::ObjectRef ref{fixer::ObjectNamespace::kFile, taken};
      // Listed even when its security could not be read: the reproduction must hold the folder.
      // Not listed when missing (taken by a ProfileList entry alone): the reproduction must not make it.
      const Kept kept = KeepSecurity(doc, ref);
      if (kept == Kept::kNotRead) ObjectItem(doc, ref);
      // A plain file of that name takes it too, and the diagnosis says which: the reproduction's is one.
      if (kept == Kept::kMissing) continue;
      auto holder = Got(p_.profiles.WhatIsAt(taken), "what " + taken + " is");
      if (holder && *holder == fixer::PathHolder::kFile) ObjectItem(doc, ref)["container"] = false;
    }
  }

  // The folders the worker needs (its temporary folders, ASP.NET 1.0's, the applications'), each
  // with its owner and whole DACL, inherited ACEs and every principal included: what the fixer's
  // folder check reads, so a capture gets the verdict the machine gets. A folder missing is written
  // `absent: true`: the reproduction's fresh install would hold it (%WINDIR%\assembly, which Wine lacks).
  void ReadWorkerFolders(Json& doc) {
    for (const fixer::WorkerFolder& folder :
         fixer::FoldersTheWorkerNeeds(windows_folder_, framework10_folder_, apps_)) {
      const fixer::ObjectRef ref{fixer::ObjectNamespace::kFile, folder.path};
      if (KeepSecurity(doc, ref) == Kept::kMissing) ObjectItem(doc, ref)["absent"] = true;
    }
  }

  void ReadSql(Json& doc) {
    Json logins = Json::array();
    Json users = Json::array();
    std::set<std::string> databases;
    std::map<fixer::Sid, std::string> login_names;
    for (const Found& a : accounts_) {
      auto found = Got(p_.security.LoginsFor(a.account.sid), "the SQL Server logins of " + a.account.name);
      if (!found) continue;
      for (const fixer::SqlLogin& l : *found) {
        logins.push_back(
            {{"name", l.name}, {"server_roles", l.server_roles}, {"default_database", l.default_database}});
        login_names.emplace(l.sid, l.name);
        if (fixer::FoldWindowsName(l.default_database) != "master") databases.insert(l.default_database);
      }
    }
    for (const fixer::SqlLogin& l : old_logins_) {
      logins.push_back({{"name", l.name},
                        {"sid", l.sid.ToString()},
                        {"server_roles", l.server_roles},
                        {"default_database", l.default_database}});
      login_names.emplace(l.sid, l.name);
      if (fixer::FoldWindowsName(l.default_database) != "master") databases.insert(l.default_database);
    }
    std::vector<std::pair<fixer::Sid, std::string>> named;  // each SID and how a failed read names it
    for (const Found& a : accounts_) named.emplace_back(a.account.sid, a.account.name);
    for (const fixer::Sid& sid : old_sids_) named.emplace_back(sid, sid.ToString());
    for (const auto& [sid, who] : named) {
      auto found = Got(p_.security.DbUsersFor(sid), "the database users of " + who);
      if (!found) continue;
      for (const fixer::SqlDbUser& u : *found) {
        auto login = login_names.find(u.login_sid);
        users.push_back({{"database", u.database},
                         {"name", u.name},
                         {"login", login != login_names.end() ? login->second : Who(u.login_sid)},
                         {"roles", u.roles}});
        databases.insert(u.database);
      }
    }
    if (logins.empty() && users.empty()) return;  // SQL Server as far as the accounts show: nothing
    doc["sql"] = {{"installed", true}, {"databases", databases}, {"logins", logins}, {"users", users}};
  }

  // Whether the LSA's AutoGenerate password is still ASPNET's, said without it: a batch logon as
  // aspnet_wp.exe's (a wrong password is counted toward the lockout, as each of its requests'
  // logons is). Disabled, expiry, the blank-password restriction and the logon right are judged
  // only for the right password (docs/windows-reference.md#logon-order); a lockout (1909) comes
  // before it and says nothing: left out, as the reproduction's lockout fails that logon first too.
  // Nullopt where ASPNET was not read, or the logon answered neither way.
  std::optional<bool> SecretLogsWorkerOn(const std::string& key, const fixer::Secret& secret) {
    const std::string worker(fixer::kMachineWorkerAccount);
    const bool read = std::any_of(accounts_.begin(), accounts_.end(),
                                  [&](const Found& a) { return fixer::SameWindowsName(a.account.name, worker); });
    if (!read) return std::nullopt;
    const fixer::Status st = p_.logon.CheckPassword(worker, secret);
    constexpr uint32_t kJudgedAfterThePassword[] = {fixer::kErrorAccountDisabled, fixer::kErrorPasswordExpired,
                                                    fixer::kErrorPasswordMustChange, fixer::kErrorAccountRestriction,
                                                    fixer::kErrorLogonTypeNotGranted};
    if (st.ok() || std::find(std::begin(kJudgedAfterThePassword), std::end(kJudgedAfterThePassword), st.code()) !=
                       std::end(kJudgedAfterThePassword)) {
      ++out_.reads_ok;
      return true;
    }
    if (st.code() == fixer::kErrorLogonFailure) {
      ++out_.reads_ok;
      return false;
    }
    if (st.code() != fixer::kErrorAccountLockedOut)
      out_.unreadable.push_back({"whether the LSA secret " + key + " logs " + worker + " on", st});
    return std::nullopt;
  }

  void ReadSecrets(Json& doc) {
    const std::string key(fixer::kAspNetWorkerSecret);
    fixer::Result<fixer::Secret> r = p_.secrets.Retrieve(key);
    Json secrets = Json::object();
    if (r.ok()) {
      ++out_.reads_ok;
      secrets[key] = {{"redacted", true}};  // it exists; its value never leaves the machine
      if (std::optional<bool> logs_on = SecretLogsWorkerOn(key, *r)) secrets[key]["logs_on"] = *logs_on;
    } else if (r.status().code() == 2) {  // ERROR_FILE_NOT_FOUND: there is none
      ++out_.reads_ok;
      secrets[key] = {{"absent", true}};
    } else {
      out_.unreadable.push_back({"the LSA secret " + key, r.status()});
    }
    doc["secrets"] = std::move(secrets);
  }

  // The known services and those logging on as an account of this machine (the fixer's services
  // check reads them all), then every service they depend on or that runs depending on them, each
  // read once.
  void ReadServiceInfos() {
    std::deque<std::string> queue(std::begin(kServices), std::end(kServices));
    for (std::string& name : capture_reads::ServicesLoggingOnAsLocalUsers(p_.services, out_, computer_))
      queue.push_back(std::move(name));
    std::set<std::string> seen;
    // Services listed among another's running dependents (folded): ActiveDependents is transitive,
    // so theirs are in that list already. Asking each again made a chain of N services N^2.
    std::set<std::string> dependents_listed;
    while (!queue.empty()) {
      const std::string name = queue.front();
      queue.pop_front();
      const std::string folded = fixer::FoldWindowsName(name);
      if (!seen.insert(folded).second) continue;
      fixer::Result<fixer::ServiceInfo> r = p_.services.Query(name);
      if (!r.ok() && r.status().code() == 1060) {  // ERROR_SERVICE_DOES_NOT_EXIST
        ++out_.reads_ok;
        absent_services_.push_back(name);
        continue;
      }
      auto info = Got(std::move(r), "the service " + name);
      if (!info) continue;
      for (const std::string& d : info->dependencies) queue.push_back(d);
      // Running services that depend on it (a site's own services); stopped ones are not found.
      if (!dependents_listed.contains(folded)) {
        if (auto dependents = Got(p_.services.ActiveDependents(name), "the services depending on " + name)) {
          for (const std::string& d : *dependents) {
            dependents_listed.insert(fixer::FoldWindowsName(d));
            queue.push_back(d);
          }
        }
      }
      services_.push_back(std::move(*info));
    }
  }

  void ReadServices(Json& doc) {
    Json services = Json::object();
    for (const fixer::ServiceInfo& s : services_) {
      AppendNewKey(services, s.name,
                   {{"display_name", s.display_name},
                    {"state", fixer::NameIn(fixer::kServiceStateNames, s.state)},
                    {"start_type", fixer::NameIn(fixer::kStartTypeNames, s.start_type)},
                    {"account", s.account},
                    {"dependencies", s.dependencies}});
    }
    for (const std::string& name : absent_services_) AppendNewKey(services, name, {{"absent", true}});
    doc["services"] = std::move(services);
  }

  // The applications ReadAppPools read, each with its pool when not DefaultAppPool.
  void ReadApplications(Json& doc) {
    if (!apps_read_) return;
    Json list = Json::array();
    for (const fixer::ApplicationInfo& a : apps_) {
      Json app = {{"path", a.path},
                  {"physical_path", a.physical_path},
                  {"framework", a.framework_version},
                  {"session_state", fixer::NameIn(fixer::kSessionStateNames, a.session_state)}};
      if (auto pool = pool_of_.find(a.path); pool != pool_of_.end()) app["app_pool"] = pool->second;
      list.push_back(std::move(app));
    }
    doc["applications"] = std::move(list);
  }

  void ReadPolicy(Json& doc) {
    Json policy_json = Json::object();
    if (auto policy = Got(p_.policy.Get(), "the password policy")) {
      policy_json = {{"password",
                      {{"min_length", policy->min_length},
                       {"complexity", policy->complexity},
                       {"history", policy->history},
                       {"max_age_days", policy->max_age_days},
                       {"min_age_days", policy->min_age_days}}},
                     {"lockout", {{"threshold", policy->lockout_threshold}}}};
    }
    // Whether a blank password logs on only at the console: a blank --temp-password rests on it.
    if (auto console_only = Got(p_.policy.LimitsBlankPasswordUse(), "the blank-password policy"))
      policy_json["limit_blank_password_use"] = *console_only;
    if (!policy_json.empty()) doc["policy"] = std::move(policy_json);
  }

  // The caller, when it is an account the file holds (a fresh install's loader needs one). A
  // caller the file can hold no account to be (a domain user, or a local one whose account could
  // not be read: `root` under Wine, that read listed) is written as the machine's caller read gave
  // it (capture.caller: its name and whether it is an administrator), so the reproduction's caller
  // read answers as the machine's did, neither failing where the machine's passed nor answering
  // with the file's default caller (Administrator).
  void ReadSession(Json& doc) {
    Json session = Json::object();
    if (caller_) {
      if (const Found* account = CapturedAccount(caller_->name)) {
        session["caller"] = account->account.name;
      } else if (!IsLocalSystem(caller_->name)) {
        doc["capture"]["caller"] = {{"name", caller_->name}, {"administrator", caller_->is_admin}};
      }
    }
    // Who is at the console, or nobody (null, as the file says it); a user the file cannot hold
    // (a domain account, or one whose account was not read) is listed, so the reproduction's
    // Cassini does not serve as nobody.
    if (console_user_ && console_user_->empty()) {
      session["interactive_user"] = nullptr;
    } else if (console_user_) {
      if (const Found* account = CapturedAccount(*console_user_)) {
        session["interactive_user"] = account->account.name;
      } else if (std::optional<fixer::Status> error = AccountReadError(*console_user_)) {
        out_.unreadable.push_back({"the console user", *error});
      } else {
        // Not an account of this machine (a domain user): NERR_UserNotFound in its SAM.
        out_.unreadable.push_back({"the console user", fixer::Status::Win(2221)});
      }
    }
    if (!session.empty()) doc["session"] = std::move(session);
  }

  // SYSTEM running the tool (a service, `psexec -s`): no SAM account, an administrator, as the
  // file's default caller is.
  static bool IsLocalSystem(const std::string& name) {
    const std::string folded = fixer::FoldWindowsName(name);
    return folded == "system" || folded == "localsystem" || folded == "nt authority\\system";
  }

  // The captured account a session user names, when it is a local account the file holds.
  const Found* CapturedAccount(const std::string& qualified) const {
    auto local = LocalName(qualified);
    if (!local) return nullptr;
    for (const Found& a : accounts_) {
      if (fixer::SameWindowsName(a.account.name, *local)) return &a;
    }
    return nullptr;
  }

  // The error of the account read a local session user's lookup failed with, if it failed.
  std::optional<fixer::Status> AccountReadError(const std::string& qualified) const {
    auto local = LocalName(qualified);
    if (!local) return std::nullopt;
    constexpr std::string_view kAccountRead = "the account ";
    for (const UnreadablePart& u : out_.unreadable) {
      if (u.read.starts_with(kAccountRead) && fixer::SameWindowsName(u.read.substr(kAccountRead.size()), *local))
        return u.error;
    }
    return std::nullopt;
  }

  void ReadEvents(Json& doc) {
    Json events = Json::array();
    for (const char* log : {"Application", "System"}) {
      auto records = Got(p_.events.Read(log), std::string("the ") + log + " event log");
      if (!records) continue;
      for (const fixer::EventRecord& e : *records) {
        events.push_back({{"log", e.log},
                          {"source", e.source},
                          {"id", e.id},
                          {"type", fixer::NameIn(fixer::kEventTypeNames, e.type)},
                          {"text", e.text},
                          {"time", e.time}});
      }
    }
    doc["events"] = std::move(events);
  }

  void ReadJournal(Json& doc) {
    auto records = Got(p_.journal.Load(), "the fixer's journal");
    if (!records) return;
    Json journal = Json::array();
    for (const fixer::JournalRecord& r : *records) {
      fixer::TextFields data = r.data;
      if (r.grants) fixer::FlattenGrants(*r.grants, data);
      journal.push_back({{"seq", r.seq},
                         {"step", r.step},
                         {"phase", fixer::NameIn(fixer::kJournalPhaseNames, r.phase)},
                         {"data", data}});
    }
    doc["journal"] = std::move(journal);
  }

  struct CredentialKey {
    std::string path;  // "HKLM\SOFTWARE\Contoso\ASPNET_SETREG", as the reference spells it
    Json values = Json::object();
  };

  fixer::Ports& p_;
  Capture& out_;
  std::map<std::string, CredentialKey> credential_keys_;  // folded path -> key
  // Each object the file lists (namespace, ObjectKey) -> its place in doc["objects"].
  std::map<std::pair<fixer::ObjectNamespace, std::string>, size_t> object_positions_;
  std::string computer_;
  std::string windows_folder_;                  // %WINDIR%, for its Temp
  std::string framework10_folder_;              // ASP.NET 1.0's folder
  std::vector<fixer::ApplicationInfo> apps_;    // the IIS applications, for their folders
  bool apps_read_ = false;                      // apps_ is the machine's (its read did not fail)
  bool iis6_ = false;                           // the web server is IIS 6.0, which has application pools
  std::map<std::string, std::string> pool_of_;  // an application's pool other than DefaultAppPool
  bool has_frameworks_ = false;
  std::unordered_set<std::string> wanted_;  // folded
  std::vector<std::string> wanted_names_;
  std::vector<Found> accounts_;
  std::vector<fixer::Sid> old_sids_;                // stored by a login named as a wanted account, held by none
  std::vector<fixer::SqlLogin> old_logins_;         // those logins
  std::vector<std::string> taken_folders_;          // named as an account without a profile, held by another
  std::map<fixer::Sid, std::string> names_by_sid_;  // accounts_' names, for Who
  std::map<fixer::Sid, std::string> groups_;        // each group's SID -> its name on the machine
  std::map<fixer::Sid, Json> implicit_members_;     // the well-known SIDs a custom group holds
  std::optional<fixer::Sid> machine_sid_;           // the domain of the machine's accounts
  std::vector<fixer::ServiceInfo> services_;
  std::vector<std::string> absent_services_;
  std::optional<fixer::CallerInfo> caller_;
  std::optional<std::string> console_user_;  // "" when nobody is logged on at the console
  std::vector<std::string> pool_users_;      // the users IIS 6's application pools run as
};

}  // namespace

Capture CaptureMachine(fixer::Ports& ports, std::string_view tool) {
  Capture out;
  Reader(ports, out).Run(tool);
  return out;
}

std::string CaptureText(const Capture& capture) { return JsonText(capture.document) + "\n"; }

}  // namespace app
