// fixup-sim explore: random machines and histories checked by the invariants (sim/include/sim/
// explore.h), a progress bar on a terminal, one line per violation with its replay command, the
// shrunk scenarios written to --out, a summary (or --json). Shards with GoogleTest's protocol:
// GTEST_TOTAL_SHARDS and GTEST_SHARD_INDEX in the environment.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <limits>

#include <nlohmann/json.hpp>

#include "app/json_text.h"
#include "cli_progress.h"
#include "commands.h"
#include "fixer/text.h"
#include "sim/explore.h"

namespace sim::cli {
namespace {

struct ExploreArgs {
  uint64_t count = 100;
  double seconds = 0;
  uint64_t seed = 1;
  std::optional<uint64_t> only_case;
  int jobs = 1;
  std::string out;
  bool json = false;
  bool no_shrink = false;
};

int Explore(const ExploreArgs& a) {
  const ShardSetting sharding = ShardFromEnvironment();
  if (!sharding.error.empty()) return SayInputError(a.json, "explore", sharding.error);
  if (auto refused = RefuseUnwritableFolder(a.json, "explore", "--out", a.out)) return *refused;
  ExploreOptions o;
  o.seed = a.seed;
  o.count = a.count;
  o.seconds = a.seconds;
  o.only_case = a.only_case;
  o.jobs = a.jobs;
  o.out_dir = a.out;
  o.shrink = !a.no_shrink;
  if (sharding.shard) {
    o.shard_count = sharding.shard->count;
    o.shard_index = sharding.shard->index;
  }
  if (!a.json && StderrIsTerminal()) o.progress = DrawProgress;
  // --case: the case as a scenario file, printed first in text, the `scenario` field in JSON.
  std::string case_scenario;
  if (a.only_case) {
    const ExploreCase c = GenerateCase(a.seed, *a.only_case);
    case_scenario = ScenarioFileText(c, RunExploreCase(c));
    if (!a.json) std::cout << case_scenario << "\n";
  }

  const ExploreReport r = RunExplore(o);
  if (o.progress && a.seconds > 0) std::fputc('\n', stderr);
  for (const std::string& e : r.errors) std::cerr << Said("explore", e) << "\n";
  const int exit_code = !r.errors.empty()                           ? kExitInput
                        : r.violations.empty() && r.not_loaded == 0 ? kExitOk
                                                                    : kExitFailed;
  if (a.json) {
    nlohmann::ordered_json j = r.ToJson();
    j["exit_code"] = exit_code;
    if (!r.errors.empty()) j["error"] = CLI::detail::join(r.errors, "; ");
    if (a.only_case) j["scenario"] = case_scenario;
    std::cout << app::JsonText(j) << "\n";
  } else {
    for (const ExploreViolation& v : r.violations) std::cout << v.ToString() << "\n";
    char rate[64];
    std::snprintf(rate, sizeof rate, "%.0f cases/s, %.2f s", r.seconds > 0 ? r.cases / r.seconds : 0.0, r.seconds);
    using fixer::CountText;
    std::cout << "explore: seed " << r.seed << ", " << CountText(r.cases, "case", "cases") << ", "
              << CountText(r.fixer_runs, "fixer run", "fixer runs") << ", " << r.cut_short << " cut short, "
              << r.not_loaded << " not loaded, " << CountText(r.violations.size(), "violation", "violations") << " ("
              << rate << ")\n";
  }
  return exit_code;
}

}  // namespace

void AddExploreCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ExploreArgs>();
  CLI::App* cmd = app.add_subcommand(
      "explore",
      "Run random machines and administrator histories, check the invariants after every fixer run, and shrink "
      "each violation to a scenario file. Exit codes: 0 no violation, 1 a violation (or a generated machine that "
      "did not load), 2 usage error or a scenario that could not be written");
  auto* count = cmd->add_option("--count", args->count, "cases to run (default 100)")->check(kCountingNumber);
  auto* seconds = cmd->add_option("--seconds", args->seconds,
                                  "run cases for this long instead of --count (at least one case per shard)")
                      ->check(kSeconds);
  count->excludes(seconds);
  cmd->add_option("--seed", args->seed, "the seed of every case (default 1)")->check(kWholeNumber);
  cmd->add_option("--case", args->only_case, "replay just case K of the seed (as a violation prints it)")
      ->check(kWholeNumber)
      ->excludes(count)
      ->excludes(seconds);
  cmd->add_option("--jobs", args->jobs, "worker threads (1 to 256)")->check(WholeNumberFrom(1, 256));
  cmd->add_option("--out", args->out, "write each shrunk scenario into this folder")->check(app::kFileName);
  cmd->add_flag("--json", args->json, "print the report as JSON");
  cmd->add_flag("--no-shrink", args->no_shrink, "report violations without shrinking them");
  cmd->callback([args, seconds, &exit_code] {
    // `--seconds 0` is a time too short for a second case: one case, as the README promises of
    // any S (0 itself means "no time given" to ExploreOptions).
    if (seconds->count() > 0 && args->seconds == 0) args->seconds = std::numeric_limits<double>::min();
    exit_code = Explore(*args);
  });
}

}  // namespace sim::cli
