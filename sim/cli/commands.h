// The subcommands of `fixup-sim`, one file each. Each Add* registers its subcommand on `app`
// and, when it runs, sets `exit_code` to the documented code:
//   0 all passed / done · 1 some scenario or check failed · 2 usage or input error.
//
//   CLI::App app{"fixup-sim"};
//   int exit_code = 0;
//   sim::cli::AddRunCommand(app, exit_code);
//   CLI11_PARSE(app, argc, argv);
//   return exit_code;
#pragma once

#include <CLI/CLI.hpp>

#include "fixer/exit_code.h"

namespace sim::cli {

inline constexpr int kExitOk = fixer::ToInt(fixer::ExitCode::kOk);
inline constexpr int kExitFailed = fixer::ToInt(fixer::ExitCode::kFailed);
inline constexpr int kExitInput = fixer::ToInt(fixer::ExitCode::kUsage);

void AddRunCommand(CLI::App& app, int& exit_code);      // run PATH... [--json] [--junit F] [--html F]
void AddMatrixCommand(CLI::App& app, int& exit_code);   // matrix [--json]
void AddShowCommand(CLI::App& app, int& exit_code);     // show STATE [--json] [--format yaml|json]
void AddSweepCommand(CLI::App& app, int& exit_code);    // sweep [PATH...] [--faults 2]
void AddLegacyCommand(CLI::App& app, int& exit_code);   // legacy SCENARIO [--script F] [--answer T]
void AddCompareCommand(CLI::App& app, int& exit_code);  // compare SCENARIO [--json] [--html F]
void AddExploreCommand(CLI::App& app, int& exit_code);  // explore [--count N | --seconds S] [--seed S]

}  // namespace sim::cli
