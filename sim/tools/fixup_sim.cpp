// fixup-sim: run scenarios, derive the paper's platform matrix, show a machine state.
// Exit codes: 0 all passed, 1 some failed, 2 usage or input error (file:line:col on stderr), or
// standard output that could not be written.
#include <iostream>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "app/cli_values.h"
#include "app/help_and_version.h"
#include "app/long_words.h"
#include "app/named_command.h"
#include "app/parse_errors.h"
#include "app/standard_output.h"
#include "app/typed_secrets.h"
#include "commands.h"
#include "fixup/version.h"

namespace {

bool IsCommand(CLI::App& app, const std::string& word) {
  for (const CLI::App* command : app.get_subcommands([](CLI::App*) { return true; }))
    if (command->check_name(word)) return true;
  return false;
}

// CLI11 says only "A subcommand is required" of a word that names none: name it, and the commands.
void RefuseUnknownCommand(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return;
  const std::string word = argv[1];
  if (IsCommand(app, word)) return;
  std::string names;
  for (const CLI::App* command : app.get_subcommands([](CLI::App*) { return true; }))
    names += (names.empty() ? "" : ",") + command->get_name();
  throw CLI::ParseError("command: " + word + " not in {" + names + "}", CLI::ExitCodes::ExtrasError);
}

}  // namespace

int main(int argc, char** argv) {
  app::WatchStandardOutput();
  const app::EscapedStandardError escaped;  // a file name in a message cannot command the terminal
  CLI::App app{"fixup-sim: the MS03-032 / ASP.NET 1.0 simulator"};
  const std::string version = std::string("fixup-sim ") + fixup::kVersion + " (commit " + fixup::kCommit + ")";
  app.set_version_flag("--version", version);
  app.require_subcommand(1);
  int exit_code = sim::cli::kExitOk;
  sim::cli::AddRunCommand(app, exit_code);
  sim::cli::AddMatrixCommand(app, exit_code);
  sim::cli::AddShowCommand(app, exit_code);
  sim::cli::AddSweepCommand(app, exit_code);
  sim::cli::AddLegacyCommand(app, exit_code);
  sim::cli::AddCompareCommand(app, exit_code);
  sim::cli::AddExploreCommand(app, exit_code);
  // After a command too (`fixup-sim run --version`), as aspnet-fixer takes it anywhere on the line.
  for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; }))
    command->set_version_flag("--version", version);
  app::RefuseOptionNamesAsValues(app, "fixup-sim");
  const auto is_command = [&app](std::string_view word) { return IsCommand(app, std::string(word)); };
  const std::string verb =
      app::NamedCommand(argc, argv, is_command, [&app](std::string_view word) { return app::TakesValue(app, word); });
  const bool json = app::AsksFor(argc, argv, "--json");
  try {
    RefuseUnknownCommand(app, argc, argv);
    app::RefuseCommandAfterOptionsEnd(argc, argv, is_command);
    app::ParseCommandLine(app, argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help, --version: the report (with --json one JSON object), checked as every report is.
    if (e.get_exit_code() == 0) return app::SayHelpOrVersion(app, e, {.tool = "fixup-sim", .verb = verb, .json = json});
    // Named as every error of the verb is (fixup-sim run: ...); with --json (given a value or
    // not) the one JSON object too; without the words typed as runas's answer (--answer): a secret.
    const std::string said = app::InOurWords(e, app, {.tool = "fixup-sim", .verb = verb, .argc = argc, .argv = argv});
    const int code = sim::cli::SayInputError(
        json, verb,
        app::WithLongWordsCut(app::WithoutTypedSecrets(said, argc, argv, {"--answer"}, &app, is_command), argc, argv));
    std::cerr << "Run with --help for more information.\n";
    return code;
  }
  // What it printed is its report (show's machine file, run's text or JSON): one that did not
  // reach standard output is a report it could not write.
  if (!app::FlushStandardOutput(verb.empty() ? "fixup-sim" : "fixup-sim " + verb)) return sim::cli::kExitInput;
  return exit_code;
}
