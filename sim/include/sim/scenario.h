// Scenario: one YAML file that sets up a machine, runs steps on it, and checks expectations.
//
// The format is documented in docs/scenario-format.md. A scenario holds a `machine` (the same
// shape as a machine state file), then `steps` run in order, each optionally followed by an
// `expect` block checked right after it. Loading validates everything up front: unknown keys,
// wrong types and bad values are rejected with "FILE:LINE:COL: message", before anything runs.
//
//   auto loaded = sim::LoadScenarioFile("scenarios/fixer/keep-sid.yaml");
//   if (!loaded.ok()) { std::cerr << loaded.error->ToString(); return 2; }
//   for (const sim::Step& step : loaded.value->steps) ...
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/load_result.h"
#include "fakes/machine_yaml.h"
#include "fakes/state.h"

namespace sim {

// Where something was written, for messages that point back into the scenario file.
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
  std::string ToString() const;  // "file:line:col"
};

// One check of an `expect` block. `kind` names what is checked; `args` hold its parameters as
// written (strings), validated at load time against the kind's row (vocabulary.h).
struct Expectation {
  std::string kind;  // "status", "page_contains", "exit_code", "account", "service", ...
  std::map<std::string, std::string> args;
  SourcePos pos;
  // Checks of checks: `any_of` holds one block per alternative, `not` one block.
  std::vector<std::vector<Expectation>> blocks = {};
};

// One step. `kind` names the action; `args` its parameters as written.
struct Step {
  std::string kind;  // "install_hotfix", "request", "fixer", "legacy", "stop_service", ...
  std::map<std::string, std::string> args;
  std::vector<Expectation> expect;
  SourcePos pos;
};

struct Scenario {
  std::string file;
  std::string name;     // file stem unless given
  std::string summary;  // one line: what the scenario shows
  std::vector<std::string> tags;
  fakes::MachineState machine;
  std::vector<Step> steps;
};

using ScenarioError = fakes::LoadError;
using LoadedScenario = fakes::Loaded<Scenario>;  // fakes/load_result.h

// A `machine:` that gives no `seed:` gets `default_seed` (`fixup-sim run --seed N`): its SIDs,
// passwords and random stream follow it. One that gives `seed:` keeps its own.
LoadedScenario LoadScenarioFile(const std::string& path, uint64_t default_seed = 1);
LoadedScenario LoadScenarioText(std::string_view text, const std::string& file_name, uint64_t default_seed = 1);

// The files a scenario's steps read besides the scenario itself: each `legacy` step's batch file
// (a relative `script:` from the scenario's folder, else the fixup.cmd found above it; not the
// copy built into fixup-sim). A report must never be written over one of them.
std::vector<std::string> FilesReadBy(const Scenario& scenario);
// The batch file one `legacy` step runs: its `script:` (a relative one from `scenario_dir`), else
// DefaultLegacyScript(scenario_dir).
std::string LegacyStepScript(const std::string& scenario_dir, const Step& step);

// Every *.yaml under each path (files are taken as they are), sorted, recursively (links to
// folders not followed); a link named *.yaml to nowhere or in a loop, and a folder that cannot be
// listed, are listed too, so loading them says why they cannot be read. Never throws.
std::vector<std::string> FindScenarioFiles(const std::vector<std::string>& paths);

}  // namespace sim
