// MachinePorts: the fixer's ports over a fake machine. Here, the password policy port.
#include "fakes/machine_ports.h"

#include <gtest/gtest.h>

#include "test_machine.h"

namespace fakes_test {
namespace {

fakes::Machine StrictMachine() {
  fakes::MachineState s = MinimalXpState();
  s.lsa.password_policy.min_length = 12;
  s.lsa.password_policy.complexity = true;
  s.lsa.password_policy.history = 5;
  return fakes::Machine(std::move(s));
}

// recreate asks for a temporary password after ASPNET is deleted: the answer is NetUserAdd's
// (the policy's rules), not 2221 for the missing account.
TEST(PolicyPort, ChecksAnAccountThatDoesNotExistYetAsNetUserAddWould) {
  fakes::Machine m = StrictMachine();
  fakes::MachinePorts ports(m);
  auto& policy = ports.ports().policy;
  EXPECT_EQ(policy.Check("ASPNET", Pw("1pass@word")).code(), fixer::kNerrPasswordTooShort);
  EXPECT_EQ(policy.Check("ASPNET", Pw("aspnet-Long-2003")).code(), fixer::kNerrPasswordTooShort)
      << "the account name inside the password";
  EXPECT_TRUE(policy.Check("ASPNET", Pw("Tmp!Pass-2003-xyz")).ok());
}

TEST(PolicyPort, ChecksAnExistingAccountAgainstItsHistory) {
  fakes::Machine m = StrictMachine();
  fakes::Sam sam(m);
  ASSERT_TRUE(sam.CreateUser({.name = "ASPNET"}, Pw("Old!Pass-2003-abc")).ok());
  fakes::MachinePorts ports(m);
  auto& policy = ports.ports().policy;
  EXPECT_EQ(policy.Check("ASPNET", Pw("Old!Pass-2003-abc")).code(), fixer::kNerrPasswordTooShort);
  EXPECT_TRUE(policy.Check("ASPNET", Pw("Tmp!Pass-2003-xyz")).ok());
}

}  // namespace
}  // namespace fakes_test
