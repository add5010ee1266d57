// The user's three named scenarios fail when the fixer behaviour they show is broken on purpose:
// each runs once with the real fixer (passes) and once with a test double of one port
// (sim::PortsDecorator) that removes exactly that behaviour (fails). A scenario that still
// passed with the behaviour gone would prove nothing.
#include <filesystem>

#include <gtest/gtest.h>

#include "sim/runner.h"
#include "sim/scenario.h"

namespace {

namespace fs = std::filesystem;

fs::path Scenarios() { return fs::path(__FILE__).parent_path().parent_path().parent_path() / "scenarios"; }

// The real port of a kind, and the set with it replaced; the rest pass through.
fixer::Security& Real(fixer::Ports& p, fixer::Security*) { return p.security; }
fixer::AspNet& Real(fixer::Ports& p, fixer::AspNet*) { return p.aspnet; }
fixer::PasswordPolicy& Real(fixer::Ports& p, fixer::PasswordPolicy*) { return p.policy; }
fixer::Ports With(fixer::Ports& p, fixer::Security& s) {
  return {p.services, p.accounts, p.rights, p.secrets, p.profiles, p.logon, s, p.aspnet,
          p.inventory, p.policy, p.journal, p.events, p.random, p.clock, p.web};
}
fixer::Ports With(fixer::Ports& p, fixer::AspNet& a) {
  return {p.services, p.accounts, p.rights, p.secrets, p.profiles, p.logon, p.security, a,
          p.inventory, p.policy, p.journal, p.events, p.random, p.clock, p.web};
}
fixer::Ports With(fixer::Ports& p, fixer::PasswordPolicy& pol) {
  return {p.services, p.accounts, p.rights, p.secrets, p.profiles, p.logon, p.security, p.aspnet,
          p.inventory, pol, p.journal, p.events, p.random, p.clock, p.web};
}

template <class Double, class Port>
class Replace : public sim::PortsDecorator {
 public:
  fixer::Ports Decorate(fixer::Ports& real) override {
    double_ = std::make_unique<Double>(Real(real, static_cast<Port*>(nullptr)));
    return With(real, static_cast<Port&>(*double_));
  }

 private:
  std::unique_ptr<Double> double_;
};

// ACL loss: re-granting an ACE to the new SID "succeeds" without doing anything.
class AcesNeverRegranted : public fixer::Security {
 public:
  explicit AcesNeverRegranted(fixer::Security& real) : real_(real) {}
  fixer::Result<std::vector<fixer::AceGrant>> FindAces(const fixer::Sid& sid) override { return real_.FindAces(sid); }
  fixer::Status AddAce(const fixer::ObjectRef&, const fixer::Ace&) override { return {}; }
  fixer::Status RemoveAce(const fixer::ObjectRef& o, const fixer::Ace& a) override { return real_.RemoveAce(o, a); }
  fixer::Result<std::vector<fixer::SqlLogin>> LoginsFor(const fixer::Sid& sid) override { return real_.LoginsFor(sid); }
  fixer::Result<std::vector<fixer::SqlDbUser>> DbUsersFor(const fixer::Sid& sid) override {
    return real_.DbUsersFor(sid);
  }
  fixer::Status CreateLogin(const fixer::SqlLogin& l) override { return real_.CreateLogin(l); }
  fixer::Status DropLogin(const std::string& n) override { return real_.DropLogin(n); }
  fixer::Status CreateDbUser(const fixer::SqlDbUser& u) override { return real_.CreateDbUser(u); }
  fixer::Status DropDbUser(const std::string& d, const std::string& n) override { return real_.DropDbUser(d, n); }

 private:
  fixer::Security& real_;
};

// Custom worker account: the fixer reads machine.config as if it named the default account.
class ProcessModelMisread : public fixer::AspNet {
 public:
  explicit ProcessModelMisread(fixer::AspNet& real) : real_(real) {}
  fixer::Result<std::vector<fixer::FrameworkInfo>> Frameworks() override {
    auto fws = real_.Frameworks();
    if (!fws) return fws;
    for (auto& fw : *fws) fw.process_model = {};
    return fws;
  }
  fixer::Result<std::vector<fixer::ApplicationInfo>> Applications() override { return real_.Applications(); }
  fixer::Result<std::string> ResolveRegistryCredential(const std::string& r) override {
    return real_.ResolveRegistryCredential(r);
  }
  fixer::Status Register(const std::string& v) override { return real_.Register(v); }

 private:
  fixer::AspNet& real_;
};

// Password complexity: the policy check passes every password.
class PolicyNeverChecked : public fixer::PasswordPolicy {
 public:
  explicit PolicyNeverChecked(fixer::PasswordPolicy& real) : real_(real) {}
  fixer::Result<fixer::PasswordPolicyInfo> Get() override { return real_.Get(); }
  fixer::Status Check(const std::string&, const fixer::Secret&) override { return {}; }

 private:
  fixer::PasswordPolicy& real_;
};

struct Named {
  const char* file;
  sim::PortsDecoratorFactory broken;
};

class NamedScenario : public ::testing::TestWithParam<Named> {};

TEST_P(NamedScenario, PassesWithTheRealFixerAndFailsWithTheBehaviourBroken) {
  auto loaded = sim::LoadScenarioFile((Scenarios() / GetParam().file).string());
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
    ::testing::Values(
        Named{"fixer/acl-loss-recreate-regrants-each.yaml",
              [] { return std::make_unique<Replace<AcesNeverRegranted, fixer::Security>>(); }},
        Named{"fixer/custom-worker-account-refused-with-manual-steps.yaml",
              [] { return std::make_unique<Replace<ProcessModelMisread, fixer::AspNet>>(); }},
        Named{"fixer/temp-password-failing-policy-refused.yaml",
              [] { return std::make_unique<Replace<PolicyNeverChecked, fixer::PasswordPolicy>>(); }}),
    [](const auto& info) {
      std::string name = fs::path(info.param.file).stem().string();
      for (char& c : name)
        if (c == '-') c = '_';
      return name;
    });

}  // namespace
