// fixup-sim run PATH...: load every scenario first (an input error stops nothing else but makes
// the exit code 2), run each, print the report per scenario (one line when it passed) and a
// summary; optionally the HTML, JSON or JUnit report.
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/json_text.h"
#include "app/parse_errors.h"
#include "commands.h"
#include "sim/report.h"
#include "sim/report_html.h"
#include "sim/runner.h"
#include "sim/scenario.h"
#include "text_color.h"

namespace sim::cli {
namespace {

struct RunArgs {
  std::vector<std::string> paths;
  bool json = false;
  bool verbose = false;
  bool no_invariants = false;
  std::string junit;
  std::string html;
  std::string color = "auto";
  uint64_t seed = 1;
};

int Run(const RunArgs& args) {
  const std::vector<std::string> files = FindScenarioFiles(args.paths);
  std::vector<LoadedScenario> loaded;
  loaded.reserve(files.size());
  for (const std::string& file : files) loaded.push_back(LoadScenarioFile(file, args.seed));
  // A report may replace neither a scenario nor a batch file a scenario's `legacy` step reads.
  std::vector<std::string> inputs = files;
  for (const LoadedScenario& l : loaded)
    if (l.ok())
      for (std::string& read : FilesReadBy(*l.value)) inputs.push_back(std::move(read));
  if (auto refused =
          RefuseUnwritableOutputs(args.json, "run", {{"--junit", args.junit}, {"--html", args.html}}, inputs))
    return *refused;
  int exit_code = kExitOk;
  if (files.empty())
    return SayInputError(args.json, "run", "no scenario files under " + CLI::detail::join(args.paths, ", "));
  const TextStyle style{.verbose = args.verbose, .color = UseColor(args.color), .seed = args.seed};
  std::vector<ScenarioResult> results;
  std::string error;  // the first input error, for --json
  for (size_t i = 0; i < files.size(); ++i) {
    const LoadedScenario& scenario = loaded[i];
    if (!scenario.ok()) {
      std::cerr << Said("run", scenario.error->ToString()) << "\n";
      exit_code = kExitInput;
      if (error.empty()) error = scenario.error->ToString();
      results.push_back(NotLoaded(files[i], *scenario.error));  // a failed test in every report
      continue;
    }
    results.push_back(RunScenario(*scenario.value, {.invariants = !args.no_invariants}));
    if (!args.json) std::cout << RenderText(results.back(), style) << std::flush;
  }
  for (const ScenarioResult& r : results)
    if (!r.passed && exit_code == kExitOk) exit_code = kExitFailed;
  // The reports first, so that --json's one object says how the run ended, a report that could
  // not be written after all (a full disk) included.
  auto write = [&](const std::string& option, const fixer::Status& st) {
    if (st.ok()) return;
    error = CannotWrite(option, st);
    std::cerr << Said("run", error) << "\n";
    exit_code = kExitInput;
  };
  if (!args.junit.empty()) write("--junit", WriteJUnit(results, args.junit, args.seed));
  if (!args.html.empty()) write("--html", WriteHtml(args.html, RunReportHtml(results, args.seed)));
  if (args.json) {
    nlohmann::json j = ToJson(results);
    j["exit_code"] = exit_code;
    if (!error.empty()) j["error"] = error;
    std::cout << app::JsonText(j) << "\n";
  } else {
    std::cout << RenderSummary(results, style);
  }
  return exit_code;
}

}  // namespace

void AddRunCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Run scenario files (or every *.yaml under folders) and report");
  app::Required(cmd->add_option("paths", args->paths, "scenario files or folders"),
                "give at least one scenario file or folder")
      ->check(app::kFileName);
  cmd->add_flag("--json", args->json, "print one JSON object instead of the text report");
  cmd->add_option("--junit", args->junit, "also write a JUnit XML report to this file")->check(app::kFileName);
  cmd->add_option("--html", args->html, "also write a self-contained HTML report to this file")->check(app::kFileName);
  cmd->add_option("--color", args->color, "colour the text: auto (a terminal without NO_COLOR), always, never")
      ->check(kColorChoices);
  cmd->add_option(
         "--seed", args->seed,
         "the seed of each machine that gives no seed: of its own: its SIDs, passwords and random stream (default 1)")
      ->check(kWholeNumber);
  cmd->add_flag("-v,--verbose", args->verbose, "show every step of every scenario: changes, output, passing checks");
  cmd->add_flag("--no-invariants", args->no_invariants, "skip the invariants after fixer runs");
  cmd->callback([args, &exit_code] { exit_code = Run(*args); });
}

}  // namespace sim::cli
