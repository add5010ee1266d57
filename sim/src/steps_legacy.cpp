// Legacy replay steps: `legacy` runs a batch file (the published fixup.cmd by default) through
// the fake cmd.exe; `command` runs one command line (net, runas, iisreset, aspnet_regiis ...).
//
//   - legacy: {answer: 1pass@word}          # what the user types at runas's prompt
//   - legacy: {script: my-edited-fixup.cmd, no_answer: true}   # input closed
//   - command: {line: "net start aspnet_state"}
// Without `answer` the input is closed (a prompt meets end of file).
#include <filesystem>
#include <memory>

#include "fakes/commands.h"
#include "fixer/quoted_value.h"
#include "sim/batch.h"
#include "sim/legacy_run.h"
#include "sim/vocabulary.h"

namespace sim {
namespace {

std::unique_ptr<fakes::ConsoleInput> InputOf(const Step& step) {
  if (step.args.count("answer")) return std::make_unique<fakes::FixedInput>(Arg(step, "answer"));
  return std::make_unique<fakes::ClosedInput>();
}

std::string ScriptOf(const RunContext& ctx, const Step& step) { return LegacyStepScript(ctx.scenario_dir, step); }

std::string WithNotes(const std::string& console, const std::vector<std::string>& notes) {
  std::string out = console;
  for (const auto& n : notes) out += "[" + n + "]\n";
  return out;
}

StepReport Legacy(RunContext& ctx, const Step& step) {
  auto input = InputOf(step);
  const std::string script = ScriptOf(ctx, step);
  LegacyRun run = RunLegacyScript(ctx.machine, script, *input, ctx.batch_passwords);
  if (!run.load_error.empty()) throw StepError{run.load_error};
  ctx.output = run.console;
  ctx.all_output.push_back(ConsoleForSecretScan(run.console));
  ctx.batch_passwords.insert(run.passwords.begin(), run.passwords.end());
  ctx.exit_code = run.errorlevel;
  ctx.commands = run.commands;
  if (run.error) throw StepError{script + ":" + std::to_string(run.error->line) + ": " + run.error->message};
  const std::string name = std::filesystem::path(script).filename().string();
  return {true, "", fixer::CappedValue(name) + " -> errorlevel " + std::to_string(run.errorlevel),
          WithNotes(run.console, run.notes)};
}

StepReport Command(RunContext& ctx, const Step& step) {
  auto input = InputOf(step);
  const std::string line = RequiredArg(step, "line");
  fakes::Console con(ctx.machine, *input);
  OpenConsoleSecrets(con, ctx.batch_passwords);
  BatchResult r = RunBatch(con, "@" + line + "\r\n", "command");
  ctx.output = con.output;
  ctx.all_output.push_back(ConsoleForSecretScan(con.output));
  ctx.batch_passwords.insert(con.typed_secrets.begin(), con.typed_secrets.end());
  ctx.exit_code = r.errorlevel;
  ctx.commands = r.commands;
  const std::string shown = fakes::MaskedCommandLine(line, con.typed_secrets);
  if (r.error) throw StepError{"command " + fixer::QuotedValue(shown) + ": " + r.error->message};
  std::vector<std::string> notes;
  for (const auto& n : con.notes) notes.push_back(n.text);
  return {true, "", fixer::CappedValue(shown) + " -> errorlevel " + std::to_string(r.errorlevel),
          WithNotes(con.output, notes)};
}

}  // namespace

std::vector<Word> LegacyStepWords() {
  return {
      {.name = "legacy",
       .scalar_arg = "script",
       .params =
           {{.name = "script",
             .note =
                 "(default: `scenarios/legacy/fixup.cmd`, searched upward from the scenario's folder, else the "
                 "copy built into `fixup-sim`; a relative path is relative to the scenario's folder; one that cannot "
                 "be opened is a load error at its value, exit 2)"},
            {.name = "answer"},
            {.name = "no_answer", .kind = ValueKind::kTrueFalse}},
       .doc = "runs a batch file through the fake `cmd.exe`; `answer` is what the user types at runas's password "
              "prompt; without it the input is closed (the prompt meets end of file). Sets exit code (ERRORLEVEL), "
              "output and the ERRORLEVEL each program left (`errorlevel` check)",
       .run = Legacy,
       .at_most_one_of = {{"answer", "no_answer"}}},
      {.name = "command",
       .scalar_arg = "line",
       .params = {{.name = "line", .required = true}, {.name = "answer"}},
       .doc = "runs one fake command line (`net`, `runas`, `iisreset`, `aspnet_regiis`, ...); sets exit code and "
              "output",
       .run = Command},
  };
}

std::string LegacyStepScript(const std::string& scenario_dir, const Step& step) {
  if (step.args.count("script")) {
    std::filesystem::path p = Arg(step, "script");
    if (p.is_relative() && !scenario_dir.empty()) p = std::filesystem::path(scenario_dir) / p;
    return p.string();
  }
  return DefaultLegacyScript(scenario_dir);
}

std::vector<std::string> FilesReadBy(const Scenario& scenario) {
  const std::string dir = std::filesystem::path(scenario.file).parent_path().string();
  std::vector<std::string> files;
  for (const Step& step : scenario.steps) {
    if (step.kind != "legacy") continue;
    std::string script = LegacyStepScript(dir, step);
    if (script != kBuiltInFixupCmdName) files.push_back(std::move(script));
  }
  return files;
}

}  // namespace sim
