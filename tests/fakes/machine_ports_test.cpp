// MachinePorts: the fixer's ports over a fake machine. Here, the password policy port and the
// security port's FindAcesOn.
#include "fakes/machine_ports.h"

#include <gtest/gtest.h>

#include <span>
#include <vector>

#include "fakes/objects.h"

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

// A backend without its own FindAcesOn: Security's default, which filters one walk.
class WalkOnlySecurity : public fixer::SecurityWrapper {
 public:
  using SecurityWrapper::SecurityWrapper;
  fixer::Result<std::vector<std::vector<fixer::Ace>>> FindAcesOn(const fixer::Sid& sid,
                                                                 std::span<const fixer::ObjectAces> on) override {
    return fixer::Security::FindAcesOn(sid, on);
  }
};

// The fake looks each object up; the default walks every object once. Both answer alike, and
// the fake's is one read of "acl.find_aces", which a read rule can fail.
TEST(SecurityPort, FindAcesOnAnswersAsTheDefaultWalkAndIsOneRead) {
  fakes::Machine m(MinimalXpState());
  auto aspnet = fakes::Sam(m).CreateUser({.name = "ASPNET"}, Pw("1pass@word"));
  ASSERT_TRUE(aspnet.ok());
  const fixer::Ace allow{fixer::AceType::kAllow, *aspnet, fixer::kFileModify, fixer::kObjectInheritAce};
  const fixer::Ace deny{fixer::AceType::kDeny, *aspnet, fixer::kFileGenericWrite, 0};
  const fixer::Ace users{fixer::AceType::kAllow, fixer::Sid::Users(), fixer::kFileGenericRead, 0};
  fakes::ObjectStore objects(m);
  ASSERT_TRUE(
      objects.Create(fixer::ObjectNamespace::kFile, R"(C:\a)", true, fixer::Sid::Administrators(), {deny, users, allow})
          .ok());
  ASSERT_TRUE(
      objects.Create(fixer::ObjectNamespace::kFile, R"(C:\b)", true, fixer::Sid::Administrators(), {users}).ok());
  ASSERT_TRUE(
      objects
          .Create(fixer::ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\A)", true, fixer::Sid::Administrators(), {allow})
          .ok());
  const std::vector<fixer::ObjectAces> asked = {{{fixer::ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\A)"}, {}},
                                                {{fixer::ObjectNamespace::kFile, R"(C:\gone)"}, {}},
                                                {{fixer::ObjectNamespace::kFile, R"(C:\b)"}, {}},
                                                {{fixer::ObjectNamespace::kFile, R"(C:\a)"}, {}}};
  fakes::MachinePorts ports(m);
  fixer::Security& security = ports.ports().security;
  WalkOnlySecurity walk_only(security);
  auto looked_up = security.FindAcesOn(*aspnet, asked);
  auto walked = walk_only.FindAcesOn(*aspnet, asked);
  ASSERT_TRUE(looked_up.ok());
  ASSERT_TRUE(walked.ok());
  const std::vector<std::vector<fixer::Ace>> expected = {{allow}, {}, {}, {deny, allow}};
  EXPECT_EQ(*looked_up, expected);
  EXPECT_EQ(*walked, expected);

  fakes::FaultPlan plan;
  plan.Add({.op = "acl.find_aces", .nth = 1, .error = fixer::kErrorAccessDenied, .read = true});
  m.set_faults(plan);
  EXPECT_EQ(security.FindAcesOn(*aspnet, asked).status().code(), fixer::kErrorAccessDenied);
  EXPECT_TRUE(security.FindAcesOn(*aspnet, asked).ok()) << "one read: the rule's first one only";
}

}  // namespace
}  // namespace fakes_test
