// The scenarios of issue 13 (scenarios/outcomes, diagnosis, fidelity) fail when the behaviour
// each shows is broken on purpose: every one runs once as written (passes) and once with one
// fixer port replaced by a double that loses exactly that behaviour, or with the fake's
// machine set up as if the fake lacked it (fails). A scenario that still passed would prove
// nothing.
#include <filesystem>
#include <functional>
#include <memory>

#include <gtest/gtest.h>

#include "fakes/state.h"
#include "sim/runner.h"
#include "sim/scenario.h"

namespace {

namespace fs = std::filesystem;
using fixer::Result;
using fixer::Status;

fs::path Scenarios() { return fs::path(__FILE__).parent_path().parent_path().parent_path() / "scenarios"; }

// The ports a double may replace; null keeps the real one.
struct Overrides {
  fixer::ServiceControl* services = nullptr;
  fixer::Accounts* accounts = nullptr;
  fixer::Rights* rights = nullptr;
  fixer::Profiles* profiles = nullptr;
  fixer::Logon* logon = nullptr;
  fixer::Inventory* inventory = nullptr;
  fixer::EventLog* events = nullptr;
  fixer::WebProbe* web = nullptr;
};

fixer::Ports With(fixer::Ports& p, const Overrides& o) {
  return {o.services ? *o.services : p.services, o.accounts ? *o.accounts : p.accounts,
          o.rights ? *o.rights : p.rights,       p.secrets,
          o.profiles ? *o.profiles : p.profiles, o.logon ? *o.logon : p.logon,
          p.security,                            p.aspnet,
          o.inventory ? *o.inventory : p.inventory, p.policy,
          p.journal,                             o.events ? *o.events : p.events,
          p.random,                              p.clock,
          o.web ? *o.web : p.web};
}

// A double built on the real ports; Overrides() says which port it replaces.
template <class Double>
class Broken : public sim::PortsDecorator {
 public:
  fixer::Ports Decorate(fixer::Ports& real) override {
    double_ = std::make_unique<Double>(real);
    return With(real, double_->Replaces());
  }

 private:
  std::unique_ptr<Double> double_;
};

// Accounts that hide one fact of the account from the fixer.
class AccountsHiding : public fixer::Accounts {
 public:
  AccountsHiding(fixer::Ports& real, std::function<void(fixer::Account&)> hide)
      : real_(real.accounts), hide_(std::move(hide)) {}
  Result<fixer::Account> Lookup(const std::string& n) override {
    auto a = real_.Lookup(n);
    if (a) hide_(*a);
    return a;
  }
  Result<std::string> NameOfSid(const fixer::Sid& s) override { return real_.NameOfSid(s); }
  Result<fixer::Sid> Create(const fixer::NewAccount& a, const fixer::Secret& p) override { return real_.Create(a, p); }
  Status Delete(const std::string& n) override { return real_.Delete(n); }
  Status SetPassword(const std::string& n, const fixer::Secret& p) override { return real_.SetPassword(n, p); }
  Status SetFlags(const std::string& n, const fixer::AccountFlags& f) override { return real_.SetFlags(n, f); }
  Status AddToGroup(const std::string& g, const fixer::Sid& m) override { return real_.AddToGroup(g, m); }
  Status RemoveFromGroup(const std::string& g, const fixer::Sid& m) override { return real_.RemoveFromGroup(g, m); }
  Overrides Replaces() { return {.accounts = this}; }

 private:
  fixer::Accounts& real_;
  std::function<void(fixer::Account&)> hide_;
};

struct DisabledHidden : AccountsHiding {
  explicit DisabledHidden(fixer::Ports& p) : AccountsHiding(p, [](fixer::Account& a) { a.flags.disabled = false; }) {}
};
struct LockoutHidden : AccountsHiding {
  explicit LockoutHidden(fixer::Ports& p) : AccountsHiding(p, [](fixer::Account& a) { a.flags.locked_out = false; }) {}
};
struct ExpiryHidden : AccountsHiding {
  explicit ExpiryHidden(fixer::Ports& p) : AccountsHiding(p, [](fixer::Account& a) { a.password_expired = false; }) {}
};

// Every service reads as running.
class ServicesAlwaysRunning : public fixer::ServiceControl {
 public:
  explicit ServicesAlwaysRunning(fixer::Ports& real) : real_(real.services) {}
  Result<std::vector<fixer::ServiceInfo>> List() override { return real_.List(); }
  Result<fixer::ServiceInfo> Query(const std::string& n) override {
    auto s = real_.Query(n);
    if (s) s->state = fixer::ServiceState::kRunning;
    return s;
  }
  Result<std::vector<std::string>> ActiveDependents(const std::string& n) override { return real_.ActiveDependents(n); }
  Status Stop(const std::string& n) override { return real_.Stop(n); }
  Status Start(const std::string& n) override { return real_.Start(n); }
  Overrides Replaces() { return {.services = this}; }

 private:
  fixer::ServiceControl& real_;
};

// The deny of the batch logon is invisible.
class DenyHidden : public fixer::Rights {
 public:
  explicit DenyHidden(fixer::Ports& real) : real_(real.rights) {}
  Result<std::vector<std::string>> Of(const fixer::Sid& s) override {
    auto r = real_.Of(s);
    if (r) std::erase(*r, std::string(fixer::kSeDenyBatchLogonRight));
    return r;
  }
  Status Grant(const fixer::Sid& s, const std::string& r) override { return real_.Grant(s, r); }
  Status Revoke(const fixer::Sid& s, const std::string& r) override { return real_.Revoke(s, r); }
  Overrides Replaces() { return {.rights = this}; }

 private:
  fixer::Rights& real_;
};

// The fixer's own probe always sees a working page.
class ProbeAlwaysAnswers : public fixer::WebProbe {
 public:
  explicit ProbeAlwaysAnswers(fixer::Ports&) {}
  Result<fixer::HttpResponse> Get(const std::string&) override { return fixer::HttpResponse{200, "Hello"}; }
  Overrides Replaces() { return {.web = this}; }
};

// The profile logon always fails, so nothing can be finished forward.
class LogonAlwaysFails : public fixer::Logon {
 public:
  explicit LogonAlwaysFails(fixer::Ports&) {}
  Status RunWithProfile(const std::string&, const fixer::Secret&, const std::string&) override {
    return Status::Win(fixer::kErrorLogonFailure);
  }
  Overrides Replaces() { return {.logon = this}; }
};

// The fixer's marks: one forged for ASPNET's current SID, or none ever written.
class MarkForged : public fixer::EventLog {
 public:
  explicit MarkForged(fixer::Ports& real) : real_(real.events), accounts_(real.accounts) {}
  Result<std::vector<fixer::EventRecord>> Read(const std::string& log) override {
    auto records = real_.Read(log);
    auto aspnet = accounts_.Lookup("ASPNET");
    if (records && aspnet) records->push_back({.log = log, .source = "aspnet-fixer", .text = aspnet->sid.ToString()});
    return records;
  }
  Status Write(const fixer::EventRecord& r) override { return real_.Write(r); }
  Overrides Replaces() { return {.events = this}; }

 private:
  fixer::EventLog& real_;
  fixer::Accounts& accounts_;
};
class MarkNeverWritten : public fixer::EventLog {
 public:
  explicit MarkNeverWritten(fixer::Ports& real) : real_(real.events) {}
  Result<std::vector<fixer::EventRecord>> Read(const std::string& log) override { return real_.Read(log); }
  Status Write(const fixer::EventRecord&) override { return {}; }
  Overrides Replaces() { return {.events = this}; }

 private:
  fixer::EventLog& real_;
};

// The web server as another one.
class WebServerMisread : public fixer::Inventory {
 public:
  WebServerMisread(fixer::Ports& real, fixer::WebServerInfo as) : real_(real.inventory), as_(as) {}
  Result<fixer::OsInfo> Os() override { return real_.Os(); }
  Result<fixer::WebServerInfo> WebServer() override { return as_; }
  Result<std::vector<std::string>> Hotfixes() override { return real_.Hotfixes(); }
  Result<fixer::CallerInfo> Caller() override { return real_.Caller(); }
  Result<std::optional<std::string>> InteractiveUser() override { return real_.InteractiveUser(); }
  Overrides Replaces() { return {.inventory = this}; }

 private:
  fixer::Inventory& real_;
  fixer::WebServerInfo as_;
};
struct SeenAsIis51 : WebServerMisread {
  explicit SeenAsIis51(fixer::Ports& p) : WebServerMisread(p, {.kind = fixer::WebServerKind::kIis51}) {}
};
struct SeenInIis5Mode : WebServerMisread {
  explicit SeenInIis5Mode(fixer::Ports& p)
      : WebServerMisread(p, {.kind = fixer::WebServerKind::kIis60, .iis5_isolation_mode = true}) {}
};

// No profile is ever found.
class ProfilesHidden : public fixer::Profiles {
 public:
  explicit ProfilesHidden(fixer::Ports& real) : real_(real.profiles) {}
  Result<std::optional<fixer::ProfileInfo>> Find(const fixer::Sid&) override {
    return std::optional<fixer::ProfileInfo>();
  }
  Status Delete(const fixer::Sid& s) override { return real_.Delete(s); }
  Overrides Replaces() { return {.profiles = this}; }

 private:
  fixer::Profiles& real_;
};

template <class Double>
sim::PortsDecoratorFactory Fixer() {
  return [] { return std::make_unique<Broken<Double>>(); };
}

struct Case {
  const char* file;
  sim::PortsDecoratorFactory broken_fixer;                   // a broken fixer, or
  std::function<void(fakes::MachineState&)> broken_fake;     // the fake without the behaviour
};

class HonestOutcomes : public ::testing::TestWithParam<Case> {};

TEST_P(HonestOutcomes, PassesAsWrittenAndFailsWithTheBehaviourBroken) {
  auto loaded = sim::LoadScenarioFile((Scenarios() / GetParam().file).string());
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const sim::ScenarioResult real = sim::RunScenario(*loaded.value, {});
  EXPECT_TRUE(real.passed) << "the scenario must pass as written";
  sim::Scenario scenario = *loaded.value;
  sim::RunOptions broken;
  if (GetParam().broken_fixer) broken.decorate = GetParam().broken_fixer;
  if (GetParam().broken_fake) GetParam().broken_fake(scenario.machine);
  const sim::ScenarioResult result = sim::RunScenario(scenario, broken);
  EXPECT_FALSE(result.passed) << "the scenario still passes with the behaviour broken";
}

INSTANTIATE_TEST_SUITE_P(
    Issue13, HonestOutcomes,
    ::testing::Values(
        Case{"outcomes/disabled-aspnet-refused-until-enabled.yaml", Fixer<DisabledHidden>(), {}},
        Case{"outcomes/iis-stopped-refused-until-started.yaml", Fixer<ServicesAlwaysRunning>(), {}},
        Case{"outcomes/batch-logon-denied-refused.yaml", Fixer<DenyHidden>(), {}},
        Case{"outcomes/site-still-failing-after-repair-restored.yaml", Fixer<ProbeAlwaysAnswers>(), {}},
        Case{"outcomes/rollback-after-delete-rolls-forward.yaml", Fixer<LogonAlwaysFails>(), {}},
        Case{"diagnosis/locked-out-named-1909.yaml", Fixer<LockoutHidden>(), {}},
        Case{"diagnosis/expired-password-named-1330.yaml", Fixer<ExpiryHidden>(), {}},
        Case{"diagnosis/batch-logon-denied-through-group-named-1385.yaml", Fixer<DenyHidden>(), {}},
        Case{"diagnosis/profile-made-by-1.1-is-not-affected-not-already-fixed.yaml", Fixer<MarkForged>(), {}},
        Case{"diagnosis/fixed-by-this-tool-is-already-fixed.yaml", Fixer<MarkNeverWritten>(), {}},
        // The fake as it was: bad passwords never forgotten; a lockout that always runs out.
        Case{"fidelity/lockout-observation-window.yaml", {},
             [](fakes::MachineState& m) { m.lsa.lockout.reset_minutes = 0; }},
        Case{"fidelity/lockout-duration-zero-needs-an-administrator.yaml", {},
             [](fakes::MachineState& m) { m.lsa.lockout.duration_minutes = 30; }},
        Case{"fidelity/server-2003-iis5-isolation-mode-not-affected.yaml", Fixer<SeenAsIis51>(), {}},
        Case{"fidelity/server-2003-worker-process-isolation-not-affected.yaml", Fixer<SeenInIis5Mode>(), {}},
        Case{"fidelity/console-logon-creates-the-profile.yaml", Fixer<ProfilesHidden>(), {}}),
    [](const auto& info) {
      std::string name = fs::path(info.param.file).stem().string();
      for (char& c : name)
        if (c == '-' || c == '.') c = '_';
      return name;
    });

}  // namespace
