// The fixer's ports over a fake Machine: one thin adapter per port, each a translation onto
// the subsystem that owns the rule (Sam, Lsa, LogonService, ProfileStore, ObjectStore,
// SqlServer, Scm, AspNetSetup). No Windows rule is decided here. Every read asks the fault
// plan first (Machine::Read), so a test can fail a lookup as Windows would (e.g. 5).
#include "fakes/machine_ports.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "fakes/app_pools.h"
#include "fakes/aspnet_setup.h"
#include "fakes/event_log.h"
#include "fakes/logon.h"
#include "fakes/lsa.h"
#include "fakes/modelling_choices.h"
#include "fakes/objects.h"
#include "fakes/password_rules.h"
#include "fakes/paths.h"
#include "fakes/profile_entry_values.h"
#include "fakes/profiles.h"
#include "fakes/registry_credentials.h"
#include "fakes/sam.h"
#include "fakes/scm.h"
#include "fakes/sql.h"
#include "fixer/name_case.h"
#include "who_may.h"

namespace fakes {
namespace {

using fixer::Result;
using fixer::Status;

// Machine::Read for a read of one SID's data. Only a read rule of the fault plan looks at a
// read (FaultPlan::OnRead), so the SID is printed as its target only when the plan has one,
// not on each of the dozen lookups of every run.
Status ReadOfSid(Machine& m, std::string_view op, const fixer::Sid& sid) {
  const std::vector<FaultRule>& rules = m.faults().rules();
  const bool read_rule = std::any_of(rules.begin(), rules.end(), [](const FaultRule& r) { return r.read; });
  return m.Read(op, read_rule ? sid.ToString() : std::string());
}

Status CapturedReadFailure(const MachineState& s, std::string_view read, std::string_view subject = {},
                           std::string_view tail = {});
Status CapturedReadOfSidFailure(Machine& m, std::string_view read, const fixer::Sid& sid);

// Every call opens the service as OpenService does, by its key name: a display name is 1060
// (docs/windows-reference.md#services); `net start` and `net stop` accept both (cmd_net_service).
class ScmPort : public fixer::ServiceControl {
 public:
  ScmPort(Machine& m, const CallerToken& token) : m_(m), token_(token) {}
  Result<fixer::ServiceInfo> Query(const std::string& name) override {
    if (Status st = m_.Read("scm.query", name); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the service ", name); !st.ok()) return st;
    const fixer::ServiceInfo* s = scm_.FindByKey(name);
    if (s == nullptr) return Status::Win(fixer::kErrorServiceDoesNotExist);
    return *s;
  }
  Result<std::vector<fixer::ServiceInfo>> List() override {
    if (Status st = m_.Read("scm.list", ""); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the services"); !st.ok()) return st;
    const auto& services = m_.state().services;
    return std::vector<fixer::ServiceInfo>(services.begin(), services.end());
  }
  Result<std::vector<std::string>> ActiveDependents(const std::string& name) override {
    if (Status st = m_.Read("scm.active_dependents", name); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the services depending on ", name); !st.ok()) return st;
    if (Status st = Opened(name); !st.ok()) return st;
    return scm_.ActiveDependents(name);
  }
  Status Stop(const std::string& name) override {
    if (Status st = OpenedToControl(name); !st.ok()) return st;
    return scm_.Stop(name);
  }
  Status Start(const std::string& name) override {
    if (Status st = OpenedToControl(name); !st.ok()) return st;
    return scm_.Start(name);
  }
  Status Pause(const std::string& name) override {
    if (Status st = OpenedToControl(name); !st.ok()) return st;
    return scm_.Pause(name);
  }
  Status SetLogonPassword(const std::string& name, const fixer::Secret& password) override {
    if (Status st = OpenedToControl(name); !st.ok()) return st;
    return scm_.SetLogonPassword(name, password);
  }

 private:
  // OpenService by key name: 1060 for a display name or an unknown one.
  Status Opened(const std::string& name) const {
    return scm_.FindByKey(name) == nullptr ? Status::Win(fixer::kErrorServiceDoesNotExist) : Status::Ok();
  }
  // The same, asking for SERVICE_START/STOP/PAUSE_CONTINUE: 5 for a caller who may not.
  Status OpenedToControl(const std::string& name) const {
    if (Status st = Opened(name); !st.ok()) return st;
    return token_.MayControlServices();
  }

  Machine& m_;
  const CallerToken& token_;  // the run's: one process
  Scm scm_{m_};
};

class AccountsPort : public fixer::Accounts {
  // An account a capture could not read ("the account root": 2140 under Wine) fails its
  // reproduction's lookup with that error, as on the machine.
  Status CapturedLookupFailure(const std::string& name) const {
    constexpr std::string_view kAccountRead = "the account ";
    for (const UnreadableRead& u : m_.state().capture.unreadable) {
      if (u.read.starts_with(kAccountRead) && fixer::SameWindowsName(u.read.substr(kAccountRead.size()), name))
        return u.message.empty() ? Status::Win(u.error) : Status(u.error, u.message);
    }
    return Status::Ok();
  }

 public:
  AccountsPort(Machine& m, const CallerToken& token) : m_(m), token_(token), sam_(m) {}
  Result<fixer::Account> Lookup(const std::string& name) override {
    if (Status st = m_.Read("sam.lookup_user", name); !st.ok()) return st;
    if (Status st = CapturedLookupFailure(name); !st.ok()) return st;
    const UserAccount* u = std::as_const(sam_).FindUser(name);
    if (u == nullptr) return Status::Win(fixer::kNerrUserNotFound);
    return sam_.Describe(*u);
  }
  Result<fixer::Sid> Create(const fixer::NewAccount& spec, const fixer::Secret& password) override {
    if (Status st = token_.MayCreateAccounts(); !st.ok()) return st;
    return sam_.CreateUser(spec, password);
  }
  Status Delete(const std::string& name) override {
    if (Status st = OpenedToChange(name); !st.ok()) return st;
    return sam_.DeleteUser(name);
  }
  Status SetPassword(const std::string& name, const fixer::Secret& password) override {
    if (Status st = OpenedToChange(name); !st.ok()) return st;
    return sam_.SetPassword(name, password);
  }
  Status SetFlags(const std::string& name, const fixer::AccountFlags& flags) override {
    if (Status st = OpenedToChange(name); !st.ok()) return st;
    return sam_.SetFlags(name, flags);
  }
  Status RequirePasswordChange(const std::string& name) override {
    if (Status st = OpenedToChange(name); !st.ok()) return st;
    return sam_.RequirePasswordChange(name);
  }
  Status AddToGroup(const std::string& group, const fixer::Sid& member) override {
    // The group is looked up (2220) before it is opened to add a member (5).
    if (const LocalGroup* g = std::as_const(sam_).FindGroup(group); g != nullptr) {
      if (Status st = token_.MayChangeMembersOf(g->sid); !st.ok()) return st;
    }
    return sam_.AddMember(group, member);
  }
  Status RemoveFromGroup(const std::string& group, const fixer::Sid& member) override {
    // As AddToGroup: the group is looked up (2220) before it is opened to remove a member (5).
    if (const LocalGroup* g = std::as_const(sam_).FindGroup(group); g != nullptr) {
      if (Status st = token_.MayChangeMembersOf(g->sid); !st.ok()) return st;
    }
    return sam_.RemoveMember(group, member);
  }
  Result<std::vector<fixer::LocalGroupRef>> GroupsContaining(std::span<const fixer::Sid> members) override {
    if (Status st = m_.Read("sam.groups_containing", ""); !st.ok()) return st;
    for (const fixer::Sid& sid : members) {
      if (Status st = CapturedReadOfSidFailure(m_, "the local groups of ", sid); !st.ok()) return st;
    }
    return sam_.GroupsContaining(members);
  }
  Result<std::string> NameOf(const fixer::Sid& sid) override {
    if (Status st = m_.Read("sam.lookup_sid", sid.ToString()); !st.ok()) return st;
    return sam_.LookupQualifiedSid(sid);
  }

 private:
  // The account is looked up (2221) before it is opened to change (5).
  Status OpenedToChange(const std::string& name) const {
    if (std::as_const(sam_).FindUser(name) == nullptr) return Status::Win(fixer::kNerrUserNotFound);
    return token_.MayChangeAccounts();
  }

  Machine& m_;
  const CallerToken& token_;  // the run's: one process
  Sam sam_;
};

class RightsPort : public fixer::Rights {
 public:
  RightsPort(Machine& m, const CallerToken& token) : m_(m), token_(token), lsa_(m) {}
  Result<std::vector<std::string>> Of(const fixer::Sid& sid) override {
    if (Status st = ReadOfSid(m_, "lsa.rights_of", sid); !st.ok()) return st;
    if (Status st = CapturedReadOfSidFailure(m_, "the rights of ", sid); !st.ok()) return st;
    return lsa_.RightsOf(sid);
  }
  // LsaOpenPolicy for POLICY_CREATE_ACCOUNT | POLICY_LOOKUP_NAMES: administrators only.
  Status Grant(const fixer::Sid& sid, const std::string& right) override {
    if (Status st = token_.MayAdminister(); !st.ok()) return st;
    return lsa_.Grant(sid, right);
  }
  Status Revoke(const fixer::Sid& sid, const std::string& right) override {
    if (Status st = token_.MayAdminister(); !st.ok()) return st;
    return lsa_.Revoke(sid, right);
  }

 private:
  Machine& m_;
  const CallerToken& token_;  // the run's: one process
  Lsa lsa_;
};

class SecretsPort : public fixer::Secrets {
 public:
  SecretsPort(Machine& m, const CallerToken& token) : m_(m), token_(token), lsa_(m) {}
  Result<fixer::Secret> Retrieve(const std::string& key) override {
    if (Status st = m_.Read("lsa.retrieve_secret", key); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the LSA secret ", key); !st.ok()) return st;
    if (Status st = token_.MayAdminister(); !st.ok()) return st;  // LsaOpenPolicy for private data
    return lsa_.RetrieveSecret(key);
  }
  Status Store(const std::string& key, const fixer::Secret& value) override {
    if (Status st = token_.MayAdminister(); !st.ok()) return st;
    return lsa_.StoreSecret(key, value);
  }

 private:
  Machine& m_;
  const CallerToken& token_;  // the run's: one process
  Lsa lsa_;
};

class ProfilesPort : public fixer::Profiles {
 public:
  ProfilesPort(Machine& m, const CallerToken& token) : m_(m), token_(token), profiles_(m), objects_(m) {}
  Result<std::optional<fixer::ProfileInfo>> Find(const fixer::Sid& sid) override {
    if (Status st = ReadOfSid(m_, "profiles.find", sid); !st.ok()) return st;
    if (Status st = CapturedReadOfSidFailure(m_, "the profile of ", sid); !st.ok()) return st;
    const ProfileEntry* e = profiles_.Find(sid);
    if (e == nullptr) return std::optional<fixer::ProfileInfo>();
    // A folder, as the Win32 backend reads FILE_ATTRIBUTE_DIRECTORY: a file there is no profile folder.
    const SecurableObject* folder = objects_.Find({fixer::ObjectNamespace::kFile, e->path});
    const bool exists = folder != nullptr && folder->container;
    return std::optional<fixer::ProfileInfo>(fixer::ProfileInfo{e->sid, e->path, exists});
  }
  Status Delete(const fixer::Sid& sid) override {
    if (Status st = token_.MayAdminister(); !st.ok()) return st;  // DeleteProfile: administrators
    return profiles_.Delete(sid);
  }
  Result<std::string> NewProfileFolder(const std::string& user, fixer::NewProfileOwner owner) override {
    if (Status st = m_.Read("profiles.new_folder", user); !st.ok()) return st;
    // The user's own ProfileList entry, its folder gone, takes no folder: create-profile removes
    // that entry first, and Windows' answer reads only the folders. A new account of the name (a
    // recreate's) has a SID of its own, to which that entry is another SID's.
    const Sam sam(m_);
    const UserAccount* account = owner == fixer::NewProfileOwner::kPresentAccount ? sam.FindUser(user) : nullptr;
    const std::optional<fixer::Sid> own = account ? std::optional(sam.SidOf(*account)) : std::nullopt;
    return profiles_.NewFolder(user, own ? &*own : nullptr);
  }
  Result<fixer::PathHolder> WhatIsAt(const std::string& path) override {
    if (Status st = m_.Read("profiles.what_is_at", path); !st.ok()) return st;
    const SecurableObject* found = objects_.Find({fixer::ObjectNamespace::kFile, path});
    if (found == nullptr) return fixer::PathHolder::kNothing;
    return found->container ? fixer::PathHolder::kFolder : fixer::PathHolder::kFile;
  }
  Result<std::optional<fixer::ProfileListEntry>> ReadEntry(const fixer::Sid& sid) override {
    if (Status st = ReadOfSid(m_, "profiles.read_entry", sid); !st.ok()) return st;
    const ProfileEntry* e = profiles_.Find(sid);
    if (e == nullptr) return std::optional<fixer::ProfileListEntry>();
    return std::optional(ValuesOf(*e));
  }
  Status RemoveEntry(const fixer::Sid& sid) override {
    if (Status st = token_.MayAdminister(); !st.ok()) return st;  // ProfileList: administrators write it
    return profiles_.RemoveEntry(sid);
  }
  Status WriteEntry(const fixer::ProfileListEntry& values) override {
    if (Status st = token_.MayAdminister(); !st.ok()) return st;
    auto entry = EntryOf(values);
    if (!entry) return entry.status();
    return profiles_.PutEntry(*entry);
  }

 private:
  Machine& m_;
  const CallerToken& token_;  // the run's: one process
  ProfileStore profiles_;
  ObjectStore objects_;
};

class LogonPort : public fixer::Logon {
 public:
  explicit LogonPort(Machine& m) : m_(m), logon_(m) {}
  Status RunWithProfile(const std::string& user, const fixer::Secret& password,
                        const std::string& command_line) override {
    return logon_.RunWithProfile(user, password, command_line).status();
  }
  // As the SAM answers a batch logon; the fake counts no bad password for it, as a capture's
  // machine is never written back (docs/support.md).
  Status CheckPassword(const std::string& user, const fixer::Secret& password) override {
    if (Status st = m_.Read("logon.check_password", user); !st.ok()) return st;
    return logon_.CheckLogon(user, password, LogonType::kBatch).status();
  }

 private:
  Machine& m_;
  LogonService logon_;
};

// SetNamedSecurityInfo's WRITE_DAC: an administrator's here (choice-write-dac-administrators).
Status MayWriteDac(const CallerToken& token) {
  Status st = token.MayAdminister();
  if (!st.ok()) RelyOn("choice-write-dac-administrators");
  return st;
}

class SecurityPort : public fixer::Security {
 public:
  SecurityPort(Machine& m, const CallerToken& token) : m_(m), token_(token), objects_(m), sql_(m) {}
  Result<std::vector<fixer::AceGrant>> FindAces(const fixer::Sid& sid) override {
    if (Status st = ReadOfSid(m_, "acl.find_aces", sid); !st.ok()) return st;
    if (Status st = CapturedReadOfSidFailure(m_, "the ACEs naming ", sid); !st.ok()) return st;
    return objects_.FindAces(sid);
  }
  Status AddAce(const fixer::ObjectRef& object, const fixer::Ace& ace) override {
    if (Status st = MayWriteDac(token_); !st.ok()) return st;
    return objects_.AddAce(object, ace);
  }
  Result<std::vector<fixer::ObjectAces>> FindAcesByObject(const fixer::Sid& sid) override {
    if (Status st = ReadOfSid(m_, "acl.find_aces", sid); !st.ok()) return st;
    if (Status st = CapturedReadOfSidFailure(m_, "the ACEs naming ", sid); !st.ok()) return st;
    return objects_.FindAcesByObject(sid);
  }
  Result<std::vector<std::vector<fixer::Ace>>> FindAcesOn(const fixer::Sid& sid,
                                                          std::span<const fixer::ObjectAces> on) override {
    if (Status st = ReadOfSid(m_, "acl.find_aces", sid); !st.ok()) return st;
    if (Status st = CapturedReadOfSidFailure(m_, "the ACEs naming ", sid); !st.ok()) return st;
    return objects_.FindAcesOn(sid, on);
  }
  Status AddAces(const fixer::ObjectRef& object, std::span<const fixer::Ace> aces) override {
    if (Status st = MayWriteDac(token_); !st.ok()) return st;
    return objects_.AddAces(object, aces);
  }
  Status RemoveAces(const fixer::ObjectRef& object, std::span<const fixer::Ace> aces) override {
    if (Status st = MayWriteDac(token_); !st.ok()) return st;
    return objects_.RemoveAces(object, aces);
  }
  void AddAcesEach(std::span<const fixer::ObjectAces> objects, fixer::AceWrites& writes) override {
    if (Status st = MayWriteDac(token_); !st.ok()) {
      for (size_t i = 0; i < objects.size(); ++i) writes.Written(i, st);
      return;
    }
    objects_.AddAcesEach(objects, writes);
  }
  Result<fixer::ObjectSecurity> ReadSecurity(const fixer::ObjectRef& object) override {
    if (Status st = m_.Read("acl.read_security", object.path); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the DACL of ", object.path); !st.ok()) return st;
    return objects_.ReadSecurity(object);
  }
  Result<std::vector<fixer::SqlLogin>> LoginsFor(const fixer::Sid& sid) override {
    if (Status st = ReadOfSid(m_, "sql.logins_for", sid); !st.ok()) return st;
    if (Status st = CapturedReadOfSidFailure(m_, "the SQL Server logins of ", sid); !st.ok()) return st;
    return sql_.LoginsFor(sid);
  }
  Result<std::vector<fixer::SqlDbUser>> DbUsersFor(const fixer::Sid& sid) override {
    if (Status st = ReadOfSid(m_, "sql.db_users_for", sid); !st.ok()) return st;
    if (Status st = CapturedReadOfSidFailure(m_, "the database users of ", sid); !st.ok()) return st;
    return sql_.DbUsersFor(sid);
  }
  Result<std::vector<fixer::SqlLogin>> LoginsNamed(const std::string& name) override {
    if (Status st = m_.Read("sql.logins_named", name); !st.ok()) return st;
    return sql_.LoginsNamed(name);
  }
  Result<std::vector<std::string>> Databases() override {
    if (Status st = m_.Read("sql.databases", ""); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the SQL Server databases"); !st.ok()) return st;
    const SqlServerState& sql = m_.state().sql;
    if (!sql.installed) return Status::Win(fixer::kErrorServiceDoesNotExist);
    return std::vector<std::string>(sql.databases.begin(), sql.databases.end());
  }
  Status CreateLogin(const fixer::SqlLogin& login) override { return sql_.CreateLogin(login); }
  Status DropLogin(const std::string& name) override { return sql_.DropLogin(name); }
  Status CreateDbUser(const fixer::SqlDbUser& user) override { return sql_.CreateDbUser(user); }
  Status DropDbUser(const std::string& database, const std::string& name) override {
    return sql_.DropDbUser(database, name);
  }

 private:
  Machine& m_;
  const CallerToken& token_;  // the run's: one process
  ObjectStore objects_;
  SqlServer sql_;
};

class AspNetPort : public fixer::AspNet {
 public:
  AspNetPort(Machine& m, const CallerToken& token) : m_(m), token_(token) {}
  Result<std::vector<fixer::FrameworkInfo>> Frameworks() override {
    if (Status st = m_.Read("aspnet.frameworks", ""); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the ASP.NET frameworks"); !st.ok()) return st;
    std::vector<fixer::FrameworkInfo> frameworks = m_.state().products.frameworks;
    for (fixer::FrameworkInfo& fw : frameworks) fw.folder = AspNetSetup(m_).FrameworkDir(fw.version);
    return frameworks;
  }
  Result<std::vector<fixer::ApplicationInfo>> Applications() override {
    if (Status st = m_.Read("aspnet.applications", ""); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the IIS applications"); !st.ok()) return st;
    return m_.state().products.applications.items();
  }
  Result<std::string> ResolveRegistryCredential(const std::string& reference) override {
    if (Status st = m_.Read("registry.read_credential", reference); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the account ", reference, " names"); !st.ok()) return st;
    auto value = ReadRegistryCredential(m_, reference);
    if (!value) return value.status();
    return std::string(value->Reveal());  // an account name, not a password
  }
  // aspnet_regiis -i and -s: administrators only (cmd_aspnet_regiis.cpp answers the same).
  Status Register(const std::string& version) override {
    if (Status st = token_.MayAdminister(); !st.ok()) return st;
    return AspNetSetup(m_).Register(version);
  }
  Status SetScriptMap(const std::string& path, const std::string& version) override {
    if (Status st = token_.MayAdminister(); !st.ok()) return st;
    return AspNetSetup(m_).SetScriptMap(path, version);
  }

 private:
  Machine& m_;
  const CallerToken& token_;  // the run's: one process
};

// A read a capture could not make on the machine it came from (capture.unreadable: "the operating
// system") fails in its reproduction with the error it gave there: the machine file's defaults
// (Windows XP Professional SP1, XPPRO, Administrator) fill the shape, and are no reading of it.
// The read is named in parts (`read` + `subject` + `tail`: "the DACL of " + path), compared
// without joining them: most machines are no capture, and every read of the sweep's runs asks.
Status CapturedReadFailure(const MachineState& s, std::string_view read, std::string_view subject,
                           std::string_view tail) {
  for (const UnreadableRead& u : s.capture.unreadable) {
    const std::string_view listed = u.read;
    if (listed.size() == read.size() + subject.size() + tail.size() && listed.starts_with(read) &&
        listed.substr(read.size()).starts_with(subject) && listed.ends_with(tail)) {
      return u.message.empty() ? Status::Win(u.error) : Status(u.error, u.message);
    }
  }
  return Status::Ok();
}

// A read of one SID's data a capture lists by `read` and the SID string or the name the machine
// gives it ("the rights of S-1-1-0", "the profile of ASPNET"): its reproduction fails that read.
Status CapturedReadOfSidFailure(Machine& m, std::string_view read, const fixer::Sid& sid) {
  const MachineState& s = m.state();
  if (s.capture.unreadable.empty()) return Status::Ok();
  if (Status st = CapturedReadFailure(s, read, sid.ToString()); !st.ok()) return st;
  auto name = Sam(m).LookupSid(sid);
  if (!name.ok()) return Status::Ok();
  const size_t slash = name->find('\\');
  return CapturedReadFailure(s, read, std::string_view(*name).substr(slash == std::string::npos ? 0 : slash + 1));
}

class InventoryPort : public fixer::Inventory {
 public:
  explicit InventoryPort(Machine& m) : m_(m) {}
  Result<fixer::OsInfo> Os() override {
    if (Status st = m_.Read("inventory.os", ""); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the operating system"); !st.ok()) return st;
    fixer::OsInfo os = m_.state().products.os;
    os.windows_folder = SystemRoot(m_.state());  // the model's, by edition
    return os;
  }
  Result<fixer::WebServerInfo> WebServer() override {
    if (Status st = m_.Read("inventory.web_server", ""); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the web server"); !st.ok()) return st;
    return m_.state().products.web;
  }
  Result<std::vector<std::string>> Hotfixes() override {
    if (Status st = m_.Read("inventory.hotfixes", ""); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the installed hotfixes"); !st.ok()) return st;
    std::vector<std::string> ids;
    for (const InstalledHotfix& h : m_.state().products.hotfixes) ids.push_back(h.id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
  }
  // An administrator is SYSTEM or a direct member of Administrators (local groups do not
  // nest in local groups, so membership is direct), as CheckTokenMembership would find.
  Result<fixer::CallerInfo> Caller() override {
    if (Status st = m_.Read("inventory.caller", ""); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the calling user"); !st.ok()) return st;
    // A caller the capture read but the file holds no account to be: the machine's answer.
    if (const auto& captured = m_.state().capture.caller) return fixer::CallerInfo{captured->name, captured->is_admin};
    const std::string& name = m_.state().session.caller;
    const Sam sam(m_);
    fixer::CallerInfo info{name, false};
    auto sid = sam.LookupName(name);
    if (!sid) return info;
    if (*sid == fixer::Sid::LocalSystem()) {
      info.is_admin = true;
    } else {
      const auto groups = sam.GroupsOf(*sid);
      info.is_admin = std::find(groups.begin(), groups.end(), fixer::Sid::Administrators()) != groups.end();
    }
    return info;
  }
  Result<std::string> ConsoleUser() override {
    if (Status st = m_.Read("inventory.console_user", ""); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the console user"); !st.ok()) return st;
    return m_.state().session.interactive_user.value_or("");
  }
  Result<std::string> AppPoolOf(const std::string& application) override {
    if (Status st = m_.Read("inventory.app_pool", application); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), fakes::AppPoolRead(application)); !st.ok()) return st;
    if (m_.state().products.web.kind != fixer::WebServerKind::kIis60) return std::string();
    return fakes::AppPoolOf(m_.state(), application);
  }
  Result<std::string> AppPoolIdentity(const std::string& pool) override {
    if (Status st = m_.Read("inventory.app_pool_identity", pool); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), fakes::AppPoolIdentityRead(pool)); !st.ok()) return st;
    if (m_.state().products.web.kind != fixer::WebServerKind::kIis60) return std::string();
    // The metabase has no node /LM/W3SVC/AppPools/<pool>: GetData answers ERROR_PATH_NOT_FOUND.
    const std::string* identity = fakes::AppPoolIdentityOf(m_.state(), pool);
    if (identity == nullptr) return Status::Win(fixer::kErrorPathNotFound);
    return *identity;
  }
  Result<fixer::Sid> MachineSid() override {
    if (Status st = m_.Read("inventory.machine_sid", ""); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the machine SID"); !st.ok()) return st;
    return m_.state().sam.domain;
  }

 private:
  Machine& m_;
};

class PolicyPort : public fixer::PasswordPolicy {
  static constexpr std::string_view kPolicyRead = "the password policy";  // as capture lists it

 public:
  explicit PolicyPort(Machine& m) : m_(m) {}
  Result<fixer::PasswordPolicyInfo> Get() override {
    if (Status st = m_.Read("policy.get", ""); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), kPolicyRead); !st.ok()) return st;
    fixer::PasswordPolicyInfo info = m_.state().lsa.password_policy;
    info.lockout_threshold = m_.state().lsa.lockout.threshold;
    return info;
  }
  // For an account that exists, what NetUserSetInfo would answer; for one that does not exist
  // (yet), what NetUserAdd would: the same rules, with no previous passwords to compare.
  Status Check(const std::string& account, const fixer::Secret& password) override {
    // A capture that could not read the policy holds a fresh install's: no check rests on it.
    if (Status st = CapturedReadFailure(m_.state(), kPolicyRead); !st.ok()) return st;
    Sam sam(m_);
    if (std::as_const(sam).FindUser(account) == nullptr) {
      return CheckPasswordPolicy(m_.state().lsa.password_policy, account, "", {}, password);
    }
    return sam.CheckPassword(account, password);
  }
  Result<bool> LimitsBlankPasswordUse() override {
    if (Status st = m_.Read("policy.limit_blank_password_use", ""); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the blank-password policy"); !st.ok()) return st;
    return m_.state().lsa.limit_blank_password_use;
  }

 private:
  Machine& m_;
};

// The journal file on this machine's disk: MachineState::journal. Appending and clearing are
// mutations, so a sweep can fail or cut the power at the journal write itself.
class JournalPort : public fixer::Journal {
  // A repair writes its plan, a begin and a done record per step and its end: 20 for recreate.
  static constexpr size_t kRecordsOfARun = 32;

 public:
  explicit JournalPort(Machine& m) : m_(m) {}
  Result<std::vector<fixer::JournalRecord>> Load() override {
    if (Status st = m_.Read("journal.load", ""); !st.ok()) return st;
    if (!m_.journal_unreadable().ok()) return m_.journal_unreadable();
    if (Status st = CapturedReadFailure(m_.state(), "the fixer's journal"); !st.ok()) return st;
    return m_.state().journal;
  }
  Status Append(fixer::JournalRecord record) override {
    const std::string_view phase = fixer::ToString(record.phase);
    // "stop-services begin", made on the stack where it fits (every step of this fixer's does):
    // the fault plan keeps its own copy of the call's target.
    std::array<char, 64> buffer;
    std::string long_target;
    std::string_view target;
    if (const size_t size = record.step.size() + 1 + phase.size(); size <= buffer.size()) {
      char* out = std::copy(record.step.begin(), record.step.end(), buffer.data());
      *out++ = ' ';
      std::copy(phase.begin(), phase.end(), out);
      target = std::string_view(buffer.data(), size);
    } else {
      target = long_target.append(record.step).append(1, ' ').append(phase);
    }
    if (Status st = m_.Mutate("journal.append", target); !st.ok()) return st;
    auto& journal = m_.state().journal;
    if (journal.capacity() == 0) journal.reserve(kRecordsOfARun);  // no record moved as the run goes
    journal.push_back(std::move(record));
    if (Status st = m_.AfterJournalAppend(); !st.ok()) {
      journal.pop_back();  // not written: the journal is as before the call
      return st;
    }
    return {};
  }
  Status Clear() override {
    if (Status st = m_.Mutate("journal.clear", ""); !st.ok()) return st;
    m_.state().journal.clear();
    return {};
  }

 private:
  Machine& m_;
};

class EventLogPort : public fixer::EventLog {
 public:
  explicit EventLogPort(Machine& m) : m_(m) {}
  Result<std::vector<fixer::EventRecord>> Read(const std::string& log) override {
    if (Status st = m_.Read("eventlog.read", log); !st.ok()) return st;
    if (Status st = CapturedReadFailure(m_.state(), "the ", log, " event log"); !st.ok()) return st;
    return EventLogs(m_).Read(log);
  }
  // The write and its source's registration are one call: the registry writes are no mutating
  // call of their own, so a fault on eventlog.write leaves neither.
  Status Write(const fixer::EventRecord& record) override {
    if (Status st = EventLogs(m_).Write(record); !st.ok()) return st;
    EventLogs(m_).RegisterSource(record.log, record.source);
    return {};
  }

 private:
  Machine& m_;
};

class RandomPort : public fixer::Random {
 public:
  explicit RandomPort(Machine& m) : m_(m) {}
  uint64_t Next() override { return m_.NextRandom(); }

 private:
  Machine& m_;
};

// Without a web stack model nothing can be requested: 50 (ERROR_NOT_SUPPORTED).
class NoWebProbe : public fixer::WebProbe {
 public:
  Result<fixer::HttpResponse> Get(const std::string&) override { return Status::Win(fixer::kErrorNotSupported); }
};

}  // namespace

struct MachinePorts::Impl {
  Impl(Machine& m, fixer::WebProbe* web)
      : token(m),
        scm(m, token),
        accounts(m, token),
        rights(m, token),
        secrets(m, token),
        profiles(m, token),
        logon(m),
        security(m, token),
        aspnet(m, token),
        inventory(m),
        policy(m),
        journal(m),
        events(m),
        random(m),
        ports{scm,    accounts,  rights, secrets, profiles, logon,  security,
              aspnet, inventory, policy, journal, events,   random, web ? *web : no_web} {}
  CallerToken token;  // the caller's groups, read once for the run (a process)
  ScmPort scm;
  AccountsPort accounts;
  RightsPort rights;
  SecretsPort secrets;
  ProfilesPort profiles;
  LogonPort logon;
  SecurityPort security;
  AspNetPort aspnet;
  InventoryPort inventory;
  PolicyPort policy;
  JournalPort journal;
  EventLogPort events;
  RandomPort random;
  NoWebProbe no_web;
  fixer::Ports ports;
};

MachinePorts::MachinePorts(Machine& machine, fixer::WebProbe* web) : impl_(std::make_unique<Impl>(machine, web)) {}
MachinePorts::~MachinePorts() = default;
fixer::Ports& MachinePorts::ports() { return impl_->ports; }

}  // namespace fakes
