// Fixer: Apply, Resume and Rollback around the runner; Diagnose and MakePlan live in
// diagnose.cpp and plan.cpp.
#include "fixer/fixer.h"

#include <optional>
#include <string_view>

#include <spdlog/sinks/null_sink.h>

#include "diagnose_parts.h"
#include "explained_first.h"
#include "fixer/text.h"
#include "journal_replay.h"
#include "refusals.h"
#include "runner.h"

namespace fixer {
namespace {

RunResult Refused(RunResult r, Refusal refusal, Outcome outcome = Outcome::kRefused) {
  r.messages.push_back(refusal.why);
  r.messages.push_back(refusal.instead);
  r.refusal = std::move(refusal);
  r.outcome = outcome;
  return r;
}

RunResult InputError(RunResult r, const Status& st) {
  r.outcome = Outcome::kInputError;
  r.errors.push_back({"journal", st.code(), st.message()});
  r.messages.push_back(st.message());
  return r;
}

// A journal that did not load, before anything changed. One this fixer will not act on (edited by
// hand) is the user's input (exit 2); a read that failed with a Windows error is no input of
// theirs: the machine could not be read, refused as any failed read (exit 3, diagnose-failed).
RunResult JournalNotLoaded(RunResult r, const Status& st) {
  if (IsUnreadableJournal(st)) return InputError(std::move(r), st);
  r.errors.push_back({"journal", st.code(), st.message()});  // which read failed: "journal: 5: Access is denied."
  return Refused(std::move(r), DiagnoseFailed(st));
}

// What resume and rollback both start from: an administrator and a journal this fixer wrote.
struct OpenedJournal {
  JournalReplay journal;
  Steps steps;
};

// The SID the account `name` has now; nullopt when there is no such account (or it cannot be
// read: the run says what it finds).
std::optional<Sid> SidOfAccount(Accounts& accounts, const std::string& name) {
  auto account = accounts.Lookup(name);
  if (!account) return std::nullopt;
  return account->sid;
}

// The opened journal; or nothing, with `r` saying how the run ends here (refused, a journal
// read that failed among them; an input error, a journal this fixer will not act on; or
// kNothingToDo: there is no journal).
std::optional<OpenedJournal> OpenJournal(Ports& ports, const Options& options, RunResult& r) {
  auto caller = ports.inventory.Caller();
  if (!caller) {
    r = Refused(std::move(r), DiagnoseFailed(caller.status()));
    return std::nullopt;
  }
  if (!caller->is_admin) {
    r = Refused(std::move(r), NotAdministrator(*caller));
    return std::nullopt;
  }
  auto records = ports.journal.Load();
  if (!records) {
    r = JournalNotLoaded(std::move(r), records.status());
    return std::nullopt;
  }
  if (records->empty()) {
    r.outcome = Outcome::kNothingToDo;  // the caller looks at the site before it says so
    return std::nullopt;
  }
  std::optional<JournalProblem> services = CheckJournalServicesThrough(*records, ports.services);
  auto journal = ReplayJournal(std::move(*records));
  if (!journal) {
    r = InputError(std::move(r), journal.status());
    return std::nullopt;
  }
  // The journal's step ids are these (CheckJournal); a temporary password is this run's (none is journaled).
  Steps steps = BuildSteps(journal->strategy, TempPasswordFromOf(options));
  if (auto problem = IdentityProblem(*journal, SidOfAccount(ports.accounts, journal->account))) services = problem;
  if (services) {
    r = InputError(std::move(r), UnreadableJournal(*services));
    return std::nullopt;
  }
  return OpenedJournal{std::move(*journal), std::move(steps)};
}

// A dry run of resume or rollback, its steps to run or undo in `r`: nothing changed.
RunResult DryRun(RunResult r) {
  r.outcome = Outcome::kPlanned;
  r.messages.push_back("dry run: nothing was changed");
  return r;
}

Plan PlanFromJournal(const JournalReplay& j, const Steps& steps) {
  Plan plan;
  plan.strategy = j.strategy;
  plan.account = j.account;
  plan.sid = j.sid;
  plan.steps = DescribeSteps(steps, nullptr);
  return plan;
}

}  // namespace

Fixer::Fixer(Ports& ports, std::shared_ptr<spdlog::logger> log, Options options)
    : ports_(ports),
      log_(log ? std::move(log)
               : std::make_shared<spdlog::logger>("fixer", std::make_shared<spdlog::sinks::null_sink_mt>())),
      options_(std::move(options)) {}

RunResult Fixer::Apply() {
  RunResult r;
  if (diagnosis_as_found_) {
    r.diagnosis = *diagnosis_as_found_;
    LogDiagnosis(*r.diagnosis);
  } else {
    auto d = Diagnose();
    if (!d) return Refused(std::move(r), DiagnoseFailed(d.status()));
    r.diagnosis = std::move(*d);  // not copied: a million ACEs may be in its scope
  }
  const Diagnosis& diag = *r.diagnosis;
  JournalHolds holds = JournalHolds::kNothing;
  if (diag.verdict != Verdict::kNotAdmin) {
    auto read = ReadJournal();
    if (!read) return JournalNotLoaded(std::move(r), read.status());
    holds = read->holds;
    if (holds == JournalHolds::kUnfinishedRun) {
      MarkRepairPending(*r.diagnosis, std::move(*read->pending));  // its findings are that run's
      return Refused(std::move(r), JournalPending(), Outcome::kNotRestored);
    }
  }
  auto made = MakePlanFor(diag, holds);
  if (!made) return Refused(std::move(r), DiagnoseFailed(made.status()));
  r.plan = std::move(*made);
  const Plan* plan = &*r.plan;  // r keeps it
  if (plan->refusal) {
    Refusal refusal = *plan->refusal;  // copied before r moves
    return Refused(std::move(r), std::move(refusal));
  }
  if (plan->nothing_to_do) {
    r.outcome = Outcome::kNothingToDo;
    r.messages.push_back(Text(FMT_COMPILE("nothing to do: this fixer already repaired {} ({}) and every "
                                          "ASP.NET 1.0 application answers"),
                              diag.worker.account, diag.worker.sid));
    Log(*log_, spdlog::level::info, r.messages.back());
    for (std::string& m : FixedButLeftMessages(diag, false)) r.messages.push_back(std::move(m));
    return r;
  }
  // The plan's steps and what they also repair are r.plan's, which every report prints: the log
  // alone says them again, as the run begins.
  for (const PlanStep& s : plan->steps)
    Log(*log_, spdlog::level::info, FMT_COMPILE("plan {}: {} (undo: {})"), s.id, s.action, s.undo);
  for (const std::string& repair : plan->repairs)
    Log(*log_, spdlog::level::info, FMT_COMPILE("plan also repairs: {}"), repair);
  // A finished run whose journal was not removed: nothing to resume, but in the way of this run's
  // journal. Removed only now that there is work to do: a refusal (exit 3) and "nothing to do"
  // leave the machine exactly as found.
  if (holds == JournalHolds::kFinishedRun) {
    if (options_.dry_run) {
      r.messages.push_back("the journal of a run that had finished would be removed");
    } else if (Status st = ports_.journal.Clear(); !st.ok()) {
      return Refused(std::move(r), JournalPending(), Outcome::kNotRestored);
    } else {
      r.messages.push_back("the journal of a run that had finished is removed");
    }
  }
  if (options_.dry_run) {
    r.outcome = Outcome::kPlanned;
    r.messages.push_back("dry run: nothing was changed");
    return r;
  }

  Steps steps = BuildSteps(options_.strategy, TempPasswordFromOf(options_));
  JournalReplay journal;
  journal.strategy = options_.strategy;
  journal.account = plan->account;
  journal.sid = plan->sid;
  journal.next_seq = 1;
  RepairContext ctx(ports_, *log_, options_, plan->account, plan->sid, r);
  if (Status st = ports_.journal.Append(PlanRecord(options_.strategy, plan->account, plan->sid)); !st.ok()) {
    const Status said = ExplainedFirst(st, "the journal cannot be written, so nothing was changed");
    r.errors.push_back({"journal", said.code(), said.message()});
    r.messages.push_back(said.ToString());
    r.outcome = Outcome::kFailedRestored;
    return r;
  }
  Runner runner(ctx, steps, journal);
  r.outcome = runner.Forward();
  if (r.outcome == Outcome::kFixed) {
    for (std::string& m : FixedButLeftMessages(diag, options_.strategy == Strategy::kRecreate)) {
      Log(*log_, spdlog::level::info, m);
      r.messages.push_back(std::move(m));
    }
  }
  return r;
}

Result<Fixer::JournalRead> Fixer::ReadJournal() {
  auto records = ports_.journal.Load();
  if (!records) return records.status();
  if (records->empty()) return JournalRead{};
  std::optional<JournalProblem> services = CheckJournalServicesThrough(*records, ports_.services);
  auto replay = ReplayJournal(std::move(*records));
  if (!replay) return replay.status();
  // A journal resume and rollback would refuse (a hand-edited plan SID, a service list naming
  // another service) is no run left pending: every verb says it as they do, not "run resume".
  if (auto problem = IdentityProblem(*replay, SidOfAccount(ports_.accounts, replay->account)))
    return UnreadableJournal(*problem);
  if (services) return UnreadableJournal(*services);
  if (replay->finished || replay->AllDone()) return JournalRead{.holds = JournalHolds::kFinishedRun};
  return JournalRead{.holds = JournalHolds::kUnfinishedRun, .pending = PendingOf(std::move(*replay))};
}

PendingRepair Fixer::PendingOf(JournalReplay journal) {
  PendingRepair p{.strategy = journal.strategy,
                  .account = journal.account,
                  .sid = journal.sid,
                  .undoing = journal.AnyUndo(),
                  .rollback_asked = journal.rollback_asked};
  Steps steps = BuildSteps(journal.strategy, TempPasswordFromOf(options_));
  for (const auto& step : steps) {
    const StepPhase phase = journal.PhaseOf(step->id());
    (phase == StepPhase::kDone || phase == StepPhase::kUndoBegun ? p.done : p.left).emplace_back(step->id());
    if (phase == StepPhase::kBegun) p.begun.emplace_back(step->id());  // it may have acted
  }
  // Rollback's own question (Fixer::Rollback): a read that fails leaves it unsaid, as "undoes".
  RunResult scratch;
  RepairContext ctx(ports_, *log_, options_, journal.account, journal.sid, scratch);
  ctx.data = journal.data;
  Runner runner(ctx, steps, journal);
  const Result<bool> past = runner.PastPointOfNoReturn();
  p.past_point_of_no_return = past.ok() && *past;
  return p;
}

Result<Fixer::JournalHolds> Fixer::ReadJournalState() {
  auto read = ReadJournal();
  if (!read) return read.status();
  return read->holds;
}

Result<std::optional<PendingRepair>> Fixer::ReadPendingRepair() {
  auto read = ReadJournal();
  if (!read) return read.status();
  return std::move(read->pending);
}

RunResult Fixer::Resume() {
  RunResult r;
  auto opened = OpenJournal(ports_, options_, r);
  if (!opened) return r.outcome == Outcome::kNothingToDo ? NothingTo(std::move(r), "resume") : r;
  JournalReplay& journal = opened->journal;
  Steps& steps = opened->steps;
  r.plan = PlanFromJournal(journal, steps);
  if (journal.finished || journal.AllDone()) return FinishedRun(std::move(r));
  // Going forward sets the operator's temporary password where a step needs it: one the policy
  // rejects is refused now, as apply refuses it, before any change and with the journal kept.
  if (!journal.AnyUndo()) {
    if (auto refused = RefuseTempPassword(r, journal.account, "resume")) return std::move(*refused);
  }
  RepairContext ctx(ports_, *log_, options_, journal.account, journal.sid, r);
  ctx.data = std::move(journal.data);  // the runner reads the phases only
  Runner runner(ctx, steps, journal);
  if (options_.dry_run) {
    if (journal.AnyUndo()) {
      r.steps_to_undo = runner.StepsUndoWouldUndo();
      r.messages.push_back("the journaled run was being undone: resume would finish the undo");
    } else {
      r.steps_to_run = runner.StepsForwardWouldRun();
    }
    return DryRun(std::move(r));
  }
  if (journal.AnyUndo()) {
    // No step failed in an interrupted rollback: finishing it is a rollback's end, exit 0.
    r.messages.push_back(journal.rollback_asked ? "the journaled run was being rolled back; finishing the rollback"
                                                : "the journaled run was being undone; finishing the undo");
    r.outcome = runner.UndoAll(journal.rollback_asked ? Outcome::kRolledBack : Outcome::kFailedRestored);
  } else {
    r.messages.push_back("resuming the journaled run");
    r.outcome = runner.Forward();
  }
  return r;
}

RunResult Fixer::FinishedRun(RunResult r) {
  // Exit 0 promises a working site, and the machine may have changed since the run finished
  // (an administrator revoked a right before this resume or rollback): look again before saying
  // "fixed". A refusal (exit 3) changes nothing, the journal included: it is removed only then.
  auto d = Diagnose();
  if (!d) return Refused(std::move(r), DiagnoseFailed(d.status()));
  // Every page of none answers: no promise an exit 0 could keep.
  if (d->applications_on_10.empty()) {
    r.messages.push_back("the journaled run had finished; its journal stays");
    // Made before `r` is moved: a parameter's initialisation order is unspecified.
    // No ASP.NET 1.0 left: no worker was read, and ASPNET is the one its repair knew.
    Refusal refusal = NoApplicationNow(r.plan           ? r.plan->account
                                       : d->worker.read ? d->worker.account
                                                        : std::string(kMachineWorkerAccount));
    return Refused(std::move(r), std::move(refusal));
  }
  if (!d->EveryApplicationAnswers()) {
    r.messages.push_back("the journaled run had finished; its journal stays until every page answers");
    return Refused(std::move(r), StillFails(*d));
  }
  if (options_.dry_run) {  // a dry run removes nothing
    r.messages.push_back("the journaled run had finished; its journal would be removed");
    r.outcome = Outcome::kPlanned;
    r.messages.push_back("dry run: nothing was changed");
    return r;
  }
  r.messages.push_back("the journaled run had finished; its journal is removed");
  if (Status st = ports_.journal.Clear(); !st.ok()) {
    r.messages.push_back(Text(FMT_COMPILE("the journal could not be removed: {}"), st));
    r.outcome = Outcome::kNotRestored;
    return r;
  }
  r.outcome = Outcome::kFixed;
  return r;
}

std::optional<RunResult> Fixer::RefuseTempPassword(RunResult& r, const std::string& account, std::string_view verb) {
  auto rejected = TempPasswordRefusal(account);
  if (!rejected) return Refused(std::move(r), DiagnoseFailed(rejected.status()));
  if (!*rejected) return std::nullopt;
  Refusal refusal = std::move(**rejected);
  if (r.plan) r.plan->refusal = refusal;  // said as apply's plan says it
  r.messages.push_back(Text(FMT_COMPILE("nothing was changed and the journal stays: run {} again with a temporary "
                                        "password the policy accepts, or without --temp-password"),
                            verb));
  return Refused(std::move(r), std::move(refusal));
}

RunResult Fixer::NothingTo(RunResult r, std::string_view verb) {
  // Exit 0 promises a working site even when there was nothing to do: look before saying so.
  auto d = Diagnose();
  if (!d) return Refused(std::move(r), DiagnoseFailed(d.status()));
  // "Every application answers" of no application would be vacuous: apply refuses such a machine too.
  if (d->applications_on_10.empty()) return Refused(std::move(r), NoApplicationToCheck(verb));
  if (!d->EveryApplicationAnswers()) return Refused(std::move(r), NoJournal(verb, *d));
  r.outcome = Outcome::kNothingToDo;
  r.messages.push_back(Text(FMT_COMPILE("no journal: nothing to {}; every ASP.NET 1.0 application answers"), verb));
  return r;
}

RunResult Fixer::Rollback() {
  RunResult r;
  auto opened = OpenJournal(ports_, options_, r);
  if (!opened) return r.outcome == Outcome::kNothingToDo ? NothingTo(std::move(r), "roll back") : r;
  JournalReplay& journal = opened->journal;
  Steps& steps = opened->steps;
  r.plan = PlanFromJournal(journal, steps);
  // Every step done (the run was cut off before it removed its journal): the repair is as
  // finished as one that removed its journal, where rollback finds nothing to roll back. The site
  // may have changed since: look at it, as resume does (exit 0, or 3 keeping the journal).
  if (journal.finished || journal.AllDone()) {
    r.messages.push_back("the journaled run had finished: there is nothing to roll back");
    return FinishedRun(std::move(r));
  }
  RepairContext ctx(ports_, *log_, options_, journal.account, journal.sid, r);
  ctx.data = std::move(journal.data);  // the runner reads the phases only
  Runner runner(ctx, steps, journal);
  auto past = runner.PastPointOfNoReturn();
  if (!past) return Refused(std::move(r), DiagnoseFailed(past.status()));
  if (*past) {
    // Exit 3 would claim nothing changed, and the old SID cannot return: finish the repair
    // forward instead (a working account, services as found), or say what is left (exit 4).
    r.messages.push_back(Text(FMT_COMPILE("the run already deleted {}: its old SID cannot come back, so "
                                          "the machine cannot be restored as found; rolling forward "
                                          "instead (the new account, its grants re-granted, the "
                                          "services as found)"),
                              journal.account));
    if (auto refused = RefuseTempPassword(r, journal.account, "rollback")) return std::move(*refused);
    if (options_.dry_run) {
      r.steps_to_run = runner.StepsForwardWouldRun();
      return DryRun(std::move(r));
    }
    r.outcome = runner.Forward();
    r.messages.push_back(r.outcome == Outcome::kFixed ? "rolled forward: the repair is finished and verified"
                                                      : "rolling forward stopped: the journal is kept; run resume");
    return r;
  }
  if (options_.dry_run) {
    r.steps_to_undo = runner.StepsUndoWouldUndo();
    return DryRun(std::move(r));
  }
  r.outcome = runner.UndoAll(Outcome::kRolledBack);
  return r;
}

}  // namespace fixer
