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
  MockServiceControl();
  ~MockServiceControl() override;  // out of line: gmock code compiled once, in mock_ports.cpp
  MOCK_METHOD(Result<fixer::ServiceInfo>, Query, (const std::string&), (override));
  MOCK_METHOD(Result<std::vector<fixer::ServiceInfo>>, List, (), (override));
  MOCK_METHOD(Result<std::vector<std::string>>, ActiveDependents, (const std::string&), (override));
  MOCK_METHOD(Status, Stop, (const std::string&), (override));
  MOCK_METHOD(Status, Start, (const std::string&), (override));
  MOCK_METHOD(Status, Pause, (const std::string&), (override));
  MOCK_METHOD(Status, SetLogonPassword, (const std::string&, const fixer::Secret&), (override));
};

class MockAccounts : public fixer::Accounts {
 public:
  MockAccounts();
  ~MockAccounts() override;  // out of line: gmock code compiled once, in mock_ports.cpp
  MOCK_METHOD(Result<fixer::Account>, Lookup, (const std::string&), (override));
  MOCK_METHOD(Result<Sid>, Create, (const fixer::NewAccount&, const Secret&), (override));
  MOCK_METHOD(Status, Delete, (const std::string&), (override));
  MOCK_METHOD(Status, SetPassword, (const std::string&, const Secret&), (override));
  MOCK_METHOD(Status, SetFlags, (const std::string&, const fixer::AccountFlags&), (override));
  MOCK_METHOD(Status, RequirePasswordChange, (const std::string&), (override));
  MOCK_METHOD(Status, AddToGroup, (const std::string&, const Sid&), (override));
  MOCK_METHOD(Status, RemoveFromGroup, (const std::string&, const Sid&), (override));
  MOCK_METHOD(Result<std::vector<fixer::LocalGroupRef>>, GroupsContaining, (std::span<const Sid>), (override));
  MOCK_METHOD(Result<std::string>, NameOf, (const Sid&), (override));
};

class MockRights : public fixer::Rights {
 public:
  MockRights();
  ~MockRights() override;  // out of line: gmock code compiled once, in mock_ports.cpp
  MOCK_METHOD(Result<std::vector<std::string>>, Of, (const Sid&), (override));
  MOCK_METHOD(Status, Grant, (const Sid&, const std::string&), (override));
  MOCK_METHOD(Status, Revoke, (const Sid&, const std::string&), (override));
};

class MockSecrets : public fixer::Secrets {
 public:
  MockSecrets();
  ~MockSecrets() override;  // out of line: gmock code compiled once, in mock_ports.cpp
  MOCK_METHOD(Result<Secret>, Retrieve, (const std::string&), (override));
  MOCK_METHOD(Status, Store, (const std::string&, const Secret&), (override));
};

class MockProfiles : public fixer::Profiles {
 public:
  MockProfiles();
  ~MockProfiles() override;  // out of line: gmock code compiled once, in mock_ports.cpp
  MOCK_METHOD(Result<std::optional<fixer::ProfileInfo>>, Find, (const Sid&), (override));
  MOCK_METHOD(Status, Delete, (const Sid&), (override));
  MOCK_METHOD(Result<std::string>, NewProfileFolder, (const std::string&, fixer::NewProfileOwner), (override));
  MOCK_METHOD(Result<fixer::PathHolder>, WhatIsAt, (const std::string&), (override));
  MOCK_METHOD(Result<std::optional<fixer::ProfileListEntry>>, ReadEntry, (const Sid&), (override));
  MOCK_METHOD(Status, RemoveEntry, (const Sid&), (override));
  MOCK_METHOD(Status, WriteEntry, (const fixer::ProfileListEntry&), (override));
};

class MockLogon : public fixer::Logon {
 public:
  MockLogon();
  ~MockLogon() override;  // out of line: gmock code compiled once, in mock_ports.cpp
  MOCK_METHOD(Status, RunWithProfile, (const std::string&, const Secret&, const std::string&), (override));
  MOCK_METHOD(Status, CheckPassword, (const std::string&, const Secret&), (override));
};

class MockSecurity : public fixer::Security {
 public:
  MockSecurity();
  ~MockSecurity() override;  // out of line: gmock code compiled once, in mock_ports.cpp
  MOCK_METHOD(Result<std::vector<fixer::AceGrant>>, FindAces, (const Sid&), (override));
  MOCK_METHOD(Status, AddAce, (const fixer::ObjectRef&, const fixer::Ace&), (override));
  // One read per object named, as the Win32 backend's: no walk through FindAces.
  MOCK_METHOD(Result<std::vector<std::vector<fixer::Ace>>>, FindAcesOn,
              (const Sid&, std::span<const fixer::ObjectAces>), (override));
  MOCK_METHOD(Status, RemoveAces, (const fixer::ObjectRef&, std::span<const fixer::Ace>), (override));
  // Unless a test says otherwise: a NULL DACL, which grants every access.
  MOCK_METHOD(Result<fixer::ObjectSecurity>, ReadSecurity, (const fixer::ObjectRef&), (override));
  MOCK_METHOD(Result<std::vector<fixer::SqlLogin>>, LoginsFor, (const Sid&), (override));
  MOCK_METHOD(Result<std::vector<fixer::SqlDbUser>>, DbUsersFor, (const Sid&), (override));
  MOCK_METHOD(Result<std::vector<fixer::SqlLogin>>, LoginsNamed, (const std::string&), (override));
  MOCK_METHOD(Result<std::vector<std::string>>, Databases, (), (override));
  MOCK_METHOD(Status, CreateLogin, (const fixer::SqlLogin&), (override));
  MOCK_METHOD(Status, DropLogin, (const std::string&), (override));
  MOCK_METHOD(Status, CreateDbUser, (const fixer::SqlDbUser&), (override));
  MOCK_METHOD(Status, DropDbUser, (const std::string&, const std::string&), (override));
};

class MockAspNet : public fixer::AspNet {
 public:
  MockAspNet();
  ~MockAspNet() override;  // out of line: gmock code compiled once, in mock_ports.cpp
  MOCK_METHOD(Result<std::vector<fixer::FrameworkInfo>>, Frameworks, (), (override));
  MOCK_METHOD(Result<std::vector<fixer::ApplicationInfo>>, Applications, (), (override));
  MOCK_METHOD(Result<std::string>, ResolveRegistryCredential, (const std::string&), (override));
  MOCK_METHOD(Status, Register, (const std::string&), (override));
  MOCK_METHOD(Status, SetScriptMap, (const std::string&, const std::string&), (override));
};

class MockInventory : public fixer::Inventory {
 public:
  MockInventory();
  ~MockInventory() override;  // out of line: gmock code compiled once, in mock_ports.cpp
  MOCK_METHOD(Result<fixer::OsInfo>, Os, (), (override));
  MOCK_METHOD(Result<fixer::WebServerInfo>, WebServer, (), (override));
  MOCK_METHOD(Result<std::vector<std::string>>, Hotfixes, (), (override));
  MOCK_METHOD(Result<fixer::CallerInfo>, Caller, (), (override));
  MOCK_METHOD(Result<std::string>, ConsoleUser, (), (override));
  MOCK_METHOD(Result<std::string>, AppPoolOf, (const std::string&), (override));
  MOCK_METHOD(Result<std::string>, AppPoolIdentity, (const std::string&), (override));
  MOCK_METHOD(Result<fixer::Sid>, MachineSid, (), (override));
};

class MockPasswordPolicy : public fixer::PasswordPolicy {
 public:
  MockPasswordPolicy();
  ~MockPasswordPolicy() override;  // out of line: gmock code compiled once, in mock_ports.cpp
  MOCK_METHOD(Result<fixer::PasswordPolicyInfo>, Get, (), (override));
  MOCK_METHOD(Status, Check, (const std::string&, const Secret&), (override));
  MOCK_METHOD(Result<bool>, LimitsBlankPasswordUse, (), (override));
};

class MockEventLog : public fixer::EventLog {
 public:
  MockEventLog();
  ~MockEventLog() override;  // out of line: gmock code compiled once, in mock_ports.cpp
  MOCK_METHOD(Result<std::vector<fixer::EventRecord>>, Read, (const std::string&), (override));
  MOCK_METHOD(Status, Write, (const fixer::EventRecord&), (override));
};

class MockRandom : public fixer::Random {
 public:
  MockRandom();
  ~MockRandom() override;  // out of line: gmock code compiled once, in mock_ports.cpp
  MOCK_METHOD(uint64_t, Next, (), (override));
};

class MockWebProbe : public fixer::WebProbe {
 public:
  MockWebProbe();
  ~MockWebProbe() override;  // out of line: gmock code compiled once, in mock_ports.cpp
  MOCK_METHOD(Result<fixer::HttpResponse>, Get, (const std::string&), (override));
};

// ---- the journal: a plain in-memory fake, so its contents can be asserted -------------------

class FakeJournal : public fixer::Journal {
 public:
  Result<std::vector<fixer::JournalRecord>> Load() override {
    if (!load_error.ok()) return load_error;
    return records;
  }
  Status Append(fixer::JournalRecord record) override {
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
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
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
  std::vector<fixer::FrameworkInfo> frameworks{{std::string(fixer::kFramework10), true, {"machine", "AutoGenerate"}}};
  std::vector<fixer::ApplicationInfo> applications{
      {kAppPath, "C:\\Inetpub\\wwwroot\\app", std::string(fixer::kFramework10), fixer::SessionStateMode::kInProc}};
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
  std::vector<fixer::EventRecord> events;  // the Application log: the fixer's marks
  fixer::PasswordPolicyInfo policy;
  bool limit_blank_password_use = true;      // Windows' default: a blank password only at the console
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

inline fixer::ServiceInfo Svc(std::string name, fixer::ServiceState state, std::vector<std::string> deps = {}) {
  fixer::ServiceInfo s;
  s.name = std::move(name);
  s.display_name = s.name;
  s.state = state;
  s.start_type = fixer::StartType::kAutomatic;
  s.dependencies = std::move(deps);
  return s;
}

// The paper's affected machine (see the top of this file).
MockWorld AffectedWorld();

// ---- the fixture ----------------------------------------------------------------------------

class MockPortsTest : public ::testing::Test {
 public:
  MockPortsTest();
  ~MockPortsTest() override;

  fixer::Fixer MakeFixer(fixer::Options options = {}) { return fixer::Fixer(ports, logger, std::move(options)); }
  fixer::Options Recreate() {
    fixer::Options o;
    o.strategy = fixer::Strategy::kRecreate;
    return o;
  }

  // Every mutating port method must not be called; the journal must stay untouched.
  void ExpectNoMutation();
  // A catch-all expectation on every method a test may narrow, so that an EXPECT_CALL on one
  // argument (Stop("IISADMIN")) does not make the other calls (Stop("W3SVC")) unexpected.
  void AllowAnyCall();
  void ExpectJournalUntouched() const {
    EXPECT_TRUE(journal.history.empty());
    EXPECT_EQ(journal.clears, 0);
  }

  // Every text a run produced that a person or a file could see.
  std::string AllText(const fixer::RunResult& r) const;

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
  ::testing::NiceMock<MockWebProbe> web;
  fixer::Ports ports{scm,    accounts,  rights, secrets, profiles, logon,  security,
                     aspnet, inventory, policy, journal, events,   random, web};
  std::ostringstream log_text;
  std::shared_ptr<spdlog::logger> logger;

 private:
  void Trace(std::string what) { w.calls.push_back(std::move(what)); }
  void InstallDefaults();
};

}  // namespace fixer_test
