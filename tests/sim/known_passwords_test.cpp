// One list of the passwords the `secrets` invariant looks for (sim::KnownPasswords), the same in
// `run`, the sweep, `compare` and `legacy`: a password a batch gave net user earlier in the
// scenario is one of them everywhere. The sweep once looked only for 1pass@word and the apply's
// temporary password, so a fixer that wrote a batch's password into the event log passed it.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "fakes/fresh_install.h"
#include "fixer/ports/event_log.h"
#include "sim/fixer_session.h"
#include "sim/invariants.h"
#include "sim/legacy_compare.h"
#include "sim/legacy_run.h"
#include "sim/runner.h"
#include "sim/scenario.h"
#include "sim/sweep.h"
#include "support/affected_machine.h"
#include "support/temp_folder.h"

namespace {

constexpr const char* kDavesPassword = "Dave#Sweep-2003";

// A fixer that leaks: every event it writes ends with the password an earlier batch gave dave.
class LeakyEventLog : public fixer::EventLogWrapper {
 public:
  explicit LeakyEventLog(fixer::Ports& real) : EventLogWrapper(real.events) {}
  fixer::Status Write(const fixer::EventRecord& record) override {
    fixer::EventRecord leaked = record;
    leaked.text += std::string(" ") + kDavesPassword;
    return EventLogWrapper::Write(leaked);
  }
};

sim::PortsDecoratorFactory Leaky() {
  return [] { return std::make_unique<sim::WrapOnePort<LeakyEventLog>>(); };
}

// A batch gives dave his password, then the fixer repairs the machine.
const std::string kScenario =
    test_support::ScenarioOnAffectedMachine("a batch sets dave's password, then the fixer runs",
                                            "  - command: {line: 'net user dave Dave#Sweep-2003 /add'}\n"
                                            "  - fixer: apply\n");

TEST(KnownPasswords, ArePublishedGivenAndEveryBatchsOnce) {
  EXPECT_EQ(sim::KnownPasswords({"Tmp#2003-xyz"}, {"Bat#One-2003", "Bat#Two-2003"}),
            (std::vector<std::string>{sim::kFixupCmdPassword, "Tmp#2003-xyz", "Bat#One-2003", "Bat#Two-2003"}));
}

TEST(KnownPasswords, TheSweepLooksForABatchsPasswordAsTheRunDoes) {
  const test_support::TempFolder dir{"known_passwords_test"};
  const std::string file = dir.Write("leak.yaml", kScenario).string();

  auto loaded = sim::LoadScenarioFile(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const sim::ScenarioResult run = sim::RunScenario(*loaded.value, {.decorate = Leaky()});
  EXPECT_FALSE(run.passed) << "the run finds the leak";

  sim::SweepOptions o;
  o.decorate = Leaky();
  const sim::SweepReport sweep = sim::RunSweep({file}, o);
  ASSERT_TRUE(sweep.errors.empty()) << sweep.errors.front();
  ASSERT_FALSE(sweep.violations.empty()) << "the sweep misses the password the batch gave dave";
  EXPECT_EQ(sweep.violations.front().check, "no password in output, journal or events")
      << sweep.violations.front().ToString();
}

// `legacy` and `compare` judge a batch's console against the same list: a password an earlier
// batch gave net user, were it shown, is exposed (the consoles mask it: OpenConsoleSecrets).
TEST(KnownPasswords, LegacysSecretsRowLooksForAnEarlierBatchsPassword) {
  const fakes::MachineState machine = fakes::FreshInstall({.os = fixer::OsEdition::kWindowsXpProfessional});
  sim::LegacyRun run;
  run.console = std::string("C:\\>echo dave has ") + kDavesPassword + "\n";
  run.unmasked_console = run.console;  // what the scan reads: the console as cmd printed it
  auto secrets = [&](const std::vector<std::string>& known) {
    for (const sim::OutcomeRow& row : sim::JudgeOutcome(machine, machine, run, known))
      if (row.name == "secrets") return row;
    return sim::OutcomeRow{};
  };
  EXPECT_TRUE(secrets(sim::KnownPasswords({}, {})).ok) << "nothing known, nothing found";
  const sim::OutcomeRow found = secrets(sim::KnownPasswords({}, {kDavesPassword}));
  EXPECT_FALSE(found.ok);
  EXPECT_EQ(found.value.find(kDavesPassword), std::string::npos) << "the row never quotes it: " << found.value;
}

}  // namespace
