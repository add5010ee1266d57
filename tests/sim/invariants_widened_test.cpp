// The `widened` invariant (sim::NoGrantWidened): the real fixer, with either strategy, grants
// ASPNET nothing beyond its documented repair; a double that grants one right more, or adds the
// account to one group more, is caught, by a scenario and by explore. And `secrets` is checked
// after a `legacy` run too.
#include <gtest/gtest.h>

#include "sim/explore.h"
#include "sim/invariants.h"
#include "sim/runner.h"

namespace {

// Every right the fixer grants comes with "act as part of the operating system".
class GrantsTcbToo : public fixer::RightsWrapper {
 public:
  explicit GrantsTcbToo(fixer::Ports& real) : RightsWrapper(real.rights) {}
  fixer::Status Grant(const fixer::Sid& sid, const std::string& right) override {
    if (fixer::Status st = target().Grant(sid, "SeTcbPrivilege"); !st.ok()) return st;
    return target().Grant(sid, right);
  }
};

// Every group membership the fixer gives comes with Administrators, which no removal takes away
// (regrant-groups takes the new account out of every group the old one was not in).
class AddsToAdministratorsToo : public fixer::AccountsWrapper {
 public:
  explicit AddsToAdministratorsToo(fixer::Ports& real) : AccountsWrapper(real.accounts) {}
  fixer::Status AddToGroup(const std::string& group, const fixer::Sid& member) override {
    (void)target().AddToGroup("Administrators", member);  // already a member is fine here
    return target().AddToGroup(group, member);
  }
  fixer::Status RemoveFromGroup(const std::string& group, const fixer::Sid& member) override {
    if (group == "Administrators") return {};
    return target().RemoveFromGroup(group, member);
  }
};

// The recreate as it was: the new account stays in Users, where NetUserAdd put it.
class NeverLeavesAGroup : public fixer::AccountsWrapper {
 public:
  explicit NeverLeavesAGroup(fixer::Ports& real) : AccountsWrapper(real.accounts) {}
  fixer::Status RemoveFromGroup(const std::string&, const fixer::Sid&) override { return {}; }
};

sim::PortsDecoratorFactory TcbToo() {
  return [] { return std::make_unique<sim::WrapOnePort<GrantsTcbToo>>(); };
}

// The MS03-032 machine with a custom ACE, and ASPNET's batch logon right revoked: register
// (aspnet_regiis -i) grants it again, which is the repair's own grant, not a widening.
sim::Scenario Broken(const std::string& strategy) {
  auto loaded = sim::LoadScenarioText(
      "summary: s\nmachine:\n  frameworks: ['1.0']\n  hotfixes: [MS03-032]\n  applications:\n"
      "    - path: /LM/W3SVC/1/ROOT/shop\nsteps:\n"
      "  - grant_ace: {path: 'C:\\Inetpub\\wwwroot\\data', principal: ASPNET, mask: modify, flags: OICI}\n"
      "  - revoke_right: {principal: ASPNET, right: SeBatchLogonRight}\n"
      "  - fixer: {command: apply, strategy: " +
          strategy + "}\n    expect:\n      exit_code: 0\n      invariant: widened\n",
      "s.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return *loaded.value;
}

std::string WidenedDetail(const sim::ScenarioResult& r) {
  std::string out;
  for (const auto& step : r.steps)
    for (const auto& c : step.checks)
      if (c.kind == "invariant" && !c.passed && c.what.rfind("no grant of", 0) == 0) out += c.actual;
  return out;
}

TEST(InvariantWidened, TheRealFixerWidensNothingWithEitherStrategy) {
  for (const char* strategy : {"keep-sid", "recreate"}) {
    const sim::ScenarioResult r = sim::RunScenario(Broken(strategy), {});
    EXPECT_TRUE(r.passed) << strategy << ": " << r.error << WidenedDetail(r);
  }
}

TEST(InvariantWidened, AnExtraRightFailsIt) {
  for (const char* strategy : {"keep-sid", "recreate"}) {
    const sim::ScenarioResult r = sim::RunScenario(Broken(strategy), {.decorate = TcbToo()});
    EXPECT_FALSE(r.passed) << strategy;
    EXPECT_NE(WidenedDetail(r).find("right SeTcbPrivilege"), std::string::npos) << strategy << ": " << WidenedDetail(r);
  }
}

TEST(InvariantWidened, AnExtraGroupFailsIt) {
  // Only recreate adds the new account to the old one's groups.
  const sim::ScenarioResult r = sim::RunScenario(
      Broken("recreate"), {.decorate = [] { return std::make_unique<sim::WrapOnePort<AddsToAdministratorsToo>>(); }});
  EXPECT_FALSE(r.passed);
  EXPECT_NE(WidenedDetail(r).find("group Administrators"), std::string::npos) << WidenedDetail(r);
}

// An administrator took ASPNET out of Users; recreate's new account joins Users (NetUserAdd), and the
// repair takes it out again. A repair that leaves it there widens ASPNET's groups: caught.
TEST(InvariantWidened, AMembershipBeyondTheOldAccountsFailsIt) {
  auto loaded = sim::LoadScenarioText(
      "summary: s\nmachine:\n  frameworks: ['1.0']\n  hotfixes: [MS03-032]\n  applications:\n"
      "    - path: /LM/W3SVC/1/ROOT/shop\n  accounts:\n    ASPNET: {groups: []}\nsteps:\n"
      "  - fixer: {command: apply, strategy: recreate}\n    expect:\n      exit_code: 0\n      invariant: widened\n",
      "s.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const sim::ScenarioResult real = sim::RunScenario(*loaded.value, {});
  EXPECT_TRUE(real.passed) << real.error << WidenedDetail(real);
  const sim::ScenarioResult stays = sim::RunScenario(
      *loaded.value, {.decorate = [] { return std::make_unique<sim::WrapOnePort<NeverLeavesAGroup>>(); }});
  EXPECT_FALSE(stays.passed);
  EXPECT_NE(WidenedDetail(stays).find("group Users"), std::string::npos) << WidenedDetail(stays);
}

TEST(InvariantWidened, ExploreFindsTheExtraRight) {
  sim::ExploreOptions o;
  o.seed = 1;
  o.count = 100;
  o.shrink = false;
  o.decorate = TcbToo();
  const sim::ExploreReport r = sim::RunExplore(o);
  ASSERT_FALSE(r.violations.empty());
  bool widened = false;
  for (const auto& v : r.violations) widened |= v.found.invariant == "widened";
  EXPECT_TRUE(widened) << r.violations.front().ToString();
}

TEST(InvariantSecrets, IsCheckedAfterALegacyRun) {
  auto loaded = sim::LoadScenarioText(
      "summary: s\nmachine:\n  frameworks: ['1.0']\n  hotfixes: [MS03-032]\nsteps:\n"
      "  - legacy: {answer: 1pass@word}\n    expect: {invariant: secrets}\n",
      "s.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const sim::ScenarioResult r = sim::RunScenario(*loaded.value, {});
  EXPECT_TRUE(r.passed) << r.error;
  ASSERT_EQ(r.steps.size(), 1u);
  bool secrets = false;
  for (const auto& c : r.steps[0].checks) secrets |= c.kind == "invariant" && sim::InvariantName(c) == "secrets";
  EXPECT_TRUE(secrets);
  EXPECT_FALSE(sim::RunScenario(*loaded.value, {.invariants = false}).passed);  // nothing checked
}

}  // namespace
