// The port wrappers (fixer/ports/*.h, LevelDB's EnvWrapper) and Ports::With: a test double that
// overrides one method of one port sees every other call forwarded to the real port, and With
// replaces exactly the port it is given.
#include <gtest/gtest.h>

#include "mock_ports.h"

namespace fixer_test {
namespace {

using ::testing::_;

class Wrappers : public MockPortsTest {};

// Logon refuses the profile-creating logon as a missing batch right would (1385).
class NoLogonRight : public fixer::LogonWrapper {
 public:
  using LogonWrapper::LogonWrapper;
  Status RunWithProfile(const std::string&, const Secret&, const std::string&) override {
    ++calls;
    return Status::Win(1385);
  }
  int calls = 0;
};

TEST_F(Wrappers, AWrapperForwardsWhatItDoesNotOverride) {
  fixer::AccountsWrapper accounts_wrapper(accounts);
  EXPECT_CALL(accounts, Lookup("ASPNET")).Times(1);
  const Result<fixer::Account> found = accounts_wrapper.Lookup("ASPNET");
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(found->name, "ASPNET");
  EXPECT_EQ(&accounts_wrapper.target(), &accounts);
}

TEST_F(Wrappers, WithReplacesOnlyThePortItIsGiven) {
  NoLogonRight logon_double(logon);
  const fixer::Ports replaced = ports.With(logon_double);
  EXPECT_EQ(&replaced.logon, &logon_double);
  EXPECT_EQ(&replaced.services, &ports.services);
  EXPECT_EQ(&replaced.accounts, &ports.accounts);
  EXPECT_EQ(&replaced.rights, &ports.rights);
  EXPECT_EQ(&replaced.secrets, &ports.secrets);
  EXPECT_EQ(&replaced.profiles, &ports.profiles);
  EXPECT_EQ(&replaced.security, &ports.security);
  EXPECT_EQ(&replaced.aspnet, &ports.aspnet);
  EXPECT_EQ(&replaced.inventory, &ports.inventory);
  EXPECT_EQ(&replaced.policy, &ports.policy);
  EXPECT_EQ(&replaced.journal, &ports.journal);
  EXPECT_EQ(&replaced.random, &ports.random);
  EXPECT_EQ(&replaced.web, &ports.web);
}

TEST_F(Wrappers, ADoubleOfOneMethodChangesTheRunAndNothingElse) {
  AllowAnyCall();
  EXPECT_CALL(logon, RunWithProfile(_, _, _)).Times(0);  // the double answers instead
  NoLogonRight logon_double(logon);
  fixer::Ports with_double = ports.With(logon_double);
  fixer::RunResult r = fixer::Fixer(with_double, logger, {}).Apply();
  EXPECT_GE(logon_double.calls, 1);
  EXPECT_EQ(r.outcome, fixer::Outcome::kFailedRestored) << r.messages.size();
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors.front().code, 1385u);
}

}  // namespace
}  // namespace fixer_test
