// Every refusal of the fixer against gmock ports: each says why and what to do instead, ends
// with exit code 3 (or 4 for a pending journal), and no mutating port method is ever called.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock_ports.h"

namespace fixer_test {
namespace {

using fixer::Outcome;
using fixer::RefusalReason;
using fixer::Strategy;
using ::testing::_;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

class Refusal : public MockPortsTest, public ::testing::WithParamInterface<Strategy> {
 public:
  fixer::Options Opts() {
    fixer::Options o;
    o.strategy = GetParam();
    return o;
  }
  // Apply with every mutation forbidden; the world must be exactly as before.
  fixer::RunResult ApplyExpectingNoChange(fixer::Options o) {
    ExpectNoMutation();
    const std::string before = w.Snapshot();
    fixer::RunResult r = MakeFixer(std::move(o)).Apply();
    EXPECT_EQ(w.Snapshot(), before);
    EXPECT_TRUE(w.calls.empty()) << ::testing::PrintToString(w.calls);
    EXPECT_TRUE(r.steps_done.empty());
    return r;
  }
  void ExpectRefused(const fixer::RunResult& r, RefusalReason reason) {
    EXPECT_EQ(r.outcome, Outcome::kRefused) << AllText(r);
    EXPECT_EQ(r.exit_code(), fixer::ExitCode::kRefused);
    ASSERT_TRUE(r.refusal.has_value()) << AllText(r);
    EXPECT_EQ(r.refusal->reason, reason) << r.refusal->why;
    EXPECT_FALSE(r.refusal->why.empty());
    EXPECT_FALSE(r.refusal->instead.empty());
    // One full stop a sentence, where a quoted Windows message brings its own.
    for (const std::string* text : {&r.refusal->why, &r.refusal->instead})
      EXPECT_THAT(*text, Not(::testing::ContainsRegex("[^.]\\.\\.([^.]|$)"))) << *text;
    // The operator sees both texts.
    EXPECT_THAT(r.messages, ::testing::Contains(r.refusal->why));
    EXPECT_THAT(r.messages, ::testing::Contains(r.refusal->instead));
    ExpectJournalUntouched();
  }
};

// A journal that cannot be read: the machine could not be read, said once, in Windows' words.
TEST_P(Refusal, AJournalThatCannotBeReadIsSaidInWindowsWords) {
  journal.load_error = fixer::Status::Win(fixer::kErrorAccessDenied);
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kDiagnoseFailed);
  EXPECT_EQ(r.refusal->why, "The machine could not be read: 5: Access is denied.");
}

TEST_P(Refusal, CallerIsNotAnAdministrator) {
  w.caller = {"bob", false};
  // Nothing beyond the caller is read.
  EXPECT_CALL(inventory, Os()).Times(0);
  EXPECT_CALL(aspnet, Frameworks()).Times(0);
  EXPECT_CALL(web, Get(_)).Times(0);
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kNotAdministrator);
  EXPECT_THAT(r.refusal->why, HasSubstr("bob"));
  EXPECT_THAT(r.refusal->instead, HasSubstr("administrator"));
}

TEST_P(Refusal, CustomWorkerAccountNamesTheAccountAndTheManualSteps) {
  w.frameworks[0].process_model = {"XPPRO\\webuser", "Secr3t!clear"};
  fixer::Account webuser;
  webuser.name = "webuser";
  webuser.sid = MachineSid().WithRid(1010);
  webuser.groups = {"Users"};
  w.accounts.push_back({webuser, "Secr3t!clear"});
  w.web_worker = "webuser";
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kCustomAccount);
  EXPECT_THAT(r.refusal->why, HasSubstr("webuser"));
  EXPECT_THAT(r.refusal->instead, HasSubstr("runas /profile /user:webuser cmd.exe"));
  EXPECT_THAT(r.refusal->instead, HasSubstr("log on interactively once as webuser"));
  EXPECT_THAT(r.refusal->instead, HasSubstr("iisreset"));
  // The processModel password is clear text in machine.config: it is never repeated.
  EXPECT_THAT(AllText(r), Not(HasSubstr("Secr3t!clear")));
}

// register grants SeBatchLogonRight to ASPNET, not to a custom worker: the refusal's advice names
// that cause too, and the diagnosis says no step repairs it.
TEST_P(Refusal, CustomAccountAdviceNamesTheMissingBatchLogonRightToo) {
  w.frameworks[0].process_model = {"XPPRO\\webuser", "Secr3t!clear"};
  fixer::Account webuser;
  webuser.name = "webuser";
  webuser.sid = MachineSid().WithRid(1010);
  w.accounts.push_back({webuser, "Secr3t!clear"});
  w.web_worker = "webuser";
  // Its profile's interactive logon is granted (no group here gives it), so the batch right is the one cause.
  w.rights[webuser.sid] = {"SeInteractiveLogonRight"};
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kCustomAccount);
  EXPECT_THAT(r.refusal->instead, HasSubstr("(1) batch-logon-right (1385): Grant webuser \"Log on as a batch job\""));
  ASSERT_TRUE(r.diagnosis);
  for (const fixer::Precondition& p : r.diagnosis->worker_start)
    EXPECT_NE(p.remedy, fixer::Remedy::kRepaired) << p.id << ": " << p.detail;
}

// Causes the repair would leave failing, each refused before any change with its error and object.
TEST_P(Refusal, StateServerApplicationWithAspnetStateStoppedIsRefused) {
  w.applications[0].session_state = fixer::SessionStateMode::kStateServer;
  w.Service("aspnet_state")->state = fixer::ServiceState::kStopped;
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("session-state fails: /LM/W3SVC/1/ROOT/app keeps its session state in "
                                        "aspnet_state (aspnet_state), which is stopped"));
  EXPECT_THAT(r.refusal->why, HasSubstr("1062: The service has not been started."));
  EXPECT_THAT(r.refusal->instead, HasSubstr("net start aspnet_state"));
}

TEST_P(Refusal, StateServerApplicationWithoutAspnetStateIsRefused) {
  w.applications[0].session_state = fixer::SessionStateMode::kStateServer;
  std::erase_if(w.services, [](const fixer::ServiceInfo& s) { return s.name == "aspnet_state"; });
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("which is not installed"));
  EXPECT_THAT(r.refusal->why, HasSubstr("1060"));
}

TEST_P(Refusal, MachineAccountWithAPasswordOfItsOwnIsRefused) {
  w.frameworks[0].process_model = {"machine", "Wr0ngPass1"};
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why,
              HasSubstr("credentials fails: processModel gives ASPNET a password of its own (not AutoGenerate)"));
  EXPECT_THAT(r.refusal->why, HasSubstr("1326: Logon failure: unknown user name or bad password."));
  EXPECT_THAT(r.refusal->instead, HasSubstr("password=\"AutoGenerate\""));
  EXPECT_THAT(AllText(r), Not(HasSubstr("Wr0ngPass1")));
  // This probe's 503 wrote no event: no logon has shown whether that password is ASPNET's.
  EXPECT_THAT(r.refusal->why, HasSubstr("whether it logs ASPNET on only a logon checks"));
  EXPECT_THAT(r.refusal->instead, HasSubstr("make sure it is the password of ASPNET (net user ASPNET *), then create "
                                            "the profile of ASPNET yourself"));
  ASSERT_TRUE(r.diagnosis);
  EXPECT_THAT(r.diagnosis->notes, Contains(HasSubstr("profile fails first of what the fixer can read")));
  EXPECT_THAT(r.diagnosis->notes, Not(Contains(HasSubstr("credentials fails first"))));
}

TEST_P(Refusal, DenyAceOnTheApplicationFolderIsRefused) {
  w.aces.push_back({{fixer::ObjectNamespace::kFile, "C:\\Inetpub\\wwwroot\\app"},
                    {fixer::AceType::kDeny, Sid::Users(), fixer::kFileGenericRead,
                     fixer::kObjectInheritAce | fixer::kContainerInheritAce}});
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("site-folder-access fails: an explicit ACE on the application folder "
                                        "C:\\Inetpub\\wwwroot\\app denies BUILTIN\\Users read access"));
  EXPECT_THAT(r.refusal->why, HasSubstr("5: Access is denied."));
}

// A DACL the caller cannot read (GetNamedSecurityInfo answers 5 without READ_CONTROL) leaves that
// folder unjudged, said in a note: no refusal, and no failed diagnosis, for a read it cannot make.
TEST_P(Refusal, AFolderDaclThatCannotBeReadIsANoteNotAFailure) {
  w.aces.push_back({{fixer::ObjectNamespace::kFile, "C:\\Inetpub\\wwwroot\\app"},
                    {fixer::AceType::kDeny, Sid::Users(), fixer::kFileGenericRead, 0}});
  ON_CALL(security, ReadSecurity(_))
      .WillByDefault(::testing::Return(Result<fixer::ObjectSecurity>(Status::Win(fixer::kErrorAccessDenied))));
  auto d = MakeFixer(Opts()).Diagnose();
  ASSERT_TRUE(d.ok()) << d.status();
  for (const fixer::Precondition& p : d->worker_start) EXPECT_NE(p.id, "site-folder-access");
  std::string notes;
  for (const std::string& note : d->notes) notes += note + "\n";
  EXPECT_THAT(notes, HasSubstr("the DACL of the application folder C:\\Inetpub\\wwwroot\\app cannot be read (5: "
                               "Access is denied.): whether the worker may read it was not checked"));
}

// What the repair's own steps need: a service it stops must start again, whatever its account.
TEST_P(Refusal, AStoppedServiceWhoseLogonAccountIsGoneIsRefusedWith1069) {
  w.Service("SMTPSVC")->account = ".\\mailer";  // no such account: the SCM could not log it on again
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("services-start-again fails: SMTPSVC (SMTPSVC) logs on as .\\mailer, which "
                                        "does not exist"));
  EXPECT_THAT(r.refusal->why, HasSubstr("1069: The service did not start due to a logon failure."));
  EXPECT_THAT(r.refusal->instead, HasSubstr("\"Log on as a service\""));
}

// Several causes the administrator fixes: one refusal names each, with its Windows error and its advice,
// so the run after one round of fixes is not refused for the next (audit 16, finding 7).
TEST_P(Refusal, EveryCauseLeftToTheAdministratorIsNamedInOneRefusal) {
  w.Service("W3SVC")->state = fixer::ServiceState::kStopped;
  w.Service("W3SVC")->start_type = fixer::StartType::kDisabled;
  w.Find("ASPNET")->account.flags.disabled = true;
  w.Service("SMTPSVC")->account = ".\\mailer";  // no such account: it could not start again
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("The repair would not make the site answer: web-server-running fails: "
                                        "W3SVC (W3SVC) is disabled by its start type (1058"));
  EXPECT_THAT(r.refusal->why, HasSubstr("; enabled fails: ASPNET is disabled"));
  EXPECT_THAT(r.refusal->why, HasSubstr("1331: Logon failure: account currently disabled."));
  EXPECT_THAT(r.refusal->why, HasSubstr("The repair would not finish: services-start-again fails: SMTPSVC (SMTPSVC) "
                                        "logs on as .\\mailer, which does not exist"));
  EXPECT_THAT(r.refusal->why, HasSubstr("1069: The service did not start due to a logon failure."));
  EXPECT_THAT(r.refusal->instead, HasSubstr("Fix each of these 3 causes, then run the fixer again (it refuses while "
                                            "any is left): (1) web-server-running: "));
  EXPECT_THAT(r.refusal->instead, HasSubstr("; (2) enabled: If ASPNET is disabled by mistake, enable it (net user "
                                            "ASPNET /active:yes)"));
  EXPECT_THAT(r.refusal->instead, HasSubstr("; (3) services-start-again: Let the logon account of SMTPSVC log on "
                                            "as a service"));
  EXPECT_THAT(r.refusal->instead, HasSubstr("or stop SMTPSVC (net stop SMTPSVC) if it is not needed"));
  // Each advice's own "run the fixer again" would promise a run that the next cause refuses.
  EXPECT_EQ(r.refusal->instead.find("run the fixer again"), r.refusal->instead.rfind("run the fixer again"));
}

// A running W3SVC set to Disabled serves now: the web server runs, and what fails is the repair's
// stop, after which StartService answers 1058. The advice is the start type, never net start (2182).
TEST_P(Refusal, ARunningW3svcSetToDisabledIsTheRepairsNeedNotAStoppedWebServer) {
  w.Service("W3SVC")->start_type = fixer::StartType::kDisabled;
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  ASSERT_TRUE(r.diagnosis);
  ASSERT_FALSE(r.diagnosis->worker_start.empty());
  EXPECT_TRUE(r.diagnosis->worker_start[0].met) << r.diagnosis->worker_start[0].detail;
  EXPECT_THAT(r.refusal->why, HasSubstr("The repair would not finish: services-start-again fails: W3SVC (W3SVC) "
                                        "is running with start type Disabled"));
  EXPECT_THAT(r.refusal->why, Not(HasSubstr("web-server-running")));
  EXPECT_THAT(r.refusal->instead, HasSubstr("Give W3SVC a start type other than Disabled"));
  EXPECT_THAT(r.refusal->instead, Not(HasSubstr("net start")));
  EXPECT_THAT(r.refusal->instead, Not(HasSubstr("net stop")));
}

// A service the repair never stops, logging on as ASPNET with a start type that lets it start, is
// read through ServiceControl::List: its next start would use the password the SCM keeps (1069).
// One set to Disabled cannot start at all, and aspnet_state is given the new password by register.
TEST_P(Refusal, AStoppedManualServiceLoggingOnAsTheWorkerIsRefusedWith1069) {
  fixer::ServiceInfo mailer = Svc("ReportMailer", fixer::ServiceState::kStopped);
  mailer.display_name = "Nightly Report Mailer";
  mailer.start_type = fixer::StartType::kManual;
  mailer.account = ".\\ASPNET";
  w.services.push_back(mailer);
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("services-start-again fails: Nightly Report Mailer (ReportMailer) is "
                                        "stopped, start type manual, and logs on as .\\ASPNET"));
  EXPECT_THAT(r.refusal->why, HasSubstr("1069: The service did not start due to a logon failure."));
  EXPECT_THAT(r.refusal->instead, HasSubstr("Give ReportMailer an account of its own"));
}

TEST_P(Refusal, ADisabledServiceOrAspNetStateLoggingOnAsTheWorkerIsNoCause) {
  fixer::ServiceInfo old_mailer = Svc("OldMailer", fixer::ServiceState::kStopped);
  old_mailer.start_type = fixer::StartType::kDisabled;
  old_mailer.account = ".\\ASPNET";
  w.services.push_back(old_mailer);
  w.Service("aspnet_state")->account = ".\\ASPNET";
  auto d = MakeFixer(Opts()).Diagnose();
  ASSERT_TRUE(d.ok()) << d.status();
  for (const fixer::Precondition& p : d->repair_needs) EXPECT_TRUE(p.met) << p.id << ": " << p.detail;
}

// SQLServer session state needs SQL Server and its ASPState database (KB 317604): read before any
// change, a machine without them is refused (1060, 911), not repaired into a 500 that verify finds.
TEST_P(Refusal, SqlServerSessionStateWithoutSqlServerOrAspStateIsRefused) {
  w.applications[0].session_state = fixer::SessionStateMode::kSqlServer;
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("session-state fails"));
  EXPECT_THAT(r.refusal->why, HasSubstr("no SQL Server is installed here"));
  EXPECT_THAT(r.refusal->why, HasSubstr("1060: The specified service does not exist as an installed service."));
  EXPECT_THAT(r.refusal->instead, HasSubstr("InstallSqlState.sql"));
  ON_CALL(security, Databases()).WillByDefault([]() -> Result<std::vector<std::string>> {
    return std::vector<std::string>{"master", "model", "msdb", "tempdb"};
  });
  r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("whose databases here hold no ASPState"));
  EXPECT_THAT(r.refusal->why, HasSubstr("911: Could not locate entry in sysdatabases for database."));
}

TEST_P(Refusal, SqlServerSessionStateWithAspStateIsNoCause) {
  w.applications[0].session_state = fixer::SessionStateMode::kSqlServer;
  ON_CALL(security, Databases()).WillByDefault([]() -> Result<std::vector<std::string>> {
    return std::vector<std::string>{"aspstate", "master"};  // sysdatabases' names compare without case by default
  });
  auto d = MakeFixer(Opts()).Diagnose();
  ASSERT_TRUE(d.ok()) << d.status();
  for (const fixer::Precondition& p : d->worker_start) {
    if (p.id == "session-state") {
      EXPECT_TRUE(p.met) << p.detail;
    }
  }
}

// A built-in service identity always logs on, and a domain account is the domain's to check: the
// plan goes on to its steps.
TEST_P(Refusal, BuiltinAndDomainServiceAccountsAreNoCause) {
  w.Service("SMTPSVC")->account = "NT AUTHORITY\\NetworkService";
  w.Service("W3SVC")->account = "CONTOSO\\websvc";
  w.Service("seclogon")->state = fixer::ServiceState::kStopped;  // Manual and stopped: started on demand
  w.Service("seclogon")->start_type = fixer::StartType::kManual;
  fixer::Fixer repair = MakeFixer(Opts());
  auto d = repair.Diagnose();
  ASSERT_TRUE(d.ok());
  for (const fixer::Precondition& p : d->repair_needs) EXPECT_TRUE(p.met) << p.id << ": " << p.detail;
  auto plan = repair.MakePlan(*d);
  ASSERT_TRUE(plan.ok());
  EXPECT_FALSE(plan->refusal.has_value()) << plan->refusal->why;
  EXPECT_FALSE(plan->steps.empty());
}

// An application's folder that does not exist (2) is refused with what to do about a folder that
// is missing, not with Security-tab advice about a deny ACE.
TEST_P(Refusal, AMissingApplicationFolderIsRefusedWithAdviceForAMissingFolder) {
  ON_CALL(security, ReadSecurity(_)).WillByDefault([](const fixer::ObjectRef& o) -> Result<fixer::ObjectSecurity> {
    if (o.path == "C:\\Inetpub\\wwwroot\\app") return Status::Win(fixer::kErrorFileNotFound);
    return fixer::ObjectSecurity{.has_dacl = false};
  });
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("site-folder-access fails: the application folder C:\\Inetpub\\wwwroot\\app "
                                        "does not exist"));
  EXPECT_THAT(r.refusal->instead, HasSubstr("Create C:\\Inetpub\\wwwroot\\app, or point the application at"));
  EXPECT_THAT(r.refusal->instead, Not(HasSubstr("deny ACE")));
}

// A deny of write names READ_CONTROL and SYNCHRONIZE, which reading needs too (FILE_GENERIC_WRITE
// and FILE_GENERIC_READ share them): the refusal says which of its bits collide.
TEST_P(Refusal, AWriteDenyOnTheApplicationFolderSaysTheBitsItSharesWithRead) {
  w.aces.push_back({{fixer::ObjectNamespace::kFile, "C:\\Inetpub\\wwwroot\\app"},
                    {fixer::AceType::kDeny, Sid::Users(), fixer::kFileGenericWrite, 0}});
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("denies BUILTIN\\Users write access (0x120000 of it is read access too)"));
}

// An inherit-only deny does not apply to the folder itself: no refusal for it.
TEST_P(Refusal, InheritOnlyDenyOnTheApplicationFolderIsNoCause) {
  w.aces.push_back({{fixer::ObjectNamespace::kFile, "C:\\Inetpub\\wwwroot\\app"},
                    {fixer::AceType::kDeny, OldAspnetSid(), fixer::kFileGenericRead,
                     fixer::kObjectInheritAce | fixer::kInheritOnlyAce}});
  auto d = MakeFixer(Opts()).Diagnose();
  ASSERT_TRUE(d.ok());
  for (const fixer::Precondition& p : d->worker_start) EXPECT_NE(p.id, "site-folder-access");
}

// No ASPNET: the machine is affected (no account, no profile), never "not affected", and the
// advice is aspnet_regiis -i, which creates it.
TEST_P(Refusal, DeletedAspnetIsAffectedAndRefusedWithAspnetRegiis) {
  w.accounts.erase(w.accounts.begin());
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  ASSERT_TRUE(r.diagnosis);
  EXPECT_EQ(r.diagnosis->verdict, fixer::Verdict::kAffected);
  EXPECT_THAT(r.refusal->why, HasSubstr("account-exists fails: the worker account ASPNET does not exist"));
  EXPECT_THAT(r.refusal->instead, HasSubstr("aspnet_regiis.exe -i): it creates ASPNET"));
  // A deleted account is no setting of the administrator's.
  EXPECT_THAT(r.refusal->why, HasSubstr("Creating the account is the administrator's step, so nothing was changed."));
  EXPECT_THAT(r.refusal->why, Not(HasSubstr("setting")));
}

// ASPNET itself named in processModel (any case) is refused as a custom account, and the refusal
// says so without contradicting itself: "runs as the account ASPNET (...), not as ASPNET".
TEST_P(Refusal, AspnetNamedByNameIsACustomAccountSaidAsSuch) {
  w.frameworks[0].process_model = {"xppro\\aspnet", "AutoGenerate"};
  w.web_worker = "ASPNET";
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kCustomAccount);
  EXPECT_THAT(r.refusal->why, HasSubstr("runs as ASPNET by name (processModel userName=\"xppro\\aspnet\")"));
  EXPECT_THAT(r.refusal->why, Not(HasSubstr("not as ASPNET")));
  EXPECT_THAT(r.refusal->instead, HasSubstr("runas /profile /user:ASPNET cmd.exe"));
}

TEST_P(Refusal, RegistryCredentialWorkerIsACustomAccountToo) {
  const std::string ref = "registry:HKLM\\SOFTWARE\\Contoso\\ASPNET_SETREG,userName";
  w.frameworks[0].process_model = {ref, "registry:HKLM\\SOFTWARE\\Contoso\\ASPNET_SETREG,password"};
  w.registry_credentials[ref] = "XPPRO\\regworker";
  fixer::Account acct;
  acct.name = "regworker";
  acct.sid = MachineSid().WithRid(1011);
  w.accounts.push_back({acct, "Reg!stry-pw-1"});
  w.web_worker = "regworker";
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kCustomAccount);
  EXPECT_THAT(r.refusal->instead, HasSubstr("runas /profile /user:regworker cmd.exe"));
}

TEST_P(Refusal, OperatorTempPasswordFailingThePolicyIsRefusedBeforeAnyChange) {
  w.rejected_passwords.insert("1pass@word");
  fixer::Options o = Opts();
  o.temp_password = Secret::FromString("1pass@word");
  EXPECT_CALL(policy, Check("ASPNET", ::testing::Eq(Secret::FromString("1pass@word"))));
  fixer::RunResult r = ApplyExpectingNoChange(o);
  ExpectRefused(r, RefusalReason::kTempPasswordRejected);
  EXPECT_THAT(r.refusal->why, HasSubstr("2245"));
  EXPECT_THAT(r.refusal->why, HasSubstr("ASPNET"));
  EXPECT_THAT(r.refusal->instead, HasSubstr("--temp-password"));
  EXPECT_THAT(AllText(r), Not(HasSubstr("1pass@word")));
}

TEST_P(Refusal, OperatorTempPasswordShorterThanTheMinimumIsRefused) {
  w.policy.min_length = 14;
  fixer::Options o = Opts();
  o.temp_password = Secret::FromString("Sh0rt!pw");
  fixer::RunResult r = ApplyExpectingNoChange(o);
  ExpectRefused(r, RefusalReason::kTempPasswordRejected);
  EXPECT_THAT(AllText(r), Not(HasSubstr("Sh0rt!pw")));
}

TEST_P(Refusal, BlankOperatorTempPasswordIsRefused) {
  fixer::Options o = Opts();
  o.temp_password = Secret::FromString("");
  fixer::RunResult r = ApplyExpectingNoChange(o);
  ExpectRefused(r, RefusalReason::kTempPasswordRejected);
}

// Windows answers 2245 whatever rule a password breaks; the advice follows the rule. A password
// too long was told to be longer.
TEST_P(Refusal, TheAdviceForARefusedTempPasswordFollowsTheRuleItBreaks) {
  struct Case {
    std::string password;
    std::string why;
    std::string instead;
  };
  w.policy.min_length = 8;
  w.policy.complexity = true;
  w.policy.history = 3;
  w.rejected_passwords.insert("Used-bef0re!");  // one of ASPNET's previous passwords
  const std::vector<Case> cases = {
      {std::string(257, 'a'), "longer than 256 characters", "at most 256 characters"},
      {"Aa1#", "shorter than 8 characters", "at least 8 characters"},
      {"alllowercase", "complexity", "three of upper case letters"},
      {"Used-bef0re!", "history", "has not had before (the policy remembers 3 passwords)"},
  };
  for (const Case& c : cases) {
    w.rejected_passwords.insert(c.password);  // the mock policy answers 2245 for it
    fixer::Options o = Opts();
    o.temp_password = Secret::FromString(c.password);
    fixer::RunResult r = ApplyExpectingNoChange(o);
    ExpectRefused(r, RefusalReason::kTempPasswordRejected);
    EXPECT_THAT(r.refusal->why, HasSubstr("2245: " + std::string(fixer::WinErrorText(2245)))) << c.why;
    EXPECT_THAT(r.refusal->why, HasSubstr(c.why));
    EXPECT_THAT(r.refusal->instead, HasSubstr(c.instead));
    if (c.why != "shorter than 8 characters") {
      EXPECT_THAT(r.refusal->instead, Not(HasSubstr("at least 8 characters,")));
    }
  }
}

// A blank password is no rule of the policy: runas refuses it with 1327 and Windows' text of it.
TEST_P(Refusal, ABlankTempPasswordIsRefusedWithWindowsTextOf1327) {
  fixer::Options o = Opts();
  o.temp_password = Secret::FromString("");
  fixer::RunResult r = ApplyExpectingNoChange(o);
  ExpectRefused(r, RefusalReason::kTempPasswordRejected);
  EXPECT_THAT(r.refusal->why, HasSubstr("1327: Logon failure: user account restriction."));
  EXPECT_THAT(r.refusal->why, Not(HasSubstr("does not meet the local password policy")));
}

// With "Limit local account use of blank passwords to console logon only" off, runas logs on with a
// blank password: the plan takes it, its steps planned, no refusal (audit 7 item 8).
TEST_P(Refusal, ABlankTempPasswordIsTakenWhereThePolicyAllowsBlankPasswords) {
  w.limit_blank_password_use = false;
  fixer::Options o = Opts();
  o.temp_password = Secret::FromString("");
  fixer::Fixer repair = MakeFixer(o);
  auto d = repair.Diagnose();
  ASSERT_TRUE(d.ok()) << d.status();
  auto plan = repair.MakePlan(*d);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_FALSE(plan->refusal.has_value()) << plan->refusal->why;
  EXPECT_FALSE(plan->steps.empty());
}

TEST_P(Refusal, AspNet10ToolsMissing) {
  w.frameworks[0].tools_present = false;
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kToolsMissing);
  EXPECT_THAT(r.refusal->why, HasSubstr("aspnet_regiis.exe"));
  EXPECT_THAT(r.refusal->instead, HasSubstr("reinstall"));
}

TEST_P(Refusal, APendingJournalIsNotOverwritten) {
  journal.records = {{0,
                      "plan",
                      fixer::JournalPhase::kBegin,
                      {{"strategy", "keep-sid"},
                       {"account", "ASPNET"},
                       {"sid", OldAspnetSid().ToString()},
                       {"steps",
                        "stop-services,set-temp-password,lift-restrictions,create-profile,"
                        "restore-restrictions,register,start-services,verify-site"}}},
                     {1, "stop-services", fixer::JournalPhase::kBegin, {{"services", "W3SVC"}}}};
  const auto left = journal.records;
  ExpectNoMutation();
  fixer::RunResult r = MakeFixer(Opts()).Apply();
  EXPECT_EQ(r.outcome, Outcome::kNotRestored);
  EXPECT_EQ(r.exit_code(), fixer::ExitCode::kNotRestored);
  ASSERT_TRUE(r.refusal.has_value());
  EXPECT_EQ(r.refusal->reason, RefusalReason::kJournalPending);
  EXPECT_THAT(r.refusal->instead, HasSubstr("resume"));
  EXPECT_EQ(journal.records, left);
  EXPECT_TRUE(journal.history.empty());
}

// "Already fixed" is this fixer's own claim: its mark names the worker's SID.
TEST_P(Refusal, AlreadyFixedIsNothingToDoAndChangesNothing) {
  w.profiles[OldAspnetSid()] = "C:\\Documents and Settings\\ASPNET";
  w.events.push_back({.source = "aspnet-fixer", .text = "The profile of ASPNET (" + OldAspnetSid().ToString() + ")"});
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  EXPECT_EQ(r.outcome, Outcome::kNothingToDo);
  EXPECT_EQ(r.exit_code(), fixer::ExitCode::kOk);
  EXPECT_FALSE(r.refusal.has_value());
  ExpectJournalUntouched();
}

// The mark names one SID: a mark of a longer SID that begins with the worker's (…-10023 for
// …-1002) is another account's, and the profile stays "not affected".
TEST_P(Refusal, AMarkOfALongerSidIsNotTheWorkersMark) {
  w.profiles[OldAspnetSid()] = "C:\\Documents and Settings\\ASPNET";
  w.events.push_back(
      {.source = "aspnet-fixer", .text = "The profile of ASPNET (" + OldAspnetSid().ToString() + "3) was created"});
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  EXPECT_EQ(r.outcome, Outcome::kRefused);
  ASSERT_TRUE(r.diagnosis.has_value());
  EXPECT_EQ(r.diagnosis->verdict, fixer::Verdict::kNotAffected);
}

// A profile made by anything else (fixup.cmd, the 1.1 worker, a logon) is "not affected".
TEST_P(Refusal, AProfileWithoutTheFixersMarkIsNotAffectedNotAlreadyFixed) {
  w.profiles[OldAspnetSid()] = "C:\\Documents and Settings\\ASPNET";
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  EXPECT_EQ(r.outcome, Outcome::kRefused);
  ASSERT_TRUE(r.diagnosis.has_value());
  EXPECT_EQ(r.diagnosis->verdict, fixer::Verdict::kNotAffected);
  ASSERT_TRUE(r.refusal.has_value());
  EXPECT_EQ(r.refusal->reason, fixer::RefusalReason::kNotAffected);
}

// A repaired machine whose page fails again while every precondition the fixer reads holds: the
// worker's newest error after the fixer's mark names the cause (1007: the processModel password
// no longer logs ASPNET on); errors before the mark are of the failure the repair ended.
class StillFailing : public Refusal {
 protected:
  void SetUp() override {
    w.profiles[OldAspnetSid()] = "C:\\Documents and Settings\\ASPNET";
    w.web_worker = "nobody";  // the page answers 503 although ASPNET has its profile
  }
  void Mark() {
    w.events.push_back({.source = "aspnet-fixer", .text = "The profile of ASPNET (" + OldAspnetSid().ToString() + ")"});
  }
  void WorkerError(uint32_t id, std::string text) {
    w.events.push_back({.source = "ASP.NET 1.0.3705.0", .id = id, .type = fixer::EventType::kError, .text = text});
  }
};

TEST_P(StillFailing, ALogonErrorAfterTheMarkNamesThePassword) {
  WorkerError(1084, "aspnet_wp.exe could not be started. HRESULT for the failure: 80070005");
  Mark();
  WorkerError(1007,
              "aspnet_wp.exe could not be launched because the username and/or password supplied in the "
              "processModel section of the config file are invalid.\nCause: the simulator's own words");
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("no longer logs ASPNET on (1326: Logon failure: unknown user name or bad "
                                        "password.)"));
  EXPECT_THAT(r.refusal->why, HasSubstr("aspnet_regiis -i sets a new one"));
  EXPECT_THAT(AllText(r), Not(HasSubstr("simulator's own words")));  // an event is quoted by its message only
  ASSERT_TRUE(r.diagnosis && r.diagnosis->worker_error);
  EXPECT_EQ(r.diagnosis->worker_error->id, 1007u);
}

TEST_P(StillFailing, AnotherErrorAfterTheMarkIsQuoted) {
  Mark();
  WorkerError(1084, "aspnet_wp.exe could not be started. HRESULT for the failure: 80070005");
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("newest error in the Application event log: event 1084: aspnet_wp.exe "
                                        "could not be started. HRESULT for the failure: 80070005"));
  EXPECT_THAT(r.refusal->why, Not(HasSubstr("1326")));
}

// The Win32 port reads an event's insertion strings, which may be none: the id still names it.
TEST_P(StillFailing, AnEventWithoutTextIsNamedByItsId) {
  Mark();
  WorkerError(1007, "");
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("newest error (event 1007) says its logon fails"));
}

TEST_P(StillFailing, AnErrorBeforeTheMarkIsNotTheCause) {
  WorkerError(1007,
              "aspnet_wp.exe could not be launched because the username and/or password supplied in the "
              "processModel section of the config file are invalid.");
  Mark();
  fixer::RunResult r = ApplyExpectingNoChange(Opts());
  ExpectRefused(r, RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("no ASP.NET 1.0 error in the Application event log names it yet"));
  EXPECT_THAT(r.refusal->why, Not(HasSubstr("1007")));
  ASSERT_TRUE(r.diagnosis);
  EXPECT_FALSE(r.diagnosis->worker_error.has_value());
}

INSTANTIATE_TEST_SUITE_P(Strategies, StillFailing, ::testing::Values(Strategy::kKeepSid, Strategy::kRecreate),
                         [](const auto& info) {
                           return info.param == Strategy::kKeepSid ? std::string("KeepSid") : std::string("Recreate");
                         });

INSTANTIATE_TEST_SUITE_P(Strategies, Refusal, ::testing::Values(Strategy::kKeepSid, Strategy::kRecreate),
                         [](const auto& info) {
                           return info.param == Strategy::kKeepSid ? std::string("KeepSid") : std::string("Recreate");
                         });

// ---- not affected: each missing condition is named in the refusal ---------------------------

struct NotAffectedCase {
  std::string name;
  void (*setup)(MockWorld&);
  std::string why;  // a part of the refusal's text naming the missing condition
};

void PrintTo(const NotAffectedCase& c, std::ostream* os) { *os << c.name; }

class NotAffected : public MockPortsTest, public ::testing::WithParamInterface<NotAffectedCase> {};

TEST_P(NotAffected, RefusesAndSaysWhichConditionIsMissing) {
  GetParam().setup(w);
  ExpectNoMutation();
  const std::string before = w.Snapshot();
  fixer::RunResult r = MakeFixer().Apply();
  EXPECT_EQ(r.outcome, Outcome::kRefused) << AllText(r);
  EXPECT_EQ(r.exit_code(), fixer::ExitCode::kRefused);
  ASSERT_TRUE(r.refusal.has_value());
  EXPECT_EQ(r.refusal->reason, fixer::RefusalReason::kNotAffected);
  EXPECT_THAT(r.refusal->why, HasSubstr("not affected"));
  EXPECT_THAT(r.refusal->why, HasSubstr(GetParam().why));
  ASSERT_TRUE(r.diagnosis.has_value());
  EXPECT_EQ(r.diagnosis->verdict, fixer::Verdict::kNotAffected);
  EXPECT_THAT(r.diagnosis->missing, ::testing::Contains(HasSubstr(GetParam().why)));
  EXPECT_EQ(w.Snapshot(), before);
  EXPECT_TRUE(w.calls.empty()) << ::testing::PrintToString(w.calls);
  ExpectJournalUntouched();
}

INSTANTIATE_TEST_SUITE_P(
    Conditions, NotAffected,
    ::testing::Values(NotAffectedCase{"Ms03032NotInstalled", [](MockWorld& w) { w.hotfixes = {"MS03-026"}; },
                                      "MS03-032 is not installed"},
                      NotAffectedCase{"OnlyAspNet11",
                                      [](MockWorld& w) {
                                        w.frameworks = {{std::string(fixer::kFramework11), true, {}}};
                                        w.applications[0].framework_version = std::string(fixer::kFramework11);
                                      },
                                      "ASP.NET 1.0.3705 is not installed"},
                      NotAffectedCase{"SideBySideAppsMappedTo11",
                                      [](MockWorld& w) {
                                        w.frameworks.push_back({std::string(fixer::kFramework11), true, {}});
                                        w.applications[0].framework_version = std::string(fixer::kFramework11);
                                      },
                                      "no application is mapped to ASP.NET 1.0.3705"},
                      NotAffectedCase{"Server2003WorkerProcessIsolation",
                                      [](MockWorld& w) {
                                        w.os.edition = fixer::OsEdition::kWindowsServer2003;
                                        w.web = {fixer::WebServerKind::kIis60, false};
                                      },
                                      "worker process isolation mode"},
                      NotAffectedCase{"XpHomeWithCassini",
                                      [](MockWorld& w) {
                                        w.os.edition = fixer::OsEdition::kWindowsXpHome;
                                        w.web = {fixer::WebServerKind::kCassini, false};
                                      },
                                      "Cassini"},
                      NotAffectedCase{"WorkerRunsAsSystem",
                                      [](MockWorld& w) {
                                        w.frameworks[0].process_model = {"SYSTEM", "AutoGenerate"};
                                      },
                                      "LocalSystem"},
                      NotAffectedCase{"SymptomNotSeen",
                                      [](MockWorld& w) {
                                        w.web_worker = "Administrator";
                                        w.profiles[MachineSid().WithRid(500)] =
                                            "C:\\Documents and Settings\\Administrator";
                                      },
                                      "no application answers"}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace fixer_test
