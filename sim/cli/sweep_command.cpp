// fixup-sim sweep [PATH...]: the fault sweep (sim/include/sim/sweep.h) with a progress bar on
// a terminal counting cases, one line per violation with its replay command, and a summary of
// the same cases (and the episodes they checked, "shared" those that were the same as one already
// run); --html FILE writes the summary as a page. Shards with GoogleTest's protocol:
// GTEST_TOTAL_SHARDS and GTEST_SHARD_INDEX in the environment.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli_progress.h"
#include "commands.h"
#include "fixer/quoted_value.h"
#include "sim/report_html.h"
#include "sim/sweep.h"

namespace sim::cli {
namespace {

// What a `fail@N=0` in --case is not: 0 is Windows' success (ERROR_SUCCESS), no error to inject.
std::string FailOfNoError(const std::string& spec) {
  for (size_t at = spec.find('='); at != std::string::npos; at = spec.find('=', at + 1)) {
    const size_t end = spec.find(',', at);
    const std::string error = spec.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
    if (!error.empty() && error.find_first_not_of('0') == std::string::npos)
      return " (a fail's error is a Windows error number from 1: 0 is success, no error)";
  }
  return "";
}

struct SweepArgs {
  std::vector<std::string> paths = {"scenarios"};
  int faults = 1;
  std::vector<std::string> kinds = {"fail,crash"};  // each word split at commas
  int jobs = 1;
  uint64_t seed = 1;
  size_t step = 0;  // 1-based, with --case
  std::string only_case;
  bool case_given = false;  // --case '' is a case left empty, not --case left out
  std::string html;
};

std::vector<std::string> KindsIn(const std::string& word) {
  std::vector<std::string> kinds;
  size_t at = 0;
  for (size_t comma; (comma = word.find(',', at)) != std::string::npos; at = comma + 1)
    kinds.push_back(word.substr(at, comma - at));
  kinds.push_back(word.substr(at));
  return kinds;
}

// "" for a word like fail, crash or fail,crash; else what is wrong with it.
std::string CheckKinds(const std::string& word) {
  for (const std::string& k : KindsIn(word)) {
    if (k.empty()) return fixer::QuotedValue(word) + " has an empty kind: give fail, crash or fail,crash";
    if (k != "fail" && k != "crash") return fixer::QuotedValue(k) + " is no fault kind: give fail, crash or fail,crash";
  }
  return "";
}

int Sweep(const SweepArgs& a) {
  const ShardSetting sharding = ShardFromEnvironment();
  if (!sharding.error.empty()) return SayInputError(false, "sweep", sharding.error);
  // The scenarios are found here only for a report that must not replace one (RunSweep finds them again).
  if (auto refused = RefuseUnwritableOutputs(false, "sweep", {{"--html", a.html}},
                                             a.html.empty() ? std::vector<std::string>{} : FindScenarioFiles(a.paths)))
    return *refused;
  SweepOptions o;
  o.faults = a.faults;
  o.fail = o.crash = false;
  for (const std::string& word : a.kinds)
    for (const std::string& k : KindsIn(word)) (k == "fail" ? o.fail : o.crash) = true;
  o.jobs = a.jobs;
  o.seed = a.seed;
  if (a.case_given && a.only_case.empty()) {
    return SayInputError(false, "sweep",
                         "--case: is empty: give the case a violation prints, e.g. fail@7=2245, crash@12 or as-found");
  }
  if (a.step != 0 && a.only_case.empty()) {
    // Alone it would be ignored, and the whole sweep would run as if it named one step.
    return SayInputError(false, "sweep",
                         "--step needs --case (the case to replay at that step, as a violation prints it)");
  }
  if (!a.only_case.empty()) {
    auto faults = ParseFaults(a.only_case);
    if (!faults) {
      return SayInputError(false, "sweep",
                           "--case " + fixer::QuotedValue(a.only_case) +
                               " is not like fail@7=2245 or crash@12 or fail@3=5,crash@9 or " +
                               std::string(kAsFoundCase) + FailOfNoError(a.only_case));
    }
    if (a.step == 0) {
      return SayInputError(false, "sweep", "--case needs --step (the fixer step's number, as a violation prints it)");
    }
    o.only_case = *faults;
    o.only_step = a.step - 1;
  }
  if (sharding.shard) {
    o.shard_count = sharding.shard->count;
    o.shard_index = sharding.shard->index;
  }
  if (StderrIsTerminal()) o.progress = DrawProgress;

  if (FindScenarioFiles(a.paths).empty()) {  // said as `run` says it, not as "nothing to sweep"
    return SayInputError(false, "sweep", "no scenario files under " + CLI::detail::join(a.paths, ", "));
  }
  SweepReport r = RunSweep(a.paths, o);
  for (const std::string& e : r.errors) std::cerr << Said("sweep", e) << "\n";
  // A file that did not load is an input error (exit 2): no summary says "0 violations" of it.
  if (!r.errors.empty()) return kExitInput;
  if (o.only_case && r.cases == 0 && r.as_found_checks == 0 && r.errors.empty()) {
    // A replay that matched nothing would otherwise read as "0 violations".
    const std::string step = std::to_string(a.step);
    return SayInputError(false, "sweep",
                         "--step " + step + " --case " + a.only_case + " is no case of these scenarios: step " + step +
                             " of none of them is a fixer apply without faults of its own that is not a dry run");
  }
  if (!r.unfired.empty() || !r.errors_not_given.empty()) {
    // "0 violations" would read as a replay of that fault that passed.
    for (const std::string& u : r.unfired) std::cerr << Said("sweep", "--case " + a.only_case + ": " + u) << "\n";
    for (const std::string& e : r.errors_not_given)
      std::cerr << Said("sweep", "--case " + a.only_case + ": " + e) << "\n";
    return kExitInput;
  }
  if (r.scenarios == 0 && r.errors.empty()) {
    // No file runs an apply the sweep takes (or no file at all): "0 violations" would read as a
    // sweep that passed.
    return SayInputError(false, "sweep",
                         "nothing to sweep: no scenario under " + CLI::detail::join(a.paths, ", ") +
                             " runs a fixer apply without faults of its own (fail_at, fail_op, crash_at, crash_after, "
                             "crash_op) that is not a dry run");
  }
  if (!o.only_case && r.unsharded_cases == 0 && r.errors.empty()) {
    // Every apply found nothing to change (or was refused before its first change): no call to fail.
    return SayInputError(false, "sweep",
                         "nothing to sweep: the fixer applies under " + CLI::detail::join(a.paths, ", ") +
                             " make no change a fault could fail (0 cases)");
  }
  for (const std::string& t : r.transcripts) std::cout << t << "\n";
  for (const SweepViolation& v : r.violations) std::cout << v.ToString() << "\n";
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.0f runs/s, %.2f s", r.seconds > 0 ? r.runs / r.seconds : 0.0, r.seconds);
  std::cout << "sweep: " << r.Totals() << ", " << r.ViolationsText() << " (" << rate << ")\n";
  if (!a.html.empty()) {
    // A batch file a scenario's `legacy` step read is an input too: known once they are loaded.
    if (auto refused = RefuseUnwritableOutputs(false, "sweep", {{"--html", a.html}}, r.scripts_read)) return *refused;
    if (auto st = WriteHtml(a.html, SweepReportHtml(r, a.paths)); !st.ok()) {
      std::cerr << Said("sweep", CannotWrite("--html", st)) << "\n";
      return kExitInput;
    }
  }
  if (!r.errors.empty()) return kExitInput;
  return r.violations.empty() ? kExitOk : kExitFailed;
}

}  // namespace

void AddSweepCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SweepArgs>();
  CLI::App* cmd = app.add_subcommand(
      "sweep",
      "Run every fixer apply of the scenarios once per mutating call and fault kind, and check the invariants");
  cmd->add_option("paths", args->paths, "scenario files or folders (default: scenarios)")->check(app::kFileName);
  cmd->add_option("--faults", args->faults, "1: every single fault; 2: also every pair")->check(WholeNumberFrom(1, 2));
  // One word, split at commas by KindsIn (given twice: both); as a vector's default it took every
  // word after it, the paths too. CLI11's own splitting said "1 required TEXT missing" of ','.
  cmd->add_option("--kinds", args->kinds, "fault kinds, comma-separated: fail, crash, or fail,crash")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->check(CLI::Validator(CheckKinds, "fail|crash|fail,crash"));
  cmd->add_option("--jobs", args->jobs, "worker threads (1 to 256)")->check(WholeNumberFrom(1, 256));
  cmd->add_option("--seed", args->seed, "the seed of each machine that gives no seed: of its own (default 1)")
      ->check(kWholeNumber);
  cmd->add_option("--step", args->step, "with --case: the fixer step's number in the scenario (1-based)")
      ->check(kCountingNumber);
  cmd->add_option("--case", args->only_case,
                  "replay one case, e.g. fail@7=2245 or crash@12, or as-found (the step's machine as found, its "
                  "journal read failing)");
  cmd->add_option("--html", args->html, "also write the summary and every violation as an HTML page to this file")
      ->check(app::kFileName);
  cmd->callback([args, cmd, &exit_code] {
    args->case_given = cmd->count("--case") > 0;
    exit_code = Sweep(*args);
  });
}

}  // namespace sim::cli
