// The user's three named scenarios fail when the fixer behaviour they show is broken on purpose:
// each runs once with the real fixer (passes) and once with a test double of one port
// (a port wrapper, sim::WrapOnePort) that removes exactly that behaviour (fails). A scenario that still
// passed with the behaviour gone would prove nothing.
#include <filesystem>

#include <gtest/gtest.h>

#include "sim/runner.h"
#include "sim/scenario.h"
#include "support/source_tree.h"

namespace {

namespace fs = std::filesystem;

using test_support::ScenariosFolder;

// ACL loss: re-granting an ACE to the new SID "succeeds" without doing anything.
class AcesNeverRegranted : public fixer::SecurityWrapper {
 public:
  explicit AcesNeverRegranted(fixer::Ports& real) : SecurityWrapper(real.security) {}
  fixer::Status AddAce(const fixer::ObjectRef&, const fixer::Ace&) override { return {}; }
  fixer::Status AddAces(const fixer::ObjectRef&, std::span<const fixer::Ace>) override { return {}; }
};

// Custom worker account: the fixer reads machine.config as if it named the default account.
class ProcessModelMisread : public fixer::AspNetWrapper {
 public:
  explicit ProcessModelMisread(fixer::Ports& real) : AspNetWrapper(real.aspnet) {}
  fixer::Result<std::vector<fixer::FrameworkInfo>> Frameworks() override {
    auto fws = AspNetWrapper::Frameworks();
    if (!fws) return fws;
    for (auto& fw : *fws) fw.process_model = {};
    return fws;
  }
};

// Password complexity: the policy check passes every password.
class PolicyNeverChecked : public fixer::PasswordPolicyWrapper {
 public:
  explicit PolicyNeverChecked(fixer::Ports& real) : PasswordPolicyWrapper(real.policy) {}
  fixer::Status Check(const std::string&, const fixer::Secret&) override { return {}; }
};

struct Named {
  const char* file;
  sim::PortsDecoratorFactory broken;
};

class NamedScenario : public ::testing::TestWithParam<Named> {};

TEST_P(NamedScenario, PassesWithTheRealFixerAndFailsWithTheBehaviourBroken) {
  auto loaded = sim::LoadScenarioFile((ScenariosFolder() / GetParam().file).string());
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const sim::ScenarioResult real = sim::RunScenario(*loaded.value, {});
  EXPECT_TRUE(real.passed) << "the scenario must pass with the real fixer";
  sim::RunOptions broken;
  broken.decorate = GetParam().broken;
  const sim::ScenarioResult result = sim::RunScenario(*loaded.value, broken);
  EXPECT_FALSE(result.passed) << "the scenario still passes with the behaviour broken";
}

INSTANTIATE_TEST_SUITE_P(
    UserNamed, NamedScenario,
    ::testing::Values(Named{"fixer/acl-loss-recreate-regrants-each.yaml",
                            [] { return std::make_unique<sim::WrapOnePort<AcesNeverRegranted>>(); }},
                      Named{"fixer/custom-worker-account-refused-with-manual-steps.yaml",
                            [] { return std::make_unique<sim::WrapOnePort<ProcessModelMisread>>(); }},
                      Named{"fixer/temp-password-failing-policy-refused.yaml",
                            [] { return std::make_unique<sim::WrapOnePort<PolicyNeverChecked>>(); }}),
    [](const auto& info) {
      std::string name = fs::path(info.param.file).stem().string();
      for (char& c : name)
        if (c == '-') c = '_';
      return name;
    });

}  // namespace
