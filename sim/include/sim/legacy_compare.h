// LegacyCompare: the published fixup.cmd and the fixer, each run on its own copy of the same
// machine, judged on the same rows: site up or down, ASPNET's SID, its profile, services,
// grants kept or lost, secrets exposed (1pass@word left valid counts), and how each ended.
//
//   sim::Comparison c = sim::CompareOnMachine(state, script, "1pass@word", fixer::Options{});
//   for (const auto& row : c.rows) ... row.legacy ... row.fixer ... row.ahead ...
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "fakes/state.h"
#include "fixer/options.h"
#include "sim/legacy_run.h"

namespace sim {

struct CompareRow {
  std::string name;    // "site", "account SID", "profile", "services", "grants", "secrets", "exit"
  std::string legacy;  // what the batch file left
  std::string fixer;   // what the fixer left
  bool legacy_ok = true;
  bool fixer_ok = true;
  // false when the batch file stopped before its end: what it left then is no result of it to judge
  // (every row but "exit", which says where it stopped)
  bool legacy_judged = true;
  // "fixer", "legacy", or "" (even, or the batch's side not judged)
  std::string Ahead() const {
    if (!legacy_judged || fixer_ok == legacy_ok) return "";
    return fixer_ok ? "fixer" : "legacy";
  }
};

struct Comparison {
  std::vector<CompareRow> rows;
  std::string script_name = "fixup.cmd";          // the batch file's name, as the rows and the page label its side
  std::string legacy_console;                     // the batch file's console
  std::string fixer_log;                          // the fixer's output
  std::string legacy_load_error;                  // the batch file could not be read: nothing was compared
  std::optional<BatchDiagnostic> legacy_stopped;  // the line the batch file stopped at, before its end
  // "a.cmd did not run to its end: it stopped at line 12: not supported: ...", "" when it did.
  std::string LegacyStoppedText() const;
  std::vector<std::string> FixerAhead() const;
  std::vector<std::string> LegacyAhead() const;
};

// One run judged alone (site, account SID, profile, services, grants, secrets; not exit), as
// `fixup-sim legacy` summarises what the batch file did to the box.
struct OutcomeRow {
  std::string name;
  std::string value;
  bool ok = true;
};
// `known`: the passwords its console must not hold (KnownPasswords: what was typed at runas, those
// the set-up's batches and this one gave net user), searched in the console as cmd.exe printed it
// (LegacyRun::unmasked_console, as ConsoleForSecretScan leaves it): the masked copy shown hides them.
// The passwords a batch run's console must not hold (KnownPasswords): what was `typed` at runas,
// those the scenario's set-up batches gave net user (`earlier`), and those `run` gave it.
std::vector<std::string> KnownPasswordsAfter(const LegacyRun& run, const std::vector<std::string>& typed,
                                             const std::set<std::string>& earlier);
std::vector<OutcomeRow> JudgeOutcome(const fakes::MachineState& found, const fakes::MachineState& now,
                                     const LegacyRun& run, const std::vector<std::string>& known);
// The `exit` row of a batch run: how it ended (errorlevel, a line it stopped at, the programs
// that failed along the way); ok when it ran to the end and errorlevel 0 goes with a site that
// works (`site_up`), a non-zero one with a site that does not.
OutcomeRow LegacyExitRow(const LegacyRun& run, bool site_up);

// `answer`: what the user types at runas's prompt; `earlier_batch_passwords`: those the batches of
// the scenario's set-up steps gave net user (PreparedMachine::batch_passwords). With the answer and
// the batch's own, each side's output is searched for them (KnownPasswords).
Comparison CompareOnMachine(const fakes::MachineState& state, const std::string& script, const std::string& answer,
                            const fixer::Options& options, const std::set<std::string>& earlier_batch_passwords = {});

std::string RenderComparisonText(const Comparison& c);
nlohmann::json ComparisonToJson(const Comparison& c);

}  // namespace sim
