// The out-of-line half of mock_ports.h: the mocks' constructors and destructors (so gmock's
// code for every mocked method is compiled once, here, instead of in every test file), the
// default actions and the affected world. gMock cookbook, "Making the Compilation Faster".
#include "mock_ports.h"

#include "fixer/name_case.h"

namespace fixer_test {

MockServiceControl::MockServiceControl() = default;
MockServiceControl::~MockServiceControl() = default;
MockAccounts::MockAccounts() {
  // Unless a test says otherwise: no local group holds the worker (its direct ones are Account::groups).
  ON_CALL(*this, GroupsContaining).WillByDefault(testing::Return(std::vector<fixer::LocalGroupRef>{}));
}
MockAccounts::~MockAccounts() = default;
MockRights::MockRights() = default;
MockRights::~MockRights() = default;
MockSecrets::MockSecrets() = default;
MockSecrets::~MockSecrets() = default;
MockProfiles::MockProfiles() = default;
MockProfiles::~MockProfiles() = default;
MockLogon::MockLogon() = default;
MockLogon::~MockLogon() = default;
MockSecurity::MockSecurity() {
  ON_CALL(*this, ReadSecurity).WillByDefault(testing::Return(fixer::ObjectSecurity{.has_dacl = false}));
}
MockSecurity::~MockSecurity() = default;
MockAspNet::MockAspNet() = default;
MockAspNet::~MockAspNet() = default;
MockInventory::MockInventory() = default;
MockInventory::~MockInventory() = default;
MockPasswordPolicy::MockPasswordPolicy() = default;
MockPasswordPolicy::~MockPasswordPolicy() = default;
MockEventLog::MockEventLog() = default;
MockEventLog::~MockEventLog() = default;
MockRandom::MockRandom() = default;
MockRandom::~MockRandom() = default;
MockWebProbe::MockWebProbe() = default;
MockWebProbe::~MockWebProbe() = default;

MockWorld AffectedWorld() {
  using fixer::ServiceState;
  MockWorld w;
  const Sid aspnet = OldAspnetSid();
  fixer::Account a;
  a.name = "ASPNET";
  a.sid = aspnet;
  a.full_name = "aspnet_wp account";
  a.comment = "Account used for running the ASP.NET worker process (aspnet_wp.exe)";
  a.flags.password_never_expires = true;
  a.flags.cannot_change_password = true;
  a.groups = {"Users", "WebReaders"};
  w.accounts.push_back({a, kOldWorkerPassword});
  fixer::Account admin;
  admin.name = "Administrator";
  admin.sid = MachineSid().WithRid(500);
  admin.groups = {"Administrators"};
  w.accounts.push_back({admin, "Adm1n!pass"});

  w.rights[aspnet] = {"SeBatchLogonRight", "SeDenyInteractiveLogonRight", "SeDenyRemoteInteractiveLogonRight",
                      "SeNetworkLogonRight", "SeServiceLogonRight"};
  w.rights[Sid::Users()] = {"SeInteractiveLogonRight", "SeNetworkLogonRight"};
  w.secrets[std::string(fixer::kAspNetWorkerSecret)] = kOldWorkerPassword;
  w.aces = {
      {{fixer::ObjectNamespace::kFile, "C:\\Inetpub\\wwwroot\\app"},
       {fixer::AceType::kAllow, aspnet, fixer::kFileModify, fixer::kObjectInheritAce | fixer::kContainerInheritAce}},
      {{fixer::ObjectNamespace::kFile, "C:\\WINDOWS\\Temp"},
       {fixer::AceType::kAllow, aspnet, fixer::kFileAllAccess, fixer::kObjectInheritAce | fixer::kContainerInheritAce}},
      {{fixer::ObjectNamespace::kRegistry, "HKLM\\SOFTWARE\\Contoso\\App"},
       {fixer::AceType::kAllow, aspnet, fixer::kKeyRead, fixer::kContainerInheritAce}},
  };
  w.logins = {{"XPPRO\\ASPNET", aspnet, {}, "Northwind"}};
  w.db_users = {{"Northwind", "ASPNET", aspnet, {"db_datareader", "db_datawriter"}}};
  w.services = {
      Svc("aspnet_state", ServiceState::kRunning),           Svc("IISADMIN", ServiceState::kRunning),
      Svc("MSFTPSVC", ServiceState::kStopped, {"IISADMIN"}), Svc("seclogon", ServiceState::kRunning),
      Svc("SMTPSVC", ServiceState::kRunning, {"IISADMIN"}),  Svc("W3SVC", ServiceState::kRunning, {"IISADMIN"}),
  };
  return w;
}

std::string MockWorld::Snapshot() const {
  std::ostringstream o;
  for (const auto& a : accounts) {
    const auto& f = a.account.flags;
    o << "account " << a.account.name << " " << a.account.sid << " pw=" << a.password << " flags=" << f.disabled
      << f.locked_out << f.password_never_expires << f.cannot_change_password
      << " groups=" << fmt::format("{}", fmt::join(a.account.groups, ",")) << "\n";
  }
  for (const auto& [sid, set] : rights) o << "rights " << sid << " " << fmt::format("{}", fmt::join(set, ",")) << "\n";
  for (const auto& [sid, path] : profiles) o << "profile " << sid << " " << path << "\n";
  for (const auto& [k, v] : secrets) o << "secret " << k << "=" << v << "\n";
  for (const auto& g : aces) {
    o << "ace " << ToString(g.object.ns) << " " << g.object.path << " "
      << (g.ace.type == fixer::AceType::kAllow ? "allow " : "deny ") << g.ace.sid << " " << g.ace.mask << " "
      << g.ace.flags << "\n";
  }
  for (const auto& l : logins) o << "login " << l.name << " " << l.sid << "\n";
  for (const auto& u : db_users) o << "dbuser " << u.database << "." << u.name << " " << u.login_sid << "\n";
  for (const auto& s : services) o << "service " << s.name << " " << ToString(s.state) << "\n";
  return o.str();
}

MockPortsTest::MockPortsTest() {
  journal.trace = &w.calls;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_st>(log_text);
  sink->set_pattern("[%l] %v");
  logger = std::make_shared<spdlog::logger>("fixer-test", sink);
  logger->set_level(spdlog::level::trace);
  InstallDefaults();
}

MockPortsTest::~MockPortsTest() = default;

void MockPortsTest::ExpectNoMutation() {
  using ::testing::_;
  EXPECT_CALL(scm, Stop(_)).Times(0);
  EXPECT_CALL(scm, Start(_)).Times(0);
  EXPECT_CALL(accounts, Create(_, _)).Times(0);
  EXPECT_CALL(accounts, Delete(_)).Times(0);
  EXPECT_CALL(accounts, SetPassword(_, _)).Times(0);
  EXPECT_CALL(accounts, SetFlags(_, _)).Times(0);
  EXPECT_CALL(accounts, RequirePasswordChange(_)).Times(0);
  EXPECT_CALL(accounts, AddToGroup(_, _)).Times(0);
  EXPECT_CALL(accounts, RemoveFromGroup(_, _)).Times(0);
  EXPECT_CALL(rights, Grant(_, _)).Times(0);
  EXPECT_CALL(rights, Revoke(_, _)).Times(0);
  EXPECT_CALL(secrets, Store(_, _)).Times(0);
  EXPECT_CALL(profiles, Delete(_)).Times(0);
  EXPECT_CALL(logon, RunWithProfile(_, _, _)).Times(0);
  EXPECT_CALL(security, AddAce(_, _)).Times(0);
  EXPECT_CALL(security, CreateLogin(_)).Times(0);
  EXPECT_CALL(security, DropLogin(_)).Times(0);
  EXPECT_CALL(security, CreateDbUser(_)).Times(0);
  EXPECT_CALL(security, DropDbUser(_, _)).Times(0);
  EXPECT_CALL(aspnet, Register(_)).Times(0);
}

void MockPortsTest::AllowAnyCall() {
  using ::testing::_;
  using ::testing::AnyNumber;
  EXPECT_CALL(scm, Stop(_)).Times(AnyNumber());
  EXPECT_CALL(scm, Start(_)).Times(AnyNumber());
  EXPECT_CALL(accounts, Lookup(_)).Times(AnyNumber());
  EXPECT_CALL(accounts, Create(_, _)).Times(AnyNumber());
  EXPECT_CALL(accounts, Delete(_)).Times(AnyNumber());
  EXPECT_CALL(accounts, SetPassword(_, _)).Times(AnyNumber());
  EXPECT_CALL(accounts, SetFlags(_, _)).Times(AnyNumber());
  EXPECT_CALL(accounts, RequirePasswordChange(_)).Times(AnyNumber());
  EXPECT_CALL(accounts, AddToGroup(_, _)).Times(AnyNumber());
  EXPECT_CALL(accounts, RemoveFromGroup(_, _)).Times(AnyNumber());
  EXPECT_CALL(rights, Grant(_, _)).Times(AnyNumber());
  EXPECT_CALL(rights, Revoke(_, _)).Times(AnyNumber());
  EXPECT_CALL(profiles, Delete(_)).Times(AnyNumber());
  EXPECT_CALL(logon, RunWithProfile(_, _, _)).Times(AnyNumber());
  EXPECT_CALL(security, FindAces(_)).Times(AnyNumber());
  EXPECT_CALL(security, FindAcesOn(_, _)).Times(AnyNumber());
  EXPECT_CALL(security, AddAce(_, _)).Times(AnyNumber());
  EXPECT_CALL(security, CreateLogin(_)).Times(AnyNumber());
  EXPECT_CALL(security, DropLogin(_)).Times(AnyNumber());
  EXPECT_CALL(security, CreateDbUser(_)).Times(AnyNumber());
  EXPECT_CALL(security, DropDbUser(_, _)).Times(AnyNumber());
  EXPECT_CALL(aspnet, Register(_)).Times(AnyNumber());
}

std::string MockPortsTest::AllText(const fixer::RunResult& r) const {
  std::string all = log_text.str();
  for (const auto& m : r.messages) all += m + "\n";
  for (const auto& e : r.errors) all += e.step + " " + e.message + "\n";
  for (const auto& g : r.regranted) all += g.what + " " + g.error + "\n";
  if (r.refusal) all += r.refusal->why + "\n" + r.refusal->instead + "\n";
  for (const auto& rec : journal.history) {
    all += rec.step + "\n";
    for (const auto& [k, v] : rec.data) all += k + "=" + v + "\n";
  }
  return all;
}

void MockPortsTest::InstallDefaults() {
  using fixer::ServiceState;
  using ::testing::_;

  // ServiceControl
  ON_CALL(scm, Query(_)).WillByDefault([this](const std::string& n) -> Result<fixer::ServiceInfo> {
    if (auto* s = w.Service(n)) return *s;
    return Status::Win(fixer::kErrorServiceDoesNotExist);
  });
  ON_CALL(scm, List()).WillByDefault([this]() -> Result<std::vector<fixer::ServiceInfo>> { return w.services; });
  ON_CALL(scm, ActiveDependents(_)).WillByDefault([this](const std::string& n) -> Result<std::vector<std::string>> {
    if (!w.Service(n)) return Status::Win(fixer::kErrorServiceDoesNotExist);
    std::vector<std::string> out;
    for (const auto& s : w.services) {
      bool depends =
          std::any_of(s.dependencies.begin(), s.dependencies.end(), [&](const std::string& d) { return IEq(d, n); });
      if (depends && s.state == ServiceState::kRunning) out.push_back(s.name);
    }
    return out;
  });
  ON_CALL(scm, Stop(_)).WillByDefault([this](const std::string& n) -> Status {
    Trace("scm.stop " + n);
    auto* s = w.Service(n);
    if (!s) return Status::Win(fixer::kErrorServiceDoesNotExist);
    if (s->state != ServiceState::kRunning) return Status::Win(fixer::kErrorServiceNotActive);
    for (const auto& d : w.services) {
      if (d.state == ServiceState::kRunning &&
          std::any_of(d.dependencies.begin(), d.dependencies.end(), [&](const std::string& x) { return IEq(x, n); })) {
        return Status::Win(fixer::kErrorDependentServicesRunning);
      }
    }
    s->state = ServiceState::kStopped;
    return {};
  });
  ON_CALL(scm, Start(_)).WillByDefault([this](const std::string& n) -> Status {
    Trace("scm.start " + n);
    auto* s = w.Service(n);
    if (!s) return Status::Win(fixer::kErrorServiceDoesNotExist);
    if (s->state == ServiceState::kRunning) return Status::Win(fixer::kErrorServiceAlreadyRunning);
    for (const auto& d : s->dependencies) {
      if (auto* dep = w.Service(d)) dep->state = ServiceState::kRunning;  // SCM starts them
    }
    s->state = ServiceState::kRunning;
    return {};
  });

  ON_CALL(scm, Pause(_)).WillByDefault([this](const std::string& n) -> Status {
    Trace("scm.pause " + n);
    auto* s = w.Service(n);
    if (!s) return Status::Win(fixer::kErrorServiceDoesNotExist);
    if (s->state == ServiceState::kStopped) return Status::Win(fixer::kErrorServiceNotActive);
    s->state = ServiceState::kPaused;
    return {};
  });

  // The world keeps no service passwords: the call only checks the service is there.
  ON_CALL(scm, SetLogonPassword(_, _)).WillByDefault([this](const std::string& n, const fixer::Secret&) -> Status {
    Trace("scm.set_password " + n);
    if (!w.Service(n)) return Status::Win(fixer::kErrorServiceDoesNotExist);
    return {};
  });

  // Accounts
  ON_CALL(accounts, Lookup(_)).WillByDefault([this](const std::string& n) -> Result<fixer::Account> {
    if (auto* a = w.Find(n)) return a->account;
    return Status::Win(fixer::kNerrUserNotFound);
  });
  ON_CALL(accounts, Create(_, _)).WillByDefault([this](const fixer::NewAccount& spec, const Secret& pw) -> Result<Sid> {
    Trace("accounts.create " + spec.name);
    if (w.Find(spec.name)) return Status::Win(fixer::kNerrUserExists);
    if (Status st = w.CheckPolicy(spec.name, pw); !st.ok()) return st;
    fixer::Account a;
    a.name = spec.name;
    a.sid = MachineSid().WithRid(w.next_rid++);
    a.full_name = spec.full_name;
    a.comment = spec.comment;
    a.flags = spec.flags;
    a.groups = {"Users"};
    w.accounts.push_back({a, std::string(pw.Reveal())});
    return a.sid;
  });
  ON_CALL(accounts, Delete(_)).WillByDefault([this](const std::string& n) -> Status {
    Trace("accounts.delete " + n);
    auto it = std::find_if(w.accounts.begin(), w.accounts.end(),
                           [&](const WorldAccount& a) { return IEq(a.account.name, n); });
    if (it == w.accounts.end()) return Status::Win(fixer::kNerrUserNotFound);
    w.accounts.erase(it);  // rights, ACEs, logins and the profile keep naming the old SID
    return {};
  });
  ON_CALL(accounts, SetPassword(_, _)).WillByDefault([this](const std::string& n, const Secret& pw) -> Status {
    Trace("accounts.set_password " + n);
    auto* a = w.Find(n);
    if (!a) return Status::Win(fixer::kNerrUserNotFound);
    if (Status st = w.CheckPolicy(n, pw); !st.ok()) return st;
    a->password = std::string(pw.Reveal());
    return {};
  });
  ON_CALL(accounts, SetFlags(_, _)).WillByDefault([this](const std::string& n, const fixer::AccountFlags& f) -> Status {
    Trace("accounts.set_flags " + n);
    auto* a = w.Find(n);
    if (!a) return Status::Win(fixer::kNerrUserNotFound);
    const bool locked = a->account.flags.locked_out;
    a->account.flags = f;
    a->account.flags.locked_out = locked && f.locked_out;  // only unlock
    return {};
  });
  ON_CALL(accounts, RequirePasswordChange(_)).WillByDefault([this](const std::string& n) -> Status {
    Trace("accounts.require_password_change " + n);
    auto* a = w.Find(n);
    if (!a) return Status::Win(fixer::kNerrUserNotFound);
    a->account.password_must_change = true;
    a->account.password_expired = !a->account.flags.password_never_expires;
    return {};
  });
  ON_CALL(accounts, AddToGroup(_, _)).WillByDefault([this](const std::string& g, const Sid& member) -> Status {
    Trace("accounts.add_to_group " + g);
    auto* a = w.FindSid(member);
    if (!a) return Status::Win(fixer::kErrorNoneMapped);
    auto& gs = a->account.groups;
    if (std::find(gs.begin(), gs.end(), g) != gs.end()) return Status::Win(fixer::kErrorMemberInAlias);
    gs.push_back(g);
    return {};
  });
  ON_CALL(accounts, RemoveFromGroup(_, _)).WillByDefault([this](const std::string& g, const Sid& member) -> Status {
    Trace("accounts.remove_from_group " + g);
    auto* a = w.FindSid(member);
    if (!a) return Status::Win(fixer::kErrorNoSuchMember);
    auto& gs = a->account.groups;
    auto it = std::find(gs.begin(), gs.end(), g);
    if (it == gs.end()) return Status::Win(fixer::kErrorMemberNotInAlias);
    gs.erase(it);
    return {};
  });
  ON_CALL(accounts, NameOf(_)).WillByDefault([this](const Sid& sid) -> Result<std::string> {
    if (auto* a = w.FindSid(sid)) return w.os.computer_name + "\\" + a->account.name;
    return Status::Win(fixer::kErrorNoneMapped);  // a deleted account's SID
  });

  // Rights
  ON_CALL(rights, Of(_)).WillByDefault([this](const Sid& sid) -> Result<std::vector<std::string>> {
    auto it = w.rights.find(sid);
    if (it == w.rights.end()) return std::vector<std::string>{};
    return std::vector<std::string>(it->second.begin(), it->second.end());
  });
  ON_CALL(rights, Grant(_, _)).WillByDefault([this](const Sid& sid, const std::string& r) -> Status {
    Trace("rights.grant " + r);
    w.rights[sid].insert(r);
    return {};
  });
  ON_CALL(rights, Revoke(_, _)).WillByDefault([this](const Sid& sid, const std::string& r) -> Status {
    Trace("rights.revoke " + r);
    auto it = w.rights.find(sid);
    if (it != w.rights.end()) {
      it->second.erase(r);
      if (it->second.empty()) w.rights.erase(it);
    }
    return {};
  });

  // Secrets
  ON_CALL(secrets, Retrieve(_)).WillByDefault([this](const std::string& k) -> Result<Secret> {
    auto it = w.secrets.find(k);
    if (it == w.secrets.end()) return Status::Win(fixer::kErrorFileNotFound);
    return Secret::FromString(it->second);
  });
  ON_CALL(secrets, Store(_, _)).WillByDefault([this](const std::string& k, const Secret& v) -> Status {
    Trace("secrets.store " + k);
    w.secrets[k] = std::string(v.Reveal());
    return {};
  });

  // Profiles
  ON_CALL(profiles, Find(_)).WillByDefault([this](const Sid& sid) -> Result<std::optional<fixer::ProfileInfo>> {
    auto it = w.profiles.find(sid);
    if (it == w.profiles.end()) return std::optional<fixer::ProfileInfo>();
    return std::optional<fixer::ProfileInfo>(fixer::ProfileInfo{sid, it->second, true});
  });
  ON_CALL(profiles, Delete(_)).WillByDefault([this](const Sid& sid) -> Status {
    Trace("profiles.delete " + sid.ToString());
    return w.profiles.erase(sid) ? Status() : Status::Win(fixer::kErrorFileNotFound);
  });

  ON_CALL(profiles, NewProfileFolder(_, _))
      .WillByDefault([](const std::string& user, fixer::NewProfileOwner) -> Result<std::string> {
        return "C:\\Documents and Settings\\" + user;
      });
  // The mock's folders are its profiles' own.
  ON_CALL(profiles, WhatIsAt(_)).WillByDefault([this](const std::string& path) -> Result<fixer::PathHolder> {
    for (const auto& [sid, folder] : w.profiles)
      if (fixer::SameWindowsName(folder, path)) return fixer::PathHolder::kFolder;
    return fixer::PathHolder::kNothing;
  });
  // The mock keeps an entry as its path alone: its one value, ProfileImagePath, holds the path's bytes.
  ON_CALL(profiles, ReadEntry(_))
      .WillByDefault([this](const Sid& sid) -> Result<std::optional<fixer::ProfileListEntry>> {
        auto it = w.profiles.find(sid);
        if (it == w.profiles.end()) return std::optional<fixer::ProfileListEntry>();
        return std::optional(fixer::ProfileListEntry{sid, {{"ProfileImagePath", fixer::kRegExpandSz, it->second}}});
      });
  ON_CALL(profiles, RemoveEntry(_)).WillByDefault([this](const Sid& sid) -> Status {
    Trace("profiles.remove_entry " + sid.ToString());
    return w.profiles.erase(sid) ? Status() : Status::Win(fixer::kErrorFileNotFound);
  });
  ON_CALL(profiles, WriteEntry(_)).WillByDefault([this](const fixer::ProfileListEntry& entry) -> Status {
    Trace("profiles.write_entry " + entry.sid.ToString());
    w.profiles[entry.sid] = entry.values.empty() ? std::string() : entry.values.front().data;
    return {};
  });

  // Logon: a batch logon's password check, as the SAM compares it
  ON_CALL(logon, CheckPassword(_, _)).WillByDefault([this](const std::string& user, const Secret& pw) -> Status {
    auto* a = w.Find(user);
    if (!a || a->password != pw.Reveal()) return Status::Win(fixer::kErrorLogonFailure);
    return {};
  });
  // Logon: a profile-loading interactive logon
  ON_CALL(logon, RunWithProfile(_, _, _))
      .WillByDefault([this](const std::string& user, const Secret& pw, const std::string&) -> Status {
        Trace("logon.run_with_profile " + user);
        auto* a = w.Find(user);
        if (!a || a->password != pw.Reveal()) return Status::Win(fixer::kErrorLogonFailure);
        if (a->account.flags.disabled) return Status::Win(fixer::kErrorAccountDisabled);
        if (a->account.flags.locked_out) return Status::Win(fixer::kErrorAccountLockedOut);
        const auto& own = w.rights[a->account.sid];
        const bool via_users =
            std::find(a->account.groups.begin(), a->account.groups.end(), "Users") != a->account.groups.end() &&
            w.rights[Sid::Users()].count("SeInteractiveLogonRight");
        if (own.count("SeDenyInteractiveLogonRight") || !(own.count("SeInteractiveLogonRight") || via_users)) {
          return Status::Win(fixer::kErrorLogonTypeNotGranted);
        }
        if (!w.profiles.count(a->account.sid)) {
          w.profiles[a->account.sid] = "C:\\Documents and Settings\\" + a->account.name;
        }
        return {};
      });

  // Security
  ON_CALL(security, FindAces(_)).WillByDefault([this](const Sid& sid) -> Result<std::vector<fixer::AceGrant>> {
    std::vector<fixer::AceGrant> out;
    for (const auto& g : w.aces)
      if (g.ace.sid == sid) out.push_back(g);
    return out;
  });
  ON_CALL(security, FindAcesOn(_, _))
      .WillByDefault([this](const Sid& sid,
                            std::span<const fixer::ObjectAces> on) -> Result<std::vector<std::vector<fixer::Ace>>> {
        std::vector<std::vector<fixer::Ace>> out(on.size());
        for (size_t i = 0; i < on.size(); ++i) {
          for (const auto& g : w.aces)
            if (g.object == on[i].object && g.ace.sid == sid) out[i].push_back(g.ace);
        }
        return out;
      });
  // An object's DACL: the world's ACEs on it, denies first (canonical order), then an allow of
  // everything to Everyone standing for the rest of a DACL that lets the worker in; a NULL DACL
  // where the world holds none.
  ON_CALL(security, ReadSecurity(_)).WillByDefault([this](const fixer::ObjectRef& o) -> Result<fixer::ObjectSecurity> {
    fixer::ObjectSecurity sd{.owner = Sid::Administrators(), .has_dacl = false};
    for (fixer::AceType type : {fixer::AceType::kDeny, fixer::AceType::kAllow}) {
      for (const auto& g : w.aces)
        if (g.object == o && g.ace.type == type) sd.dacl.push_back(g.ace);
    }
    if (sd.dacl.empty()) return sd;
    sd.has_dacl = true;
    sd.dacl.push_back({fixer::AceType::kAllow, Sid::Everyone(), fixer::kFileAllAccess, 0});
    return sd;
  });
  ON_CALL(security, AddAce(_, _)).WillByDefault([this](const fixer::ObjectRef& o, const fixer::Ace& ace) -> Status {
    Trace("security.add_ace " + o.path);
    w.aces.push_back({o, ace});
    return {};
  });
  ON_CALL(security, LoginsFor(_)).WillByDefault([this](const Sid& sid) -> Result<std::vector<fixer::SqlLogin>> {
    std::vector<fixer::SqlLogin> out;
    for (const auto& l : w.logins)
      if (l.sid == sid) out.push_back(l);
    return out;
  });
  // The paper's machine has no SQL Server.
  ON_CALL(security, Databases()).WillByDefault([]() -> Result<std::vector<std::string>> {
    return Status::Win(fixer::kErrorServiceDoesNotExist);
  });
  ON_CALL(security, LoginsNamed(_))
      .WillByDefault([this](const std::string& name) -> Result<std::vector<fixer::SqlLogin>> {
        std::vector<fixer::SqlLogin> out;
        for (const auto& l : w.logins)
          if (fixer::FoldWindowsName(l.name) == fixer::FoldWindowsName(name)) out.push_back(l);
        return out;
      });
  ON_CALL(security, DbUsersFor(_)).WillByDefault([this](const Sid& sid) -> Result<std::vector<fixer::SqlDbUser>> {
    std::vector<fixer::SqlDbUser> out;
    for (const auto& u : w.db_users)
      if (u.login_sid == sid) out.push_back(u);
    return out;
  });
  ON_CALL(security, CreateLogin(_)).WillByDefault([this](const fixer::SqlLogin& l) -> Status {
    Trace("sql.create_login " + l.name);
    for (const auto& x : w.logins)
      if (IEq(x.name, l.name)) return Status::Win(fixer::kSqlLoginExists);
    w.logins.push_back(l);
    return {};
  });
  ON_CALL(security, DropLogin(_)).WillByDefault([this](const std::string& n) -> Status {
    Trace("sql.drop_login " + n);
    auto it = std::find_if(w.logins.begin(), w.logins.end(), [&](const fixer::SqlLogin& l) { return IEq(l.name, n); });
    if (it == w.logins.end()) return Status::Win(fixer::kSqlWindowsUserNotFound);
    w.logins.erase(it);
    return {};
  });
  ON_CALL(security, CreateDbUser(_)).WillByDefault([this](const fixer::SqlDbUser& u) -> Status {
    Trace("sql.create_user " + u.database + "." + u.name);
    for (const auto& x : w.db_users)
      if (x.database == u.database && IEq(x.name, u.name)) return Status::Win(fixer::kSqlUserExists);
    w.db_users.push_back(u);
    return {};
  });
  ON_CALL(security, DropDbUser(_, _)).WillByDefault([this](const std::string& db, const std::string& n) -> Status {
    Trace("sql.drop_user " + db + "." + n);
    auto it = std::find_if(w.db_users.begin(), w.db_users.end(),
                           [&](const fixer::SqlDbUser& u) { return u.database == db && IEq(u.name, n); });
    if (it == w.db_users.end()) return Status(15008, "not a user of this database");
    w.db_users.erase(it);
    return {};
  });

  // AspNet: aspnet_regiis -i
  ON_CALL(aspnet, Frameworks()).WillByDefault([this] {
    return Result<std::vector<fixer::FrameworkInfo>>(w.frameworks);
  });
  ON_CALL(aspnet, Applications()).WillByDefault([this] {
    return Result<std::vector<fixer::ApplicationInfo>>(w.applications);
  });
  ON_CALL(aspnet, ResolveRegistryCredential(_)).WillByDefault([this](const std::string& ref) -> Result<std::string> {
    auto it = w.registry_credentials.find(ref);
    if (it == w.registry_credentials.end()) return Status::Win(fixer::kErrorFileNotFound);
    return it->second;
  });
  ON_CALL(aspnet, Register(_)).WillByDefault([this](const std::string& version) -> Status {
    Trace("aspnet.register " + version);
    auto fw = std::find_if(w.frameworks.begin(), w.frameworks.end(),
                           [&](const fixer::FrameworkInfo& f) { return f.version == version; });
    if (fw == w.frameworks.end() || !fw->tools_present) return Status::Win(fixer::kErrorFileNotFound);
    const std::string pw = fmt::format("Regiis-Generated-{}-Pw!", ++w.registrations);
    WorldAccount* a = w.Find("ASPNET");
    if (!a) {
      fixer::Account acct;
      acct.name = "ASPNET";
      acct.sid = MachineSid().WithRid(w.next_rid++);
      acct.groups = {"Users"};
      w.accounts.push_back({acct, pw});
      a = &w.accounts.back();
    }
    a->password = pw;
    a->account.flags.password_never_expires = true;
    a->account.flags.cannot_change_password = true;
    w.secrets[std::string(fixer::kAspNetWorkerSecret)] = pw;
    for (const char* r : {"SeBatchLogonRight", "SeServiceLogonRight", "SeDenyInteractiveLogonRight",
                          "SeDenyRemoteInteractiveLogonRight"}) {
      w.rights[a->account.sid].insert(r);
    }
    return {};
  });

  // Inventory
  ON_CALL(inventory, Os()).WillByDefault([this] { return Result<fixer::OsInfo>(w.os); });
  ON_CALL(inventory, WebServer()).WillByDefault([this] { return Result<fixer::WebServerInfo>(w.web); });
  ON_CALL(inventory, Hotfixes()).WillByDefault([this] { return Result<std::vector<std::string>>(w.hotfixes); });
  ON_CALL(inventory, Caller()).WillByDefault([this] { return Result<fixer::CallerInfo>(w.caller); });
  ON_CALL(inventory, ConsoleUser()).WillByDefault([] { return Result<std::string>(std::string()); });
  // IIS 6: every application in DefaultAppPool, which runs as NETWORK SERVICE, and no other pool
  // (3, the metabase's answer for a node it does not have); none (no application pools) on any
  // other web server.
  ON_CALL(inventory, AppPoolOf(_)).WillByDefault([this](const std::string&) {
    return Result<std::string>(w.web.kind == fixer::WebServerKind::kIis60 ? std::string(fixer::kDefaultAppPool) : "");
  });
  ON_CALL(inventory, AppPoolIdentity(_)).WillByDefault([this](const std::string& pool) -> Result<std::string> {
    if (w.web.kind != fixer::WebServerKind::kIis60) return std::string();
    if (pool != fixer::kDefaultAppPool) return Status::Win(fixer::kErrorPathNotFound);
    return std::string("NETWORK SERVICE");
  });

  // PasswordPolicy
  ON_CALL(policy, Get()).WillByDefault([this] { return Result<fixer::PasswordPolicyInfo>(w.policy); });
  ON_CALL(policy, Check(_, _)).WillByDefault([this](const std::string& a, const Secret& pw) {
    return w.CheckPolicy(a, pw);
  });
  ON_CALL(policy, LimitsBlankPasswordUse()).WillByDefault([this] { return Result<bool>(w.limit_blank_password_use); });

  // EventLog
  ON_CALL(events, Read(_)).WillByDefault([this](const std::string&) {
    return Result<std::vector<fixer::EventRecord>>(w.events);
  });
  ON_CALL(events, Write(_)).WillByDefault([this](const fixer::EventRecord& e) -> Status {
    Trace("events.write " + e.source);
    w.events.push_back(e);
    return {};
  });

  // Random (SplitMix64 over a counter)
  ON_CALL(random, Next()).WillByDefault([this] {
    uint64_t z = (w.random_counter += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  });

  // WebProbe: the symptom while the worker account has no profile
  ON_CALL(web, Get(_)).WillByDefault([this](const std::string& path) -> Result<fixer::HttpResponse> {
    auto app = std::find_if(w.applications.begin(), w.applications.end(),
                            [&](const fixer::ApplicationInfo& a) { return a.path == path; });
    if (app == w.applications.end()) return fixer::HttpResponse{404, "Not Found"};
    auto sid = w.SidOf(w.web_worker);
    if (sid && w.profiles.count(*sid)) return fixer::HttpResponse{200, "Hello from ASP.NET"};
    return fixer::HttpResponse{503, kSymptomPage};
  });
}

}  // namespace fixer_test
