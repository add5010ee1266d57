// gmock mocks of every fixer port, an in-memory journal, and MockPortsTest: a fixture that wires
// them into fixer::Ports with default actions backed by a tiny model of an affected machine.
//
// The default machine (MockWorld) is the paper's case: Windows XP Professional SP1, IIS 5.1,
// ASP.NET 1.0.3705 with <processModel userName="machine" password="AutoGenerate">, an
// Administrator caller, MS03-032 installed, ASPNET present (in Users and a custom group
// WebReaders, with custom ACEs on a file and a registry key, a SQL login and a db user) and no
// profile, so the web probe answers 503 "Server Application Unavailable". Mutating calls are
// traced in MockWorld::calls ("scm.stop W3SVC", "accounts.delete ASPNET", ...), interleaved
// with the journal's appends ("journal record-grants begin"), so tests can assert order.
//
//   class MyTest : public fixer_test::MockPortsTest {};
//   TEST_F(MyTest, X) {
//     EXPECT_CALL(logon, RunWithProfile(_, _, _)).WillOnce(Return(Status::Win(1385)));
//     fixer::RunResult r = MakeFixer().Apply();
//   }
#pragma once

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include "fixer/fixer.h"
#include "fixer/ports/ports.h"

namespace fixer_test {

using fixer::Result;
using fixer::Secret;
using fixer::Sid;
using fixer::Status;

// ---- mocks ---------------------------------------------------------------------------------

class MockServiceControl : public fixer::ServiceControl {
 public:
  MOCK_METHOD(Result<std::vector<fixer::ServiceInfo>>, List, (), (override));
  MOCK_METHOD(Result<fixer::ServiceInfo>, Query, (const std::string&), (override));
  MOCK_METHOD(Result<std::vector<std::string>>, ActiveDependents, (const std::string&),
              (override));
  MOCK_METHOD(Status, Stop, (const std::string&), (override));
  MOCK_METHOD(Status, Start, (const std::string&), (override));
};

class MockAccounts : public fixer::Accounts {
 public:
  MOCK_METHOD(Result<fixer::Account>, Lookup, (const std::string&), (override));
  MOCK_METHOD(Result<std::string>, NameOfSid, (const Sid&), (override));
  MOCK_METHOD(Result<Sid>, Create, (const fixer::NewAccount&, const Secret&), (override));
  MOCK_METHOD(Status, Delete, (const std::string&), (override));
  MOCK_METHOD(Status, SetPassword, (const std::string&, const Secret&), (override));
  MOCK_METHOD(Status, SetFlags, (const std::string&, const fixer::AccountFlags&), (override));
  MOCK_METHOD(Status, AddToGroup, (const std::string&, const Sid&), (override));
  MOCK_METHOD(Status, RemoveFromGroup, (const std::string&, const Sid&), (override));
};

class MockRights : public fixer::Rights {
 public:
  MOCK_METHOD(Result<std::vector<std::string>>, Of, (const Sid&), (override));
  MOCK_METHOD(Status, Grant, (const Sid&, const std::string&), (override));
  MOCK_METHOD(Status, Revoke, (const Sid&, const std::string&), (override));
};

class MockSecrets : public fixer::Secrets {
 public:
  MOCK_METHOD(Result<Secret>, Retrieve, (const std::string&), (override));
  MOCK_METHOD(Status, Store, (const std::string&, const Secret&), (override));
  MOCK_METHOD(Status, Erase, (const std::string&), (override));
};

class MockProfiles : public fixer::Profiles {
 public:
  MOCK_METHOD(Result<std::optional<fixer::ProfileInfo>>, Find, (const Sid&), (override));
  MOCK_METHOD(Status, Delete, (const Sid&), (override));
};

class MockLogon : public fixer::Logon {
 public:
  MOCK_METHOD(Status, RunWithProfile, (const std::string&, const Secret&, const std::string&),
              (override));
};

class MockSecurity : public fixer::Security {
 public:
  MOCK_METHOD(Result<std::vector<fixer::AceGrant>>, FindAces, (const Sid&), (override));
  MOCK_METHOD(Status, AddAce, (const fixer::ObjectRef&, const fixer::Ace&), (override));
  MOCK_METHOD(Status, RemoveAce, (const fixer::ObjectRef&, const fixer::Ace&), (override));
  MOCK_METHOD(Result<std::vector<fixer::SqlLogin>>, LoginsFor, (const Sid&), (override));
  MOCK_METHOD(Result<std::vector<fixer::SqlDbUser>>, DbUsersFor, (const Sid&), (override));
  MOCK_METHOD(Status, CreateLogin, (const fixer::SqlLogin&), (override));
  MOCK_METHOD(Status, DropLogin, (const std::string&), (override));
  MOCK_METHOD(Status, CreateDbUser, (const fixer::SqlDbUser&), (override));
  MOCK_METHOD(Status, DropDbUser, (const std::string&, const std::string&), (override));
};

class MockAspNet : public fixer::AspNet {
 public:
  MOCK_METHOD(Result<std::vector<fixer::FrameworkInfo>>, Frameworks, (), (override));
  MOCK_METHOD(Result<std::vector<fixer::ApplicationInfo>>, Applications, (), (override));
  MOCK_METHOD(Result<std::string>, ResolveRegistryCredential, (const std::string&), (override));
  MOCK_METHOD(Status, Register, (const std::string&), (override));
};

class MockInventory : public fixer::Inventory {
 public:
  MOCK_METHOD(Result<fixer::OsInfo>, Os, (), (override));
  MOCK_METHOD(Result<fixer::WebServerInfo>, WebServer, (), (override));
  MOCK_METHOD(Result<std::vector<std::string>>, Hotfixes, (), (override));
  MOCK_METHOD(Result<fixer::CallerInfo>, Caller, (), (override));
  MOCK_METHOD(Result<std::optional<std::string>>, InteractiveUser, (), (override));
};

class MockPasswordPolicy : public fixer::PasswordPolicy {
 public:
  MOCK_METHOD(Result<fixer::PasswordPolicyInfo>, Get, (), (override));
  MOCK_METHOD(Status, Check, (const std::string&, const Secret&), (override));
};

class MockEventLog : public fixer::EventLog {
 public:
  MOCK_METHOD(Result<std::vector<fixer::EventRecord>>, Read, (const std::string&), (override));
  MOCK_METHOD(Status, Write, (const fixer::EventRecord&), (override));
};

class MockRandom : public fixer::Random {
 public:
  MOCK_METHOD(uint64_t, Next, (), (override));
};

class MockClock : public fixer::Clock {
 public:
  MOCK_METHOD(int64_t, NowSeconds, (), (override));
};

class MockWebProbe : public fixer::WebProbe {
 public:
  MOCK_METHOD(Result<fixer::HttpResponse>, Get, (const std::string&), (override));
};

// ---- the journal: a plain in-memory fake, so its contents can be asserted -------------------

class FakeJournal : public fixer::Journal {
 public:
  Result<std::vector<fixer::JournalRecord>> Load() override {
    if (!load_error.ok()) return load_error;
    return records;
  }
  Status Append(const fixer::JournalRecord& record) override {
    if (fail_append && fail_append(record)) return Status::Win(fixer::kErrorDiskFull);
    records.push_back(record);
    history.push_back(record);
    if (trace) trace->push_back(fmt::format("journal {} {}", record.step, ToString(record.phase)));
    return {};
  }
  Status Clear() override {
    records.clear();
    ++clears;
    if (trace) trace->push_back("journal clear");
    return {};
  }

  std::vector<fixer::JournalRecord> records;  // what is on "disk" now
  std::vector<fixer::JournalRecord> history;  // every record ever appended, even after Clear
  int clears = 0;
  Status load_error;
  std::function<bool(const fixer::JournalRecord&)> fail_append;  // true: answer 112
  std::vector<std::string>* trace = nullptr;
};

// ---- the model behind the default actions ---------------------------------------------------

inline bool IEq(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

struct WorldAccount {
  fixer::Account account;
  std::string password;
};

inline constexpr const char* kOldWorkerPassword = "Old-Lsa-Secret-9x!Q";
inline constexpr const char* kAppPath = "/LM/W3SVC/1/ROOT/app";
inline constexpr const char* kSymptomPage =
    "<html><title>Server Application Unavailable</title>The web application you are attempting "
    "to access on this web server is currently unavailable.</html>";

inline Sid MachineSid() { return Sid::Machine(1111, 2222, 3333); }
inline Sid OldAspnetSid() { return MachineSid().WithRid(1003); }

struct MockWorld {
  fixer::CallerInfo caller{"Administrator", true};
  fixer::OsInfo os{fixer::OsEdition::kWindowsXpProfessional, 1, "XPPRO"};
  fixer::WebServerInfo web{fixer::WebServerKind::kIis51, false};
  std::vector<std::string> hotfixes{"MS03-026", "MS03-032"};
  std::vector<fixer::FrameworkInfo> frameworks{
      {std::string(fixer::kFramework10), true, {"machine", "AutoGenerate"}}};
  std::vector<fixer::ApplicationInfo> applications{
      {kAppPath, "C:\\Inetpub\\wwwroot\\app", std::string(fixer::kFramework10),
       fixer::SessionStateMode::kInProc}};
  std::map<std::string, std::string> registry_credentials;  // reference -> account name
  std::vector<WorldAccount> accounts;
  uint32_t next_rid = 1004;
  std::map<Sid, std::set<std::string>> rights;
  std::map<Sid, std::string> profiles;  // SID -> profile folder
  std::map<std::string, std::string> secrets;
  std::vector<fixer::AceGrant> aces;
  std::vector<fixer::SqlLogin> logins;
  std::vector<fixer::SqlDbUser> db_users;
  std::vector<fixer::ServiceInfo> services;
  fixer::PasswordPolicyInfo policy;
  std::set<std::string> rejected_passwords;  // the policy answers 2245 for these
  int registrations = 0;
  uint64_t random_counter = 0;
  std::string web_worker = "ASPNET";  // whose profile decides what the web probe answers

  std::vector<std::string> calls;  // every mutating call, in order, and journal appends

  WorldAccount* Find(std::string_view name) {
    for (auto& a : accounts)
      if (IEq(a.account.name, name)) return &a;
    return nullptr;
  }
  WorldAccount* FindSid(const Sid& sid) {
    for (auto& a : accounts)
      if (a.account.sid == sid) return &a;
    return nullptr;
  }
  fixer::ServiceInfo* Service(std::string_view name) {
    for (auto& s : services)
      if (IEq(s.name, name)) return &s;
    return nullptr;
  }
  bool Running(std::string_view name) {
    auto* s = Service(name);
    return s && s->state == fixer::ServiceState::kRunning;
  }
  std::set<std::string> RunningServices() const {
    std::set<std::string> out;
    for (const auto& s : services)
      if (s.state == fixer::ServiceState::kRunning) out.insert(s.name);
    return out;
  }
  std::optional<Sid> SidOf(std::string_view name) {
    auto* a = Find(name);
    return a ? std::optional<Sid>(a->account.sid) : std::nullopt;
  }
  Status CheckPolicy(const std::string& account, const Secret& pw) const {
    std::string clear(pw.Reveal());
    if (clear.size() < policy.min_length || rejected_passwords.count(clear) ||
        (policy.complexity && clear.find(account) != std::string::npos)) {
      return Status::Win(fixer::kNerrPasswordTooShort);
    }
    return {};
  }

  // Everything but the call trace, as text, so "as found" is one EXPECT_EQ with a readable diff.
  std::string Snapshot() const;
};

inline fixer::ServiceInfo Svc(std::string name, fixer::ServiceState state,
                              std::vector<std::string> deps = {}) {
  fixer::ServiceInfo s;
  s.name = std::move(name);
  s.display_name = s.name;
  s.state = state;
  s.start_type = fixer::StartType::kAutomatic;
  s.dependencies = std::move(deps);
  return s;
}

inline MockWorld AffectedWorld() {
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

  w.rights[aspnet] = {"SeBatchLogonRight", "SeDenyInteractiveLogonRight",
                      "SeDenyRemoteInteractiveLogonRight", "SeNetworkLogonRight",
                      "SeServiceLogonRight"};
  w.rights[Sid::Users()] = {"SeInteractiveLogonRight", "SeNetworkLogonRight"};
  w.secrets[std::string(fixer::kAspNetWorkerSecret)] = kOldWorkerPassword;
  w.aces = {
      {{fixer::ObjectNamespace::kFile, "C:\\Inetpub\\wwwroot\\app"},
       {fixer::AceType::kAllow, aspnet, fixer::kFileModify,
        fixer::kObjectInheritAce | fixer::kContainerInheritAce}},
      {{fixer::ObjectNamespace::kFile, "C:\\WINDOWS\\Temp"},
       {fixer::AceType::kAllow, aspnet, fixer::kFileAllAccess,
        fixer::kObjectInheritAce | fixer::kContainerInheritAce}},
      {{fixer::ObjectNamespace::kRegistry, "HKLM\\SOFTWARE\\Contoso\\App"},
       {fixer::AceType::kAllow, aspnet, fixer::kKeyRead, fixer::kContainerInheritAce}},
  };
  w.logins = {{"XPPRO\\ASPNET", aspnet, {}, "Northwind"}};
  w.db_users = {{"Northwind", "ASPNET", aspnet, {"db_datareader", "db_datawriter"}}};
  w.services = {
      Svc("aspnet_state", ServiceState::kRunning),
      Svc("IISADMIN", ServiceState::kRunning),
      Svc("MSFTPSVC", ServiceState::kStopped, {"IISADMIN"}),
      Svc("seclogon", ServiceState::kRunning),
      Svc("SMTPSVC", ServiceState::kRunning, {"IISADMIN"}),
      Svc("W3SVC", ServiceState::kRunning, {"IISADMIN"}),
  };
  return w;
}

inline std::string MockWorld::Snapshot() const {
  std::ostringstream o;
  for (const auto& a : accounts) {
    const auto& f = a.account.flags;
    o << "account " << a.account.name << " " << a.account.sid << " pw=" << a.password
      << " flags=" << f.disabled << f.locked_out << f.password_never_expires
      << f.cannot_change_password << " groups=" << fmt::format("{}", fmt::join(a.account.groups, ","))
      << "\n";
  }
  for (const auto& [sid, set] : rights) o << "rights " << sid << " " << fmt::format("{}", fmt::join(set, ",")) << "\n";
  for (const auto& [sid, path] : profiles) o << "profile " << sid << " " << path << "\n";
  for (const auto& [k, v] : secrets) o << "secret " << k << "=" << v << "\n";
  for (const auto& g : aces) {
    o << "ace " << ToString(g.object.ns) << " " << g.object.path << " "
      << (g.ace.type == fixer::AceType::kAllow ? "allow " : "deny ") << g.ace.sid << " "
      << g.ace.mask << " " << g.ace.flags << "\n";
  }
  for (const auto& l : logins) o << "login " << l.name << " " << l.sid << "\n";
  for (const auto& u : db_users) o << "dbuser " << u.database << "." << u.name << " " << u.login_sid << "\n";
  for (const auto& s : services) o << "service " << s.name << " " << ToString(s.state) << "\n";
  return o.str();
}

// ---- the fixture ----------------------------------------------------------------------------

class MockPortsTest : public ::testing::Test {
 public:
  MockPortsTest() {
    journal.trace = &w.calls;
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_st>(log_text);
    sink->set_pattern("[%l] %v");
    logger = std::make_shared<spdlog::logger>("fixer-test", sink);
    logger->set_level(spdlog::level::trace);
    InstallDefaults();
  }

  fixer::Fixer MakeFixer(fixer::Options options = {}) {
    return fixer::Fixer(ports, logger, std::move(options));
  }
  fixer::Options Recreate() {
    fixer::Options o;
    o.strategy = fixer::Strategy::kRecreate;
    return o;
  }

  // Every mutating port method must not be called; the journal must stay untouched.
  void ExpectNoMutation() {
    using ::testing::_;
    EXPECT_CALL(scm, Stop(_)).Times(0);
    EXPECT_CALL(scm, Start(_)).Times(0);
    EXPECT_CALL(accounts, Create(_, _)).Times(0);
    EXPECT_CALL(accounts, Delete(_)).Times(0);
    EXPECT_CALL(accounts, SetPassword(_, _)).Times(0);
    EXPECT_CALL(accounts, SetFlags(_, _)).Times(0);
    EXPECT_CALL(accounts, AddToGroup(_, _)).Times(0);
    EXPECT_CALL(accounts, RemoveFromGroup(_, _)).Times(0);
    EXPECT_CALL(rights, Grant(_, _)).Times(0);
    EXPECT_CALL(rights, Revoke(_, _)).Times(0);
    EXPECT_CALL(secrets, Store(_, _)).Times(0);
    EXPECT_CALL(secrets, Erase(_)).Times(0);
    EXPECT_CALL(profiles, Delete(_)).Times(0);
    EXPECT_CALL(logon, RunWithProfile(_, _, _)).Times(0);
    EXPECT_CALL(security, AddAce(_, _)).Times(0);
    EXPECT_CALL(security, RemoveAce(_, _)).Times(0);
    EXPECT_CALL(security, CreateLogin(_)).Times(0);
    EXPECT_CALL(security, DropLogin(_)).Times(0);
    EXPECT_CALL(security, CreateDbUser(_)).Times(0);
    EXPECT_CALL(security, DropDbUser(_, _)).Times(0);
    EXPECT_CALL(aspnet, Register(_)).Times(0);
    EXPECT_CALL(events, Write(_)).Times(0);
  }
  // A catch-all expectation on every method a test may narrow, so that an EXPECT_CALL on one
  // argument (Stop("IISADMIN")) does not make the other calls (Stop("W3SVC")) unexpected.
  void AllowAnyCall() {
    using ::testing::_;
    using ::testing::AnyNumber;
    EXPECT_CALL(scm, Stop(_)).Times(AnyNumber());
    EXPECT_CALL(scm, Start(_)).Times(AnyNumber());
    EXPECT_CALL(accounts, Lookup(_)).Times(AnyNumber());
    EXPECT_CALL(accounts, Create(_, _)).Times(AnyNumber());
    EXPECT_CALL(accounts, Delete(_)).Times(AnyNumber());
    EXPECT_CALL(accounts, SetPassword(_, _)).Times(AnyNumber());
    EXPECT_CALL(accounts, SetFlags(_, _)).Times(AnyNumber());
    EXPECT_CALL(accounts, AddToGroup(_, _)).Times(AnyNumber());
    EXPECT_CALL(rights, Grant(_, _)).Times(AnyNumber());
    EXPECT_CALL(rights, Revoke(_, _)).Times(AnyNumber());
    EXPECT_CALL(profiles, Delete(_)).Times(AnyNumber());
    EXPECT_CALL(logon, RunWithProfile(_, _, _)).Times(AnyNumber());
    EXPECT_CALL(security, FindAces(_)).Times(AnyNumber());
    EXPECT_CALL(security, AddAce(_, _)).Times(AnyNumber());
    EXPECT_CALL(security, CreateLogin(_)).Times(AnyNumber());
    EXPECT_CALL(security, DropLogin(_)).Times(AnyNumber());
    EXPECT_CALL(security, CreateDbUser(_)).Times(AnyNumber());
    EXPECT_CALL(security, DropDbUser(_, _)).Times(AnyNumber());
    EXPECT_CALL(aspnet, Register(_)).Times(AnyNumber());
  }
  void ExpectJournalUntouched() const {
    EXPECT_TRUE(journal.history.empty());
    EXPECT_EQ(journal.clears, 0);
  }

  // Every text a run produced that a person or a file could see.
  std::string AllText(const fixer::RunResult& r) const {
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

  // Position of the first / last trace entry starting with `prefix`; -1 if none.
  int FirstCall(std::string_view prefix) const {
    for (size_t i = 0; i < w.calls.size(); ++i)
      if (w.calls[i].rfind(prefix, 0) == 0) return static_cast<int>(i);
    return -1;
  }
  int LastCall(std::string_view prefix) const {
    for (size_t i = w.calls.size(); i-- > 0;)
      if (w.calls[i].rfind(prefix, 0) == 0) return static_cast<int>(i);
    return -1;
  }
  std::vector<std::string> CallsStartingWith(std::string_view prefix) const {
    std::vector<std::string> out;
    for (const auto& c : w.calls)
      if (c.rfind(prefix, 0) == 0) out.push_back(c);
    return out;
  }

  MockWorld w = AffectedWorld();
  ::testing::NiceMock<MockServiceControl> scm;
  ::testing::NiceMock<MockAccounts> accounts;
  ::testing::NiceMock<MockRights> rights;
  ::testing::NiceMock<MockSecrets> secrets;
  ::testing::NiceMock<MockProfiles> profiles;
  ::testing::NiceMock<MockLogon> logon;
  ::testing::NiceMock<MockSecurity> security;
  ::testing::NiceMock<MockAspNet> aspnet;
  ::testing::NiceMock<MockInventory> inventory;
  ::testing::NiceMock<MockPasswordPolicy> policy;
  FakeJournal journal;
  ::testing::NiceMock<MockEventLog> events;
  ::testing::NiceMock<MockRandom> random;
  ::testing::NiceMock<MockClock> clock;
  ::testing::NiceMock<MockWebProbe> web;
  fixer::Ports ports{scm,       accounts, rights,  secrets, profiles, logon,  security, aspnet,
                     inventory, policy,   journal, events,  random,   clock,  web};
  std::ostringstream log_text;
  std::shared_ptr<spdlog::logger> logger;

 private:
  void Trace(std::string what) { w.calls.push_back(std::move(what)); }
  void InstallDefaults();
};

inline void MockPortsTest::InstallDefaults() {
  using ::testing::_;
  using fixer::ServiceState;

  // ServiceControl
  ON_CALL(scm, List()).WillByDefault([this] { return Result<std::vector<fixer::ServiceInfo>>(w.services); });
  ON_CALL(scm, Query(_)).WillByDefault([this](const std::string& n) -> Result<fixer::ServiceInfo> {
    if (auto* s = w.Service(n)) return *s;
    return Status::Win(fixer::kErrorServiceDoesNotExist);
  });
  ON_CALL(scm, ActiveDependents(_))
      .WillByDefault([this](const std::string& n) -> Result<std::vector<std::string>> {
        if (!w.Service(n)) return Status::Win(fixer::kErrorServiceDoesNotExist);
        std::vector<std::string> out;
        for (const auto& s : w.services) {
          bool depends = std::any_of(s.dependencies.begin(), s.dependencies.end(),
                                     [&](const std::string& d) { return IEq(d, n); });
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
          std::any_of(d.dependencies.begin(), d.dependencies.end(),
                      [&](const std::string& x) { return IEq(x, n); })) {
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

  // Accounts
  ON_CALL(accounts, Lookup(_)).WillByDefault([this](const std::string& n) -> Result<fixer::Account> {
    if (auto* a = w.Find(n)) return a->account;
    return Status::Win(fixer::kNerrUserNotFound);
  });
  ON_CALL(accounts, NameOfSid(_)).WillByDefault([this](const Sid& sid) -> Result<std::string> {
    if (auto* a = w.FindSid(sid)) return a->account.name;
    return Status::Win(fixer::kErrorNoneMapped);
  });
  ON_CALL(accounts, Create(_, _))
      .WillByDefault([this](const fixer::NewAccount& spec, const Secret& pw) -> Result<Sid> {
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
  ON_CALL(accounts, SetPassword(_, _))
      .WillByDefault([this](const std::string& n, const Secret& pw) -> Status {
        Trace("accounts.set_password " + n);
        auto* a = w.Find(n);
        if (!a) return Status::Win(fixer::kNerrUserNotFound);
        if (Status st = w.CheckPolicy(n, pw); !st.ok()) return st;
        a->password = std::string(pw.Reveal());
        return {};
      });
  ON_CALL(accounts, SetFlags(_, _))
      .WillByDefault([this](const std::string& n, const fixer::AccountFlags& f) -> Status {
        Trace("accounts.set_flags " + n);
        auto* a = w.Find(n);
        if (!a) return Status::Win(fixer::kNerrUserNotFound);
        const bool locked = a->account.flags.locked_out;
        a->account.flags = f;
        a->account.flags.locked_out = locked && f.locked_out;  // only unlock
        return {};
      });
  ON_CALL(accounts, AddToGroup(_, _))
      .WillByDefault([this](const std::string& g, const Sid& member) -> Status {
        Trace("accounts.add_to_group " + g);
        auto* a = w.FindSid(member);
        if (!a) return Status::Win(fixer::kErrorNoneMapped);
        auto& gs = a->account.groups;
        if (std::find(gs.begin(), gs.end(), g) != gs.end()) return Status::Win(fixer::kErrorMemberInAlias);
        gs.push_back(g);
        return {};
      });
  ON_CALL(accounts, RemoveFromGroup(_, _))
      .WillByDefault([this](const std::string& g, const Sid& member) -> Status {
        Trace("accounts.remove_from_group " + g);
        auto* a = w.FindSid(member);
        if (!a) return Status::Win(fixer::kErrorNoneMapped);
        auto& gs = a->account.groups;
        auto it = std::find(gs.begin(), gs.end(), g);
        if (it == gs.end()) return Status::Win(fixer::kErrorMemberNotInAlias);
        gs.erase(it);
        return {};
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
  ON_CALL(secrets, Erase(_)).WillByDefault([this](const std::string& k) -> Status {
    Trace("secrets.erase " + k);
    return w.secrets.erase(k) ? Status() : Status::Win(fixer::kErrorFileNotFound);
  });

  // Profiles
  ON_CALL(profiles, Find(_))
      .WillByDefault([this](const Sid& sid) -> Result<std::optional<fixer::ProfileInfo>> {
        auto it = w.profiles.find(sid);
        if (it == w.profiles.end()) return std::optional<fixer::ProfileInfo>();
        return std::optional<fixer::ProfileInfo>(fixer::ProfileInfo{sid, it->second, true});
      });
  ON_CALL(profiles, Delete(_)).WillByDefault([this](const Sid& sid) -> Status {
    Trace("profiles.delete " + sid.ToString());
    return w.profiles.erase(sid) ? Status() : Status::Win(fixer::kErrorFileNotFound);
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
            std::find(a->account.groups.begin(), a->account.groups.end(), "Users") !=
                a->account.groups.end() &&
            w.rights[Sid::Users()].count("SeInteractiveLogonRight");
        if (own.count("SeDenyInteractiveLogonRight") ||
            !(own.count("SeInteractiveLogonRight") || via_users)) {
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
  ON_CALL(security, AddAce(_, _))
      .WillByDefault([this](const fixer::ObjectRef& o, const fixer::Ace& ace) -> Status {
        Trace("security.add_ace " + o.path);
        w.aces.push_back({o, ace});
        return {};
      });
  ON_CALL(security, RemoveAce(_, _))
      .WillByDefault([this](const fixer::ObjectRef& o, const fixer::Ace& ace) -> Status {
        Trace("security.remove_ace " + o.path);
        auto it = std::find_if(w.aces.begin(), w.aces.end(), [&](const fixer::AceGrant& g) {
          return g.object == o && g.ace == ace;
        });
        if (it != w.aces.end()) w.aces.erase(it);
        return {};
      });
  ON_CALL(security, LoginsFor(_)).WillByDefault([this](const Sid& sid) -> Result<std::vector<fixer::SqlLogin>> {
    std::vector<fixer::SqlLogin> out;
    for (const auto& l : w.logins)
      if (l.sid == sid) out.push_back(l);
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
    auto it = std::find_if(w.logins.begin(), w.logins.end(),
                           [&](const fixer::SqlLogin& l) { return IEq(l.name, n); });
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
  ON_CALL(security, DropDbUser(_, _))
      .WillByDefault([this](const std::string& db, const std::string& n) -> Status {
        Trace("sql.drop_user " + db + "." + n);
        auto it = std::find_if(w.db_users.begin(), w.db_users.end(), [&](const fixer::SqlDbUser& u) {
          return u.database == db && IEq(u.name, n);
        });
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
  ON_CALL(aspnet, ResolveRegistryCredential(_))
      .WillByDefault([this](const std::string& ref) -> Result<std::string> {
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
  ON_CALL(inventory, Hotfixes()).WillByDefault([this] {
    return Result<std::vector<std::string>>(w.hotfixes);
  });
  ON_CALL(inventory, Caller()).WillByDefault([this] { return Result<fixer::CallerInfo>(w.caller); });
  ON_CALL(inventory, InteractiveUser()).WillByDefault([] {
    return Result<std::optional<std::string>>(std::optional<std::string>());
  });

  // PasswordPolicy
  ON_CALL(policy, Get()).WillByDefault([this] { return Result<fixer::PasswordPolicyInfo>(w.policy); });
  ON_CALL(policy, Check(_, _)).WillByDefault([this](const std::string& a, const Secret& pw) {
    return w.CheckPolicy(a, pw);
  });

  // EventLog
  ON_CALL(events, Read(_)).WillByDefault([] {
    return Result<std::vector<fixer::EventRecord>>(std::vector<fixer::EventRecord>{});
  });
  ON_CALL(events, Write(_)).WillByDefault([this](const fixer::EventRecord& e) -> Status {
    Trace("events.write " + e.source);
    return {};
  });

  // Random (SplitMix64 over a counter) and Clock
  ON_CALL(random, Next()).WillByDefault([this] {
    uint64_t z = (w.random_counter += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  });
  ON_CALL(clock, NowSeconds()).WillByDefault([] { return int64_t{1061510400}; });

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
