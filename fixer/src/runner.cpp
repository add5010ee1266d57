// Journaled execution, undo and forward recovery; see runner.h.
#include "runner.h"

#include <algorithm>

#include "explained_first.h"
#include "fixer/text.h"

namespace fixer {

Status Runner::Append(const std::string& step, JournalPhase phase, StepData data) {
  auto grants = std::move(data.grants);
  Status st = ctx_.ports.journal.Append({journal_.next_seq, step, phase, std::move(data), std::move(grants)});
  ++journal_.next_seq;
  if (!st.ok()) {
    return ExplainedFirst(st, Text(FMT_COMPILE("the journal could not be written ({} {})"), step, ToString(phase)));
  }
  return st;
}

Status Runner::RunOne(Step& step) {
  const std::string id(step.id());
  // The step's phase, looked up once: a pending step may have no entry yet (PhaseOf's kPending).
  StepPhase& phase = journal_.phases.try_emplace(id, StepPhase::kPending).first->second;
  StepData data;
  if (phase == StepPhase::kPending) {
    auto prepared = step.Prepare(ctx_);
    if (!prepared) return prepared.status();
    data = std::move(*prepared);
  } else {
    data = ctx_.data[id];  // begun before a crash: act on what was recorded then
  }
  if (Status st = Append(id, JournalPhase::kBegin, data); !st.ok()) return st;
  phase = StepPhase::kBegun;
  // Steps never touch ctx_.data themselves, so the step acts on the recorded copy in place.
  StepData& begun = ctx_.data[id] = std::move(data);
  Log(ctx_.log, spdlog::level::info, FMT_COMPILE("step {}: begin"), id);

  StepData done;
  if (Status st = step.Act(ctx_, begun, done); !st.ok()) return st;
  if (Status st = Append(id, JournalPhase::kDone, done); !st.ok()) return st;
  phase = StepPhase::kDone;
  for (auto& [k, v] : done) begun[k] = std::move(v);
  Log(ctx_.log, spdlog::level::info, FMT_COMPILE("step {}: done"), id);
  return {};
}

// The step that set the temporary password, when a later step needs it again after a resume.
Step* Runner::SetterBefore(size_t index) {
  for (size_t i = index; i-- > 0;) {
    if (steps_[i]->sets_temp_password()) return steps_[i].get();
  }
  return nullptr;
}

void Runner::Fail(const Step& step, const Status& st) {
  ctx_.result.errors.push_back({std::string(step.id()), st.code(), st.message()});
  Log(ctx_.log, spdlog::level::err, FMT_COMPILE("step {} failed: {}"), step.id(), st);
  ctx_.result.messages.push_back(Text(FMT_COMPILE("step {} failed: {}"), step.id(), st.ToString()));
}

Result<bool> Runner::PastPointOfNoReturn() {
  for (auto& step : steps_) {
    if (!step->irreversible()) continue;
    const std::string id(step->id());
    StepPhase phase = journal_.PhaseOf(id);
    if (phase == StepPhase::kDone) return true;
    if (phase == StepPhase::kBegun) return step->Acted(ctx_, ctx_.data[id]);
  }
  return false;
}

Outcome Runner::ClearJournal(Outcome success) {
  Status st = ctx_.ports.journal.Clear();
  if (st.ok()) return success;
  ctx_.Say(Text(FMT_COMPILE("the journal could not be removed: {}"), st));
  // A finished journal is harmless (the next run clears it); a restore that cannot be
  // recorded as complete must be looked at.
  return success == Outcome::kFixed ? success : Outcome::kNotRestored;
}

size_t Runner::IndexOf(std::string_view id) const {
  for (size_t i = 0; i < steps_.size(); ++i) {
    if (steps_[i]->id() == id) return i;
  }
  return steps_.size();
}

// A run that went forward past a failed step (after the point of no return) finished steps
// that came after it: restore-restrictions after a failed create-profile, register after a
// failed lift... Skipping those on resume would leave the repair half done (the profile logon
// with the restrictions back, the temporary password left on the account), so from where the
// failed step restarts, every later step runs again, in order. A step whose temporary effect
// was already taken back (lift-restrictions once restore-restrictions is done) re-reads the
// machine; one whose effect still stands re-acts on what it recorded. Each reopening is
// journaled before anything acts: a resume killed half way must not find the old "done"
// records of the steps it had begun to run again and take the repair for finished.
std::vector<Runner::Reopening> Runner::Reopenings() const {
  const size_t n = steps_.size();
  size_t first = 0;
  while (first < n && journal_.PhaseOf(steps_[first]->id()) == StepPhase::kDone) {
    ++first;
  }
  bool later_done = false;
  for (size_t k = first + 1; k < n; ++k) {
    if (journal_.PhaseOf(steps_[k]->id()) == StepPhase::kDone) later_done = true;
  }
  std::vector<Reopening> reopened;
  if (first >= n || !later_done) return reopened;
  const size_t start = std::min(first, IndexOf(steps_[first]->resume_from()));
  for (size_t k = start; k < n; ++k) {
    const StepPhase phase = journal_.PhaseOf(steps_[k]->id());
    if (phase == StepPhase::kPending) continue;
    const std::string_view closer = steps_[k]->closed_by();
    const bool taken_back = !closer.empty() && journal_.PhaseOf(closer) == StepPhase::kDone;
    reopened.push_back({k, taken_back || (closer.empty() && phase == StepPhase::kDone)});
  }
  return reopened;
}

Status Runner::ReopenAfterForwardFailure() {
  for (const Reopening& again : Reopenings()) {
    const std::string id(steps_[again.index]->id());
    StepData how;
    if (!again.prepare_again) how[kReopenActOn] = kReopenRecorded;
    if (Status st = Append(id, JournalPhase::kReopen, std::move(how)); !st.ok()) return st;
    // Pending: prepared again from the machine as it is; begun: acts again on what it recorded.
    journal_.phases[id] = again.prepare_again ? StepPhase::kPending : StepPhase::kBegun;
    Log(ctx_.log, spdlog::level::info, FMT_COMPILE("step {}: runs again on resume"), id);
  }
  return {};
}

std::vector<std::string> Runner::StepsForwardWouldRun() const {
  std::vector<StepPhase> phases;
  for (const auto& step : steps_) phases.push_back(journal_.PhaseOf(step->id()));
  for (const Reopening& again : Reopenings()) {
    phases[again.index] = again.prepare_again ? StepPhase::kPending : StepPhase::kBegun;
  }
  std::vector<std::string> run;
  bool password_applied = ctx_.temp_password_applied;
  for (size_t i = 0; i < steps_.size(); ++i) {
    if (phases[i] == StepPhase::kDone) continue;
    const Step& step = *steps_[i];
    if (step.needs_temp_password() && !password_applied) {
      for (size_t k = i; k-- > 0;) {  // as Forward's SetterBefore: the setter done runs again first
        if (!steps_[k]->sets_temp_password()) continue;
        if (phases[k] == StepPhase::kDone) run.emplace_back(steps_[k]->id());
        break;
      }
      password_applied = true;
    }
    if (step.sets_temp_password()) password_applied = true;
    run.emplace_back(step.id());
  }
  return run;
}

std::vector<std::string> Runner::StepsUndoWouldUndo() const {
  std::vector<std::string> undone;
  for (auto it = steps_.rbegin(); it != steps_.rend(); ++it) {
    const StepPhase phase = journal_.PhaseOf((*it)->id());
    if (phase != StepPhase::kPending && phase != StepPhase::kUndone) undone.emplace_back((*it)->id());
  }
  return undone;
}

Outcome Runner::Forward() {
  auto past = PastPointOfNoReturn();
  if (!past) {
    Fail(*steps_.front(), past.status());
    return Outcome::kNotRestored;
  }
  if (Status st = ReopenAfterForwardFailure(); !st.ok()) {
    // Nothing has acted in this run: the machine is as the last run left it.
    Fail(*steps_.front(), st);
    return Outcome::kNotRestored;
  }
  ctx_.forward_only = *past;
  bool failed = false;
  for (size_t i = 0; i < steps_.size(); ++i) {
    Step& step = *steps_[i];
    const std::string id(step.id());
    if (journal_.PhaseOf(id) == StepPhase::kDone) continue;

    Status st;
    if (step.needs_temp_password() && !ctx_.temp_password_applied) {
      // Resumed: the password set before the crash was never known to this process.
      if (Step* setter = SetterBefore(i); setter && journal_.PhaseOf(setter->id()) == StepPhase::kDone) {
        st = RunOne(*setter);
        // The setter's own failure is said as its own (2245 is set-temp-password's, not the profile's).
        if (!st.ok()) Fail(*setter, st);
      }
    }
    const bool setter_failed = !st.ok();
    if (st.ok()) st = RunOne(step);
    if (st.ok()) {
      ctx_.result.steps_done.push_back(id);
      // Past the point of no return from here on: a later failure must go forward, never
      // undo back over the delete.
      if (step.irreversible()) ctx_.forward_only = true;
      continue;
    }
    if (!setter_failed) Fail(step, st);
    failed = true;
    // A step whose "begin" record was never written did not act: it cannot have deleted
    // anything, so the run may still undo. Otherwise ask the machine.
    if (!ctx_.forward_only && step.irreversible() && journal_.PhaseOf(id) != StepPhase::kPending) {
      auto acted = step.Acted(ctx_, ctx_.data[id]);
      ctx_.forward_only = !acted || *acted;  // when unsure, never undo past a possible delete
    }
    if (ctx_.forward_only) continue;
    return UndoAll(Outcome::kFailedRestored);
  }
  if (failed) {
    ctx_.Say(
        "the old account is gone, so the repair went forward; the journal is kept: run "
        "resume to retry the failed steps");
    return Outcome::kNotRestored;
  }
  if (Status st = Append(kRunRecordStep, JournalPhase::kFinished, {}); !st.ok()) {
    ctx_.Say(st.ToString());
  }
  return ClearJournal(Outcome::kFixed);
}

Outcome Runner::UndoAll(Outcome restored) {
  bool ok = true;
  for (auto it = steps_.rbegin(); it != steps_.rend(); ++it) {
    Step& step = **it;
    const std::string id(step.id());
    // Looked up once: a step with no entry is pending (PhaseOf), and is not undone.
    const auto entry = journal_.phases.find(id);
    if (entry == journal_.phases.end()) continue;
    StepPhase& phase = entry->second;
    if (phase == StepPhase::kPending || phase == StepPhase::kUndone) continue;
    // Journal failures do not stop an undo: restoring the machine comes first.
    StepData why;
    if (restored == Outcome::kRolledBack) why[kRollbackAsked] = EncodeBool(true);
    if (Status st = Append(id, JournalPhase::kUndoBegin, std::move(why)); !st.ok()) ctx_.Say(st.ToString());
    phase = StepPhase::kUndoBegun;
    Log(ctx_.log, spdlog::level::info, FMT_COMPILE("step {}: undo"), id);
    Status st = step.Undo(ctx_, ctx_.data[id]);
    if (!st.ok()) {
      ok = false;
      ctx_.result.errors.push_back({"undo " + id, st.code(), st.message()});
      ctx_.Say(Text(FMT_COMPILE("undo of {} failed: {}"), id, st));
      continue;
    }
    if (Status js = Append(id, JournalPhase::kUndone, {}); !js.ok()) ctx_.Say(js.ToString());
    phase = StepPhase::kUndone;
    ctx_.result.steps_undone.push_back(id);
  }
  if (!ok) {
    ctx_.Say(
        "some undo failed: the machine is NOT as found; the journal is kept: run rollback "
        "to retry");
    return Outcome::kNotRestored;
  }
  return ClearJournal(restored);
}

}  // namespace fixer
