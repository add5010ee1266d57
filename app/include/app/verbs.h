// The verbs of aspnet-fixer (diagnose, plan, apply, resume, rollback), run on any backend.
// The command line (app/command.h), a scenario's `fixer:` step and the fault sweep all run a
// verb through RunVerb, so what the tool does and what the simulator checks cannot drift.
//
// A mutating verb (apply, resume, rollback; not apply --dry-run) calls the backend's
// BeginChanges() first, any other CheckCanSave() (a machine that cannot be written where it goes
// is said before the work, `not_written`, exit 2); every verb ends with EndChanges(). An Interruption (a power loss, a
// change that could not be made durable, a stop signal) ends the run as "interrupted", exit 4
// (3 when a stop came before any change). A changing run's EndChanges that fails is judged by what
// the backend still holds (fixer::Kept): only the rewrite failed, the outcome stands with a warning;
// an apply that restored the machine takes its records back (KeepAsFound); else exit 4.
//
//   app::VerbRun run = app::RunVerb(backend, app::Verb::kApply, fixer::Options{});
//   std::string text = app::RunText(run);   // or app::RunJson(run).dump(2)
//   std::string transcript = app::RunTranscript(run);   // the log, then the report
//   int code = fixer::ToInt(run.exit_code);
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "fixer/backend.h"
#include "fixer/diagnosis.h"
#include "fixer/exit_code.h"
#include "fixer/options.h"
#include "fixer/outcome.h"
#include "fixer/plan.h"
#include "fixer/secret.h"

namespace app {

enum class Verb { kDiagnose, kPlan, kApply, kResume, kRollback };
// "diagnose", "plan", "apply", "resume", "rollback"
std::string_view ToString(Verb verb);
std::optional<Verb> VerbFromString(std::string_view name);
// Whether the verb may change the machine with these options (no dry run of any verb does).
bool Mutates(Verb verb, const fixer::Options& options);

struct VerbRun {
  Verb verb = Verb::kDiagnose;
  std::optional<fixer::RunResult> result;                    // apply, resume, rollback
  std::optional<fixer::Result<fixer::Diagnosis>> diagnosis;  // diagnose, plan
  std::optional<fixer::Result<fixer::Plan>> plan;            // plan
  std::string log;                                           // every log line the fixer wrote
  bool crashed = false;  // interrupted between two changes (power loss, save failed, a stop signal)
  std::string crash;     // where, or why
  // Stopped by the user (a signal) before the first change: why. Exit 3, nothing was changed.
  std::string stopped;
  // What the run could not make durable though its outcome stands (a full disk at the end): said
  // among the result's messages and on standard error.
  std::vector<std::string> warnings;
  // The file that holds the machine and its journal (the --out file, if any): the advice after an
  // interruption names it (`aspnet-fixer resume --machine FILE`). Empty: the advice names none.
  std::string journal_file;
  // The machine could not be written where it goes, before any change (or by a verb that
  // changes nothing): why. Exit 2, and nothing was changed.
  std::string not_written;
  // diagnose, plan: the journal on the machine is one this fixer will not resume or roll back
  // (edited by hand): why. Exit 2 (`input-error`), as apply, resume and rollback say it.
  std::string journal_error;
  fixer::ExitCode exit_code = fixer::ExitCode::kOk;
  std::string outcome;   // "fixed", ..., "planned", "error", "interrupted"
  bool changed = false;  // the backend says the machine differs from how it was found
  // The temporary password the run was given (fixer::Options::temp_password): every text of the
  // run a reader is shown (its report, text or JSON, its log and its errors) masks it by the one
  // rule (fixer::MaskedSecret), where it is also a word of the report (`W3SVC`, `Diagnosis`) too.
  std::optional<fixer::Secret> typed_secret;
};

// Runs one verb; `verbose` logs at debug level. `diagnosis_as_found`: the simulator's sweep only
// (fixer::Fixer::UseDiagnosisAsFound): an apply on a machine equal to one already diagnosed.
// `before_end`: called before EndChanges, where a run that changes nothing writes its --out
// (aspnet-fixer: from there a stop no longer ends it at once, BackendOpener::FinishDespiteStops).
VerbRun RunVerb(fixer::Backend& backend, Verb verb, const fixer::Options& options, bool verbose = false,
                std::shared_ptr<const fixer::Diagnosis> diagnosis_as_found = nullptr,
                const std::function<void()>& before_end = {});

// The run as aspnet-fixer prints it: text (diagnosis or plan, the result, an interruption) or
// one JSON object.
std::string RunText(const VerbRun& run);
nlohmann::json RunJson(const VerbRun& run);
// "Not written: WHY\nNothing was changed.\n": what a text report says of a machine it could not
// write (RunText; capture's --out).
std::string NotWrittenText(std::string_view why);
// Why a run that ended in an input error (exit 2) ended so: the machine not written, or a
// journal the fixer will not act on (a journal read that failed is no input error); "" for any other run. The JSON's
// `error`, and what the tool says on standard error.
std::string InputErrorOf(const VerbRun& run);
// Why diagnose or plan could not read the machine (exit 1, outcome `error`): the failed read's
// Windows error, the JSON's `error`, said on standard error too; "" for any other run.
std::string ReadErrorOf(const VerbRun& run);
// Everything a run printed, as a scenario report or a sweep transcript shows it: the log, then
// the result, diagnosis or plan, and where the power was lost.
std::string RunTranscript(const VerbRun& run);
// The same with its result's diagnosis and plan already rendered: `result_head`, which must be
// RenderRunHead(*run.result) (app/fixer_report.h). The sweep renders it once for all the applies
// of one machine, which work both out before their first change.
std::string RunTranscript(const VerbRun& run, std::string_view result_head);

}  // namespace app
