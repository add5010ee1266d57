// LogonService: LogonUser's checks in Windows' order, lockout, tokens, and runas /profile.
#include "fakes/logon.h"

#include <gtest/gtest.h>

#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "test_machine.h"

namespace fakes_test {
namespace {

using fakes::LogonType;
using fixer::Sid;

bool Has(const std::vector<Sid>& sids, const Sid& sid) {
  return std::find(sids.begin(), sids.end(), sid) != sids.end();
}

class LogonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto sid = sam_.CreateUser({.name = "ASPNET", .full_name = "aspnet_wp account"}, Pw("1pass@word"));
    ASSERT_TRUE(sid.ok());
    aspnet_ = *sid;
  }
  fakes::UserAccount& Aspnet() { return *sam_.FindUser("ASPNET"); }
  uint32_t Logon(const std::string& pw, LogonType type = LogonType::kInteractive) {
    return logon_.LogonUser("ASPNET", Pw(pw), type).status().code();
  }
  void SetLockout(uint32_t threshold, uint32_t minutes) {
    m_.state().lsa.lockout.threshold = threshold;
    m_.state().lsa.lockout.duration_minutes = minutes;
  }

  fakes::Machine m_{MinimalXpState()};
  fakes::Sam sam_{m_};
  fakes::LogonService logon_{m_};
  Sid aspnet_;
};

TEST_F(LogonTest, GoodPasswordGivesATokenWithUserGroupsAndLogonSids) {
  auto token = logon_.LogonUser("aspnet", Pw("1pass@word"), LogonType::kInteractive);
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(token->user, aspnet_);
  EXPECT_EQ(token->user_name, "ASPNET");
  EXPECT_FALSE(token->profile_loaded);       // a bare LogonUser loads no profile...
  EXPECT_TRUE(m_.state().profiles.empty());  // ...nor makes one (docs/windows-reference.md#profiles)
  EXPECT_TRUE(Has(token->groups, Sid::Users()));
  EXPECT_TRUE(Has(token->groups, Sid::Everyone()));
  EXPECT_TRUE(Has(token->groups, Sid::AuthenticatedUsers()));
  EXPECT_TRUE(Has(token->groups, Sid::Interactive()));
  EXPECT_FALSE(Has(token->groups, Sid::Network()));
  EXPECT_FALSE(Has(token->groups, Sid::Administrators()));
  const auto all = token->AllSids();
  EXPECT_EQ(all.front(), aspnet_);
  EXPECT_EQ(all.size(), token->groups.size() + 1);
}

TEST_F(LogonTest, LogonTypeSidFollowsTheType) {
  ASSERT_TRUE(m_.state().lsa.rights[aspnet_].insert("SeBatchLogonRight").second);
  ASSERT_TRUE(m_.state().lsa.rights[aspnet_].insert("SeServiceLogonRight").second);
  EXPECT_TRUE(Has(logon_.LogonUser("ASPNET", Pw("1pass@word"), LogonType::kNetwork)->groups, Sid::Network()));
  EXPECT_TRUE(Has(logon_.LogonUser("ASPNET", Pw("1pass@word"), LogonType::kBatch)->groups, Sid::Batch()));
  EXPECT_TRUE(Has(logon_.LogonUser("ASPNET", Pw("1pass@word"), LogonType::kService)->groups, Sid::Service()));
}

TEST_F(LogonTest, UnknownUserAndBadPasswordBothGive1326) {
  const fixer::Status unknown = logon_.LogonUser("nobody", Pw("x"), LogonType::kInteractive).status();
  EXPECT_EQ(unknown.code(), 1326u);
  EXPECT_EQ(unknown.message(), "Logon failure: unknown user name or bad password.");
  EXPECT_EQ(Logon("1pass@Word"), 1326u);  // passwords are case-sensitive
  EXPECT_EQ(Aspnet().bad_password_count, 1u);
}

// A logon hashes the password it is given and compares it with the hash the SAM keeps (set by
// CreateUser or SetPassword): the right password of any length logs on, and one that differs in
// its last character, its length or the case of one letter does not (1326), by LogonUser and by
// CheckLogon alike.
TEST_F(LogonTest, RightPasswordOfAnyLengthLogsOnAndANearMissDoesNot) {
  for (size_t length : {1u, 7u, 27u, 28u, 32u, 64u, 129u, 200u}) {
    std::string pw;
    for (size_t i = 0; i < length; ++i) pw.push_back(static_cast<char>('a' + (i * 5) % 26));
    ASSERT_TRUE(sam_.SetPassword("ASPNET", Pw(pw)).ok()) << length;
    EXPECT_EQ(Logon(pw), 0u) << length;
    EXPECT_TRUE(logon_.CheckLogon("Aspnet", Pw(pw), LogonType::kInteractive).ok()) << length;
    std::string last = pw;
    last.back() = static_cast<char>(last.back() == 'z' ? 'y' : last.back() + 1);
    std::string upper = pw;
    upper[length / 2] = static_cast<char>(upper[length / 2] - 'a' + 'A');
    for (const std::string& wrong : {last, upper, pw + "a", pw.substr(0, length - 1)}) {
      EXPECT_EQ(logon_.CheckLogon("ASPNET", Pw(wrong), LogonType::kInteractive).status().code(), 1326u) << length;
      EXPECT_EQ(Logon(wrong), 1326u) << length;
    }
    EXPECT_EQ(Logon(pw), 0u) << length;  // and resets the count
    EXPECT_EQ(Aspnet().bad_password_count, 0u);
  }
}

TEST_F(LogonTest, SuccessResetsTheBadPasswordCount) {
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_EQ(Aspnet().bad_password_count, 2u);
  EXPECT_EQ(Logon("1pass@word"), 0u);
  EXPECT_EQ(Aspnet().bad_password_count, 0u);
}

// A machine file may give the count at its top (4294967295): one more bad password keeps it there,
// never wraps it to 0 (the same kind of wrap as the SAM's next RID, audit 15 item 5).
TEST_F(LogonTest, TheBadPasswordCountStopsAtItsTopAndNeverWraps) {
  SetLockout(0, 30);
  Aspnet().bad_password_count = UINT32_MAX;
  Aspnet().last_bad_password_at = m_.Now();
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_EQ(Aspnet().bad_password_count, UINT32_MAX);
}

TEST_F(LogonTest, NoLockoutWhenThresholdIsZero) {
  SetLockout(0, 30);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_FALSE(Aspnet().flags.locked_out);
  EXPECT_EQ(Logon("1pass@word"), 0u);
}

TEST_F(LogonTest, ThresholdLocksTheAccountThen1909EvenWithTheRightPassword) {
  SetLockout(3, 30);
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_FALSE(Aspnet().flags.locked_out);
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_TRUE(Aspnet().flags.locked_out);
  EXPECT_EQ(Aspnet().locked_out_at, m_.Now());
  const fixer::Status st = logon_.LogonUser("ASPNET", Pw("1pass@word"), LogonType::kInteractive).status();
  EXPECT_EQ(st.code(), 1909u);
  EXPECT_EQ(st.message(), "The referenced account is currently locked out and may not be logged on to.");
  EXPECT_TRUE(sam_.Describe(Aspnet()).flags.locked_out);
}

// docs/windows-reference.md#logon-order: the lockout is judged before the password, so a wrong
// password to a locked-out account answers 1909 too and is not counted (Microsoft's MSV1_0
// subauthentication sample; Samba's authsam_authenticate).
TEST_F(LogonTest, LockedOutAnswers1909ToAWrongPasswordWithoutCountingIt) {
  SetLockout(2, 30);
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_EQ(Logon("wrong"), 1326u);
  ASSERT_TRUE(Aspnet().flags.locked_out);
  const uint32_t count = Aspnet().bad_password_count;
  const int64_t last_bad = Aspnet().last_bad_password_at;
  m_.Advance(60);
  size_t mutations = 0;
  m_.set_before_mutation([&] { ++mutations; });
  EXPECT_EQ(Logon("wrong"), 1909u);
  EXPECT_EQ(logon_.LogonUser("nobody", Pw("wrong"), LogonType::kInteractive).status().code(), 1326u);
  m_.set_before_mutation(nullptr);
  EXPECT_EQ(mutations, 0u);
  EXPECT_EQ(Aspnet().bad_password_count, count);
  EXPECT_EQ(Aspnet().last_bad_password_at, last_bad);
  m_.Advance(30 * 60);  // the lockout runs out: a wrong password is judged and counted again
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_EQ(Aspnet().bad_password_count, 1u);
}

// docs/windows-reference.md#lockout: the built-in Administrator (RID 500) is never locked out;
// its bad passwords are still refused and counted.
TEST_F(LogonTest, TheBuiltInAdministratorIsNeverLockedOut) {
  SetLockout(2, 30);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(logon_.LogonUser("Administrator", Pw("wrong"), LogonType::kInteractive).status().code(), 1326u);
  }
  const fakes::UserAccount& admin = *sam_.FindUser("Administrator");
  EXPECT_FALSE(admin.flags.locked_out);
  EXPECT_EQ(admin.bad_password_count, 5u);
  EXPECT_TRUE(logon_.LogonUser("Administrator", Pw("Adm1n!pass"), LogonType::kInteractive).ok());
}

TEST_F(LogonTest, LockoutExpiresAfterItsDurationOfMachineClock) {
  SetLockout(2, 30);
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_EQ(Logon("wrong"), 1326u);
  m_.Advance(29 * 60);
  EXPECT_EQ(Logon("1pass@word"), 1909u);
  m_.Advance(60);
  EXPECT_FALSE(sam_.Describe(Aspnet()).flags.locked_out);
  EXPECT_EQ(Logon("1pass@word"), 0u);
  EXPECT_FALSE(Aspnet().flags.locked_out);
  EXPECT_EQ(Aspnet().bad_password_count, 0u);
}

TEST_F(LogonTest, AfterAnExpiredLockoutCountingStartsOver) {
  SetLockout(2, 30);
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_EQ(Logon("wrong"), 1326u);
  m_.Advance(30 * 60);
  EXPECT_EQ(Logon("wrong"), 1326u);  // the first miss of a new count, not a third
  EXPECT_FALSE(Aspnet().flags.locked_out);
  EXPECT_EQ(Aspnet().bad_password_count, 1u);
}

TEST_F(LogonTest, ZeroDurationLocksUntilAnAdministratorUnlocks) {
  SetLockout(1, 0);
  Aspnet().flags.password_never_expires = true;  // a year outlives XP's 42-day maximum age
  EXPECT_EQ(Logon("wrong"), 1326u);
  m_.Advance(365 * 86400);
  EXPECT_EQ(Logon("1pass@word"), 1909u);
  ASSERT_TRUE(sam_.SetFlags("ASPNET", {.locked_out = false, .password_never_expires = true}).ok());
  EXPECT_EQ(Logon("1pass@word"), 0u);
}

TEST_F(LogonTest, DisabledAccountGives1331) {
  Aspnet().flags.disabled = true;
  const fixer::Status st = logon_.LogonUser("ASPNET", Pw("1pass@word"), LogonType::kInteractive).status();
  EXPECT_EQ(st.code(), 1331u);
  EXPECT_EQ(st.message(), "Logon failure: account currently disabled.");
  EXPECT_EQ(Logon("wrong"), 1326u);  // the password is checked first
}

// docs/windows-reference.md#password-age: PasswordLastSet 0 ("must change password at next
// logon") fails with STATUS_PASSWORD_MUST_CHANGE (1907), a password past the maximum age with
// STATUS_PASSWORD_EXPIRED (1330) (Microsoft's MSV1_0 subauthentication sample; Samba).
TEST_F(LogonTest, MustChangeAtNextLogonGives1907AndATooOldPassword1330) {
  Aspnet().password_expired = true;
  fixer::Status st = logon_.LogonUser("ASPNET", Pw("1pass@word"), LogonType::kInteractive).status();
  EXPECT_EQ(st.code(), 1907u);
  EXPECT_EQ(st.message(), "The user's password must be changed before logging on the first time.");
  EXPECT_TRUE(sam_.Describe(Aspnet()).password_must_change);
  Aspnet().password_expired = false;
  m_.state().lsa.password_policy.max_age_days = 42;
  m_.Advance(43 * 86400);
  st = logon_.LogonUser("ASPNET", Pw("1pass@word"), LogonType::kInteractive).status();
  EXPECT_EQ(st.code(), 1330u);
  EXPECT_EQ(st.message(), "Logon failure: the specified account password has expired.");
  EXPECT_TRUE(sam_.Describe(Aspnet()).password_expired);
  EXPECT_FALSE(sam_.Describe(Aspnet()).password_must_change);
  Aspnet().password_expired = true;  // both: the password was never set by its user
  EXPECT_EQ(Logon("1pass@word"), 1907u);
}

// MS-SAMR 3.1.5.14.4: UF_DONT_EXPIRE_PASSWD makes PasswordMustChange "never" before pwdLastSet 0
// ("must change at next logon") is looked at, so the flag overrides that too.
TEST_F(LogonTest, PasswordNeverExpiresOverridesMustChangeAtNextLogon) {
  Aspnet().flags.password_never_expires = false;
  Aspnet().password_expired = true;
  EXPECT_EQ(Logon("1pass@word"), 1907u);
  Aspnet().flags.password_never_expires = true;
  EXPECT_EQ(Logon("1pass@word"), 0u);
}

TEST_F(LogonTest, PasswordOlderThanMaxAgeExpiresUnlessItNeverExpires) {
  m_.state().lsa.password_policy.max_age_days = 42;
  m_.Advance(42 * 86400);
  EXPECT_EQ(Logon("1pass@word"), 0u);  // exactly 42 days is still inside
  m_.Advance(1);
  EXPECT_EQ(Logon("1pass@word"), 1330u);
  Aspnet().flags.password_never_expires = true;
  EXPECT_EQ(Logon("1pass@word"), 0u);
  Aspnet().flags.password_never_expires = false;
  m_.state().lsa.password_policy.max_age_days = 0;  // 0: passwords never expire
  EXPECT_EQ(Logon("1pass@word"), 0u);
}

TEST_F(LogonTest, BlankPasswordGives1327UnlessTheLimitIsOff) {
  ASSERT_TRUE(sam_.SetPassword("ASPNET", Pw("")).ok());
  const fixer::Status st = logon_.LogonUser("ASPNET", Pw(""), LogonType::kInteractive).status();
  EXPECT_EQ(st.code(), 1327u);
  EXPECT_EQ(st.message().rfind("Logon failure: user account restriction.", 0), 0u);
  m_.state().lsa.limit_blank_password_use = false;
  EXPECT_EQ(Logon(""), 0u);
}

// The blank-password policy exempts no local account (docs/windows-reference.md#blank-passwords):
// an enabled Guest with its blank password is refused off the console as any account is, by batch
// and network logons alike; disabled, as XP ships it, it answers 1331 first.
TEST_F(LogonTest, GuestWithItsBlankPasswordIsNoExceptionToTheBlankPasswordLimit) {
  EXPECT_EQ(logon_.LogonUser("Guest", Pw(""), LogonType::kBatch).status().code(), 1331u);
  sam_.FindUser("Guest")->flags.disabled = false;
  for (const LogonType type : {LogonType::kBatch, LogonType::kNetwork, LogonType::kInteractive}) {
    EXPECT_EQ(logon_.LogonUser("Guest", Pw(""), type).status().code(), 1327u);
  }
}

// Only the lockout spares the built-in Administrator: the subauthentication sample's other
// exemptions (disabled, password age) are not taken as Windows' (docs/windows-reference.md#administrator-exemptions).
TEST_F(LogonTest, TheBuiltInAdministratorIsStillDisabledAndItsPasswordStillAges) {
  fakes::UserAccount& admin = *sam_.FindUser("Administrator");
  admin.flags.password_never_expires = false;
  m_.state().lsa.password_policy.max_age_days = 42;
  m_.Advance(43 * 86400);
  EXPECT_EQ(logon_.LogonUser("Administrator", Pw(kAdminPassword), LogonType::kInteractive).status().code(), 1330u);
  admin.flags.disabled = true;
  EXPECT_EQ(logon_.LogonUser("Administrator", Pw(kAdminPassword), LogonType::kInteractive).status().code(), 1331u);
}

TEST_F(LogonTest, MissingOrDeniedLogonRightGives1385) {
  EXPECT_EQ(Logon("1pass@word", LogonType::kBatch), 1385u);  // Users hold no batch right
  m_.state().lsa.rights[aspnet_].insert("SeDenyInteractiveLogonRight");
  const fixer::Status st = logon_.LogonUser("ASPNET", Pw("1pass@word"), LogonType::kInteractive).status();
  EXPECT_EQ(st.code(), 1385u);
  EXPECT_EQ(st.message(), "Logon failure: the user has not been granted the requested logon type at this computer.");
  EXPECT_EQ(Logon("1pass@word", LogonType::kNetwork), 0u);
}

TEST_F(LogonTest, ARightGrantedToAWellKnownGroupReachesTheToken) {
  m_.state().lsa.rights[Sid::Batch()].insert("SeBatchLogonRight");
  EXPECT_EQ(Logon("1pass@word", LogonType::kBatch), 0u);
}

TEST_F(LogonTest, MembershipThroughAuthenticatedUsersCounts) {
  // XP's Users group holds Authenticated Users and INTERACTIVE; a user outside Users by name
  // still gets Users in its token through them.
  ASSERT_TRUE(sam_.RemoveMember("Users", aspnet_).ok());
  EXPECT_EQ(Logon("1pass@word"), 1385u);
  ASSERT_TRUE(sam_.AddMember("Users", Sid::AuthenticatedUsers()).ok());
  auto token = logon_.LogonUser("ASPNET", Pw("1pass@word"), LogonType::kInteractive);
  ASSERT_TRUE(token.ok());
  EXPECT_TRUE(Has(token->groups, Sid::Users()));
}

TEST_F(LogonTest, ChecksComeInWindowsOrder) {
  SetLockout(1, 30);
  Aspnet().flags.disabled = true;
  Aspnet().password_expired = true;
  m_.state().lsa.rights[aspnet_].insert("SeDenyInteractiveLogonRight");
  EXPECT_EQ(Logon("1pass@word"), 1331u);  // disabled before expired before rights
  Aspnet().flags.disabled = false;
  EXPECT_EQ(Logon("1pass@word"), 1907u);
  Aspnet().password_expired = false;
  EXPECT_EQ(Logon("1pass@word"), 1385u);
  EXPECT_EQ(Logon("wrong"), 1326u);       // and the password before everything but a lockout
  EXPECT_EQ(Logon("1pass@word"), 1909u);  // now locked: before disabled
  EXPECT_EQ(Logon("wrong"), 1909u);       // and before the password
}

// docs/windows-reference.md#logon-order, the table's lower rows: a too-old password (1330) before
// the blank-password restriction (1327) before the logon right (1385); and a wrong password is
// 1326 whatever else is wrong, since the rest is judged only for the right password.
TEST_F(LogonTest, ExpiredBeforeBlankPasswordBeforeLogonRight) {
  ASSERT_TRUE(sam_.SetPassword("ASPNET", Pw("")).ok());
  m_.state().lsa.rights[aspnet_].insert("SeDenyInteractiveLogonRight");
  m_.state().lsa.password_policy.max_age_days = 42;
  m_.Advance(43 * 86400);
  EXPECT_EQ(Logon("x"), 1326u);
  EXPECT_EQ(Logon(""), 1330u);
  m_.state().lsa.password_policy.max_age_days = 0;
  EXPECT_EQ(Logon(""), 1327u);
  m_.state().lsa.limit_blank_password_use = false;
  EXPECT_EQ(Logon(""), 1385u);
  EXPECT_EQ(Logon("x"), 1326u);
}

// CheckLogon is LogonUser's answer without its side effects: for every outcome the same code,
// and the machine unchanged (no bad password counted, no count reset, no Mutate).
TEST_F(LogonTest, CheckLogonAnswersAsLogonUserAndChangesNothing) {
  SetLockout(3, 30);
  ASSERT_EQ(Logon("wrong"), fixer::kErrorLogonFailure);  // a count for the good logon to reset
  for (const char* pw : {"wrong", "1pass@word"}) {
    const fakes::MachineState before = m_.state();
    size_t mutations = 0;
    m_.set_before_mutation([&] { ++mutations; });
    auto checked = logon_.CheckLogon("ASPNET", Pw(pw), LogonType::kInteractive);
    m_.set_before_mutation(nullptr);
    EXPECT_EQ(mutations, 0u) << pw;
    EXPECT_TRUE(m_.state() == before) << pw;
    auto real = logon_.LogonUser("ASPNET", Pw(pw), LogonType::kInteractive);
    EXPECT_EQ(checked.status().code(), real.status().code()) << pw;
  }
  EXPECT_EQ(Aspnet().bad_password_count, 0u);  // LogonUser's own success reset it
  Aspnet().flags.disabled = true;
  EXPECT_EQ(logon_.CheckLogon("ASPNET", Pw("1pass@word"), LogonType::kInteractive).status().code(),
            fixer::kErrorAccountDisabled);
}

TEST_F(LogonTest, InjectedFaultOnBadPasswordChangesNothing) {
  fakes::FaultPlan plan;
  plan.Add({.op = "sam.bad_password", .nth = 1, .kind = fakes::FaultKind::kFail, .error = 1450});
  m_.set_faults(plan);
  const fakes::MachineState before = m_.state();
  EXPECT_EQ(Logon("wrong"), 1450u);
  EXPECT_TRUE(m_.state() == before);
}

TEST_F(LogonTest, RunWithProfileCreatesTheProfileAndLoadsIt) {
  auto token = logon_.RunWithProfile("ASPNET", Pw("1pass@word"), "cmd.exe");
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_TRUE(token->profile_loaded);
  const fakes::ProfileEntry* p = fakes::ProfileStore(m_).Find(aspnet_);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->path, R"(C:\Documents and Settings\ASPNET)");
}

TEST_F(LogonTest, RunWithProfileFailsWithoutProfileOnLogonErrors) {
  EXPECT_EQ(logon_.RunWithProfile("ASPNET", Pw("typo"), "cmd.exe").status().code(), 1326u);
  m_.state().lsa.rights[aspnet_].insert("SeDenyInteractiveLogonRight");
  EXPECT_EQ(logon_.RunWithProfile("ASPNET", Pw("1pass@word"), "cmd.exe").status().code(), 1385u);
  EXPECT_TRUE(m_.state().profiles.empty());
}

TEST_F(LogonTest, RunWithProfileNeedsSecondaryLogonEnabled) {
  fixer::ServiceInfo seclogon = m_.state().services[0];
  seclogon.start_type = fixer::StartType::kDisabled;
  seclogon.state = fixer::ServiceState::kStopped;
  seclogon.name = "SecLogon";  // looked up case-insensitively
  m_.state().services.Replace(0, seclogon);
  const fixer::Status st = logon_.RunWithProfile("ASPNET", Pw("1pass@word"), "cmd.exe").status();
  EXPECT_EQ(st.code(), 1058u);
  EXPECT_EQ(st.message(),
            "The service cannot be started, either because it is disabled or because it has no "
            "enabled devices associated with it.");
  EXPECT_TRUE(m_.state().profiles.empty());
  EXPECT_EQ(Aspnet().bad_password_count, 0u);  // refused before any logon attempt
  // Stopped but enabled: the SCM starts it on demand.
  m_.state().services[0].start_type = fixer::StartType::kManual;
  EXPECT_TRUE(logon_.RunWithProfile("ASPNET", Pw("1pass@word"), "cmd.exe").ok());
}

TEST_F(LogonTest, RunWithProfileEdgeCases) {
  EXPECT_EQ(logon_.RunWithProfile("ASPNET", Pw("1pass@word"), "").status().code(), 87u);
  m_.state().services.clear();
  EXPECT_EQ(logon_.RunWithProfile("ASPNET", Pw("1pass@word"), "cmd.exe").status().code(), 1060u);
}

TEST_F(LogonTest, ServiceTokensForBuiltInIdentities) {
  auto system = logon_.ServiceToken("LocalSystem");
  ASSERT_TRUE(system.has_value());
  EXPECT_EQ(system->user, Sid::LocalSystem());
  EXPECT_TRUE(system->profile_loaded);
  EXPECT_TRUE(Has(system->groups, Sid::Administrators()));
  EXPECT_EQ(logon_.ServiceToken("NT AUTHORITY\\SYSTEM")->user, Sid::LocalSystem());
  auto network = logon_.ServiceToken("NT AUTHORITY\\NetworkService");
  ASSERT_TRUE(network.has_value());
  EXPECT_EQ(network->user, Sid::NetworkService());
  EXPECT_EQ(network->user_name, "NETWORK SERVICE");
  EXPECT_TRUE(Has(network->groups, Sid::Service()));
  EXPECT_FALSE(Has(network->groups, Sid::Administrators()));
  EXPECT_EQ(logon_.ServiceToken("LOCAL SERVICE")->user, Sid::LocalService());
  EXPECT_FALSE(logon_.ServiceToken("ASPNET").has_value());  // needs a password
}

// docs/windows-reference.md#lockout: bad passwords older than "reset account lockout counter
// after" no longer count toward the threshold.
TEST_F(LogonTest, BadPasswordsOlderThanTheObservationWindowNoLongerCount) {
  SetLockout(3, 30);
  m_.state().lsa.lockout.reset_minutes = 10;
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_EQ(Logon("wrong"), 1326u);
  m_.Advance(10 * 60);
  EXPECT_EQ(Logon("wrong"), 1326u);  // the window passed: a count of 1, not 3
  EXPECT_EQ(Aspnet().bad_password_count, 1u);
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_FALSE(Aspnet().flags.locked_out);
  m_.Advance(9 * 60);  // still inside the window of the last bad password
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_TRUE(Aspnet().flags.locked_out);
  EXPECT_EQ(Logon("1pass@word"), 1909u);
}

// docs/windows-reference.md#lockout: the observation window never exceeds the lockout duration
// (MS-SAMR 3.1.1.6, constraint 1), so a stored window longer than the duration, such as the
// default 30 minutes beside a 5-minute duration, counts as the duration.
TEST_F(LogonTest, AnObservationWindowLongerThanTheDurationCountsAsTheDuration) {
  SetLockout(3, 5);
  ASSERT_EQ(m_.state().lsa.lockout.reset_minutes, 30u);
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_EQ(Logon("wrong"), 1326u);
  m_.Advance(5 * 60);  // inside the stored 30 minutes, past the 5-minute duration
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_EQ(Aspnet().bad_password_count, 1u);
  EXPECT_FALSE(Aspnet().flags.locked_out);
  SetLockout(3, 0);  // "until an administrator unlocks it": any window fits
  m_.Advance(5 * 60);
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_EQ(Aspnet().bad_password_count, 2u);
}

TEST_F(LogonTest, ASuccessfulLogonForgetsTheBadPasswords) {
  SetLockout(2, 30);
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_EQ(Logon("1pass@word", LogonType::kNetwork), 0u);
  EXPECT_EQ(Logon("wrong"), 1326u);
  EXPECT_FALSE(Aspnet().flags.locked_out);
  EXPECT_EQ(Aspnet().last_bad_password_at, m_.state().clock);
}

// docs/windows-reference.md#profiles: Winlogon loads the profile, creating it at first logon.
TEST_F(LogonTest, ConsoleLogonCreatesAndLoadsTheProfileAndSetsTheInteractiveUser) {
  m_.state().lsa.rights[aspnet_].insert("SeInteractiveLogonRight");
  auto token = logon_.ConsoleLogon("aspnet");
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_TRUE(token->profile_loaded);
  EXPECT_NE(fakes::ProfileStore(m_).Find(aspnet_), nullptr);
  EXPECT_EQ(m_.state().session.interactive_user, "ASPNET");
}

TEST_F(LogonTest, ConsoleLogonRefusedAsLogonUserIsAndChangesNothing) {
  EXPECT_EQ(logon_.ConsoleLogon("nobody").status().code(), 1326u);
  Aspnet().flags.disabled = true;
  EXPECT_EQ(logon_.ConsoleLogon("ASPNET").status().code(), 1331u);
  EXPECT_EQ(fakes::ProfileStore(m_).Find(aspnet_), nullptr);
  EXPECT_FALSE(m_.state().session.interactive_user.has_value());
}

}  // namespace
}  // namespace fakes_test
