// For every step of both strategies: make that step's port call fail and check what happened.
// Before recreate's delete (and for all of keep-sid) the steps done are undone in reverse and the
// machine is as found (exit 1); after the delete the run goes forward and keeps its journal
// (exit 4), and a resume then finishes the repair.
#include <stdexcept>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock_ports.h"

namespace fixer_test {
namespace {

using fixer::Outcome;
using fixer::Strategy;
using ::testing::_;
using ::testing::DoDefault;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Return;

Status Err(uint32_t code) { return Status::Win(code); }

struct FailureCase {
  std::string name;
  Strategy strategy;
  std::string failing_step;
  void (*inject)(MockPortsTest&);  // makes one port call fail (once)
  uint32_t error;
  Outcome outcome;
  std::vector<std::string> undone;  // expected RunResult::steps_undone, in order
};

void PrintTo(const FailureCase& c, std::ostream* os) { *os << c.name; }

class StepFailure : public MockPortsTest, public ::testing::WithParamInterface<FailureCase> {
 public:
  fixer::Options Opts() {
    fixer::Options o;
    o.strategy = GetParam().strategy;
    return o;
  }
  std::string SecretValue() { return w.secrets[std::string(fixer::kAspNetWorkerSecret)]; }
};

// The state as found, except the password: an undo may leave a new one as long as the account
// and the LSA secret agree (aspnet_regiis -i writes both).
std::string WithoutPasswords(std::string snapshot) {
  std::string out;
  std::istringstream in(snapshot);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("secret ", 0) == 0) continue;
    if (auto pw = line.find(" pw="); pw != std::string::npos) {
      line.erase(pw, line.find(" flags=") - pw);
    }
    out += line + "\n";
  }
  return out;
}

TEST_P(StepFailure, UndoesInReverseOrGoesForwardAsThePlanSays) {
  const FailureCase& c = GetParam();
  const std::string as_found = w.Snapshot();
  const auto running_before = w.RunningServices();
  AllowAnyCall();
  c.inject(*this);

  fixer::RunResult r = MakeFixer(Opts()).Apply();

  EXPECT_EQ(r.outcome, c.outcome) << AllText(r);
  EXPECT_EQ(r.exit_code(),
            c.outcome == Outcome::kFailedRestored ? fixer::ExitCode::kFailed : fixer::ExitCode::kNotRestored);
  ASSERT_FALSE(r.errors.empty()) << AllText(r);
  EXPECT_EQ(r.errors.front().step, c.failing_step) << AllText(r);
  EXPECT_EQ(r.errors.front().code, c.error);
  EXPECT_EQ(r.steps_undone, c.undone) << AllText(r);
  EXPECT_THAT(r.steps_done, Not(::testing::Contains(c.failing_step)));
  // The temporary password appears nowhere, whatever happened.
  EXPECT_THAT(AllText(r), Not(HasSubstr(kOldWorkerPassword)));
  // The worker account and ASP.NET agree on the password afterwards, or the worker cannot start.
  if (w.Find("ASPNET")) {
    EXPECT_EQ(w.Find("ASPNET")->password, SecretValue());
  }

  if (c.outcome == Outcome::kFailedRestored) {
    EXPECT_EQ(WithoutPasswords(w.Snapshot()), WithoutPasswords(as_found));
    EXPECT_TRUE(journal.records.empty()) << "a completed restore removes the journal";
    // The steps done were undone exactly in reverse.
    std::vector<std::string> begun;
    for (const auto& rec : journal.history) {
      if (rec.phase == fixer::JournalPhase::kBegin && rec.step != "plan") begun.push_back(rec.step);
    }
    std::vector<std::string> reversed(begun.rbegin(), begun.rend());
    EXPECT_EQ(r.steps_undone, reversed);
    return;
  }

  // Past the point of no return: every later step still ran, the services are back (all but
  // the one that would not start), the journal is kept for resume, and the operator is told
  // to resume.
  auto expected_running = running_before;
  if (c.failing_step == "start-services") expected_running.erase("W3SVC");
  EXPECT_EQ(w.RunningServices(), expected_running);
  EXPECT_FALSE(journal.records.empty());
  EXPECT_THAT(r.messages, ::testing::Contains(HasSubstr("resume")));
  ASSERT_TRUE(w.Find("ASPNET"));
  EXPECT_NE(w.Find("ASPNET")->account.sid, OldAspnetSid());

  // With the fault gone, resume finishes the repair.
  fixer::RunResult resumed = MakeFixer(Opts()).Resume();
  ASSERT_EQ(resumed.outcome, Outcome::kFixed) << AllText(resumed);
  EXPECT_TRUE(journal.records.empty());
  const Sid new_sid = w.Find("ASPNET")->account.sid;
  EXPECT_TRUE(w.profiles.count(new_sid));
  EXPECT_EQ(w.Find("ASPNET")->password, SecretValue());
  EXPECT_TRUE(w.rights[new_sid].count("SeDenyInteractiveLogonRight"));
  EXPECT_FALSE(w.rights[new_sid].count("SeInteractiveLogonRight"));
  EXPECT_TRUE(w.rights[new_sid].count("SeNetworkLogonRight"));
  EXPECT_EQ(w.logins.at(0).sid, new_sid);
  EXPECT_EQ(w.db_users.at(0).login_sid, new_sid);
  EXPECT_THAT(w.Find("ASPNET")->account.groups, ::testing::Contains("WebReaders"));
  for (const auto& path : {"C:\\Inetpub\\wwwroot\\app", "HKLM\\SOFTWARE\\Contoso\\App"}) {
    EXPECT_TRUE(std::any_of(w.aces.begin(), w.aces.end(), [&](const fixer::AceGrant& g) {
      return g.object.path == path && g.ace.sid == new_sid;
    })) << path;
  }
  EXPECT_EQ(w.RunningServices(), running_before);
}

const std::vector<std::string> kKeepSidUndo = {"restore-restrictions", "create-profile", "lift-restrictions",
                                               "set-temp-password", "stop-services"};
std::vector<std::string> From(const std::string& first) {
  std::vector<std::string> all = {"start-services", "register"};
  all.insert(all.end(), kKeepSidUndo.begin(), kKeepSidUndo.end());
  return {std::find(all.begin(), all.end(), first), all.end()};
}

const Outcome kRestored = Outcome::kFailedRestored;
const Outcome kForward = Outcome::kNotRestored;

INSTANTIATE_TEST_SUITE_P(
    EveryStep, StepFailure,
    ::testing::Values(
        // ---- keep-sid: every failure is undone --------------------------------------------
        FailureCase{"KeepSid_StopServices", Strategy::kKeepSid, "stop-services",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.scm, Stop("IISADMIN"))
                          .WillOnce(Return(Err(fixer::kErrorAccessDenied)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kErrorAccessDenied, kRestored, From("stop-services")},
        FailureCase{"KeepSid_SetTempPassword", Strategy::kKeepSid, "set-temp-password",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.accounts, SetPassword("ASPNET", _))
                          .WillOnce(Return(Err(fixer::kNerrPasswordTooShort)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kNerrPasswordTooShort, kRestored, From("set-temp-password")},
        FailureCase{"KeepSid_LiftRestrictions", Strategy::kKeepSid, "lift-restrictions",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.rights, Revoke(_, "SeDenyInteractiveLogonRight"))
                          .WillOnce(Return(Err(fixer::kErrorAccessDenied)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kErrorAccessDenied, kRestored, From("lift-restrictions")},
        FailureCase{"KeepSid_CreateProfile", Strategy::kKeepSid, "create-profile",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.logon, RunWithProfile("ASPNET", _, _))
                          .WillOnce(Return(Err(fixer::kErrorLogonTypeNotGranted)));
                    },
                    fixer::kErrorLogonTypeNotGranted, kRestored, From("create-profile")},
        FailureCase{"KeepSid_RestoreRestrictions", Strategy::kKeepSid, "restore-restrictions",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.rights, Grant(_, "SeDenyInteractiveLogonRight"))
                          .WillOnce(Return(Err(fixer::kErrorAccessDenied)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kErrorAccessDenied, kRestored, From("restore-restrictions")},
        FailureCase{"KeepSid_Register", Strategy::kKeepSid, "register",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.aspnet, Register(_)).WillOnce(Return(Err(fixer::kErrorFileNotFound)));
                    },
                    fixer::kErrorFileNotFound, kRestored, From("register")},
        FailureCase{"KeepSid_StartServices", Strategy::kKeepSid, "start-services",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.scm, Start("W3SVC"))
                          .WillOnce(Return(Err(fixer::kErrorServiceLogonFailed)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kErrorServiceLogonFailed, kRestored, From("start-services")},
        FailureCase{"KeepSid_JournalWriteBeforeProfile",
                    Strategy::kKeepSid,
                    "create-profile",
                    [](MockPortsTest& t) {
                      t.journal.fail_append = [](const fixer::JournalRecord& rec) {
                        return rec.step == "create-profile" && rec.phase == fixer::JournalPhase::kBegin;
                      };
                      EXPECT_CALL(t.logon, RunWithProfile(_, _, _)).Times(0);
                    },
                    fixer::kErrorDiskFull,
                    kRestored,
                    {"lift-restrictions", "set-temp-password", "stop-services"}},
        // ---- recreate, before the delete: undone ------------------------------------------
        FailureCase{
            "Recreate_StopServices",
            Strategy::kRecreate,
            "stop-services",
            [](MockPortsTest& t) {
              EXPECT_CALL(t.scm, Stop("aspnet_state")).WillOnce(Return(Err(fixer::kErrorServiceRequestTimeout)));
            },
            fixer::kErrorServiceRequestTimeout,
            kRestored,
            {"stop-services"}},
        FailureCase{"Recreate_RecordGrants",
                    Strategy::kRecreate,
                    "record-grants",
                    [](MockPortsTest& t) {
                      // The first read is the diagnosis'; the second is record-grants' (its ACEs
                      // are the diagnosis' answer, but the SQL logins are read again).
                      EXPECT_CALL(t.security, LoginsFor(OldAspnetSid()))
                          .WillOnce(DoDefault())
                          .WillOnce([](const Sid&) -> Result<std::vector<fixer::SqlLogin>> {
                            return Err(fixer::kErrorAccessDenied);
                          })
                          .WillRepeatedly(DoDefault());
                      EXPECT_CALL(t.accounts, Delete(_)).Times(0);
                    },
                    fixer::kErrorAccessDenied,
                    kRestored,
                    {"stop-services"}},
        FailureCase{"Recreate_DeleteAccount",
                    Strategy::kRecreate,
                    "delete-account",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.accounts, Delete("ASPNET")).WillOnce(Return(Err(fixer::kErrorAccessDenied)));
                      EXPECT_CALL(t.accounts, Create(_, _)).Times(0);
                    },
                    fixer::kErrorAccessDenied,
                    kRestored,
                    {"delete-account", "record-grants", "stop-services"}},
        // ---- recreate, after the delete: forward, not restored, resumable -----------------
        FailureCase{"Recreate_CreateAccount",
                    Strategy::kRecreate,
                    "create-account",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.accounts, Create(_, _))
                          .WillOnce([](const fixer::NewAccount&, const Secret&) -> Result<Sid> {
                            return Err(fixer::kNerrPasswordTooShort);
                          })
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kNerrPasswordTooShort,
                    kForward,
                    {}},
        FailureCase{"Recreate_LiftRestrictions",
                    Strategy::kRecreate,
                    "lift-restrictions",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.rights, Grant(_, "SeInteractiveLogonRight"))
                          .WillOnce(Return(Err(fixer::kErrorAccessDenied)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kErrorAccessDenied,
                    kForward,
                    {}},
        FailureCase{"Recreate_CreateProfile",
                    Strategy::kRecreate,
                    "create-profile",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.logon, RunWithProfile("ASPNET", _, _))
                          .WillOnce(Return(Err(fixer::kErrorLogonFailure)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kErrorLogonFailure,
                    kForward,
                    {}},
        FailureCase{"Recreate_RestoreRestrictions",
                    Strategy::kRecreate,
                    "restore-restrictions",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.rights, Revoke(_, "SeInteractiveLogonRight"))
                          .WillOnce(Return(Err(fixer::kErrorAccessDenied)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kErrorAccessDenied,
                    kForward,
                    {}},
        FailureCase{"Recreate_Register",
                    Strategy::kRecreate,
                    "register",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.aspnet, Register(_))
                          .WillOnce(Return(Err(fixer::kErrorFileNotFound)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kErrorFileNotFound,
                    kForward,
                    {}},
        FailureCase{"Recreate_RegrantRights",
                    Strategy::kRecreate,
                    "regrant-rights",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.rights, Grant(_, "SeNetworkLogonRight"))
                          .WillOnce(Return(Err(fixer::kErrorNoSuchPrivilege)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kErrorNoSuchPrivilege,
                    kForward,
                    {}},
        FailureCase{"Recreate_RegrantGroups",
                    Strategy::kRecreate,
                    "regrant-groups",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.accounts, AddToGroup("WebReaders", _))
                          .WillOnce(Return(Err(fixer::kNerrGroupNotFound)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kNerrGroupNotFound,
                    kForward,
                    {}},
        FailureCase{"Recreate_RegrantAces",
                    Strategy::kRecreate,
                    "regrant-aces",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.security, AddAce(_, _))
                          .WillOnce(Return(Err(fixer::kErrorAccessDenied)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kErrorAccessDenied,
                    kForward,
                    {}},
        FailureCase{"Recreate_RegrantSql",
                    Strategy::kRecreate,
                    "regrant-sql",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.security, CreateLogin(_))
                          .WillOnce(Return(Err(fixer::kErrorAccessDenied)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kErrorAccessDenied,
                    kForward,
                    {}},
        FailureCase{"Recreate_StartServices",
                    Strategy::kRecreate,
                    "start-services",
                    [](MockPortsTest& t) {
                      EXPECT_CALL(t.scm, Start("W3SVC"))
                          .WillOnce(Return(Err(fixer::kErrorServiceLogonFailed)))
                          .WillRepeatedly(DoDefault());
                    },
                    fixer::kErrorServiceLogonFailed,
                    kForward,
                    {}}),
    [](const auto& info) { return info.param.name; });

// ---- an undo that fails too: exit 4, journal kept, rollback finishes it ---------------------

class UndoFailure : public MockPortsTest {};

TEST_F(UndoFailure, AFailedUndoIsNotRestoredAndRollbackFinishesIt) {
  const std::string as_found = w.Snapshot();
  AllowAnyCall();
  EXPECT_CALL(logon, RunWithProfile(_, _, _)).WillOnce(Return(Err(fixer::kErrorLogonTypeNotGranted)));
  // W3SVC cannot start again for the moment.
  EXPECT_CALL(scm, Start("W3SVC")).WillOnce(Return(Err(fixer::kErrorServiceLogonFailed)));
  fixer::RunResult r = MakeFixer().Apply();
  EXPECT_EQ(r.outcome, Outcome::kNotRestored) << AllText(r);
  EXPECT_EQ(r.exit_code(), fixer::ExitCode::kNotRestored);
  EXPECT_THAT(r.messages, ::testing::Contains(HasSubstr("rollback")));
  EXPECT_FALSE(journal.records.empty()) << "the journal must be kept for rollback";
  EXPECT_FALSE(w.Running("W3SVC"));

  ::testing::Mock::VerifyAndClearExpectations(&scm);
  fixer::RunResult rb = MakeFixer().Rollback();
  EXPECT_EQ(rb.outcome, Outcome::kRolledBack) << AllText(rb);
  EXPECT_EQ(rb.exit_code(), fixer::ExitCode::kOk);
  EXPECT_TRUE(journal.records.empty());
  EXPECT_EQ(w.Snapshot(), as_found);
}

// Exit 3 promises nothing changed, and the deleted SID cannot return: rollback rolls forward,
// and says what is left (exit 4) while the profile logon still fails.
TEST_F(UndoFailure, RollbackAfterTheDeleteRollsForwardNeverExits3) {
  EXPECT_CALL(logon, RunWithProfile(_, _, _)).WillRepeatedly(Return(Err(fixer::kErrorLogonFailure)));
  fixer::RunResult r = MakeFixer(Recreate()).Apply();
  ASSERT_EQ(r.outcome, Outcome::kNotRestored) << AllText(r);
  fixer::RunResult rb = MakeFixer(Recreate()).Rollback();
  EXPECT_NE(rb.exit_code(), fixer::ExitCode::kRefused) << AllText(rb);
  EXPECT_EQ(rb.outcome, Outcome::kNotRestored) << AllText(rb);
  EXPECT_THAT(AllText(rb), HasSubstr("rolling forward"));
  EXPECT_FALSE(journal.records.empty());
  EXPECT_TRUE(w.Running("W3SVC"));  // the services as found
}

TEST_F(UndoFailure, RollbackAfterTheDeleteFinishesTheRepairOnceTheLogonWorks) {
  EXPECT_CALL(logon, RunWithProfile(_, _, _))
      .WillOnce(Return(Err(fixer::kErrorLogonFailure)))
      .WillRepeatedly(::testing::DoDefault());
  fixer::RunResult r = MakeFixer(Recreate()).Apply();
  ASSERT_EQ(r.outcome, Outcome::kNotRestored) << AllText(r);
  fixer::RunResult rb = MakeFixer(Recreate()).Rollback();
  EXPECT_EQ(rb.outcome, Outcome::kFixed) << AllText(rb);
  EXPECT_THAT(AllText(rb), HasSubstr("rolled forward"));
  EXPECT_TRUE(journal.records.empty());
  EXPECT_TRUE(w.Running("W3SVC"));
}

// ---- a crash (an exception out of a port: the power went) and resume ---------------------

struct PowerLoss : std::runtime_error {
  PowerLoss() : std::runtime_error("power loss") {}
};

class CrashAndResume : public MockPortsTest, public ::testing::WithParamInterface<Strategy> {};

TEST_P(CrashAndResume, AfterACrashInTheProfileLogonResumeFinishesTheRepair) {
  fixer::Options o;
  o.strategy = GetParam();
  const auto running_before = w.RunningServices();
  AllowAnyCall();
  EXPECT_CALL(logon, RunWithProfile(_, _, _))
      .WillOnce([](const std::string&, const Secret&, const std::string&) -> Status { throw PowerLoss(); })
      .WillRepeatedly(DoDefault());
  EXPECT_THROW(MakeFixer(o).Apply(), PowerLoss);
  ASSERT_FALSE(journal.records.empty()) << "the journal is what resume sees";

  // A new process: the temporary password of the crashed one is lost; a new Apply refuses.
  fixer::RunResult refused = MakeFixer(o).Apply();
  EXPECT_EQ(refused.exit_code(), fixer::ExitCode::kNotRestored);
  fixer::RunResult r = MakeFixer(o).Resume();
  ASSERT_EQ(r.outcome, Outcome::kFixed) << AllText(r);
  const Sid sid = w.Find("ASPNET")->account.sid;
  EXPECT_EQ(sid == OldAspnetSid(), GetParam() == Strategy::kKeepSid);
  EXPECT_TRUE(w.profiles.count(sid));
  EXPECT_EQ(w.Find("ASPNET")->password, w.secrets[std::string(fixer::kAspNetWorkerSecret)]);
  EXPECT_TRUE(w.rights[sid].count("SeDenyInteractiveLogonRight"));
  EXPECT_FALSE(w.rights[sid].count("SeInteractiveLogonRight"));
  EXPECT_EQ(w.logins.at(0).sid, sid);
  EXPECT_EQ(w.RunningServices(), running_before);
  EXPECT_TRUE(journal.records.empty());
  EXPECT_THAT(AllText(r), Not(HasSubstr(kOldWorkerPassword)));
}

TEST_P(CrashAndResume, RollbackBeforeTheDeleteRestoresTheMachine) {
  fixer::Options o;
  o.strategy = GetParam();
  const std::string as_found = w.Snapshot();
  AllowAnyCall();
  // keep-sid: crash in the password step; recreate: in the delete itself, before it acts.
  if (GetParam() == Strategy::kKeepSid) {
    EXPECT_CALL(accounts, SetPassword(_, _))
        .WillOnce([](const std::string&, const Secret&) -> Status { throw PowerLoss(); })
        .WillRepeatedly(DoDefault());
  } else {
    EXPECT_CALL(accounts, Delete(_))
        .WillOnce([](const std::string&) -> Status { throw PowerLoss(); })
        .WillRepeatedly(DoDefault());
  }
  EXPECT_THROW(MakeFixer(o).Apply(), PowerLoss);
  fixer::RunResult r = MakeFixer(o).Rollback();
  EXPECT_EQ(r.outcome, Outcome::kRolledBack) << AllText(r);
  EXPECT_EQ(r.exit_code(), fixer::ExitCode::kOk);
  EXPECT_EQ(WithoutPasswords(w.Snapshot()), WithoutPasswords(as_found));
  EXPECT_EQ(w.Find("ASPNET")->password, w.secrets[std::string(fixer::kAspNetWorkerSecret)]);
  EXPECT_TRUE(journal.records.empty());
}

INSTANTIATE_TEST_SUITE_P(Strategies, CrashAndResume, ::testing::Values(Strategy::kKeepSid, Strategy::kRecreate),
                         [](const auto& info) {
                           return info.param == Strategy::kKeepSid ? std::string("KeepSid") : std::string("Recreate");
                         });

}  // namespace
}  // namespace fixer_test
