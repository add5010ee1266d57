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
#include "support/source_tree.h"

namespace {

namespace fs = std::filesystem;
using fixer::Result;
using fixer::Status;

using test_support::ScenariosFolder;

// The ports a double may replace; null keeps the real one.
// Each double derives from one port's forwarding wrapper (fixer/ports/*.h), overrides only what
// it breaks, and sim::WrapOnePort puts it in place of that port.
// Accounts that hide one fact of the account from the fixer.
class AccountsHiding : public fixer::AccountsWrapper {
 public:
  AccountsHiding(fixer::Ports& real, std::function<void(fixer::Account&)> hide)
      : AccountsWrapper(real.accounts), hide_(std::move(hide)) {}
  Result<fixer::Account> Lookup(const std::string& n) override {
    auto a = target().Lookup(n);
    if (a) hide_(*a);
    return a;
  }

 private:
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
class ServicesAlwaysRunning : public fixer::ServiceControlWrapper {
 public:
  explicit ServicesAlwaysRunning(fixer::Ports& real) : ServiceControlWrapper(real.services) {}
  Result<fixer::ServiceInfo> Query(const std::string& n) override {
    auto s = target().Query(n);
    if (s) s->state = fixer::ServiceState::kRunning;
    return s;
  }
};

// The deny of the batch logon is invisible.
class DenyHidden : public fixer::RightsWrapper {
 public:
  explicit DenyHidden(fixer::Ports& real) : RightsWrapper(real.rights) {}
  Result<std::vector<std::string>> Of(const fixer::Sid& s) override {
    auto r = target().Of(s);
    if (r) std::erase(*r, std::string(fixer::kSeDenyBatchLogonRight));
    return r;
  }
};

// Every object's DACL reads as a NULL DACL: the fixer sees no deny and no missing allow.
class AccessHidden : public fixer::SecurityWrapper {
 public:
  explicit AccessHidden(fixer::Ports& real) : SecurityWrapper(real.security) {}
  Result<fixer::ObjectSecurity> ReadSecurity(const fixer::ObjectRef&) override {
    return fixer::ObjectSecurity{.has_dacl = false};
  }
};

// No local group holds the worker through Everyone or Authenticated Users: its direct groups only.
class TokenGroupsHidden : public fixer::AccountsWrapper {
 public:
  explicit TokenGroupsHidden(fixer::Ports& real) : AccountsWrapper(real.accounts) {}
  Result<std::vector<fixer::LocalGroupRef>> GroupsContaining(std::span<const fixer::Sid>) override {
    return std::vector<fixer::LocalGroupRef>{};
  }
};

// The fixer's own probe always sees a working page.
class ProbeAlwaysAnswers : public fixer::WebProbeWrapper {
 public:
  explicit ProbeAlwaysAnswers(fixer::Ports& real) : WebProbeWrapper(real.web) {}
  Result<fixer::HttpResponse> Get(const std::string&) override { return fixer::HttpResponse{200, "Hello"}; }
};

// The profile logon always fails, so nothing can be finished forward.
class LogonAlwaysFails : public fixer::LogonWrapper {
 public:
  explicit LogonAlwaysFails(fixer::Ports& real) : LogonWrapper(real.logon) {}
  Status RunWithProfile(const std::string&, const fixer::Secret&, const std::string&) override {
    return Status::Win(fixer::kErrorLogonFailure);
  }
};

// The fixer's marks: one forged for ASPNET's current SID, or none ever written.
class MarkForged : public fixer::EventLogWrapper {
 public:
  explicit MarkForged(fixer::Ports& real) : EventLogWrapper(real.events), accounts_(real.accounts) {}
  Result<std::vector<fixer::EventRecord>> Read(const std::string& log) override {
    auto records = target().Read(log);
    auto aspnet = accounts_.Lookup("ASPNET");
    if (records && aspnet)
      records->push_back({.log = log, .source = "aspnet-fixer", .text = "(" + aspnet->sid.ToString() + ")"});
    return records;
  }

 private:
  fixer::Accounts& accounts_;
};
class MarkNeverWritten : public fixer::EventLogWrapper {
 public:
  explicit MarkNeverWritten(fixer::Ports& real) : EventLogWrapper(real.events) {}
  Status Write(const fixer::EventRecord&) override { return {}; }
};

// The web server as another one.
class WebServerMisread : public fixer::InventoryWrapper {
 public:
  WebServerMisread(fixer::Ports& real, fixer::WebServerInfo as) : InventoryWrapper(real.inventory), as_(as) {}
  Result<fixer::WebServerInfo> WebServer() override { return as_; }

 private:
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
class ProfilesHidden : public fixer::ProfilesWrapper {
 public:
  explicit ProfilesHidden(fixer::Ports& real) : ProfilesWrapper(real.profiles) {}
  Result<std::optional<fixer::ProfileInfo>> Find(const fixer::Sid&) override {
    return std::optional<fixer::ProfileInfo>();
  }
};

template <class Double>
sim::PortsDecoratorFactory Fixer() {
  return [] { return std::make_unique<sim::WrapOnePort<Double>>(); };
}

struct Case {
  const char* file;
  sim::PortsDecoratorFactory broken_fixer;                // a broken fixer, or
  std::function<void(fakes::MachineState&)> broken_fake;  // the fake without the behaviour
};

class HonestOutcomes : public ::testing::TestWithParam<Case> {};

TEST_P(HonestOutcomes, PassesAsWrittenAndFailsWithTheBehaviourBroken) {
  auto loaded = sim::LoadScenarioFile((ScenariosFolder() / GetParam().file).string());
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
        // A fixer blind to the symptom reads the machine as not affected: another refusal.
        Case{"outcomes/no-allow-on-the-site-folder-refused.yaml", Fixer<ProbeAlwaysAnswers>(), {}},
        Case{"outcomes/deny-inherited-through-a-group-on-windows-temp-refused.yaml", Fixer<TokenGroupsHidden>(), {}},
        Case{"outcomes/deny-ace-on-temporary-aspnet-files-refused.yaml", Fixer<AccessHidden>(), {}},
        Case{"outcomes/inherited-deny-on-the-site-folder-refused.yaml", Fixer<AccessHidden>(), {}},
        Case{"outcomes/rollback-after-delete-rolls-forward.yaml", Fixer<LogonAlwaysFails>(), {}},
        Case{"diagnosis/locked-out-named-1909.yaml", Fixer<LockoutHidden>(), {}},
        Case{"diagnosis/must-change-password-named-1907.yaml", Fixer<ExpiryHidden>(), {}},
        Case{"diagnosis/batch-logon-denied-through-group-named-1385.yaml", Fixer<DenyHidden>(), {}},
        Case{"diagnosis/profile-made-by-1.1-is-not-affected-not-already-fixed.yaml", Fixer<MarkForged>(), {}},
        Case{"diagnosis/fixed-by-this-tool-is-already-fixed.yaml", Fixer<MarkNeverWritten>(), {}},
        // The fake as it was: a window it did not honour (the duration's 30 minutes); a lockout that always runs out.
        Case{"fidelity/lockout-observation-window.yaml",
             {},
             [](fakes::MachineState& m) { m.lsa.lockout.reset_minutes = 30; }},
        Case{"fidelity/lockout-duration-zero-needs-an-administrator.yaml",
             {},
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
