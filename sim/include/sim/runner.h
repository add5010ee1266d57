// Runner: runs a scenario's steps in order on its machine, records what each step changed,
// checks each step's expectations, and, after every fixer run, the invariants (invariants.h).
//
//   sim::ScenarioResult r = sim::RunScenario(scenario, {.invariants = true});
//   std::cout << sim::RenderText(r);
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/expectations.h"
#include "sim/fixer_session.h"
#include "sim/machine_diff.h"
#include "sim/scenario.h"
#include "sim/steps.h"

namespace sim {

struct StepResult {
  Step step;
  StepReport report;
  std::vector<Change> changes;      // what the step changed on the machine
  std::vector<CheckResult> checks;  // its expectations and, for fixer runs, the invariants
};

struct ScenarioResult {
  std::string file;
  std::string name;
  std::string summary;
  std::vector<StepResult> steps;
  bool passed = false;
  std::string error;  // a step that could not run at all, or the file could not load (file:line:col: why)
  double seconds = 0;
  std::optional<ScenarioError> load_error = {};  // the file could not be loaded: nothing ran
  // The modelling choices (unconfirmed facts) the fake relied on during the run, by id.
  std::set<std::string> modelling_choices = {};
  bool invariants_checked = true;  // RunOptions::invariants: `run --no-invariants` gave false
};

// A scenario file that failed to load, as a failed result: reports list it like any other
// failure (JUnit, JSON), with its FILE:LINE:COL.
ScenarioResult NotLoaded(const std::string& file, const ScenarioError& error);

// The machine's seed is the scenario's own (LoadScenarioFile's default_seed: `run --seed N`).
struct RunOptions {
  bool invariants = true;  // check the invariants after every fixer run
  // Test seam: doubles for some of the fixer's ports (a deliberately broken fixer), to prove
  // a scenario fails when the behaviour it shows breaks. Empty: the real ports.
  PortsDecoratorFactory decorate;
};

ScenarioResult RunScenario(const Scenario& scenario, const RunOptions& options);

}  // namespace sim
