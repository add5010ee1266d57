// End to end: the real fixer against the fake Windows machine (fakes::MachinePorts) with the
// simulator's web stack as the probe. For both strategies a broken XP Professional machine is
// fixed, the custom grants keep working for the worker account, services are as before, a
// second apply changes nothing, and no password reaches any log line, message, report or
// journal record.
#include <memory>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "app/fixer_report.h"
#include "fakes/acl_inheritance.h"
#include "fakes/aspnet_setup.h"
#include "fakes/fresh_install.h"
#include "fakes/hotfix_catalog.h"
#include "fakes/lsa.h"
#include "fakes/machine_ports.h"
#include "fakes/objects.h"
#include "fakes/password_rules.h"
#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "fakes/sql.h"
#include "fakes/web_probe.h"
#include "fixer/fixer.h"
#include "fixer/name_case.h"

namespace {

using fixer::ObjectNamespace;
using fixer::Outcome;
using fixer::Sid;
using fixer::Strategy;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kAppPath = "/LM/W3SVC/1/ROOT/app";
constexpr const char* kAppFolder = "C:\\Inetpub\\wwwroot\\app";
constexpr const char* kDataFolder = "C:\\Inetpub\\wwwroot\\app\\App_Data";
constexpr const char* kRegistryKey = "HKLM\\SOFTWARE\\Contoso\\OrderApp";
constexpr const char* kCustomRight = "SeNetworkLogonRight";
constexpr const char* kCustomGroup = "Power Users";

void Ok(const fixer::Status& st, const std::string& what) { ASSERT_TRUE(st.ok()) << what << ": " << st; }

fixer::Status CreateFolder(fakes::Machine& m, const std::string& path) {
  const fixer::ObjectRef ref{ObjectNamespace::kFile, path};
  const fakes::SecurableObject* parent = fakes::NearestAncestor(m.state(), ref);
  const Sid owner = Sid::Administrators();
  auto dacl = fakes::InheritedDacl(parent ? parent->dacl : std::vector<fixer::Ace>{}, true, owner);
  return fakes::ObjectStore(m).Create(ref.ns, path, true, owner, std::move(dacl));
}

// Windows XP Professional SP1, IIS 5.1, ASP.NET 1.0 registered, an application on it, MS03-032
// installed; ASPNET has custom grants on a data folder (protected: only Administrators and
// ASPNET), a registry key (only ASPNET), a SQL login and db user, a user right held directly and
// a group membership. aspnet_state runs (as .\ASPNET); MSFTPSVC does not exist on XP.
fakes::Machine BrokenMachine() {
  fakes::InstallOptions options;
  options.seed = 20030822;
  fakes::Machine m(fakes::FreshInstall(options));
  Ok(fakes::AspNetSetup(m).InstallFramework(std::string(fixer::kFramework10)), "install 1.0");
  if (!fakes::ObjectStore(m).Exists({ObjectNamespace::kFile, kAppFolder})) {
    Ok(CreateFolder(m, kAppFolder), "app folder");
  }
  m.state().products.applications.push_back({.path = kAppPath,
                                             .physical_path = kAppFolder,
                                             .framework_version = std::string(fixer::kFramework10),
                                             .session_state = fixer::SessionStateMode::kInProc});
  Ok(fakes::InstallHotfix(m, "MS03-032"), "MS03-032");
  for (auto& s : m.state().services)
    if (fixer::SameWindowsName(s.name, "aspnet_state")) s.state = fixer::ServiceState::kRunning;

  fakes::Sam sam(m);
  auto sid = sam.LookupName("ASPNET");
  EXPECT_TRUE(sid.ok());
  fakes::ObjectStore objects(m);
  const uint32_t inherit = fixer::kObjectInheritAce | fixer::kContainerInheritAce;
  Ok(objects.Create(ObjectNamespace::kFile, kDataFolder, true, Sid::Administrators(),
                    {{fixer::AceType::kAllow, Sid::Administrators(), fixer::kFileAllAccess, inherit}}),
     "data folder");
  Ok(objects.AddAce({ObjectNamespace::kFile, kDataFolder}, {fixer::AceType::kAllow, *sid, fixer::kFileModify, inherit}),
     "data folder ACE");
  Ok(objects.Create(ObjectNamespace::kRegistry, kRegistryKey, true, Sid::Administrators(), {}), "registry key");
  Ok(objects.AddAce({ObjectNamespace::kRegistry, kRegistryKey},
                    {fixer::AceType::kAllow, *sid, fixer::kKeyRead, fixer::kContainerInheritAce}),
     "registry ACE");
  m.state().sql.installed = true;
  m.state().sql.databases = {"master", "Northwind"};
  fakes::SqlServer sql(m);
  Ok(sql.GrantLogin(m.state().products.os.computer_name + "\\ASPNET"), "sql login");
  Ok(sql.CreateDbUser({"Northwind", "ASPNET", *sid, {"db_datareader", "db_datawriter"}}), "db user");
  Ok(fakes::Lsa(m).Grant(*sid, kCustomRight), "user right");
  Ok(sam.AddMember(kCustomGroup, *sid), "group");
  m.faults().ResetCounters();
  return m;
}

// Records every password the fixer hands to the machine, to search the outputs for them.
class CapturingAccounts : public fixer::AccountsWrapper {
 public:
  CapturingAccounts(fixer::Accounts& inner, std::vector<std::string>& seen) : AccountsWrapper(inner), seen_(seen) {}
  fixer::Result<Sid> Create(const fixer::NewAccount& spec, const fixer::Secret& pw) override {
    seen_.emplace_back(pw.Reveal());
    return AccountsWrapper::Create(spec, pw);
  }
  fixer::Status SetPassword(const std::string& n, const fixer::Secret& pw) override {
    seen_.emplace_back(pw.Reveal());
    return AccountsWrapper::SetPassword(n, pw);
  }

 private:
  std::vector<std::string>& seen_;
};

class CapturingLogon : public fixer::LogonWrapper {
 public:
  CapturingLogon(fixer::Logon& inner, std::vector<std::string>& seen) : LogonWrapper(inner), seen_(seen) {}
  fixer::Status RunWithProfile(const std::string& u, const fixer::Secret& pw, const std::string& cmd) override {
    seen_.emplace_back(pw.Reveal());
    return LogonWrapper::RunWithProfile(u, pw, cmd);
  }

 private:
  std::vector<std::string>& seen_;
};

// One fixer session on the machine: ports over it, the web model as the probe, a log captured
// to text, and every journal record the machine ever held.
class Session {
 public:
  explicit Session(fakes::Machine& m)
      : m_(m),
        probe_(m),
        machine_ports_(m, &probe_),
        accounts_(machine_ports_.ports().accounts, passwords),
        logon_(machine_ports_.ports().logon, passwords),
        ports_(machine_ports_.ports().With(accounts_).With(logon_)) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_st>(log);
    sink->set_pattern("[%l] %v");
    logger_ = std::make_shared<spdlog::logger>("aspnet-fixer", sink);
    logger_->set_level(spdlog::level::trace);
    m_.set_before_mutation([this] { Keep(m_.state().journal); });
  }
  ~Session() { m_.set_before_mutation(nullptr); }

  fixer::RunResult Apply(fixer::Options o) {
    fixer::RunResult r = fixer::Fixer(ports_, logger_, std::move(o)).Apply();
    Keep(m_.state().journal);
    return r;
  }
  fixer::Result<fixer::HttpResponse> Probe() { return probe_.Get(kAppPath); }

  // Every text the run produced: log, messages, errors, re-grant report, refusal, the text
  // and JSON reports, each journal record, and the targets of every mutation.
  std::string AllText(const fixer::RunResult& r) const {
    std::string all = log.str();
    for (const auto& x : r.messages) all += x + "\n";
    for (const auto& e : r.errors) all += e.step + " " + e.message + "\n";
    for (const auto& g : r.regranted) all += g.what + " " + g.error + "\n";
    if (r.refusal) all += r.refusal->why + "\n" + r.refusal->instead + "\n";
    all += app::RenderRunText(r) + "\n" + app::RunToJson(r).dump() + "\n";
    for (const auto& rec : journal) {
      all += rec.step + "\n";
      for (const auto& [k, v] : rec.data) all += k + "=" + v + "\n";
    }
    for (const auto& ev : m_.faults().trace()) all += ev.op + " " + ev.target + "\n";
    return all;
  }

  std::ostringstream log;
  std::vector<std::string> passwords;         // every password handed to Accounts / Logon
  std::vector<fixer::JournalRecord> journal;  // every record the journal ever held

 private:
  void Keep(const std::vector<fixer::JournalRecord>& now) {
    for (const auto& rec : now)
      if (std::find(journal.begin(), journal.end(), rec) == journal.end()) journal.push_back(rec);
  }
  fakes::Machine& m_;
  fakes::ModelWebProbe probe_;
  fakes::MachinePorts machine_ports_;
  CapturingAccounts accounts_;
  CapturingLogon logon_;
  fixer::Ports ports_;
  std::shared_ptr<spdlog::logger> logger_;
};

std::string WorkerSecret(fakes::Machine& m) {
  auto s = fakes::Lsa(m).RetrieveSecret(std::string(fixer::kAspNetWorkerSecret));
  EXPECT_TRUE(s.ok());
  return s.ok() ? std::string(s->Reveal()) : std::string();
}

std::map<std::string, fixer::ServiceState> ServiceStates(const fakes::Machine& m) {
  std::map<std::string, fixer::ServiceState> out;
  for (const auto& s : m.state().services) out[s.name] = s.state;
  return out;
}

// Does every custom grant work for `sid` (the worker account now)?
void ExpectGrantsWorkFor(fakes::Machine& m, const Sid& sid) {
  fakes::ObjectStore objects(m);
  EXPECT_TRUE(objects.AccessAllowed({ObjectNamespace::kFile, kDataFolder}, {sid}, fixer::kFileModify)) << "file ACE";
  EXPECT_TRUE(objects.AccessAllowed({ObjectNamespace::kRegistry, kRegistryKey}, {sid}, fixer::kKeyRead))
      << "registry ACE";
  fakes::SqlServer sql(m);
  EXPECT_TRUE(sql.LoginWorksFor(sid)) << "SQL login";
  auto users = sql.DbUsersFor(sid);
  ASSERT_EQ(users.size(), 1u) << "db user";
  EXPECT_EQ(users[0].database, "Northwind");
  EXPECT_THAT(users[0].roles, ::testing::ElementsAre("db_datareader", "db_datawriter"));
  EXPECT_THAT(fakes::Lsa(m).RightsOf(sid), ::testing::Contains(kCustomRight)) << "user right";
  fakes::Sam sam(m);
  auto* group = sam.FindGroup(kCustomGroup);
  ASSERT_NE(group, nullptr);
  EXPECT_THAT(group->members, ::testing::Contains(sid)) << "group membership";
}

class FakeMachineE2E : public ::testing::TestWithParam<Strategy> {
 public:
  fixer::Options Opts() {
    fixer::Options o;
    o.strategy = GetParam();
    return o;
  }
};

TEST_P(FakeMachineE2E, FixesTheBrokenMachineKeepsGrantsAndASecondApplyIsANoOp) {
  fakes::Machine m = BrokenMachine();
  const Sid old_sid = *fakes::Sam(m).LookupName("ASPNET");
  const std::string old_secret = WorkerSecret(m);
  const auto services_before = ServiceStates(m);
  ExpectGrantsWorkFor(m, old_sid);

  Session s(m);
  {
    auto before = s.Probe();
    ASSERT_TRUE(before.ok()) << before.status();
    EXPECT_EQ(before->status, 503);
    EXPECT_THAT(before->body, HasSubstr("Server Application Unavailable"));
  }

  fixer::RunResult r = s.Apply(Opts());
  ASSERT_EQ(r.outcome, Outcome::kFixed) << s.AllText(r);
  EXPECT_EQ(r.exit_code(), fixer::ExitCode::kOk);
  ASSERT_TRUE(r.diagnosis.has_value());
  EXPECT_EQ(r.diagnosis->symptom, fixer::SymptomCheck::kSeen);

  // Fixed: the application answers, the worker has a profile.
  auto after = s.Probe();
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->status, 200) << after->body;
  auto sid = fakes::Sam(m).LookupName("ASPNET");
  ASSERT_TRUE(sid.ok());
  EXPECT_NE(fakes::ProfileStore(m).Find(*sid), nullptr);
  const std::string new_secret = WorkerSecret(m);
  EXPECT_NE(new_secret, old_secret) << "aspnet_regiis -i sets a new random password";
  // The account's password is the one ASP.NET keeps, so the worker can log on.
  EXPECT_EQ(fakes::Sam(m).FindUser("ASPNET")->password_hash, fakes::NtHash(new_secret));

  if (GetParam() == Strategy::kKeepSid) {
    EXPECT_EQ(*sid, old_sid) << "keep-sid keeps the SID";
    EXPECT_TRUE(r.regranted.empty());
  } else {
    EXPECT_NE(*sid, old_sid) << "recreate gives a new SID";
    std::map<std::string, int> ok_kinds;
    for (const auto& g : r.regranted) {
      EXPECT_TRUE(g.ok) << g.kind << " " << g.what << ": " << g.error;
      ++ok_kinds[g.kind];
    }
    for (const char* kind : {"ace", "right", "group", "sql-login", "db-user"}) {
      EXPECT_GE(ok_kinds[kind], 1) << kind << " not reported re-granted";
    }
  }
  ExpectGrantsWorkFor(m, *sid);
  EXPECT_EQ(ServiceStates(m), services_before);
  EXPECT_TRUE(m.state().journal.empty());

  // The second apply: nothing to do, nothing changed.
  const fakes::MachineState fixed = m.state();
  fixer::RunResult again = s.Apply(Opts());
  EXPECT_EQ(again.outcome, Outcome::kNothingToDo) << s.AllText(again);
  EXPECT_EQ(again.exit_code(), fixer::ExitCode::kOk);
  EXPECT_TRUE(m.state() == fixed) << "the second apply changed the machine";
}

TEST_P(FakeMachineE2E, NoPasswordReachesALogLineMessageReportOrJournalRecord) {
  fakes::Machine m = BrokenMachine();
  const std::string old_secret = WorkerSecret(m);
  Session s(m);
  fixer::RunResult r = s.Apply(Opts());
  ASSERT_EQ(r.outcome, Outcome::kFixed) << s.AllText(r);

  std::vector<std::string> secrets = s.passwords;  // the temporary password(s)
  ASSERT_FALSE(secrets.empty()) << "the fixer set no temporary password?";
  secrets.push_back(old_secret);
  secrets.push_back(WorkerSecret(m));  // the one aspnet_regiis -i generated
  const std::string text = s.AllText(r);
  ASSERT_THAT(text, HasSubstr("step create-profile"));  // the capture works
  ASSERT_FALSE(s.journal.empty());
  for (const auto& pw : secrets) {
    ASSERT_GE(pw.size(), 8u);
    EXPECT_THAT(text, Not(HasSubstr(pw)));
  }
}

TEST_P(FakeMachineE2E, AnOperatorTemporaryPasswordIsNeverWrittenEither) {
  fakes::Machine m = BrokenMachine();
  Session s(m);
  fixer::Options o = Opts();
  const std::string typed = "Typed#By-Operator2003";
  o.temp_password = fixer::Secret::FromString(typed);
  fixer::RunResult r = s.Apply(std::move(o));
  ASSERT_EQ(r.outcome, Outcome::kFixed) << s.AllText(r);
  EXPECT_THAT(s.passwords, ::testing::Contains(typed));
  EXPECT_THAT(s.AllText(r), Not(HasSubstr(typed)));
}

TEST_P(FakeMachineE2E, APolicyRejectedOperatorPasswordChangesNothing) {
  fakes::Machine m = BrokenMachine();
  m.state().lsa.password_policy.min_length = 12;
  m.state().lsa.password_policy.complexity = true;
  const fakes::MachineState before = m.state();
  Session s(m);
  fixer::Options o = Opts();
  o.temp_password = fixer::Secret::FromString("1pass@word");  // fixup.cmd's, 10 characters
  fixer::RunResult r = s.Apply(std::move(o));
  EXPECT_EQ(r.outcome, Outcome::kRefused) << s.AllText(r);
  EXPECT_EQ(r.exit_code(), fixer::ExitCode::kRefused);
  ASSERT_TRUE(r.refusal.has_value());
  EXPECT_EQ(r.refusal->reason, fixer::RefusalReason::kTempPasswordRejected);
  EXPECT_TRUE(m.state() == before);
  EXPECT_EQ(m.faults().calls(), 0u) << "no mutating call at all";
  EXPECT_THAT(s.AllText(r), Not(HasSubstr("1pass@word")));
}

// A failed keep-sid repair under "Enforce password history" puts ASPNET's old password back
// exactly: an administrator's set is not bound by the history (Q102529), so the undo of the
// temporary password restores the hash and the LSA secret keeps the password that matches it.
TEST(FakeMachineRestore, UndoOfTheTemporaryPasswordRestoresItUnderAHistoryPolicy) {
  fakes::Machine m = BrokenMachine();
  m.state().lsa.password_policy.history = 24;
  const std::string old_hash = fakes::Sam(m).FindUser("ASPNET")->password_hash;
  const std::string old_secret = WorkerSecret(m);
  m.faults().Add({.op = "profile.create", .nth = 1});
  Session s(m);
  fixer::Options o;
  o.strategy = Strategy::kKeepSid;
  fixer::RunResult r = s.Apply(std::move(o));
  ASSERT_EQ(r.outcome, Outcome::kFailedRestored) << s.AllText(r);
  EXPECT_EQ(fakes::Sam(m).FindUser("ASPNET")->password_hash, old_hash);
  EXPECT_EQ(WorkerSecret(m), old_secret);
}

INSTANTIATE_TEST_SUITE_P(Strategies, FakeMachineE2E, ::testing::Values(Strategy::kKeepSid, Strategy::kRecreate),
                         [](const auto& info) {
                           return info.param == Strategy::kKeepSid ? std::string("KeepSid") : std::string("Recreate");
                         });

}  // namespace

namespace {

// aspnet_regiis -sn / -kn through the port (choice-script-map-path): one application's maps,
// named case-insensitively; a path no application has is 3, tools missing 2 (a version not
// installed, or installed without its tools); the same map again
// changes nothing.
TEST(AspNetSetMap, PointsOneApplicationAndSaysWhatIsMissing) {
  fakes::Machine m = BrokenMachine();
  fakes::MachinePorts ports(m);
  fixer::AspNet& aspnet = ports.ports().aspnet;
  const auto framework_of = [&](const std::string& path) {
    return m.state().products.applications.FindName(path)->framework_version;
  };
  Ok(aspnet.SetScriptMap("/lm/w3svc/1/root/APP", ""), "-kn");
  EXPECT_EQ(framework_of(kAppPath), "");
  Ok(aspnet.SetScriptMap(kAppPath, std::string(fixer::kFramework10)), "-sn 1.0");
  EXPECT_EQ(framework_of(kAppPath), fixer::kFramework10);
  const fakes::MachineState before = m.state();
  Ok(aspnet.SetScriptMap(kAppPath, std::string(fixer::kFramework10)), "-sn 1.0 again");
  EXPECT_TRUE(m.state() == before);
  EXPECT_EQ(aspnet.SetScriptMap("/LM/W3SVC/1/ROOT/none", "").code(), fixer::kErrorPathNotFound);
  EXPECT_EQ(aspnet.SetScriptMap(kAppPath, std::string(fixer::kFramework11)).code(), fixer::kErrorFileNotFound);
  for (auto& fw : m.state().products.frameworks) fw.tools_present = false;
  EXPECT_EQ(aspnet.SetScriptMap(kAppPath, "").code(), fixer::kErrorFileNotFound);
  EXPECT_EQ(aspnet.SetScriptMap(kAppPath, std::string(fixer::kFramework10)).code(), fixer::kErrorFileNotFound)
      << "1.0 is installed, its tools are not";
  EXPECT_EQ(framework_of(kAppPath), fixer::kFramework10);
}

}  // namespace
