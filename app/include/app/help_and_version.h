// --help and --version as a report: the text CLI11 makes, or with --json the one JSON object
// every command run with --json prints (README.md, docs/json-reports.md), in both tools:
//   --version --json: {"name": "aspnet-fixer", "version": "0.1.0", "commit": "<hash>", "exit_code": 0}
//   --help --json:    {"help": "<the help text>", "exit_code": 0}
// Either is checked as every report is: one that did not reach standard output is exit 2, said on
// standard error (app/standard_output.h).
//
//   CLI::App app{"tool"};
//   app.set_version_flag("--version", "tool 0.1.0 (commit abc)");
//   const char* argv[] = {"tool", "--version", "--json"};
//   try {
//     app.parse(3, argv);
//   } catch (const CLI::ParseError& e) {
//     if (e.get_exit_code() == 0) {
//       int code = app::SayHelpOrVersion(app, e, {.tool = "tool", .verb = "", .json = true});  // 0, or 2
//     }
//   }
#pragma once

#include <string_view>

#include <CLI/CLI.hpp>

#include "app/standard_output.h"

namespace app {

struct HelpOrVersionAsked {
  std::string_view tool;                     // "fixup-sim": the JSON's `name`, and the program standard error names
  std::string_view verb;                     // the command named, if any ("" for none): standard error names it too
  bool json = false;                         // --json given (app::AsksFor): the one JSON object, not the text
  ReasonWords words = ReasonWords::kSystem;  // how a write to standard output that failed is said
};

// `e` is CLI11's CallForHelp, CallForAllHelp or CallForVersion (its exit code 0): prints the help
// (of the command named, as CLI11 does) or the version, flushes standard output, and returns the
// exit code: 0, or 2 when standard output could not take it.
int SayHelpOrVersion(const CLI::App& app, const CLI::ParseError& e, const HelpOrVersionAsked& asked);

}  // namespace app
