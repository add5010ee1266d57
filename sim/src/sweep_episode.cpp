// Plays the episodes of the fault sweep (sweep_episode.h): a run with its faults, the operator's
// commands after it, and the recoveries and ends earlier cases reached, taken instead of run again.
#include "sweep_episode.h"

#include <cassert>

#include "app/fixer_report.h"
#include "fakes/web_requests.h"
#include "sim/invariants.h"
#include "sim/run_context.h"

namespace sim::sweep {
namespace {

constexpr size_t kMaxRecoveryRuns = 4;  // an operator retries; a fault fires once

fakes::FaultPlan PlanFrom(const std::vector<SweepFault>& faults, uint64_t consumed) {
  fakes::FaultPlan plan;
  for (const SweepFault& f : FaultsAfter(faults, consumed)) {
    plan.Add({.op = std::nullopt, .nth = f.call, .kind = f.kind, .error = f.error});
  }
  return plan;
}

// `run` with its calls numbered `delta` later (earlier when negative): onto an episode, or back
// to a recovery's own numbering from 0.
RunOutcome Renumbered(RunOutcome run, int64_t delta) {
  run.consumed += static_cast<uint64_t>(delta);  // modulo 2^64: a negative delta subtracts
  for (fakes::MutationEvent& ev : run.trace) ev.call += static_cast<uint64_t>(delta);
  return run;
}

// The command an operator runs next after `command` ended with `exit_code` ("" when done). A
// rollback past the delete rolls forward itself: no exit 3 to turn into a resume.
std::string NextCommand(const std::string& command, fixer::ExitCode exit_code, const std::string& recovery) {
  if (exit_code == fixer::ExitCode::kNotRestored) return command == "apply" ? recovery : command;
  return "";
}

std::shared_ptr<const EndOfEpisode> EndOf(const Target& t, const fakes::MachineState& machine,
                                          std::map<std::string, int> statuses);

// The end of an episode on `machine`: an earlier episode's equal one, else worked out (and kept).
std::shared_ptr<const EndOfEpisode> EndAt(const Target& t, fakes::Machine& machine) {
  if (std::shared_ptr<const EndOfEpisode> end = t.ends.Find(machine.state())) return end;
  return EndOf(t, machine.state(), StatusOfEveryApp(machine));
}

// The exit-code promises `run` broke, `before` being the machine it found (and t.found its apply's);
// `end`, when the run ends its episode, is what the checks read there (its statuses, and unless
// fixed its difference from t.found), worked out once for the promises and the episode.
std::vector<CheckResult> BrokenPromises(const Target& t, const FixerRun& run, const fakes::MachineState& before,
                                        fakes::Machine& now, const EndOfEpisode* end) {
  std::vector<CheckResult> broken;
  for (CheckResult& c :
       ExitCodePromises(fixer::ToInt(run.exit_code), run.outcome, before, t.found.get(), now, run.verified,
                        end ? &end->statuses : nullptr, end && !end->fixed ? &end->difference : nullptr))
    if (!c.passed) broken.push_back(std::move(c));
  return broken;
}

// Whether the promise of `run`'s exit code reads the end of its episode: exit 0 (every application
// answering there) and exit 1 "failed-restored" (the machine as the apply found it). Both end it.
bool PromiseReadsTheEnd(const FixerRun& run) {
  return run.exit_code == fixer::ExitCode::kOk ||
         (run.exit_code == fixer::ExitCode::kFailed && run.outcome == fixer::ToString(fixer::Outcome::kFailedRestored));
}

// The transcript of `run`, which ran `command` on `before` (null: unknown), with a head rendered
// once: the clean apply's where it is an apply of the machine found (a fault falls on a change,
// and the first change comes after the diagnosis and the plan: the same reads of the same
// machine); a recovery's plan (no diagnosis) where it prints as the target's recoveries mostly
// do. Else rendered whole.
std::string Transcript(const Target& t, const FixerRun& run, const fakes::MachineState* before,
                       const std::string& command) {
  if (!run.result) return RunTranscript(run);
  std::string own;
  std::string_view head;
  if (command == "apply" && before == t.found.get() && t.clean_head)
    head = *t.clean_head;
  else if (command != "apply" && !run.result->diagnosis && run.result->plan)
    head = t.recovery_plan.For(*run.result->plan, own);
  else
    return RunTranscript(run);
  std::string text = RunTranscript(run, head);
  assert(text == RunTranscript(run) && "a run printed another diagnosis or plan than the head rendered once");
  return text;
}

// Runs `command` on `machine` with the faults that fall after `consumed`. `before`, when given, is
// what `machine` holds now (exit 3's promise compares with it, and so does the run's Changed()). With `snapshots`,
// keeps the machine it finds and the machine before each of its calls numbered `record_after` + 1 or later (earlier
// ones no pair case starts from) up to snapshots->last.
RunOutcome RunOne(const Target& t, fakes::Machine& machine, std::shared_ptr<const fakes::MachineState> before,
                  const std::string& command, uint64_t consumed, const std::vector<SweepFault>& faults,
                  const PortsDecoratorFactory& decorate, RunSnapshots* snapshots = nullptr, uint64_t record_after = 0,
                  std::shared_ptr<const fixer::Diagnosis> diagnosis_as_found = nullptr) {
  if (snapshots) {
    snapshots->first = std::max(consumed, record_after) + 1;
    machine.set_before_mutation([&machine, snapshots, call = consumed]() mutable {
      if (++call >= snapshots->first && call <= snapshots->last)
        snapshots->before.push_back(std::make_shared<fakes::MachineState>(machine.state()));
    });
  }
  std::unique_ptr<PortsDecorator> decorator = decorate ? decorate() : nullptr;
  FixerRun run = RunFixer(machine, command, t.options, PlanFrom(faults, consumed), false, decorator.get(), before,
                          std::move(diagnosis_as_found));
  if (snapshots) machine.set_before_mutation(nullptr);
  RunOutcome r;
  r.command = command;
  r.consumed = consumed;
  // Exit 0 and 1 end an episode: their promise and the episode's checks read the same end, an
  // earlier episode's where it ended on an equal machine.
  if (PromiseReadsTheEnd(run)) r.end = EndAt(t, machine);
  const bool exit3_changed = run.exit_code == fixer::ExitCode::kRefused && run.changed;
  if (before || !exit3_changed)  // unchanged, `machine` is what it found
    r.promises = BrokenPromises(t, run, before ? *before : machine.state(), machine, r.end.get());
  r.unchecked = !before && exit3_changed;
  r.exit_code = fixer::ToInt(run.exit_code);
  r.outcome = std::move(run.outcome);
  r.text = std::make_shared<const std::string>(Transcript(t, run, before.get(), command));
  r.trace = std::move(run.trace);
  for (fakes::MutationEvent& ev : r.trace) ev.call += consumed;
  return r;
}

// A power loss at episode call `call` inside `cut`, where nothing differs from `cut` before that
// call: the run stops there with no report and no promise. Its transcript is a prefix of
// `cut`'s, which stands for it in the checks (no secret in any text: a longer text only finds more).
RunOutcome CutShort(const std::string& command, uint64_t consumed, std::shared_ptr<const std::string> text,
                    const std::vector<fakes::MutationEvent>& trace, uint64_t call) {
  RunOutcome r;
  r.command = command;
  r.consumed = consumed;
  r.exit_code = fixer::ToInt(fixer::ExitCode::kNotRestored);
  r.outcome = "interrupted";
  r.text = std::move(text);
  r.trace.assign(trace.begin(), trace.begin() + static_cast<std::ptrdiff_t>(call - consumed));
  return r;
}

// The machine the clean apply had just before call `call` (1-based), its window recorded by
// running the clean apply again the first time a case asks (a run without faults does the same
// again); null past the apply's last call.
sweep::BeforeCallWindows::Slot BeforeCall(const Target& t, uint64_t call, const PortsDecoratorFactory& decorate) {
  return t.before_call.Before(call, [&t, &decorate](uint64_t first, uint64_t last) {
    sweep::BeforeCallWindows::Machines before;
    fakes::Machine clean(*t.found);
    uint64_t calls = 0;
    clean.set_before_mutation([&] {
      if (++calls >= first && calls <= last) before.emplace_back(clean.state());
    });
    std::unique_ptr<PortsDecorator> decorator = decorate ? decorate() : nullptr;
    RunFixer(clean, "apply", t.options, {}, false, decorator.get(), t.found, t.diagnosis);
    assert(calls == t.clean_trace.size() && "the clean apply ran differently the second time");
    return before;
  });
}

// The operator's commands from `command` on, until one ends the episode (or an operator stops
// retrying), each recorded with its snapshots when `record`. A run copies the machine it finds
// only to record it or with `copy_found` (see RunOutcome::unchecked); `found`, when given, is what
// `machine` holds now, and the first run compares with it instead of copying.
void Continue(const Target& t, fakes::Machine& machine, Episode& e, std::string command,
              const std::vector<SweepFault>& faults, const std::string& recovery, const PortsDecoratorFactory& decorate,
              bool record, bool copy_found, SnapshotCalls window = {},
              std::shared_ptr<const fakes::MachineState> found = nullptr) {
  while (!command.empty() && e.runs.size() <= kMaxRecoveryRuns) {  // runs[0] is the apply
    std::shared_ptr<const fakes::MachineState> before = std::move(found);
    if (!before && (record || copy_found)) before = std::make_shared<const fakes::MachineState>(machine.state());
    RunSnapshots snapshots;
    snapshots.last = window.upto;
    e.runs.push_back(RunOne(t, machine, before, command, e.calls(), faults, decorate, record ? &snapshots : nullptr,
                            window.from - 1));
    if (record) {
      snapshots.start = std::move(before);
      e.snapshots.push_back(std::move(snapshots));
    }
    command = NextCommand(command, fixer::ExitCode{e.exit_code()}, recovery);
  }
  const RunOutcome& last = e.runs.back();
  e.end = last.end ? last.end : EndAt(t, machine);
}

// The episode's recovery from `start` with `command`: the one an earlier case ran from the same
// machine with the same faults to come when `cache` holds it (the episode is then `reused`), else
// run and kept there. Without a cache, run.
void ContinueFrom(const Target& t, RecoveryStart& start, Episode& e, const std::string& command,
                  const std::vector<SweepFault>& faults, const std::string& recovery,
                  const PortsDecoratorFactory& decorate, RecoveryCache* cache) {
  if (!cache || command.empty()) {
    fakes::Machine machine = start.Take();
    Continue(t, machine, e, command, faults, recovery, decorate, false, false);
    return;
  }
  const uint64_t base = e.calls();
  RecoveryKey key{command, recovery, e.runs.size(), FaultsAfter(faults, base)};
  if (const Recovery* r = cache->Find(start.Now(), start.Fingerprint(), key)) {
    for (const RunOutcome& run : r->runs) e.runs.push_back(Renumbered(run, static_cast<int64_t>(base)));
    e.end = r->end;
    e.reused = true;
    return;
  }
  if (!start.kept) start.Keep(cache);
  const std::shared_ptr<const fakes::MachineState> from = start.kept;
  const size_t first = e.runs.size();
  fakes::Machine machine = start.Take();
  Continue(t, machine, e, command, faults, recovery, decorate, false, false, {}, from);
  if (e.unchecked()) return;  // runs again with copies
  Recovery kept{{}, e.end};
  for (size_t i = first; i < e.runs.size(); ++i)
    kept.runs.push_back(Renumbered(e.runs[i], -static_cast<int64_t>(base)));
  cache->Keep(from, start.Fingerprint(), std::move(key), std::move(kept));
}

// What the checks read of `machine` alone, `statuses` being what each application answers there.
std::shared_ptr<const EndOfEpisode> EndOf(const Target& t, const fakes::MachineState& machine,
                                          std::map<std::string, int> statuses) {
  auto end = std::make_shared<EndOfEpisode>();
  // A copy, made at once, is kept rather than the machine itself: the run's machine lies among
  // its run's freed temporaries, and kept for the sweep it held their pages (with mimalloc a
  // third more memory, and a page fault for each page in the next sweep).
  end->machine = std::make_shared<const fakes::MachineState>(machine);
  const fakes::MachineState& now = *end->machine;
  end->statuses = std::move(statuses);
  end->fixed = true;  // every application a clean apply brings to 200 answers 200 (one not probed does not)
  for (const auto& [app, status] : t.fixed_statuses) {
    const auto it = end->statuses.find(app);
    if (status == 200 && (it == end->statuses.end() || it->second != 200)) end->fixed = false;
  }
  end->checks = {ServicesAsFound(*t.found, now), GrantsStillWork(*t.found, now, kWorkerAccount), t.widening->Check(now),
                 WorkerSecretNotWorse(*t.found, now, kWorkerAccount), SiteNotWorse(t.found_statuses, end->statuses)};
  if (!end->fixed) end->difference = FirstDifference(*t.found, now);
  end->secrets.emplace(*t.found, now, t.known_secrets);
  end->secret_in_clean_text = end->secrets->In(*t.clean_text);
  t.ends.Keep(end);
  return end;
}

}  // namespace

RunOutcome CutShort(const RunOutcome& cut, uint64_t call) {
  return CutShort(cut.command, cut.consumed, cut.text, cut.trace, call);
}

// A power loss at call N with no fault before it leaves the machine as the clean apply had it
// just before call N, so that is taken instead of running the apply again up to N (moved out
// when no other case reads it: `last_reader`; a case run again then runs the apply). Without
// `from_snapshot` (a replay, to print its real transcript; a sweep that shares no run) it runs the
// apply. With `snapshots`, the apply keeps the machine before each of its calls after the first
// fault, for the pair cases.
Applied RunApply(const Target& t, const std::vector<SweepFault>& faults, bool from_snapshot, bool last_reader,
                 const PortsDecoratorFactory& decorate, RunSnapshots* snapshots, uint64_t record_from) {
  const SweepFault first = faults.empty() ? SweepFault{} : faults.front();
  sweep::BeforeCallWindows::Slot before;
  if (from_snapshot && first.kind == fakes::FaultKind::kCrash && first.call >= 1 && first.call <= t.clean_trace.size())
    before = BeforeCall(t, first.call, decorate);
  if (before.machine && *before.machine) {
    std::optional<fakes::MachineState>& cut = *before.machine;
    Applied applied{CutShort("apply", 0, t.clean_text, t.clean_trace, first.call),
                    last_reader ? std::move(*cut) : *cut};
    if (last_reader) cut.reset();
    return applied;
  }
  fakes::Machine machine(*t.found);
  RunOutcome run = RunOne(t, machine, t.found, "apply", 0, faults, decorate, snapshots,
                          std::max(first.call, record_from - 1), from_snapshot ? t.diagnosis : nullptr);
  return {std::move(run), std::move(machine.state())};
}

// The operator's recovery after the apply `apply`, from `start` (what it left), with the faults
// numbered over the whole episode; recorded with snapshots, or shared through `cache`.
Episode Recover(const Target& t, RunOutcome apply, RecoveryStart& start, const std::vector<SweepFault>& faults,
                const std::string& recovery, const PortsDecoratorFactory& decorate, bool record, bool copy_found,
                RecoveryCache* cache, SnapshotCalls window) {
  Episode e;
  e.runs.push_back(std::move(apply));
  if (record) e.snapshots.resize(1);
  const std::string next = NextCommand("apply", fixer::ExitCode{e.exit_code()}, recovery);
  if (record || copy_found) {
    fakes::Machine machine = start.Take();
    Continue(t, machine, e, next, faults, recovery, decorate, record, copy_found, window);
  } else {
    ContinueFrom(t, start, e, next, faults, recovery, decorate, cache);
  }
  return e;
}

// The episode of a pair case whose second fault falls in a recovery run of `recorded` (the
// episode of its first fault alone): the runs before it are the same, and that run starts from
// its snapshot (a power loss: from the machine just before that call, which it takes: no other
// pair case reads it). Nothing when the second fault falls after the episode's last call: the
// pair's episode is `recorded` itself.
std::optional<Episode> ResumeFromSnapshot(const Target& t, Episode& recorded, const std::vector<SweepFault>& faults,
                                          const std::string& recovery, const PortsDecoratorFactory& decorate) {
  const SweepFault& second = faults.back();
  for (size_t k = 1; k < recorded.runs.size(); ++k) {
    const RunOutcome& cut = recorded.runs[k];
    if (second.call <= cut.consumed || second.call > cut.consumed + cut.trace.size()) continue;
    RunSnapshots& at = recorded.snapshots[k];
    Episode e;
    e.runs.assign(recorded.runs.begin(), recorded.runs.begin() + static_cast<std::ptrdiff_t>(k));
    RecoveryStart start;
    if (second.kind == fakes::FaultKind::kCrash) {
      assert(second.call >= at.first && second.call - at.first < at.before.size() && at.before[second.call - at.first]);
      start.machine.emplace(std::move(*at.before[second.call - at.first]));  // no other case reads it
      e.runs.push_back(CutShort(cut, second.call));
    } else {
      start.machine.emplace(*at.start);
      e.runs.push_back(RunOne(t, *start.machine, at.start, cut.command, cut.consumed, faults, decorate));
    }
    ContinueFrom(t, start, e, NextCommand(cut.command, fixer::ExitCode{e.exit_code()}, recovery), faults, recovery,
                 decorate, nullptr);
    return e;
  }
  return std::nullopt;
}

std::string CallText(const fakes::MutationEvent& call) {
  return call.op + (call.target.empty() ? "" : " " + call.target);
}

std::string FaultPlaces(const std::vector<SweepFault>& faults, const Episode& e) {
  std::string out;
  for (const SweepFault& f : faults) {
    if (!out.empty()) out += "; ";
    out += FormatFaults({f}) + " ";
    const fakes::MutationEvent* at = e.Call(f.call);
    out += at ? CallText(*at) : "(not reached)";
  }
  return out;
}

}  // namespace sim::sweep
