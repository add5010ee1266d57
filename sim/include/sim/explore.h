// Explore: random machines and administrator histories, checked by the runner's invariants, with
// every violation shrunk to a small scenario file (issue 17; docs/explore.md).
//
// Case K of seed S is generated from its own random stream (std::mt19937_64 seeded from S and K,
// with this file's own distributions), so `--seed S --case K` replays it on any machine. A case
// is a machine (features of a machine file, each one line that shrinking may drop) and steps of
// the scenario vocabulary; it runs as an ordinary sim::Scenario, and after every fixer step the
// runner's invariants (invariants.h) are checked. A violation is shrunk (drop features and
// steps, lower numbers) while the same invariant still fails, and written as a scenario file
// whose `expect` states that invariant.
//
//   sim::ExploreOptions o;  o.seed = 1;  o.count = 2000;
//   sim::ExploreReport r = sim::RunExplore(o);
//   for (const sim::ExploreViolation& v : r.violations) std::cout << v.ToString() << "\n";
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "sim/fixer_session.h"
#include "sim/scenario.h"

namespace sim {

// The random stream of one case: std::mt19937_64 (its algorithm is fixed by the standard) with
// distributions of our own, as libstdc++'s are not the same on every implementation.
class ExploreRandom {
 public:
  ExploreRandom(uint64_t seed, uint64_t index);
  uint64_t Below(uint64_t n);  // 0 .. n-1, uniform (n > 0)
  bool Chance(int percent);    // true with that probability
  template <class T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

// One line of a machine file's section: `section: value` (scalar sections: os, service_pack,
// web_server), `- value` (list sections: frameworks, hotfixes, objects, applications) or
// `key: value` (map sections: accounts, profiles, rights, services, policy, sql, session).
// Map features with the same key and a `name: value` value are merged into one flow map.
struct MachineFeature {
  std::string section;
  std::string key;  // map sections only
  std::string value;
  bool operator==(const MachineFeature&) const = default;
};

struct ExploreCase {
  uint64_t seed = 1;
  uint64_t index = 0;
  std::vector<MachineFeature> machine;
  std::vector<Step> steps;  // kind and args only
};

ExploreCase GenerateCase(uint64_t seed, uint64_t index);
std::vector<MachineFeature> GenerateMachine(ExploreRandom& random);
std::vector<Step> GenerateHistory(ExploreRandom& random, const std::vector<MachineFeature>& machine);

// The machine's features as a machine file, every line indented by `indent` spaces.
std::string MachineText(const std::vector<MachineFeature>& machine, int indent = 0);
// The case as a scenario (loaded from MachineText), or why its machine does not load.
fakes::Loaded<Scenario> ToScenario(const ExploreCase& c);

// What running a case found: the first fixer step whose invariants failed, and which.
struct CaseVerdict {
  bool loaded = true;      // false: the machine did not load (a generator or shrinker dead end)
  bool cut_short = false;  // a step could not run (StepReport::ran false): later steps did not run
  size_t steps_run = 0;
  std::optional<size_t> failed_step;  // index in steps
  std::string invariant;              // InvariantName of the first failed check
  std::string detail;                 // "what: expected X, got Y"
  // The fixer steps whose random fault never fired (past the run's calls): the scenario file
  // leaves that fault out, as `fixup-sim run` fails a step whose fault never happens.
  std::vector<size_t> unfired_faults;
};
CaseVerdict RunExploreCase(const ExploreCase& c, const PortsDecoratorFactory& decorate = {});

// The smallest case found, by dropping features and steps and lowering numbers, on which
// invariant `invariant` still fails (at most `budget` runs).
ExploreCase ShrinkCase(const ExploreCase& c, const std::string& invariant, const PortsDecoratorFactory& decorate = {},
                       int budget = 400);

// The scenario file of a shrunk case: its machine, its steps, and on the failing step an
// `expect: {invariant: NAME}` (docs/scenario-format.md). Of a case whose verdict found no
// violation, the same file saying so in its first line and summary, with no expectation.
std::string ScenarioFileText(const ExploreCase& c, const CaseVerdict& verdict);

// The longest time budget (about 31 years): a deadline the steady clock's nanoseconds can hold
// (292 years) from any start; `explore --seconds` refuses more, RunExplore takes more as this.
inline constexpr double kMaxExploreSeconds = 1e9;

struct ExploreOptions {
  uint64_t seed = 1;
  uint64_t count = 100;  // cases, unless `seconds` is given
  // > 0: run cases until this much time has passed (1 at least; at most kMaxExploreSeconds)
  double seconds = 0;
  std::optional<uint64_t> only_case;        // replay: just this case (and print its scenario)
  int jobs = 1;                             // worker threads
  size_t shard_index = 0, shard_count = 1;  // GTEST_SHARD_INDEX / GTEST_TOTAL_SHARDS
  std::string out_dir;                      // where shrunk scenarios go ("": not written)
  bool shrink = true;
  PortsDecoratorFactory decorate;                               // test seam; empty for the real ports
  std::function<void(uint64_t done, uint64_t total)> progress;  // may be empty
};

struct ExploreViolation {
  uint64_t seed = 1;
  uint64_t index = 0;
  CaseVerdict found;  // on the case as generated
  ExploreCase shrunk;
  CaseVerdict shrunk_verdict;
  std::string file;                   // the shrunk scenario written under out_dir ("" when not written)
  std::string ReplayCommand() const;  // "fixup-sim explore --seed S --case K"
  std::string ToString() const;
};

struct ExploreReport {
  uint64_t seed = 1;
  uint64_t cases = 0;
  uint64_t cut_short = 0;   // cases with a step that could not run
  uint64_t not_loaded = 0;  // generated machines that did not load (a generator bug)
  uint64_t fixer_runs = 0;  // fixer steps run
  double seconds = 0;
  std::vector<ExploreViolation> violations;
  std::vector<std::string> errors;        // files that could not be written
  nlohmann::ordered_json ToJson() const;  // its fields in a fixed order, for the --json report
};

ExploreReport RunExplore(const ExploreOptions& options);

}  // namespace sim
