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

#include <cctype>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "app/cli_values.h"
#include "fixer/exit_code.h"
#include "fixer/quoted_value.h"
#include "fixer/result.h"
#include "sim/explore.h"
#include "sim/whole_number.h"

namespace sim::cli {

inline constexpr int kExitOk = fixer::ToInt(fixer::ExitCode::kOk);
inline constexpr int kExitFailed = fixer::ToInt(fixer::ExitCode::kFailed);
inline constexpr int kExitInput = fixer::ToInt(fixer::ExitCode::kUsage);

// Every count, seed, step and case option (each a 64-bit unsigned): digits only, and a value that
// fits. CLI11 alone reads "-5" into an unsigned option as 2^64 - 5 (an `explore --count -5` that
// never ends), and a seed past 2^64 - 1 as another seed.
inline const CLI::Validator kWholeNumber(
    [](std::string& text) {
      if (!IsDigitsOnly(text)) return fixer::QuotedValue(text) + " is not a whole number (0, 1, 2, ...)";
      if (!ParseWholeNumber(text))
        return fixer::QuotedValue(text) + " is not a whole number from 0 to " + std::to_string(UINT64_MAX);
      return std::string();
    },
    "WHOLE NUMBER");
// A whole number more than 0: a count of cases or a step number, where 0 would run or name nothing.
inline const CLI::Validator kCountingNumber(
    [](std::string& text) {
      const std::optional<uint64_t> value = ParseWholeNumber(text);
      if (!value && IsDigitsOnly(text))  // too large: say the range
        return fixer::QuotedValue(text) + " is not a whole number from 1 to " + std::to_string(UINT64_MAX);
      if (!value || *value == 0) return fixer::QuotedValue(text) + " is not a whole number from 1 up (1, 2, 3, ...)";
      return std::string();
    },
    "NUMBER FROM 1");
// A whole number from `low` to `high` (worker threads, faults a case): digits only. CLI::Range
// alone took `0x10` as 16 and ` 2` as 2, and said of `1.5` "Value 1.5 not in range 1 to 256".
inline CLI::Validator WholeNumberFrom(uint64_t low, uint64_t high) {
  const std::string range = std::to_string(low) + " to " + std::to_string(high);
  return CLI::Validator(
      [low, high, range](std::string& text) {
        const std::optional<uint64_t> value = ParseWholeNumber(text);
        if (!value || *value < low || *value > high)
          return fixer::QuotedValue(text) + " is not a whole number from " + range;
        return std::string();
      },
      "WHOLE NUMBER " + range);
}
// A duration in seconds, zero or more, up to explore's kMaxExploreSeconds (about 31 years).
inline const CLI::Validator kSeconds(
    [](std::string& text) {
      double seconds = 0;
      // Decimal only (1.5, 1e3): strtod alone reads 0x10 as 16 and " 5" as 5.
      const bool decimal = !text.empty() && (std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '.') &&
                           text.find_first_not_of("0123456789.eE+-") == std::string::npos;
      if (!decimal || !CLI::detail::lexical_cast(text, seconds) || !std::isfinite(seconds) || seconds < 0)
        return fixer::QuotedValue(text) + " is not a number of seconds (0 or more)";
      if (seconds > kMaxExploreSeconds)
        return fixer::QuotedValue(text) + " is more seconds than explore can wait for: at most " +
               std::to_string(static_cast<uint64_t>(kMaxExploreSeconds)) + " (about 31 years)";
      return std::string();
    },
    "SECONDS");

// Every error a verb says begins with the program and the verb, `fixup-sim legacy: `, a file's
// place after it (`fixup-sim legacy: s.yaml:3:5: ...`); "fixup-sim: " when no verb was named.
std::string Said(std::string_view verb, std::string_view message);

// A usage or input error: Said(verb, why) on standard error and, for a command run with --json,
// also as the one JSON object its standard output promises, {"error": why, "exit_code": 2}: the
// message alone, as in every report's `error` (docs/json-reports.md). Returns 2.
int SayInputError(bool json, std::string_view verb, std::string_view why);
// Any other error that ends a command: the same, with `exit_code` (1: a check could not run).
int SayError(bool json, std::string_view verb, int exit_code, std::string_view why);

// A file a command will write, named by `option` ("--junit"); an empty path: not asked for.
struct OutputFile {
  const char* option;
  const std::string& path;
};
// Before the command's work: the first of `files` that cannot be written (a folder, a missing or
// read-only folder) said as a usage error with the system's reason, "fixup-sim run: --junit out/:
// cannot be written: Is a directory", or that is one of `inputs` (the scenario and batch files it reads)
// or another of `files` under another name; returns 2 then, nothing when every file can be written.
std::optional<int> RefuseUnwritableOutputs(bool json, std::string_view verb, std::initializer_list<OutputFile> files,
                                           const std::vector<std::string>& inputs = {});
// A report that could not be written after the work (a full disk): the option, then the write's
// message (fakes::WriteFileAtomicallySaying: the file, the step and the system's reason), "--junit
// r.xml: cannot write: No space left on device"; said on standard error as Said(verb, it).
std::string CannotWrite(const std::string& option, const fixer::Status& st);
// The same for a folder the command writes files into (explore --out DIR): created now with its
// parents if missing; "...: cannot be a folder: REASON" or "...: cannot write in it: REASON".
std::optional<int> RefuseUnwritableFolder(bool json, std::string_view verb, const std::string& option,
                                          const std::string& folder);

void AddRunCommand(CLI::App& app, int& exit_code);      // run PATH... [--json] [--junit F] [--html F]
void AddMatrixCommand(CLI::App& app, int& exit_code);   // matrix [--json]
void AddShowCommand(CLI::App& app, int& exit_code);     // show STATE [--json] [--format yaml|json]
void AddSweepCommand(CLI::App& app, int& exit_code);    // sweep [PATH...] [--faults 2]
void AddLegacyCommand(CLI::App& app, int& exit_code);   // legacy SCENARIO [--script F] [--answer T]
void AddCompareCommand(CLI::App& app, int& exit_code);  // compare SCENARIO [--json] [--html F]
void AddExploreCommand(CLI::App& app, int& exit_code);  // explore [--count N | --seconds S] [--seed S]

}  // namespace sim::cli
