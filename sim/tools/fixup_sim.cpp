// fixup-sim: run scenarios, derive the paper's platform matrix, show a machine state.
// Exit codes: 0 all passed, 1 some failed, 2 usage or input error (file:line:col on stderr), or
// standard output that could not be written.
#include <algorithm>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "app/cli_values.h"
#include "app/standard_output.h"
#include "commands.h"
#include "fixup/version.h"

namespace {

// CLI11 says only "A subcommand is required" of a word that names none: name it, and the commands.
void RefuseUnknownCommand(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return;
  const std::string word = argv[1];
  std::string names;
  for (const CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
    if (command->check_name(word)) return;
    names += (names.empty() ? "" : ",") + command->get_name();
  }
  throw CLI::ParseError("command: " + word + " not in {" + names + "}", CLI::ExitCodes::ExtrasError);
}

}  // namespace

int main(int argc, char** argv) {
  const app::EscapedStandardError escaped;  // a file name in a message cannot command the terminal
  CLI::App app{"fixup-sim: the MS03-032 / ASP.NET 1.0 simulator"};
  app.set_version_flag("--version", std::string("fixup-sim ") + fixup::kVersion + " (commit " + fixup::kCommit + ")");
  app.require_subcommand(1);
  int exit_code = sim::cli::kExitOk;
  sim::cli::AddRunCommand(app, exit_code);
  sim::cli::AddMatrixCommand(app, exit_code);
  sim::cli::AddShowCommand(app, exit_code);
  sim::cli::AddSweepCommand(app, exit_code);
  sim::cli::AddLegacyCommand(app, exit_code);
  sim::cli::AddCompareCommand(app, exit_code);
  sim::cli::AddExploreCommand(app, exit_code);
  app::RefuseOptionNamesAsValues(app, "fixup-sim");
  try {
    RefuseUnknownCommand(app, argc, argv);
    app::ParseCommandLine(app, argc, argv);
  } catch (const CLI::ParseError& e) {
    // With --json on the command line, a usage error is the one JSON object too.
    if (e.get_exit_code() != 0 && std::find(argv + 1, argv + argc, std::string_view("--json")) != argv + argc)
      return sim::cli::SayInputError(true, e.what());
    const int code = app.exit(e);
    return code == 0 ? sim::cli::kExitOk : sim::cli::kExitInput;
  }
  // What it printed is its report (show's machine file, run's text or JSON): one that did not
  // reach standard output is a report it could not write.
  if (!app::FlushStandardOutput("fixup-sim")) return sim::cli::kExitInput;
  return exit_code;
}
