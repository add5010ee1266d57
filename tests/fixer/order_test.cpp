// The fixer against gmock ports: what a successful run does, and in which order.
#include <stdexcept>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixer/journal_codec.h"
#include "mock_ports.h"

namespace fixer_test {
namespace {

using fixer::Outcome;
using fixer::Strategy;
using ::testing::_;
using ::testing::DoDefault;
using ::testing::HasSubstr;
using ::testing::InSequence;
using ::testing::Not;
using ::testing::Return;

const std::vector<std::string> kKeepSidSteps = {"stop-services",  "set-temp-password",    "lift-restrictions",
                                                "create-profile", "restore-restrictions", "register",
                                                "start-services", "verify-site"};
const std::vector<std::string> kRecreateSteps = {
    "stop-services",  "record-grants",        "delete-account", "create-account", "lift-restrictions",
    "create-profile", "restore-restrictions", "register",       "regrant-rights", "regrant-groups",
    "regrant-aces",   "regrant-sql",          "start-services", "verify-site"};

// Every trace entry that changes the machine's accounts, rights, secrets, profiles, ACLs or
// SQL Server: what must wait for the services to be stopped.
bool ChangesAccountState(const std::string& call) {
  for (const char* p : {"accounts.", "rights.", "secrets.", "profiles.", "logon.", "security.", "sql.", "aspnet."}) {
    if (call.rfind(p, 0) == 0) return true;
  }
  return false;
}

class FixerOrder : public MockPortsTest, public ::testing::WithParamInterface<Strategy> {
 public:
  fixer::Options Opts() {
    fixer::Options o;
    o.strategy = GetParam();
    return o;
  }
};

// A step after the irreversible one (recreate's delete) is never undone: a failure there goes
// forward. The plan says so of each, not the undo a keep-sid run would do.
TEST_P(FixerOrder, APlanSaysNoUndoAfterTheIrreversibleStep) {
  fixer::RunResult r = MakeFixer(Opts()).Apply();
  ASSERT_TRUE(r.plan.has_value()) << AllText(r);
  bool past = false;
  for (const fixer::PlanStep& s : r.plan->steps) {
    if (past) {
      EXPECT_EQ(s.undo, "none: after the delete the repair only goes forward") << s.id;
    } else {
      EXPECT_NE(s.undo, "none: after the delete the repair only goes forward") << s.id;
    }
    past = past || s.irreversible;
  }
  EXPECT_EQ(past, GetParam() == Strategy::kRecreate);
}

TEST_P(FixerOrder, FixesAnAffectedMachineAndRunsEveryStepInPlanOrder) {
  fixer::RunResult r = MakeFixer(Opts()).Apply();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  EXPECT_EQ(r.exit_code(), fixer::ExitCode::kOk);
  EXPECT_EQ(r.steps_done, GetParam() == Strategy::kKeepSid ? kKeepSidSteps : kRecreateSteps);
  EXPECT_TRUE(r.steps_undone.empty());
  EXPECT_TRUE(r.errors.empty());
  ASSERT_TRUE(r.plan.has_value());
  ASSERT_EQ(r.plan->steps.size(), r.steps_done.size());
  for (size_t i = 0; i < r.steps_done.size(); ++i) EXPECT_EQ(r.plan->steps[i].id, r.steps_done[i]);

  auto sid = w.SidOf("ASPNET");
  ASSERT_TRUE(sid.has_value());
  EXPECT_TRUE(w.profiles.count(*sid)) << "the worker account must have a profile afterwards";
  // aspnet_regiis -i ran last on the account: its password is the one ASP.NET keeps.
  EXPECT_EQ(w.Find("ASPNET")->password, w.secrets[std::string(fixer::kAspNetWorkerSecret)]);
  // Interactive logon was lifted only for the moment.
  EXPECT_TRUE(w.rights[*sid].count("SeDenyInteractiveLogonRight"));
  EXPECT_FALSE(w.rights[*sid].count("SeInteractiveLogonRight"));
  EXPECT_FALSE(w.Find("ASPNET")->account.flags.disabled);
  // The journal was written and removed at the end.
  EXPECT_FALSE(journal.history.empty());
  EXPECT_TRUE(journal.records.empty());
  EXPECT_EQ(journal.history.front().step, "plan");
  EXPECT_EQ(journal.history.back().step, "run");
  EXPECT_EQ(journal.history.back().phase, fixer::JournalPhase::kFinished);
}

TEST_P(FixerOrder, NoAccountChangeBeforeEveryServiceIsStopped) {
  fixer::RunResult r = MakeFixer(Opts()).Apply();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  const int last_stop = LastCall("scm.stop");
  ASSERT_GE(last_stop, 0);
  for (size_t i = 0; i < w.calls.size(); ++i) {
    if (ChangesAccountState(w.calls[i])) {
      EXPECT_GT(static_cast<int>(i), last_stop) << w.calls[i] << " before the services stopped";
    }
  }
  // Dependents (in the order the SCM gives them) before IISADMIN, then the state service; a
  // stopped service is left alone.
  EXPECT_THAT(CallsStartingWith("scm.stop"), ::testing::ElementsAre("scm.stop SMTPSVC", "scm.stop W3SVC",
                                                                    "scm.stop IISADMIN", "scm.stop aspnet_state"));
}

TEST_P(FixerOrder, ServicesAreRestartedLastAndExactlyThoseThatWereRunning) {
  const auto running_before = w.RunningServices();
  fixer::RunResult r = MakeFixer(Opts()).Apply();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  const int first_start = FirstCall("scm.start");
  ASSERT_GE(first_start, 0);
  for (size_t i = 0; i < w.calls.size(); ++i) {
    if (ChangesAccountState(w.calls[i])) {
      EXPECT_LT(static_cast<int>(i), first_start) << w.calls[i] << " after services restarted";
    }
  }
  // Started in reverse stop order: IISADMIN before what depends on it.
  EXPECT_THAT(CallsStartingWith("scm.start"), ::testing::ElementsAre("scm.start aspnet_state", "scm.start IISADMIN",
                                                                     "scm.start W3SVC", "scm.start SMTPSVC"));
  EXPECT_EQ(w.RunningServices(), running_before);
  EXPECT_EQ(FirstCall("scm.start MSFTPSVC"), -1);
  EXPECT_EQ(FirstCall("scm.stop seclogon"), -1);
}

TEST_P(FixerOrder, ServicesStoppedOnPurposeStayStopped) {
  w.Service("SMTPSVC")->state = fixer::ServiceState::kStopped;
  w.Service("aspnet_state")->state = fixer::ServiceState::kStopped;
  const auto running_before = w.RunningServices();
  fixer::RunResult r = MakeFixer(Opts()).Apply();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  EXPECT_THAT(CallsStartingWith("scm.stop"), ::testing::ElementsAre("scm.stop W3SVC", "scm.stop IISADMIN"));
  EXPECT_THAT(CallsStartingWith("scm.start"), ::testing::ElementsAre("scm.start IISADMIN", "scm.start W3SVC"));
  EXPECT_EQ(w.RunningServices(), running_before);
}

// IIS stopped by the administrator: no page could prove a repair, so nothing is touched.
TEST_P(FixerOrder, NothingRunningIsRefusedBeforeAnyChange) {
  for (auto& s : w.services) s.state = fixer::ServiceState::kStopped;
  fixer::RunResult r = MakeFixer(Opts()).Apply();
  ASSERT_EQ(r.outcome, Outcome::kRefused) << AllText(r);
  ASSERT_TRUE(r.refusal.has_value());
  EXPECT_EQ(r.refusal->reason, fixer::RefusalReason::kOtherCause);
  EXPECT_THAT(r.refusal->why, HasSubstr("1062"));
  EXPECT_TRUE(CallsStartingWith("scm.").empty());
  EXPECT_TRUE(w.RunningServices().empty());
}

TEST_P(FixerOrder, TheProfileLogonUsesThePasswordJustSetAndLogonIsLiftedAroundIt) {
  fixer::RunResult r = MakeFixer(Opts()).Apply();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  const int set = GetParam() == Strategy::kKeepSid ? FirstCall("accounts.set_password") : FirstCall("accounts.create");
  const int lift = FirstCall("rights.grant SeInteractiveLogonRight");
  const int logon_at = FirstCall("logon.run_with_profile ASPNET");
  const int restore = LastCall("rights.revoke SeInteractiveLogonRight");
  const int reg = FirstCall("aspnet.register");
  ASSERT_GE(set, 0);
  ASSERT_GE(lift, 0);
  ASSERT_GE(logon_at, 0);
  ASSERT_GE(restore, 0);
  ASSERT_GE(reg, 0);
  EXPECT_LT(set, logon_at);
  EXPECT_LT(lift, logon_at);
  EXPECT_LT(logon_at, restore);
  EXPECT_LT(restore, reg) << "the restrictions come back before aspnet_regiis -i";
  if (GetParam() == Strategy::kKeepSid) {
    EXPECT_LT(FirstCall("rights.revoke SeDenyInteractiveLogonRight"), logon_at);
    EXPECT_GT(LastCall("rights.grant SeDenyInteractiveLogonRight"), logon_at);
  }
}

TEST_P(FixerOrder, ASecondApplyIsANoOp) {
  ASSERT_EQ(MakeFixer(Opts()).Apply().outcome, Outcome::kFixed);
  const std::string after_fix = w.Snapshot();
  const size_t journal_records = journal.history.size();
  ExpectNoMutation();
  fixer::RunResult again = MakeFixer(Opts()).Apply();
  EXPECT_EQ(again.outcome, Outcome::kNothingToDo) << AllText(again);
  EXPECT_EQ(again.exit_code(), fixer::ExitCode::kOk);
  EXPECT_TRUE(again.steps_done.empty());
  EXPECT_EQ(w.Snapshot(), after_fix);
  EXPECT_EQ(journal.history.size(), journal_records);
  ASSERT_FALSE(again.messages.empty());
  EXPECT_THAT(again.messages.back(), HasSubstr("nothing to do"));
}

TEST_P(FixerOrder, DryRunPlansAndChangesNothing) {
  ExpectNoMutation();
  const std::string before = w.Snapshot();
  fixer::Options o = Opts();
  o.dry_run = true;
  fixer::RunResult r = MakeFixer(o).Apply();
  EXPECT_EQ(r.outcome, Outcome::kPlanned);
  EXPECT_EQ(r.exit_code(), fixer::ExitCode::kOk);
  ASSERT_TRUE(r.plan.has_value());
  EXPECT_EQ(r.plan->steps.size(), (GetParam() == Strategy::kKeepSid ? kKeepSidSteps : kRecreateSteps).size());
  for (const auto& s : r.plan->steps) {
    EXPECT_FALSE(s.action.empty()) << s.id;
    EXPECT_FALSE(s.undo.empty()) << s.id;
  }
  EXPECT_EQ(w.Snapshot(), before);
  ExpectJournalUntouched();
}

INSTANTIATE_TEST_SUITE_P(Strategies, FixerOrder, ::testing::Values(Strategy::kKeepSid, Strategy::kRecreate),
                         [](const auto& info) {
                           return info.param == Strategy::kKeepSid ? std::string("KeepSid") : std::string("Recreate");
                         });

class KeepSidStrategy : public MockPortsTest {};

TEST_F(KeepSidStrategy, MainLineInGmockSequence) {
  {
    InSequence seq;
    EXPECT_CALL(scm, Stop("SMTPSVC"));
    EXPECT_CALL(scm, Stop("W3SVC"));
    EXPECT_CALL(scm, Stop("IISADMIN"));
    EXPECT_CALL(scm, Stop("aspnet_state"));
    EXPECT_CALL(accounts, SetPassword("ASPNET", _));
    EXPECT_CALL(logon, RunWithProfile("ASPNET", _, _));
    EXPECT_CALL(aspnet, Register(std::string(fixer::kFramework10)));
    EXPECT_CALL(scm, Start("aspnet_state"));
    EXPECT_CALL(scm, Start("IISADMIN"));
    EXPECT_CALL(scm, Start("W3SVC"));
    EXPECT_CALL(scm, Start("SMTPSVC"));
  }
  EXPECT_CALL(accounts, Delete(_)).Times(0);
  EXPECT_CALL(accounts, Create(_, _)).Times(0);
  EXPECT_EQ(MakeFixer().Apply().outcome, Outcome::kFixed);
}

TEST_F(KeepSidStrategy, KeepsTheSidAndEveryGrant) {
  fixer::RunResult r = MakeFixer().Apply();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  EXPECT_EQ(w.SidOf("ASPNET"), OldAspnetSid());
  EXPECT_EQ(w.aces.size(), 3u);
  for (const auto& g : w.aces) EXPECT_EQ(g.ace.sid, OldAspnetSid());
  EXPECT_EQ(w.logins.front().sid, OldAspnetSid());
  EXPECT_EQ(w.db_users.front().login_sid, OldAspnetSid());
  EXPECT_THAT(w.Find("ASPNET")->account.groups, ::testing::ElementsAre("Users", "WebReaders"));
  EXPECT_TRUE(w.rights[OldAspnetSid()].count("SeNetworkLogonRight"));
  EXPECT_TRUE(r.regranted.empty());
}

TEST_F(KeepSidStrategy, TheTemporaryPasswordIsRandomMeetsThePolicyAndIsNeverWrittenAnywhere) {
  w.policy.min_length = 20;
  w.policy.complexity = true;
  std::vector<std::string> set_passwords;
  std::vector<std::string> logon_passwords;
  EXPECT_CALL(accounts, SetPassword("ASPNET", _)).WillOnce([&](const std::string& n, const Secret& pw) {
    set_passwords.emplace_back(pw.Reveal());
    w.Find(n)->password = std::string(pw.Reveal());
    return Status();
  });
  EXPECT_CALL(logon, RunWithProfile("ASPNET", _, _))
      .WillOnce([&](const std::string&, const Secret& pw, const std::string&) {
        logon_passwords.emplace_back(pw.Reveal());
        w.profiles[OldAspnetSid()] = "C:\\Documents and Settings\\ASPNET";
        return Status();
      });
  fixer::RunResult r = MakeFixer().Apply();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  ASSERT_EQ(set_passwords.size(), 1u);
  ASSERT_EQ(logon_passwords.size(), 1u);
  const std::string temp = set_passwords.front();
  EXPECT_EQ(logon_passwords.front(), temp);
  EXPECT_GE(temp.size(), 20u);
  EXPECT_NE(temp, kOldWorkerPassword);
  EXPECT_TRUE(w.CheckPolicy("ASPNET", Secret::FromString(temp)).ok());
  const std::string text = AllText(r);
  EXPECT_THAT(text, Not(HasSubstr(temp)));
  EXPECT_THAT(text, Not(HasSubstr(kOldWorkerPassword)));
  EXPECT_THAT(text, Not(HasSubstr(w.secrets[std::string(fixer::kAspNetWorkerSecret)])));
}

TEST_F(KeepSidStrategy, AnOperatorTemporaryPasswordIsUsedAndNeverWritten) {
  fixer::Options o;
  o.temp_password = Secret::FromString("Operator#Temp2003xyz");
  EXPECT_CALL(accounts, SetPassword("ASPNET", ::testing::Eq(Secret::FromString("Operator#Temp2003xyz"))));
  EXPECT_CALL(logon, RunWithProfile("ASPNET", ::testing::Eq(Secret::FromString("Operator#Temp2003xyz")), _));
  fixer::RunResult r = MakeFixer(o).Apply();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  EXPECT_THAT(AllText(r), Not(HasSubstr("Operator#Temp2003xyz")));
}

// A disabled worker would leave the site failing (1331) after any repair: the administrator
// decides, so the fixer refuses before it changes anything.
TEST_F(KeepSidStrategy, ADisabledAccountIsRefusedBeforeAnyChange) {
  w.Find("ASPNET")->account.flags.disabled = true;
  w.web_worker = "nobody";  // a disabled worker answers 503 whatever its profile
  const std::string before = w.Snapshot();
  fixer::RunResult r = MakeFixer().Apply();
  ASSERT_EQ(r.outcome, Outcome::kRefused) << AllText(r);
  EXPECT_EQ(r.exit_code(), fixer::ExitCode::kRefused);
  EXPECT_THAT(r.refusal->why, HasSubstr("1331"));
  EXPECT_EQ(w.Snapshot(), before);
  EXPECT_EQ(FirstCall("accounts.set_flags"), -1);
}

class RecreateStrategy : public MockPortsTest {};

TEST_F(RecreateStrategy, NoDeletionBeforeEveryGrantIsRecordedInTheJournal) {
  std::optional<std::vector<fixer::JournalRecord>> on_disk_at_delete;
  EXPECT_CALL(accounts, Delete("ASPNET")).WillOnce([&](const std::string& n) {
    on_disk_at_delete = journal.records;
    w.calls.push_back("accounts.delete " + n);
    w.accounts.erase(
        std::find_if(w.accounts.begin(), w.accounts.end(), [&](const WorldAccount& a) { return a.account.name == n; }));
    return Status();
  });
  const auto grants = w.aces;
  const auto logins = w.logins;
  const auto users = w.db_users;
  fixer::RunResult r = MakeFixer(Recreate()).Apply();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  ASSERT_TRUE(on_disk_at_delete.has_value());

  const fixer::JournalRecord* recorded = nullptr;
  for (const auto& rec : *on_disk_at_delete) {
    if (rec.step == "record-grants" && rec.phase == fixer::JournalPhase::kBegin) recorded = &rec;
  }
  ASSERT_NE(recorded, nullptr) << "the grants must be durable before the delete";
  const auto& data = recorded->data;
  EXPECT_EQ(fixer::Get(data, "old_sid"), OldAspnetSid().ToString());
  EXPECT_EQ(
      fixer::SplitList(fixer::Get(data, "rights")),
      (std::vector<std::string>{"SeBatchLogonRight", "SeDenyInteractiveLogonRight", "SeDenyRemoteInteractiveLogonRight",
                                "SeNetworkLogonRight", "SeServiceLogonRight"}));
  EXPECT_EQ(fixer::SplitList(fixer::Get(data, "groups")), (std::vector<std::string>{"Users", "WebReaders"}));
  // Typed, as recorded: every ACE by object, in FindAces' order, and the SQL grants.
  ASSERT_NE(recorded->grants, nullptr);
  std::vector<fixer::AceGrant> aces;
  for (const auto& o : recorded->grants->aces) {
    for (const auto& ace : o.aces) aces.push_back({o.object, ace});
  }
  EXPECT_EQ(aces, grants);
  EXPECT_EQ(recorded->grants->logins, logins);
  EXPECT_EQ(recorded->grants->db_users, users);
  // And in the trace: record-grants done before the delete, after the services stopped.
  EXPECT_LT(FirstCall("journal record-grants done"), FirstCall("accounts.delete"));
  EXPECT_LT(LastCall("scm.stop"), FirstCall("accounts.delete"));
}

// The record-grants begin record of `history`, or null.
const fixer::JournalRecord* RecordGrantsBegin(const std::vector<fixer::JournalRecord>& history) {
  for (const auto& rec : history) {
    if (rec.step == "record-grants" && rec.phase == fixer::JournalPhase::kBegin) return &rec;
  }
  return nullptr;
}

// Every ACE of a record-grants record, one by one, as FindAces answers.
std::vector<fixer::AceGrant> AcesOf(const fixer::JournalRecord& rec) {
  std::vector<fixer::AceGrant> aces;
  for (const auto& o : rec.grants->aces) {
    for (const auto& ace : o.aces) aces.push_back({o.object, ace});
  }
  return aces;
}

TEST_F(RecreateStrategy, AnApplyJournalsTheDiagnosisListOfAcesWithoutASecondWalk) {
  const auto grants = w.aces;
  AllowAnyCall();
  EXPECT_CALL(security, FindAces(OldAspnetSid())).Times(1);  // the diagnosis' walk only
  fixer::RunResult r = MakeFixer(Recreate()).Apply();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  const fixer::JournalRecord* recorded = RecordGrantsBegin(journal.history);
  ASSERT_NE(recorded, nullptr);
  ASSERT_NE(recorded->grants, nullptr);
  ASSERT_TRUE(r.diagnosis.has_value());
  EXPECT_EQ(AcesOf(*recorded), grants);
  // One list, held by both: a million ACEs are not copied.
  EXPECT_EQ(recorded->grants->aces.data(), r.diagnosis->scope.aces.data());
}

struct PowerLoss : std::runtime_error {
  PowerLoss() : std::runtime_error("power loss") {}
};

TEST_F(RecreateStrategy, AResumeHasNoDiagnosisAndJournalsTheAcesItReads) {
  const auto grants = w.aces;
  AllowAnyCall();
  EXPECT_CALL(scm, Stop(_))
      .WillOnce([](const std::string&) -> Status { throw PowerLoss(); })
      .WillRepeatedly(DoDefault());
  EXPECT_THROW(MakeFixer(Recreate()).Apply(), PowerLoss);
  ASSERT_EQ(RecordGrantsBegin(journal.history), nullptr) << "the power went before record-grants";

  EXPECT_CALL(security, FindAces(OldAspnetSid())).Times(1);  // record-grants' own read
  fixer::RunResult r = MakeFixer(Recreate()).Resume();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  EXPECT_FALSE(r.diagnosis.has_value());
  const fixer::JournalRecord* recorded = RecordGrantsBegin(journal.history);
  ASSERT_NE(recorded, nullptr);
  ASSERT_NE(recorded->grants, nullptr);
  EXPECT_EQ(AcesOf(*recorded), grants);
}

TEST_F(RecreateStrategy, EveryGrantIsMovedToTheNewSidAndReported) {
  const auto old_aces = w.aces;
  fixer::RunResult r = MakeFixer(Recreate()).Apply();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  auto new_sid = w.SidOf("ASPNET");
  ASSERT_TRUE(new_sid.has_value());
  EXPECT_NE(*new_sid, OldAspnetSid());

  for (const auto& old : old_aces) {
    fixer::Ace moved = old.ace;
    moved.sid = *new_sid;
    EXPECT_TRUE(std::any_of(w.aces.begin(), w.aces.end(),
                            [&](const fixer::AceGrant& g) { return g.object == old.object && g.ace == moved; }))
        << "ACE on " << old.object.path << " not re-granted";
  }
  ASSERT_EQ(w.logins.size(), 1u);
  EXPECT_EQ(w.logins[0].name, "XPPRO\\ASPNET");
  EXPECT_EQ(w.logins[0].sid, *new_sid);
  EXPECT_EQ(w.logins[0].default_database, "Northwind");
  ASSERT_EQ(w.db_users.size(), 1u);
  EXPECT_EQ(w.db_users[0].login_sid, *new_sid);
  EXPECT_THAT(w.db_users[0].roles, ::testing::ElementsAre("db_datareader", "db_datawriter"));
  EXPECT_TRUE(w.rights[*new_sid].count("SeNetworkLogonRight"));
  EXPECT_THAT(w.Find("ASPNET")->account.groups, ::testing::UnorderedElementsAre("Users", "WebReaders"));
  EXPECT_EQ(w.Find("ASPNET")->account.full_name, "aspnet_wp account");

  std::map<std::string, int> kinds;
  for (const auto& item : r.regranted) {
    EXPECT_TRUE(item.ok) << item.kind << " " << item.what << ": " << item.error;
    ++kinds[item.kind];
  }
  EXPECT_EQ(kinds["ace"], 3);
  EXPECT_EQ(kinds["right"], 5);
  EXPECT_EQ(kinds["group"], 2);
  EXPECT_EQ(kinds["sql-login"], 1);
  EXPECT_EQ(kinds["db-user"], 1);
}

TEST_F(RecreateStrategy, TheGeneratedPasswordsNeverReachALogLineTheJournalOrAMessage) {
  std::vector<std::string> passwords;
  EXPECT_CALL(accounts, Create(_, _)).WillOnce([&](const fixer::NewAccount& spec, const Secret& pw) {
    passwords.emplace_back(pw.Reveal());
    fixer::Account a;
    a.name = spec.name;
    a.sid = MachineSid().WithRid(w.next_rid++);
    a.full_name = spec.full_name;
    a.groups = {"Users"};
    w.accounts.push_back({a, std::string(pw.Reveal())});
    return Result<Sid>(a.sid);
  });
  fixer::RunResult r = MakeFixer(Recreate()).Apply();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  ASSERT_EQ(passwords.size(), 1u);
  passwords.push_back(w.secrets[std::string(fixer::kAspNetWorkerSecret)]);
  const std::string text = AllText(r);
  for (const auto& pw : passwords) EXPECT_THAT(text, Not(HasSubstr(pw)));
}

}  // namespace
}  // namespace fixer_test
