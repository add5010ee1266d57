#include "app/verbs.h"

#include <memory>

#include <fmt/compile.h>
#include <fmt/format.h>

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "app/fixer_report.h"
#include "app/masked_json.h"
#include "app/shell_words.h"
#include "fixer/fixer.h"
#include "fixer/log_text.h"
#include "fixer/masked_secret.h"
#include "fixer/text.h"

namespace app {

std::string_view ToString(Verb verb) {
  switch (verb) {
    case Verb::kDiagnose: return "diagnose";
    case Verb::kPlan: return "plan";
    case Verb::kApply: return "apply";
    case Verb::kResume: return "resume";
    case Verb::kRollback: return "rollback";
  }
  return "?";
}

std::optional<Verb> VerbFromString(std::string_view name) {
  for (Verb v : {Verb::kDiagnose, Verb::kPlan, Verb::kApply, Verb::kResume, Verb::kRollback}) {
    if (ToString(v) == name) return v;
  }
  return std::nullopt;
}

bool Mutates(Verb verb, const fixer::Options& options) {
  switch (verb) {
    case Verb::kDiagnose:
    case Verb::kPlan: return false;
    case Verb::kApply:
    case Verb::kResume:
    case Verb::kRollback: return !options.dry_run;  // a dry run of any verb changes nothing
  }
  return true;
}

namespace {

// A journal this fixer will not resume or roll back (edited by hand): an input error of every
// verb (exit 2), as apply, resume and rollback say it, never "a read failed" (1) or "run resume" (4).
void UnusableJournal(VerbRun& run, const fixer::Status& why) {
  run.journal_error = why.ToString();
  run.exit_code = fixer::ExitCode::kUsage;
  run.outcome = std::string(fixer::ToString(fixer::Outcome::kInputError));
}

void Diagnose(fixer::Fixer& fixer, VerbRun& run) {
  run.diagnosis = fixer.Diagnose();
  run.exit_code = run.diagnosis->ok() ? fixer::ExitCode::kOk : fixer::ExitCode::kFailed;
  run.outcome = run.diagnosis->ok() ? std::string(fixer::ToString((*run.diagnosis)->verdict)) : "error";
  if (!run.diagnosis->ok() || (*run.diagnosis)->verdict == fixer::Verdict::kNotAdmin) return;
  // A run left unfinished is exit 4, as `plan` and `apply` say it: what it changed (services it
  // stopped, a password it set) is this fixer's, not a cause of the administrator's.
  auto pending = fixer.ReadPendingRepair();
  if (!pending && fixer::IsUnreadableJournal(pending.status())) {
    UnusableJournal(run, pending.status());  // the diagnosis stands; the journal is the input error
  } else if (!pending) {
    run.diagnosis = pending.status();
    run.exit_code = fixer::ExitCode::kFailed;
    run.outcome = "error";
  } else if (*pending) {
    // Its findings are the interrupted run's: verdict repair-pending, each failing check pending.
    fixer::MarkRepairPending(**run.diagnosis, std::move(**pending));
    run.outcome = std::string(fixer::ToString((*run.diagnosis)->verdict));
    run.exit_code = fixer::ExitCode::kNotRestored;
  }
}

void Plan(fixer::Fixer& fixer, VerbRun& run) {
  run.diagnosis = fixer.Diagnose();
  if (!run.diagnosis->ok()) {
    run.exit_code = fixer::ExitCode::kFailed;
    run.outcome = "error";
    return;
  }
  run.plan = fixer.MakePlan(**run.diagnosis);
  if (!run.plan->ok() && fixer::IsUnreadableJournal(run.plan->status())) {
    UnusableJournal(run, run.plan->status());
    return;
  }
  const bool refused = run.plan->ok() && (*run.plan)->refusal.has_value();
  // A run left unfinished is exit 4, as `apply` says it: the machine is not as found.
  const bool pending = refused && (*run.plan)->refusal->reason == fixer::RefusalReason::kJournalPending;
  run.exit_code = !run.plan->ok() ? fixer::ExitCode::kFailed
                  : pending       ? fixer::ExitCode::kNotRestored
                  : refused       ? fixer::ExitCode::kRefused
                                  : fixer::ExitCode::kOk;
  // Already fixed and every page answers: "nothing-to-do", exit 0, as `apply` says it; "planned"
  // only when the plan has steps to run.
  const bool nothing = run.plan->ok() && (*run.plan)->nothing_to_do;
  run.outcome = !run.plan->ok() ? "error"
                : pending       ? std::string(fixer::ToString(fixer::Outcome::kNotRestored))
                : refused       ? "refused"
                : nothing       ? std::string(fixer::ToString(fixer::Outcome::kNothingToDo))
                                : "planned";
  // The diagnosis it shows is the interrupted run's, as diagnose and apply show it.
  if (pending) {
    if (auto repair = fixer.ReadPendingRepair(); repair.ok() && *repair)
      fixer::MarkRepairPending(**run.diagnosis, std::move(**repair));
  }
}

void Act(fixer::Fixer& fixer, Verb verb, VerbRun& run) {
  run.result = verb == Verb::kApply ? fixer.Apply() : verb == Verb::kResume ? fixer.Resume() : fixer.Rollback();
  run.exit_code = run.result->exit_code();
  run.outcome = std::string(fixer::ToString(run.result->outcome));
}

// The run's result, where the verb returned one (its end state could not be made durable), is kept:
// the steps it did are what a reader of the report needs next to why it stopped.
void Interrupted(VerbRun& run, std::string why) {
  run.crashed = true;
  run.crash = std::move(why);
  run.exit_code = fixer::ExitCode::kNotRestored;
  run.outcome = "interrupted";
}

// The user stopped the run (a signal) before its first change: nothing changed, nothing to resume.
void StoppedBeforeChange(VerbRun& run, std::string why) {
  run.stopped = std::move(why);
  run.exit_code = fixer::ExitCode::kRefused;
  run.outcome = "interrupted";
}

// The run's outcome stands, but not all of it is durable as it should be: said with the result.
void Warn(VerbRun& run, std::string warning) {
  if (run.result) run.result->messages.push_back(warning);
  run.warnings.push_back(std::move(warning));
}

// A changing run whose end could not be written (a full disk: the last record, or the file's
// rewrite): what is true of the machine now, from what the backend still holds.
void EndNotDurable(fixer::Backend& backend, Verb verb, VerbRun& run, const fixer::Status& st) {
  const std::string why = st.message();
  if (backend.KeptAfterFailedEnd() == fixer::Kept::kAll) {
    Warn(run, fixer::Sentence(why) +
                  " The file was not rewritten, but its log holds every change of this run: the machine is as "
                  "reported (every run reads the file with its log); once there is room on the disk, the next run "
                  "that changes it, or a resume, folds the log into the file.");
    return;
  }
  // An apply that ended with the machine as found (restored, or refused) and could not record that:
  // its records are taken back from the log, which needs no room, and the file is as found again.
  const bool as_found =
      verb == Verb::kApply && (run.exit_code == fixer::ExitCode::kFailed || run.exit_code == fixer::ExitCode::kRefused);
  if (as_found && backend.KeepAsFound().ok()) {
    Warn(run, fixer::Sentence(why) +
                  " This run's records were taken back from the log: the file holds the machine as the run found it.");
    return;
  }
  // A fixed run wrote each step's "done" record before it went on (a record not written fails its
  // step): the log holds the finished repair, its journal left for a later run to remove.
  if (run.result && run.result->outcome == fixer::Outcome::kFixed) {
    Warn(run, fixer::Sentence(why) +
                  " The log holds every step of the finished repair, and its journal stays until a later run "
                  "removes it (once there is room on the disk: a resume checks the pages again and removes it).");
    return;
  }
  // Windows' text ends with its own full stop: the next sentence follows it (fixer::Sentence).
  Interrupted(run, fixer::Sentence(why) +
                       " The file and its log hold the machine as at the last journal record this run wrote: free "
                       "space on the disk first.");
}

// Before any change, or after a verb that makes none: the machine is as found (exit 2, not 4:
// there is nothing to resume).
void NotWritten(VerbRun& run, std::string why) {
  run.not_written = std::move(why);
  run.exit_code = fixer::ExitCode::kUsage;
  run.outcome = "input-error";
}

// `text` as the run shows it: its temporary password masked (VerbRun::typed_secret).
std::string Shown(const VerbRun& run, std::string text) {
  if (!run.typed_secret) return text;
  return fixer::MaskedSecret(std::move(text), run.typed_secret->Reveal());
}

// The texts RunVerb leaves in the run that a tool prints as they are (the log, on standard error).
void MaskTexts(VerbRun& run) {
  run.log = Shown(run, std::move(run.log));
  run.crash = Shown(run, std::move(run.crash));
  run.stopped = Shown(run, std::move(run.stopped));
  run.not_written = Shown(run, std::move(run.not_written));
  run.journal_error = Shown(run, std::move(run.journal_error));
  for (std::string& warning : run.warnings) warning = Shown(run, std::move(warning));
}

}  // namespace

VerbRun RunVerb(fixer::Backend& backend, Verb verb, const fixer::Options& options, bool verbose,
                std::shared_ptr<const fixer::Diagnosis> diagnosis_as_found, const std::function<void()>& before_end) {
  VerbRun run;
  run.verb = verb;
  if (options.temp_password && !options.temp_password->empty()) run.typed_secret = *options.temp_password;
  std::string log_text;
  log_text.reserve(4096);  // an apply logs 2-3 KB: one allocation instead of a dozen regrowths
  auto logger = std::make_shared<spdlog::logger>("aspnet-fixer", std::make_shared<fixer::LogTextSink>(log_text));
  logger->set_level(verbose ? spdlog::level::debug : spdlog::level::info);

  fixer::Fixer fixer(backend.ports(), logger, options);
  if (diagnosis_as_found) fixer.UseDiagnosisAsFound(std::move(diagnosis_as_found));
  const bool mutates = Mutates(verb, options);
  // Where the machine goes cannot be written: said before the verb's work, whatever the verb.
  if (fixer::Status st = mutates ? backend.BeginChanges() : backend.CheckCanSave(); !st.ok()) {
    NotWritten(run, st.message());
    MaskTexts(run);
    return run;
  }
  try {
    switch (verb) {
      case Verb::kDiagnose: Diagnose(fixer, run); break;
      case Verb::kPlan: Plan(fixer, run); break;
      case Verb::kApply:
      case Verb::kResume:
      case Verb::kRollback: Act(fixer, verb, run); break;
    }
  } catch (const fixer::StopRequested& stop) {
    if (stop.before_any_change())
      StoppedBeforeChange(run, stop.what());
    else
      Interrupted(run, std::string(stop.what()) + ": the machine is as at that record, its journal pending");
  } catch (const fixer::Interruption& stop) {
    Interrupted(run, stop.what());
  }
  if (before_end) before_end();
  if (fixer::Status st = backend.EndChanges(); !st.ok() && !run.crashed) {
    if (mutates)
      EndNotDurable(backend, verb, run, st);
    else
      NotWritten(run, st.message());
  }
  run.changed = backend.Changed();
  run.log = std::move(log_text);
  MaskTexts(run);
  return run;
}

std::string RunText(const VerbRun& run) {
  TextBuffer out;
  auto to = fmt::appender(out);
  if (run.diagnosis) {
    if (run.diagnosis->ok())
      AppendDiagnosisText(out, **run.diagnosis);
    else
      fmt::format_to(to, FMT_COMPILE("Diagnosis failed: {}\n"), run.diagnosis->status().ToString());
  }
  if (run.plan) {
    if (run.plan->ok())
      AppendPlanText(out, **run.plan);
    else if (run.journal_error.empty())
      fmt::format_to(to, FMT_COMPILE("Planning failed: {}\n"), run.plan->status().ToString());
  }
  if (!run.journal_error.empty())
    fmt::format_to(to, FMT_COMPILE("Input error: {}\nOutcome: {} (exit {})\n"), run.journal_error, run.outcome,
                   fixer::ToInt(run.exit_code));
  // A result the run could not make durable is not its outcome: the interruption's line ends the report.
  if (run.result) {
    AppendRunHead(out, *run.result);
    AppendRunTail(out, *run.result, !run.crashed);
  }
  if (run.crashed) {
    const std::string machine =
        run.journal_file.empty() ? "" : " --machine " + ShellQuote(FileArgument(run.journal_file));
    fmt::format_to(to, FMT_COMPILE("Interrupted: {}\nRun `aspnet-fixer resume{}` or `aspnet-fixer rollback{}`.\n"),
                   run.crash, machine, machine);
    fmt::format_to(to, FMT_COMPILE("Outcome: {} (exit {})\n"), run.outcome, fixer::ToInt(run.exit_code));
  }
  if (!run.stopped.empty())
    fmt::format_to(to, FMT_COMPILE("Stopped: {}: nothing was changed.\nOutcome: {} (exit {})\n"), run.stopped,
                   run.outcome, fixer::ToInt(run.exit_code));
  std::string text = fmt::to_string(out);
  if (!run.not_written.empty()) text += NotWrittenText(run.not_written);
  return Shown(run, std::move(text));
}

std::string NotWrittenText(std::string_view why) { return fmt::format("Not written: {}\nNothing was changed.\n", why); }

nlohmann::json RunJson(const VerbRun& run) {
  nlohmann::json j = {
      {"command", ToString(run.verb)}, {"outcome", run.outcome}, {"exit_code", fixer::ToInt(run.exit_code)}};
  if (run.diagnosis) {
    if (run.diagnosis->ok())
      j["diagnosis"] = DiagnosisToJson(**run.diagnosis);
    else
      j["error"] = run.diagnosis->status().ToString();
  }
  if (run.plan) {
    if (run.plan->ok())
      j["plan"] = PlanToJson(**run.plan);
    else if (run.journal_error.empty())
      j["error"] = run.plan->status().ToString();
  }
  if (run.result) j["result"] = RunToJson(*run.result);
  if (run.crashed) {
    j["interrupted"] = run.crash;
    // The run's outcome and exit code are the interruption's (above): the result keeps its steps.
    if (run.result) {
      j["result"].erase("outcome");
      j["result"].erase("exit_code");
    }
  }
  if (!run.stopped.empty()) j["stopped"] = run.stopped;
  if (!run.not_written.empty()) j["not_written"] = run.not_written;
  // Exit 2, as every input error's JSON: `error` and `exit_code`.
  if (const std::string error = InputErrorOf(run); !error.empty()) j["error"] = error;
  if (run.typed_secret) MaskSecretInJson(j, run.typed_secret->Reveal());
  return j;
}

std::string ReadErrorOf(const VerbRun& run) {
  if (run.diagnosis && !run.diagnosis->ok()) return Shown(run, run.diagnosis->status().ToString());
  if (run.plan && !run.plan->ok() && run.journal_error.empty()) return Shown(run, run.plan->status().ToString());
  // apply, resume and rollback refuse a read that failed (diagnose-failed, exit 3): said there
  // too, the journal's read as diagnose and plan say it (`5: Access is denied. ...`), any other
  // as the refusal names it (`The machine could not be read: 13: The data is invalid. ...`).
  if (run.result && run.result->refusal && run.result->refusal->reason == fixer::RefusalReason::kDiagnoseFailed) {
    if (run.result->errors.empty()) return Shown(run, run.result->refusal->why);
    const fixer::StepFailure& e = run.result->errors.back();
    return Shown(run, fixer::Status(e.code, e.message).ToString());
  }
  return {};
}

std::string InputErrorOf(const VerbRun& run) {
  if (!run.not_written.empty()) return run.not_written;
  if (!run.journal_error.empty()) return run.journal_error;
  if (run.result && run.result->outcome == fixer::Outcome::kInputError && !run.result->errors.empty()) {
    const fixer::StepFailure& e = run.result->errors.back();  // "87: The parameter is incorrect. ..."
    return Shown(run, fixer::Status(e.code, e.message).ToString());
  }
  return {};
}

namespace {

// RunTranscript, with the result's head as given (`head`) or rendered here.
std::string Transcript(const VerbRun& run, const std::string_view* head) {
  // What follows the log and the given head is formatted apart: each part is then copied once,
  // into a string of its whole size, not through a growing buffer and again out of it.
  TextBuffer out;
  if (run.result) {
    if (!head) AppendRunHead(out, *run.result);
    AppendRunTail(out, *run.result);
  }
  if (run.diagnosis && run.diagnosis->ok()) AppendDiagnosisText(out, **run.diagnosis);
  if (run.plan && run.plan->ok()) AppendPlanText(out, **run.plan);
  if (!run.journal_error.empty())
    fmt::format_to(fmt::appender(out), FMT_COMPILE("Input error: {}\n"), run.journal_error);
  if (run.crashed) fmt::format_to(fmt::appender(out), FMT_COMPILE("Power lost: {}\n"), run.crash);
  if (!run.not_written.empty()) fmt::format_to(fmt::appender(out), FMT_COMPILE("Not written: {}\n"), run.not_written);
  const std::string_view given_head = run.result && head ? *head : std::string_view();
  std::string text;
  text.reserve(run.log.size() + given_head.size() + out.size());
  text.append(run.log).append(given_head).append(out.data(), out.size());
  return Shown(run, std::move(text));
}

}  // namespace

std::string RunTranscript(const VerbRun& run) { return Transcript(run, nullptr); }

std::string RunTranscript(const VerbRun& run, std::string_view result_head) { return Transcript(run, &result_head); }

}  // namespace app
