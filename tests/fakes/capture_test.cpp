// aspnet-fixer capture on the fake backend (app/capture.h): it reads only, it writes no secret,
// it lists what a port refused, and capture -> load -> capture gives the same document.
#include <algorithm>

#include <gtest/gtest.h>

#include "app/capture.h"
#include "capture_helpers.h"
#include "fakes/faults.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"
#include "fakes/os_editions.h"

namespace {

// An XP box with most of what a capture reads: a second framework with a clear-text identity,
// a service account, a custom group, ACEs (one naming a deleted account), SQL logins, a stale
// secret, a profile, events and a journal.
constexpr const char* kShopXp = R"(os: windows-xp-professional
seed: 7
computer_name: SHOPWEB
frameworks:
  - 1.0
  - version: 1.1
    process_model: {userName: 'SHOPWEB\webworker', password: 'W0rker!pass'}
hotfixes: [MS03-026, MS03-032]
policy:
  password: {min_length: 8, complexity: true, history: 3, max_age_days: 90}
  lockout: {threshold: 5}
groups:
  WebAdmins: {comment: People who publish the shop, members: [alice]}
accounts:
  alice: {password: Wonder1and!, full_name: Alice Liddell, groups: [Users, Administrators]}
  webworker: {password: W0rker!pass, flags: [password_never_expires]}
  shopsvc: {password: Sh0p-Service, flags: [password_never_expires, cannot_change_password]}
  gone: {password: Gone-4ever!}
rights:
  shopsvc: [SeServiceLogonRight]
profiles:
  alice: present
objects:
  - file: 'C:\Inetpub\wwwroot\shop\App_Data'
    acl:
      - {allow: Administrators, mask: full, flags: [OI, CI]}
      - {allow: ASPNET, mask: modify, flags: [OI, CI]}
      - {allow: shopsvc, mask: read}
  - registry: 'HKLM\SOFTWARE\Shop'
    acl:
      - {allow: ASPNET, mask: read}
sql:
  databases: [shop]
  logins:
    - {name: 'SHOPWEB\ASPNET', default_database: shop}
  users:
    - {database: shop, name: ASPNET, login: 'SHOPWEB\ASPNET', roles: [db_datareader]}
services:
  ShopQueue: {display_name: Shop Order Queue, state: running, start_type: auto, account: '.\shopsvc', dependencies: [W3SVC]}
  SMTPSVC: {absent: true}
applications:
  - {path: /LM/W3SVC/1/ROOT/shop, framework: 1.0, session_state: StateServer}
session:
  caller: alice
events:
  - {source: ASP.NET 1.0.3705.0, id: 1000, type: error, text: "aspnet_wp.exe could not be started."}
journal:
  - {seq: 1, step: stop-services, phase: begin, data: {services: W3SVC}}
)";

using capture_helpers::CaptureOf;
using capture_helpers::Load;

// Every mutating call of every port fails the test; reads pass through.
struct NoChanges {
  struct Accounts : fixer::AccountsWrapper {
    using AccountsWrapper::AccountsWrapper;
    fixer::Result<fixer::Sid> Create(const fixer::NewAccount&, const fixer::Secret&) override {
      return Refuse("Create");
    }
    fixer::Status Delete(const std::string&) override { return Refuse("Delete"); }
    fixer::Status SetPassword(const std::string&, const fixer::Secret&) override { return Refuse("SetPassword"); }
    fixer::Status SetFlags(const std::string&, const fixer::AccountFlags&) override { return Refuse("SetFlags"); }
    fixer::Status AddToGroup(const std::string&, const fixer::Sid&) override { return Refuse("AddToGroup"); }
    fixer::Status RemoveFromGroup(const std::string&, const fixer::Sid&) override { return Refuse("RemoveFromGroup"); }
  };
  struct Rights : fixer::RightsWrapper {
    using RightsWrapper::RightsWrapper;
    fixer::Status Grant(const fixer::Sid&, const std::string&) override { return Refuse("Grant"); }
    fixer::Status Revoke(const fixer::Sid&, const std::string&) override { return Refuse("Revoke"); }
  };
  struct Secrets : fixer::SecretsWrapper {
    using SecretsWrapper::SecretsWrapper;
    fixer::Status Store(const std::string&, const fixer::Secret&) override { return Refuse("Store"); }
  };
  struct Profiles : fixer::ProfilesWrapper {
    using ProfilesWrapper::ProfilesWrapper;
    fixer::Status Delete(const fixer::Sid&) override { return Refuse("Profiles::Delete"); }
    fixer::Status RemoveEntry(const fixer::Sid&) override { return Refuse("RemoveEntry"); }
    fixer::Status WriteEntry(const fixer::ProfileListEntry&) override { return Refuse("WriteEntry"); }
  };
  struct Logon : fixer::LogonWrapper {
    using LogonWrapper::LogonWrapper;
    fixer::Status RunWithProfile(const std::string&, const fixer::Secret&, const std::string&) override {
      return Refuse("RunWithProfile");
    }
  };
  struct Security : fixer::SecurityWrapper {
    using SecurityWrapper::SecurityWrapper;
    fixer::Status AddAce(const fixer::ObjectRef&, const fixer::Ace&) override { return Refuse("AddAce"); }
    fixer::Status AddAces(const fixer::ObjectRef&, std::span<const fixer::Ace>) override { return Refuse("AddAces"); }
    fixer::Status CreateLogin(const fixer::SqlLogin&) override { return Refuse("CreateLogin"); }
    fixer::Status DropLogin(const std::string&) override { return Refuse("DropLogin"); }
    fixer::Status CreateDbUser(const fixer::SqlDbUser&) override { return Refuse("CreateDbUser"); }
    fixer::Status DropDbUser(const std::string&, const std::string&) override { return Refuse("DropDbUser"); }
  };
  struct AspNet : fixer::AspNetWrapper {
    using AspNetWrapper::AspNetWrapper;
    fixer::Status Register(const std::string&) override { return Refuse("Register"); }
  };
  struct Journal : fixer::JournalWrapper {
    using JournalWrapper::JournalWrapper;
    fixer::Status Append(fixer::JournalRecord) override { return Refuse("Journal::Append"); }
    fixer::Status Clear() override { return Refuse("Journal::Clear"); }
  };
  struct Events : fixer::EventLogWrapper {
    using EventLogWrapper::EventLogWrapper;
    fixer::Status Write(const fixer::EventRecord&) override { return Refuse("EventLog::Write"); }
  };
  struct Services : fixer::ServiceControlWrapper {
    using ServiceControlWrapper::ServiceControlWrapper;
    fixer::Status Stop(const std::string&) override { return Refuse("Stop"); }
    fixer::Status Start(const std::string&) override { return Refuse("Start"); }
  };
  static fixer::Status Refuse(const char* call) {
    ADD_FAILURE() << "capture made the mutating call " << call;
    return fixer::Status::Win(5);
  }

  explicit NoChanges(fixer::Ports& p)
      : accounts(p.accounts),
        rights(p.rights),
        secrets(p.secrets),
        profiles(p.profiles),
        logon(p.logon),
        security(p.security),
        aspnet(p.aspnet),
        journal(p.journal),
        events(p.events),
        services(p.services),
        ports(p.With(accounts)
                  .With(rights)
                  .With(secrets)
                  .With(profiles)
                  .With(logon)
                  .With(security)
                  .With(aspnet)
                  .With(journal)
                  .With(events)
                  .With(services)) {}
  Accounts accounts;
  Rights rights;
  Secrets secrets;
  Profiles profiles;
  Logon logon;
  Security security;
  AspNet aspnet;
  Journal journal;
  Events events;
  Services services;
  fixer::Ports ports;
};

TEST(Capture, MakesNoMutatingCall) {
  const fakes::MachineState found = Load(kShopXp, "shop.yaml");
  fakes::Machine machine(found);
  fakes::MachineBackend backend(machine);
  NoChanges only_reads(backend.ports());
  const app::Capture c = app::CaptureMachine(only_reads.ports, "aspnet-fixer test");
  EXPECT_TRUE(c.unreadable.empty()) << app::CaptureText(c);
  EXPECT_EQ(machine.faults().calls(), 0u) << "the fake counted a mutating call";
  EXPECT_TRUE(machine.state() == found) << "the machine changed";
}

TEST(Capture, RoundTripsThroughTheLoader) {
  fakes::Machine original(Load(kShopXp, "shop.yaml"));
  const app::Capture first = CaptureOf(original);
  ASSERT_TRUE(first.unreadable.empty()) << app::CaptureText(first);
  fakes::Machine reproduced(Load(app::CaptureText(first), "captured.yaml"));
  const app::Capture second = CaptureOf(reproduced);
  EXPECT_EQ(app::CaptureText(second), app::CaptureText(first));
}

// capture writes each edition with the machine file's own word (fakes/os_editions.h): its
// reproduction is that edition, with that edition's web server.
TEST(Capture, WritesEveryEditionAsTheLoaderReadsIt) {
  for (const fakes::EditionFacts& e : fakes::AllEditions()) {
    const std::string machine = "os: " + std::string(e.machine_word) + "\n";
    fakes::Machine original(Load(machine, "edition.yaml"));
    const std::string text = app::CaptureText(CaptureOf(original));
    EXPECT_NE(text.find("\"os\": \"" + std::string(e.machine_word) + "\""), std::string::npos) << text;
    fakes::Machine reproduced(Load(text, "captured.yaml"));
    EXPECT_EQ(reproduced.state().products.os.edition, e.edition) << e.machine_word;
    EXPECT_EQ(reproduced.state().products.web.kind, original.state().products.web.kind) << e.machine_word;
  }
}

// The parts the fixer reads through its ports are the same on the original and the reproduction.
TEST(Capture, ReproducesWhatThePortsSee) {
  fakes::Machine original(Load(kShopXp, "shop.yaml"));
  fakes::Machine reproduced(Load(app::CaptureText(CaptureOf(original)), "captured.yaml"));
  fakes::MachineBackend a(original), b(reproduced);
  fixer::Ports& pa = a.ports();
  fixer::Ports& pb = b.ports();
  EXPECT_EQ(*pa.inventory.Os(), *pb.inventory.Os());
  EXPECT_EQ(*pa.inventory.WebServer(), *pb.inventory.WebServer());
  EXPECT_EQ(*pa.inventory.Hotfixes(), *pb.inventory.Hotfixes());
  EXPECT_EQ(pa.inventory.Caller()->name, pb.inventory.Caller()->name);
  EXPECT_EQ(*pa.aspnet.Applications(), *pb.aspnet.Applications());
  EXPECT_EQ(*pa.policy.Get(), *pb.policy.Get());
  EXPECT_EQ(*pa.events.Read("Application"), *pb.events.Read("Application"));
  EXPECT_EQ(*pa.journal.Load(), *pb.journal.Load());
  std::vector<fixer::FrameworkInfo> frameworks = *pa.aspnet.Frameworks();
  for (fixer::FrameworkInfo& fw : frameworks) {
    if (fw.process_model.password == "W0rker!pass") fw.process_model.password = app::kRedactedPassword;
  }
  EXPECT_EQ(frameworks, *pb.aspnet.Frameworks()) << "equal but for the redacted password";
  for (const char* service : {"W3SVC", "IISADMIN", "SMTPSVC", "ShopQueue", "aspnet_state", "seclogon"}) {
    EXPECT_EQ(pa.services.Query(service).status(), pb.services.Query(service).status()) << service;
    if (pa.services.Query(service).ok()) {
      EXPECT_EQ(*pa.services.Query(service), *pb.services.Query(service));
    }
  }
  for (const char* name : {"ASPNET", "alice", "webworker", "shopsvc"}) {
    auto x = pa.accounts.Lookup(name);
    auto y = pb.accounts.Lookup(name);
    ASSERT_TRUE(x.ok() && y.ok()) << name;
    EXPECT_EQ(x->flags, y->flags) << name;
    EXPECT_EQ(x->groups, y->groups) << name;
    EXPECT_EQ(x->full_name, y->full_name) << name;
    EXPECT_EQ(*pa.rights.Of(x->sid), *pb.rights.Of(y->sid)) << name;
    EXPECT_EQ(pa.security.FindAces(x->sid)->size(), pb.security.FindAces(y->sid)->size()) << name;
    EXPECT_EQ(pa.security.LoginsFor(x->sid)->size(), pb.security.LoginsFor(y->sid)->size()) << name;
    EXPECT_EQ(pa.profiles.Find(x->sid)->has_value(), pb.profiles.Find(y->sid)->has_value()) << name;
  }
  // Each object the capture lists has the original's owner and whole DACL, inherited ACEs included.
  const std::vector<fixer::ObjectRef> listed = capture_helpers::ListedObjects(CaptureOf(original));
  ASSERT_FALSE(listed.empty());
  for (const fixer::ObjectRef& o : listed) {
    EXPECT_EQ(capture_helpers::SecurityByName(original, o), capture_helpers::SecurityByName(reproduced, o)) << o.path;
  }
}

TEST(Capture, WritesNoSecret) {
  fakes::Machine machine(Load(kShopXp, "shop.yaml"));
  const std::string text = app::CaptureText(CaptureOf(machine));
  for (const auto& [name, stored] : machine.state().lsa.secrets) {
    EXPECT_EQ(text.find(stored), std::string::npos) << "the stored value of " << name;
  }
  for (const char* clear : {"W0rker!pass", "Wonder1and!", "Sh0p-Service", "Gone-4ever!"}) {
    EXPECT_EQ(text.find(clear), std::string::npos) << clear;
  }
  for (const auto& u : machine.state().sam.users) {
    if (!u.password_hash.empty()) {
      EXPECT_EQ(text.find(u.password_hash), std::string::npos) << u.name;
    }
  }
  EXPECT_NE(text.find("\"redacted\": true"), std::string::npos) << text;
}

// ASP.NET reads `AutoGenerate` and a `registry:` reference in any case: written so, neither is a
// password to redact, and the reproduction reads them as the original does.
TEST(Capture, KeepsAutoGenerateAndRegistryReferencesInAnyCase) {
  fakes::Machine machine(
      Load("frameworks:\n"
           "  - version: '1.0'\n"
           "    process_model: {userName: machine, password: autogenerate}\n"
           "  - version: '1.1'\n"
           "    process_model: {userName: 'REGISTRY:HKLM\\S\\ASPNET_SETREG,userName', "
           "password: 'Registry:HKLM\\S\\ASPNET_SETREG,password'}\n",
           "any-case.yaml"));
  const std::string text = app::CaptureText(CaptureOf(machine));
  EXPECT_EQ(text.find(app::kRedactedPassword), std::string::npos) << text;
  EXPECT_NE(text.find("\"password\": \"autogenerate\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"password\": \"Registry:HKLM\\\\S\\\\ASPNET_SETREG,password\""), std::string::npos) << text;
}

TEST(Capture, ListsWhatCouldNotBeReadAndTheLoaderKeepsIt) {
  fakes::Machine machine(Load(kShopXp, "shop.yaml"));
  fakes::FaultPlan plan;
  plan.Add({.op = "lsa.rights_of", .nth = 1, .error = fixer::kErrorAccessDenied, .read = true});
  machine.set_faults(plan);
  const app::Capture c = CaptureOf(machine);
  ASSERT_EQ(c.unreadable.size(), 1u) << app::CaptureText(c);
  EXPECT_EQ(c.unreadable[0].error.code(), 5u);
  const fakes::MachineState loaded = Load(app::CaptureText(c), "captured.yaml");
  ASSERT_EQ(loaded.capture.unreadable.size(), 1u);
  EXPECT_EQ(loaded.capture.unreadable[0].read, c.unreadable[0].read);
  EXPECT_EQ(loaded.capture.unreadable[0].error, 5u);
  EXPECT_EQ(loaded.capture.unreadable[0].message, "Access is denied.");
  // Saved and loaded again, the list stays.
  EXPECT_TRUE(Load(fakes::MachineToText(loaded), "saved.yaml") == loaded);
}

TEST(Capture, NothingReadableIsSaid) {
  fakes::Machine machine(Load(kShopXp, "shop.yaml"));
  fakes::FaultPlan plan;
  for (const char* op : {"acl.find_aces",
                         "aspnet.applications",
                         "aspnet.frameworks",
                         "eventlog.read",
                         "inventory.caller",
                         "inventory.hotfixes",
                         "inventory.os",
                         "inventory.web_server",
                         "journal.load",
                         "lsa.retrieve_secret",
                         "lsa.rights_of",
                         "policy.get",
                         "profiles.find",
                         "registry.read_credential",
                         "sam.lookup_user",
                         "scm.active_dependents",
                         "scm.query",
                         "scm.list",
                         "sql.databases",
                         "sql.db_users_for",
                         "sql.logins_for",
                         "sql.logins_named",
                         "profiles.new_folder",
                         "profiles.what_is_at",
                         "sam.groups_containing",
                         "acl.read_security",
                         "inventory.console_user",
                         "policy.limit_blank_password_use",
                         "logon.check_password",
                         "sam.lookup_sid"}) {
    for (uint64_t n = 1; n <= 40; ++n) plan.Add({.op = op, .nth = n, .read = true});
  }
  machine.set_faults(plan);
  const app::Capture c = CaptureOf(machine);
  EXPECT_EQ(c.reads_ok, 0) << app::CaptureText(c);
  EXPECT_FALSE(c.unreadable.empty());
}

// Audit 10 item 11: every folder a new profile of ASPNET cannot take (ASPNET, ASPNET.XPPRO,
// ASPNET.XPPRO.000, the names in any case) is kept, so the reproduction's new profile goes where
// the machine's would, ASPNET.XPPRO.001, not to the first folder the capture left out.
TEST(Capture, KeepsEveryTakenProfileFolderSoTheReproductionPicksTheSameOne) {
  fakes::Machine original(
      Load("os: windows-xp-professional\n"
           "frameworks: [1.0]\n"
           "hotfixes: [MS03-032]\n"
           "objects:\n"
           "  - file: 'C:\\Documents and Settings\\ASPNET'\n"
           "  - file: 'C:\\Documents and Settings\\aspnet.xppro'\n"
           "  - file: 'C:\\Documents and Settings\\ASPNET.XPPRO.000'\n"
           "applications:\n"
           "  - path: /LM/W3SVC/1/ROOT/orders\n",
           "taken.yaml"));
  fakes::MachineBackend a(original);
  const fixer::Result<std::string> machines =
      a.ports().profiles.NewProfileFolder("ASPNET", fixer::NewProfileOwner::kPresentAccount);
  ASSERT_TRUE(machines.ok());
  EXPECT_EQ(*machines, "C:\\Documents and Settings\\ASPNET.XPPRO.001");
  fakes::Machine reproduced(Load(app::CaptureText(CaptureOf(original)), "captured.yaml"));
  fakes::MachineBackend b(reproduced);
  const fixer::Result<std::string> reproductions =
      b.ports().profiles.NewProfileFolder("ASPNET", fixer::NewProfileOwner::kPresentAccount);
  ASSERT_TRUE(reproductions.ok());
  EXPECT_EQ(*reproductions, *machines);
}

// Audit 22 item 10: a plain file holding the name a new profile's folder would take is captured
// as a file (`container: false`), so the reproduction's diagnosis says a file, as the machine's.
TEST(Capture, KeepsAPlainFileThatTakesTheProfileFolderAsAFile) {
  fakes::Machine original(
      Load("os: windows-xp-professional\n"
           "frameworks: [1.0]\n"
           "hotfixes: [MS03-032]\n"
           "objects:\n"
           "  - file: 'C:\\Documents and Settings\\ASPNET'\n"
           "    container: false\n"
           "applications:\n"
           "  - path: /LM/W3SVC/1/ROOT/orders\n",
           "file.yaml"));
  const std::string path = "C:\\Documents and Settings\\ASPNET";
  fakes::MachineBackend a(original);
  ASSERT_EQ(*a.ports().profiles.WhatIsAt(path), fixer::PathHolder::kFile);
  fakes::Machine reproduced(Load(app::CaptureText(CaptureOf(original)), "captured.yaml"));
  fakes::MachineBackend b(reproduced);
  const fixer::Result<fixer::PathHolder> held = b.ports().profiles.WhatIsAt(path);
  ASSERT_TRUE(held.ok());
  EXPECT_EQ(*held, fixer::PathHolder::kFile);
}

// The accounts port reads UF_PASSWD_NOTREQD (fixer::Account::password_not_required) and capture
// writes it as the machine file's flag: a service account that needs no password keeps the flag in
// the reproduction, the ports read it there as on the machine, and the caller, without it, stays
// without it (docs/windows-reference.md#net-commands).
TEST(Capture, KeepsPasswordNotRequired) {
  fakes::Machine original(
      Load("os: windows-xp-professional\n"
           "frameworks: [1.0]\n"
           "accounts:\n"
           "  alice: {password: Wonder1and!, groups: [Administrators]}\n"
           "  queuesvc: {password: '', flags: [password_not_required, password_never_expires]}\n"
           "services:\n"
           "  Queue: {state: running, start_type: auto, account: '.\\queuesvc'}\n"
           "session: {caller: alice}\n",
           "notreqd.yaml"));
  const app::Capture c = CaptureOf(original);
  ASSERT_TRUE(c.unreadable.empty()) << app::CaptureText(c);
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.yaml"));
  fakes::MachineBackend a(original), b(reproduced);
  for (const char* name : {"queuesvc", "alice"}) {
    const fixer::Result<fixer::Account> x = a.ports().accounts.Lookup(name);
    const fixer::Result<fixer::Account> y = b.ports().accounts.Lookup(name);
    ASSERT_TRUE(x.ok() && y.ok()) << name;
    EXPECT_EQ(x->password_not_required, std::string_view(name) == "queuesvc") << name;
    EXPECT_EQ(y->password_not_required, x->password_not_required) << name << "\n" << app::CaptureText(c);
    EXPECT_EQ(y->flags, x->flags) << name;
  }
}

// Audit 12 item 2 and audit 14 item 13: a caller whose account could not be read (2140 under Wine)
// has no account in the file to be: the capture writes the caller as the machine's read gave it,
// so the reproduction's caller read answers as the machine's did (it passed there), never with the
// file's default caller, Administrator; the account's read fails there as on the machine.
TEST(Capture, ACallerWhoseAccountWasNotReadIsNoDefaultCaller) {
  fakes::Machine machine(
      Load("os: windows-xp-professional\n"
           "frameworks: [1.0]\n"
           "accounts:\n"
           "  alice: {password: Wonder1and!, groups: [Administrators]}\n"
           "session: {caller: alice}\n",
           "alice.yaml"));
  fakes::FaultPlan plan;
  for (uint64_t n = 1; n <= 10; ++n) plan.Add({.op = "sam.lookup_user", .nth = n, .error = 2140, .read = true});
  machine.set_faults(plan);
  const app::Capture c = CaptureOf(machine);
  auto unread = [&](std::string_view read) {
    return std::find_if(c.unreadable.begin(), c.unreadable.end(),
                        [&](const app::UnreadablePart& u) { return u.read == read; });
  };
  EXPECT_EQ(unread("the calling user"), c.unreadable.end()) << "the machine's caller read passed";
  const auto account_read = unread("the account alice");
  ASSERT_NE(account_read, c.unreadable.end()) << app::CaptureText(c);
  EXPECT_EQ(account_read->error.code(), 2140u);
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.yaml"));
  fakes::MachineBackend b(reproduced);
  const fixer::Result<fixer::CallerInfo> caller = b.ports().inventory.Caller();
  ASSERT_TRUE(caller.ok()) << caller.status().ToString();
  EXPECT_EQ(caller->name, "alice");
  EXPECT_TRUE(caller->is_admin);
  EXPECT_EQ(b.ports().accounts.Lookup("alice").status().code(), 2140u);
}

}  // namespace
