// LegacyRun: one run of a batch file (fixup.cmd by default) on a fake machine through the fake
// cmd.exe, as the `legacy` scenario step, `fixup-sim legacy` and `fixup-sim compare` need it.
//
//   fakes::FixedInput answer("1pass@word");
//   sim::LegacyRun run = sim::RunLegacyScript(machine, sim::DefaultLegacyScript("scenarios/x"), answer, {});
//   std::cout << run.console;   // the console as it would appear, from "C:\>c:\fixup.cmd" on
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/console.h"
#include "sim/batch.h"

namespace sim {

struct LegacyRun {
  std::string console;  // what the console window showed
  // The console as cmd.exe prints it (fakes::Console::unmasked_output): for the secret scan
  // alone, never shown.
  std::string unmasked_console;
  std::vector<std::string> notes;  // what happened outside it (runas's new window)
  int errorlevel = 0;
  std::vector<BatchCommand> commands;    // every program run, with the errorlevel it left
  std::vector<BatchFailure> failures;    // commands that failed along the way
  std::optional<BatchDiagnostic> error;  // a line the interpreter does not understand
  std::string load_error;                // the script could not be read
  // Every password the batch gave net user, on a line or in a variable (Console::typed_secrets):
  // secrets no output may show, for the `secrets` invariant to look for. Never printed.
  std::vector<std::string> passwords;
};

// The temporary password the published fixup.cmd hard-codes (`net user ASPNET 1pass@word`) and
// its runas prompt expects: a secret no output may show, and one that must not still log the
// worker on after a repair.
inline constexpr const char* kFixupCmdPassword = "1pass@word";

// The copy of a batch's console the secret scan reads (RunContext::all_output, compare's and
// legacy's `secrets` row). The published temporary password is public: the paper prints it and
// fixup.cmd's own echo tells the user to type it. The scan looks for it to catch a fixer that
// reuses it, so a batch file's console would fail every later fixer run for no fault of the fixer
// [I]; it is masked in this copy only. Any other password (the worker's LSA secret, an edited
// script's) is still caught.
std::string ConsoleForSecretScan(std::string console);

// The published fixup.cmd as built into the tools (scenarios/legacy/fixup.cmd at build time).
std::string_view BuiltInFixupCmd();
// The name DefaultLegacyScript gives the built-in copy; RunLegacyScript reads it from memory.
inline constexpr std::string_view kBuiltInFixupCmdName = "fixup.cmd (built in)";

// The published script: scenarios/legacy/fixup.cmd, searched from `start_dir` upwards and
// then from the current directory upwards, else the built-in copy (kBuiltInFixupCmdName), so
// the tools work from any folder.
std::string DefaultLegacyScript(const std::string& start_dir);

// Runs `script_path` as the whole session a user would see: the prompt, the typed command
// (`c:\fixup.cmd`, as the paper tells), the batch, and the prompt it leaves. `earlier_passwords`:
// those batches run before on this machine gave net user (RunContext::batch_passwords,
// PreparedMachine::batch_passwords), masked in this console from its start too (OpenConsoleSecrets).
// `live` receives the output as it is written (a terminal), if set.
LegacyRun RunLegacyScript(fakes::Machine& machine, const std::string& script_path, fakes::ConsoleInput& input,
                          const std::set<std::string>& earlier_passwords,
                          std::function<void(std::string_view)> live = {});

// The one masking rule of a scenario's consoles: each starts with the passwords its earlier
// batches gave net user as its own secrets, so whatever shows one later (an `echo`, a command
// line) shows it masked [M: docs/windows-reference.md#choice-batch-masks-passwords]; and they are
// passwords of this console's run too (LegacyRun::passwords), for the secret scan.
void OpenConsoleSecrets(fakes::Console& con, const std::set<std::string>& earlier_passwords);

}  // namespace sim
