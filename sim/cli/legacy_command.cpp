// fixup-sim legacy SCENARIO [--script FILE] [--answer TEXT]: run a batch file (the one the
// scenario's first `legacy` step names, else the published fixup.cmd) on the scenario's machine, showing the console as
// it would appear, then what changed on the machine, how each application answers before and after, and what the run
// left (site, ASPNET's SID, profile, services, grants, secrets; legacy_compare.h). Without --answer runas's prompt is
// read from standard input (echo off on a terminal). Exit: 0 the batch ran to its end; 1 it stopped at a line the
// interpreter does not understand; 2 usage or input error.
#include <iostream>
#include <memory>

#include "app/cli_values.h"
#include "app/parse_errors.h"
#include "commands.h"
#include "fakes/load_result.h"
#include "fakes/web_requests.h"
#include "fixer/utf8.h"
#include "legacy_target.h"
#include "sim/legacy_compare.h"
#include "sim/legacy_run.h"
#include "sim/machine_diff.h"
#include "terminal_input.h"

namespace sim::cli {
namespace {

void PrintSites(const fakes::MachineState& before, const fakes::MachineState& after) {
  const auto was = StatusOfEveryApp(before);
  const auto now = StatusOfEveryApp(after);
  if (now.empty()) return;
  std::cout << "\nApplications:\n";
  for (const auto& [app, status] : now) {
    auto it = was.find(app);
    std::cout << "  " << app << ": " << (it == was.end() ? std::string("-") : std::to_string(it->second)) << " -> "
              << status << "\n";
  }
}

}  // namespace

void AddLegacyCommand(CLI::App& app, int& exit_code) {
  struct Args {
    std::string scenario;
    std::string script;
    std::optional<std::string> answer;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("legacy", "Run fixup.cmd (or another batch file) on a scenario's machine");
  app::Required(
      cmd->add_option("scenario", args->scenario, "scenario file (its set-up steps run first) or machine state file"),
      "give the scenario or machine state file whose machine the batch file runs on")
      ->check(app::kFileName);
  cmd->add_option("--script", args->script,
                  "batch file to run (default: the one the scenario's first legacy step names, else "
                  "scenarios/legacy/fixup.cmd above the scenario, else the built-in copy)")
      ->check(app::kFileName);
  cmd->add_option("--answer", args->answer, "what to type at each prompt (default: read standard input)")
      ->check(app::kWindowsText);
  cmd->callback([args, &exit_code] {
    std::string why;
    const auto target = ResolveLegacyTarget(args->scenario, args->script, why);
    if (!target) {
      exit_code = SayInputError(false, "legacy", why);
      return;
    }
    const PreparedMachine& setup = target->setup;
    const std::string& script = target->script;
    std::unique_ptr<fakes::ConsoleInput> input;
    if (args->answer)
      input = std::make_unique<fakes::FixedInput>(*args->answer);
    else
      input = std::make_unique<TerminalInput>();

    fakes::Machine machine(*setup.state);
    // The console as the batch file wrote it, but an ESC it printed is no terminal command here.
    auto live = [](std::string_view text) { std::cout << fixer::EscapeForReader(text) << std::flush; };
    LegacyRun run;
    try {
      run = RunLegacyScript(machine, script, *input, setup.batch_passwords, live);
    } catch (const RefusedLine& refused) {
      // A line typed at a prompt that no password could be: the batch stops at that prompt, and
      // no report judges a run the user did not mean. Said as --answer's would be.
      std::cout << "\n" << std::flush;
      exit_code =
          SayInputError(false, "legacy", std::string("standard input: a line typed at a prompt: ") + refused.what());
      return;
    }
    if (!run.load_error.empty()) {
      exit_code = SayInputError(false, "legacy", run.load_error);
      return;
    }
    for (const auto& n : run.notes) std::cout << "[" << n << "]\n";
    if (run.error)
      std::cerr << Said("legacy", script + ":" + std::to_string(run.error->line) + ": " + run.error->message) << "\n";

    std::cout << "\nChanges on the machine:\n";
    const auto changes = DiffMachines(*setup.state, machine.state());
    if (changes.empty()) std::cout << "  (none)\n";
    for (const Change& c : changes) std::cout << FormatChange(c, "  ");
    PrintSites(*setup.state, machine.state());
    std::cout << "\nWhat the run left:\n";
    std::vector<std::string> typed;  // at the terminal, what was typed is not known
    if (args->answer) typed.push_back(*args->answer);
    std::vector<OutcomeRow> rows =
        JudgeOutcome(*setup.state, machine.state(), run, KnownPasswordsAfter(run, typed, setup.batch_passwords));
    rows.push_back(LegacyExitRow(run, rows.front().ok));  // rows.front(): the site
    for (const OutcomeRow& row : rows) {
      std::string name = row.name + ":";
      name.resize(14, ' ');
      std::cout << "  " << name << (row.ok ? "ok   " : "BAD  ") << fakes::EscapeForMessage(row.value) << "\n";
    }
    exit_code = run.error ? kExitFailed : kExitOk;
  });
}

}  // namespace sim::cli
