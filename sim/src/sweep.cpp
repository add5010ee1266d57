// The fault sweep (sweep.h): targets, cases, episodes and the checks after each.
#include "sim/sweep.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include "app/fixer_report.h"
#include "fakes/load_result.h"
#include "fakes/web_requests.h"
#include "sim/invariants.h"
#include "sim/machine_diff.h"
#include "sim/plan_text.h"
#include "sim/run_context.h"
#include "sim/shell_words.h"
#include "sim/steps.h"
#include "sweep_before_call.h"
#include "sweep_detail.h"

namespace sim {
namespace {

constexpr size_t kMaxRecoveryRuns = 4;  // an operator retries; a fault fires once

// One `fixer: apply` step of a scenario, with the machine as that step finds it.
struct Target {
  std::string file;
  size_t step = 0;
  fixer::Options options;
  std::vector<std::string> known_secrets;
  // What its cases read, let go with its last group (GroupDone) as the snapshots and ends are:
  mutable std::shared_ptr<const fakes::MachineState> found;  // shared: each apply's run compares with it, no copy
  mutable std::map<std::string, int> found_statuses;         // what each app answered before the fixer ran
  mutable std::map<std::string, int> fixed_statuses;         // what the clean apply leaves each app answering
  mutable std::vector<fakes::MutationEvent> clean_trace;
  mutable std::shared_ptr<const std::string> clean_text;  // the clean apply's transcript
  // Its diagnosis and plan as its transcript prints them (app::RenderRunHead): an apply works both
  // out before its first change, so every apply of `found` prints these, whatever its faults.
  // None when the clean apply printed no result: an apply's head is then rendered whole.
  mutable std::optional<std::string> clean_head;
  mutable PlanTextOnce recovery_plan;  // what its resume and rollback runs print as their plan
  // The clean apply itself ends not restored (a recreate whose site cannot answer once the old
  // account is gone): exit 4 is then what an episode of it may end with too.
  bool clean_not_restored = false;
  // The machine just before each mutating call of the clean apply: what an apply with no earlier
  // fault leaves when the power goes at that call. Recorded a window at a time by the first case
  // that reads it (BeforeCall), not with the clean apply: every target's at once made the
  // sweep's peak memory, and a page fault for each of its pages. In a single-fault sweep only
  // the case of that power loss reads an element, and takes it (each is one worker's: mutable).
  mutable sweep::BeforeCallWindows before_call;
  mutable std::optional<GrantWidening> widening;  // NoGrantWidened against `found`, worked out once
  mutable sweep::EndCache ends;                   // where its episodes ended, with what their checks read there
  mutable std::atomic<size_t> groups_left{0};     // of its cases' groups (CallGroups), still to run

  // After its last group: what only its cases read is let go (the sweep's memory would hold every
  // target's, and take a page fault for each new page; a later target's machines take its pages).
  // Only `file` and `step` are read after that (the report).
  void GroupDone() const {
    if (--groups_left > 0) return;
    ends.Clear();
    before_call.Clear();
    found.reset();
    found_statuses.clear();
    fixed_statuses.clear();
    clean_trace.clear();
    clean_trace.shrink_to_fit();
    clean_text.reset();
    clean_head.reset();
    recovery_plan.Clear();
    widening.reset();
  }
};

struct Case {
  const Target* target = nullptr;
  std::vector<SweepFault> faults;
};

using sweep::EndOfEpisode;
using sweep::FaultsAfter;
using sweep::Recovery;
using sweep::RecoveryCache;
using sweep::RecoveryKey;
using sweep::RunOutcome;

// The episode calls whose snapshots are kept, from..upto: a window of
// SweepOptions::snapshot_window_calls, so a single case's pair cases hold that many machines at
// once, not one per call of a long episode (a recreate of a large machine); a pair case past the
// window records the next one by running its single case again.
struct SnapshotCalls {
  uint64_t from = 1, upto = UINT64_MAX;
};
// None: without power losses no pair case starts from a snapshot (a second fault's error runs
// its run again).
constexpr SnapshotCalls kNoSnapshots{.from = 1, .upto = 0};

// The machines one run passed through, kept while a single case's pair cases run: a pair case
// whose second fault falls in this run starts from them instead of running the episode again.
struct RunSnapshots {
  std::shared_ptr<const fakes::MachineState> start;  // what the run found
  uint64_t first = 1;                                // before[i] is the machine just before episode call first + i
  uint64_t last = UINT64_MAX;                        // ... up to this call: no pair case names a later one
  // Shared: a RecoveryCache may keep one of the apply's. A recovery run's are each read by one pair
  // case (a power loss at that call), which takes it (ResumeFromSnapshot).
  std::vector<std::shared_ptr<fakes::MachineState>> before;
};

// An apply and the operator's recovery (resume, or rollback then resume if rollback cannot go
// back), with the faults numbered over the whole episode.
struct Episode {
  std::vector<RunOutcome> runs;             // the apply first
  std::vector<RunSnapshots> snapshots;      // beside runs when recorded (the apply's stays empty)
  std::shared_ptr<const EndOfEpisode> end;  // shared with the target's EndCache and the recovery cache
  bool reused = false;                      // its recovery runs are an earlier case's (RecoveryCache), not run again

  int exit_code() const { return runs.back().exit_code; }
  const std::string& outcome() const { return runs.back().outcome; }
  uint64_t calls() const { return runs.back().consumed + runs.back().trace.size(); }
  bool unchecked() const {
    return std::any_of(runs.begin(), runs.end(), [](const RunOutcome& r) { return r.unchecked; });
  }
  const fakes::MutationEvent* Call(uint64_t call) const {
    for (const RunOutcome& r : runs)
      if (call > r.consumed && call <= r.consumed + r.trace.size()) return &r.trace[call - r.consumed - 1];
    return nullptr;
  }
};

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

// What a case's apply left, run once and shared by its episode with resume and with rollback.
struct Applied {
  RunOutcome run;
  fakes::MachineState machine;
};

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
                  const PortsDecoratorFactory& decorate, RunSnapshots* snapshots = nullptr, uint64_t record_after = 0) {
  if (snapshots) {
    snapshots->first = std::max(consumed, record_after) + 1;
    machine.set_before_mutation([&machine, snapshots, call = consumed]() mutable {
      if (++call >= snapshots->first && call <= snapshots->last)
        snapshots->before.push_back(std::make_shared<fakes::MachineState>(machine.state()));
    });
  }
  std::unique_ptr<PortsDecorator> decorator = decorate ? decorate() : nullptr;
  FixerRun run = RunFixer(machine, command, t.options, PlanFrom(faults, consumed), false, decorator.get(), before);
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
RunOutcome CutShort(const RunOutcome& cut, uint64_t call) {
  return CutShort(cut.command, cut.consumed, cut.text, cut.trace, call);
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
    RunFixer(clean, "apply", t.options, {}, false, decorator.get(), t.found);
    assert(calls == t.clean_trace.size() && "the clean apply ran differently the second time");
    return before;
  });
}

// A power loss at call N with no fault before it leaves the machine as the clean apply had it
// just before call N, so that is taken instead of running the apply again up to N (moved out
// when no other case reads it: `last_reader`; a case run again then runs the apply). Without
// `from_snapshot` (a replay, to print its real transcript; a sweep that shares no run) it runs the
// apply. With `snapshots`, the apply keeps the machine before each of its calls after the first
// fault, for the pair cases.
Applied RunApply(const Target& t, const std::vector<SweepFault>& faults, bool from_snapshot, bool last_reader,
                 const PortsDecoratorFactory& decorate, RunSnapshots* snapshots = nullptr, uint64_t record_from = 1) {
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
  RunOutcome run =
      RunOne(t, machine, t.found, "apply", 0, faults, decorate, snapshots, std::max(first.call, record_from - 1));
  return {std::move(run), std::move(machine.state())};
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

// The machine an episode's recovery starts from: `machine` and `spare` to run on (each taken
// once: the resume episode's and the rollback's), and `kept`, a shared copy a cache keys its
// recoveries by, copied when taken.
struct RecoveryStart {
  std::optional<fakes::Machine> machine;
  std::optional<fakes::MachineState> spare;
  std::shared_ptr<const fakes::MachineState> kept;
  // Fingerprint(Now()), the same whichever of the above holds it: worked out once for both recoveries.
  std::optional<uint64_t> fingerprint;

  const fakes::MachineState& Now() const { return machine ? machine->state() : spare ? *spare : *kept; }
  uint64_t Fingerprint() {
    if (!fingerprint) fingerprint = sweep::Fingerprint(Now());
    return *fingerprint;
  }
  fakes::Machine Take() {
    std::optional<fakes::Machine> m;
    if (machine) {
      m.emplace(std::move(*machine));
      machine.reset();
    } else if (spare) {
      m.emplace(std::move(*spare));
      spare.reset();
    } else {
      m.emplace(*kept);
    }
    return std::move(*m);
  }
  // Keeps a shared copy of the machine (a cache's equal one when it holds one: no copy).
  void Keep(const RecoveryCache* cache) {
    if (cache) kept = cache->SameStart(Now(), Fingerprint());
    if (!kept) kept = std::make_shared<const fakes::MachineState>(Now());
  }
};

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

// The operator's recovery after the apply `apply`, from `start` (what it left), with the faults
// numbered over the whole episode; recorded with snapshots, or shared through `cache`.
Episode Recover(const Target& t, RunOutcome apply, RecoveryStart& start, const std::vector<SweepFault>& faults,
                const std::string& recovery, const PortsDecoratorFactory& decorate, bool record, bool copy_found,
                RecoveryCache* cache, SnapshotCalls window = {}) {
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

std::string FaultPlaces(const std::vector<SweepFault>& faults, const Episode& e) {
  std::string out;
  for (const SweepFault& f : faults) {
    if (!out.empty()) out += "; ";
    out += FormatFaults({f}) + " ";
    const fakes::MutationEvent* at = e.Call(f.call);
    out += at ? at->op + " " + at->target : "(not reached)";
  }
  return out;
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

// "Exactly as found", in `what`, from the first difference from the machine as found.
CheckResult AsFound(std::string what, std::string expected, const std::optional<Change>& diff) {
  return {"sweep",
          std::move(what),
          !diff.has_value(),
          std::move(expected),
          diff ? diff->path + ": " + diff->before + " -> " + diff->after : "",
          {}};
}

// The checks of an episode, in a fixed order; the violations they found. What passed is not
// written out (most checks pass, and those of its end were worked out once: EndOf).
std::vector<SweepViolation> Check(const Case& c, const std::string& recovery, const Episode& e) {
  const Target& t = *c.target;
  const EndOfEpisode& end = *e.end;
  std::vector<SweepViolation> out;
  auto add = [&](const CheckResult& r) {
    if (r.passed) return;
    out.push_back(
        {t.file, t.step, FormatFaults(c.faults), recovery, r.what, r.expected, r.actual, FaultPlaces(c.faults, e)});
  };
  if (e.exit_code() == fixer::ToInt(fixer::ExitCode::kNotRestored) && !t.clean_not_restored)
    add({"sweep",
         "the episode ends fixed or restored",
         false,
         "exit 0, 1 or 3",
         "exit " + std::to_string(e.exit_code()) + " (" + e.outcome() + ")",
         {}});
  std::vector<std::string_view> texts;
  bool clean_text = false;  // searched once for each end (EndOf), not once for each episode that shows it
  for (const RunOutcome& r : e.runs) {
    if (r.text == t.clean_text)
      clean_text = true;
    else
      texts.push_back(*r.text);
  }
  add(end.secrets->Check(texts, clean_text && end.secret_in_clean_text));
  for (const CheckResult& check : end.checks) add(check);
  for (const RunOutcome& r : e.runs)
    for (const CheckResult& promise : r.promises) add(promise);
  if (e.outcome() == "rolled-back")
    add(AsFound("a rollback leaves the machine as found", "as found",
                end.fixed ? FirstDifference(*t.found, *end.machine) : end.difference));
  if (!end.fixed) add(AsFound("the machine is fixed or exactly as found", "fixed, or as found", end.difference));
  return out;
}

// Plays the scenario up to each `fixer: apply` step (not a dry run, and without faults of its own:
// HasFaultsOfItsOwn) and runs that apply once cleanly, for the call count and the statuses a fix
// gives. The scenario is played once, on to each target in turn: playing it from the start for
// each would do the same steps again (a step is a pure function of the context it finds).
void FindTargets(const Scenario& s, const SweepOptions& o, std::vector<std::unique_ptr<Target>>& out,
                 std::vector<std::string>& errors) {
  RunContext ctx(s.machine);
  size_t played = 0;  // the steps played on ctx: 0..played-1
  for (size_t i = 0; i < s.steps.size(); ++i) {
    const Step& step = s.steps[i];
    if (step.kind != "fixer" || Arg(step, "command", "apply") != "apply" || BoolArg(step, "dry_run", false)) continue;
    if (HasFaultsOfItsOwn(step)) continue;
    if (o.only_step && *o.only_step != i) continue;
    for (; played < i; ++played) {
      StepReport r = ExecuteStep(ctx, s.steps[played]);
      if (!r.ran) {
        errors.push_back(s.steps[played].pos.ToString() + ": " + r.error);
        return;
      }
    }
    auto t = std::make_unique<Target>();
    t->file = s.file;
    t->step = i;
    auto strategy = fixer::StrategyFromString(Arg(step, "strategy", "keep-sid"));
    if (strategy) t->options.strategy = *strategy;
    // What the runner looks for after this step, the passwords earlier batches gave net user included.
    t->known_secrets = KnownPasswords(ctx, step);
    if (step.args.count("temp_password"))
      t->options.temp_password = fixer::Secret::FromString(Arg(step, "temp_password"));
    t->found = std::make_shared<const fakes::MachineState>(ctx.machine.state());
    t->found_statuses = StatusOfEveryApp(ctx.machine);
    t->widening.emplace(*t->found, kWorkerAccount);
    fakes::Machine clean(*t->found);
    std::unique_ptr<PortsDecorator> decorator = o.decorate ? o.decorate() : nullptr;
    FixerRun run = RunFixer(clean, "apply", t->options, {}, false, decorator.get(), t->found);
    t->clean_trace = run.trace;
    t->clean_text = std::make_shared<const std::string>(RunTranscript(run));
    if (run.result) t->clean_head = app::RenderRunHead(*run.result);
    t->clean_not_restored = run.exit_code == fixer::ExitCode::kNotRestored;
    t->fixed_statuses = StatusOfEveryApp(clean);
    out.push_back(std::move(t));
  }
}

std::vector<Case> SingleFaultCases(const Target& t, const SweepOptions& o) {
  std::vector<Case> cases;
  for (const fakes::MutationEvent& ev : t.clean_trace) {
    if (o.fail)
      for (uint32_t error : ErrorsFor(ev.op)) cases.push_back({&t, {{ev.call, fakes::FaultKind::kFail, error}}});
    if (o.crash) cases.push_back({&t, {{ev.call, fakes::FaultKind::kCrash, 0}}});
  }
  return cases;
}

// Every second fault after the first one, anywhere in the rest of that case's episode with
// resume, in call order.
template <class Visit>
void ForEachPair(const Case& first, const Episode& resumed, const SweepOptions& o, Visit&& visit) {
  const uint64_t after = first.faults.front().call;
  for (const RunOutcome& run : resumed.runs) {
    for (const fakes::MutationEvent& ev : run.trace) {
      if (ev.call <= after) continue;
      if (o.fail) {
        Case c = first;
        c.faults.push_back({ev.call, fakes::FaultKind::kFail, ErrorsFor(ev.op).front()});
        visit(std::move(c));
      }
      if (o.crash) {
        Case c = first;
        c.faults.push_back({ev.call, fakes::FaultKind::kCrash, 0});
        visit(std::move(c));
      }
    }
  }
}

struct CaseResult {
  size_t runs = 0;                      // episodes checked
  size_t shared = 0;                    // of them, the same episode as one already run, checked from its result
  size_t reused = 0;                    // of them, episodes whose recovery runs are an earlier case's (Episode::reused)
  std::vector<std::string> transcript;  // with only_case: "resume: ..." then "rollback: ..." runs
  std::string unfired;                  // with only_case: a fault neither episode reached (Unfired)
  std::vector<SweepViolation> violations;
  void Add(CaseResult&& other) {
    runs += other.runs;
    shared += other.shared;
    reused += other.reused;
    for (auto& v : other.violations) violations.push_back(std::move(v));
  }
};

// A single case's episodes with their snapshots and what their checks found, kept while its
// pair cases run.
struct Recorded {
  SnapshotCalls window;  // the calls whose machines are kept
  RunSnapshots apply;    // the machine before each call of the apply after the first fault
  Episode resumed;
  std::optional<Episode> rolled;
  std::vector<SweepViolation> resumed_violations, rolled_violations;
};

// A replayed case's first fault that neither of its episodes reached (a call past the episode's
// last): the case would check a run without it, "0 violations" of no fault. "" when all fired.
std::string Unfired(const std::vector<SweepFault>& faults, const Episode& resumed, const Episode* rolled) {
  for (const SweepFault& f : faults) {
    if (resumed.Call(f.call) || (rolled && rolled->Call(f.call))) continue;
    const uint64_t calls = std::max(resumed.calls(), rolled ? rolled->calls() : 0);
    const bool apply_alone = resumed.runs.size() == 1 && (!rolled || rolled->runs.size() == 1);
    return FormatFaults({f}) + " never fires: the apply" + (apply_alone ? " makes" : " and its recovery make") +
           " only " + std::to_string(calls) + " mutating calls";
  }
  return "";
}

// The journal-read checks of `start` (JournalReadPromises), each command's taken where `cache`
// holds a machine equal but for its journal whose same command never read the records (about half
// a suite's pending machines), else run on the start's own machine, compared with the shared copy
// a recovery keys its cache by.
std::vector<CheckResult> JournalReadChecks(const Target& t, RecoveryStart& start, const PortsDecoratorFactory& decorate,
                                           RecoveryCache* cache) {
  const sweep::JournalReadResult* known = nullptr;
  uint64_t but_journal = 0;
  if (cache) {
    but_journal = sweep::FingerprintButJournal(start.Now());
    known = cache->FindJournalRead(start.Now(), but_journal);
    if (known && known->AllShareable()) return known->Broken();
  }
  if (!start.kept) start.Keep(cache);
  std::optional<fakes::Machine> scratch;
  fakes::Machine& on = start.machine ? *start.machine : scratch.emplace(*start.kept);
  sweep::JournalReadResult r = sweep::JournalReadPromises(on, *start.kept, t.found.get(), t.options, decorate, known);
  std::vector<CheckResult> broken = r.Broken();
  if (cache && !known && r.AnyShareable()) cache->KeepJournalRead(start.kept, but_journal, std::move(r));
  return broken;
}

// The journal-read check on the machine `t` found (kAsFoundCase): apply, resume and rollback
// whose journal read fails there must refuse too, as on a journal a fault left pending.
void CheckAsFound(const Target& t, const SweepOptions& o, SweepReport& report) {
  fakes::Machine machine(*t.found);
  sweep::JournalReadResult r = sweep::JournalReadPromises(machine, *t.found, t.found.get(), t.options, o.decorate,
                                                          nullptr, sweep::JournalAt::kFound);
  ++report.as_found_checks;
  for (const CheckResult& check : r.Broken())
    report.violations.push_back({t.file, t.step, FormatFaults({}), "journal-read", check.what, check.expected,
                                 check.actual, "journal.load (a read) on the machine as found"});
  if (o.only_case)
    for (sweep::CommandChecks& c : r.commands) report.transcripts.push_back(std::move(c.transcript));
}

// The episodes of a case whose apply ran `apply` and left `start`: with resume, and, when the
// apply left work to recover, with rollback too (both must converge). Both recover from the same
// apply; with `cache`, a recovery an earlier case ran from the same machine is taken from it.
// Nothing when a run is left unchecked (RunOutcome::unchecked): the case must run again with
// copy_found.
std::optional<CaseResult> FinishCase(const Case& c, RunOutcome apply, RecoveryStart start, const SweepOptions& o,
                                     Recorded* record = nullptr, bool copy_found = false,
                                     RecoveryCache* cache = nullptr) {
  CaseResult r;
  const bool keep_transcripts = o.only_case.has_value();  // only a replay prints them
  const bool recovered = apply.exit_code == fixer::ToInt(fixer::ExitCode::kNotRestored);
  const bool keep = record != nullptr, snapshots = keep && o.share_runs;
  const SnapshotCalls window = keep ? record->window : kNoSnapshots;
  RecoveryCache* share = snapshots || copy_found || !o.share_runs ? nullptr : cache;
  if (recovered && !share && start.machine) start.spare = start.machine->state();  // the rollback's machine
  std::optional<RunOutcome> for_rollback;
  if (recovered) for_rollback = apply;
  // Where a single fault left a journal pending, the operator's next command may find its journal
  // unreadable (locked, denied): each says so and changes nothing (JournalReadPromises).
  std::vector<SweepViolation> journal_read;
  if (recovered && c.faults.size() == 1) {
    for (const CheckResult& check : JournalReadChecks(*c.target, start, o.decorate, cache))
      journal_read.push_back({c.target->file, c.target->step, FormatFaults(c.faults), "journal-read", check.what,
                              check.expected, check.actual, "journal.load (a read)"});
  }
  Episode resumed =
      Recover(*c.target, std::move(apply), start, c.faults, "resume", o.decorate, snapshots, copy_found, share, window);
  if (resumed.unchecked()) return std::nullopt;
  if (o.observe) o.observe(FormatFaults(c.faults), "resume", *resumed.end->machine);
  r.runs = 1;
  r.reused = resumed.reused ? 1 : 0;
  r.violations = Check(c, "resume", resumed);
  if (keep_transcripts)
    for (const RunOutcome& run : resumed.runs) r.transcript.push_back("[episode with resume]\n" + *run.text);
  const uint64_t resumed_calls = resumed.calls();  // no pair case names a later call (ForEachPair)
  if (keep_transcripts) r.unfired = Unfired(c.faults, resumed, nullptr);
  if (keep) {
    record->resumed = std::move(resumed);
    record->resumed_violations = r.violations;
  }
  if (recovered) {
    Episode rolled = Recover(*c.target, std::move(*for_rollback), start, c.faults, "rollback", o.decorate, snapshots,
                             copy_found, share, {window.from, std::min(window.upto, resumed_calls)});
    if (rolled.unchecked()) return std::nullopt;
    if (o.observe) o.observe(FormatFaults(c.faults), "rollback", *rolled.end->machine);
    if (keep_transcripts)
      for (const RunOutcome& run : rolled.runs) r.transcript.push_back("[episode with rollback]\n" + *run.text);
    ++r.runs;
    if (rolled.reused) ++r.reused;
    if (!r.unfired.empty()) r.unfired = Unfired(c.faults, keep ? record->resumed : resumed, &rolled);
    std::vector<SweepViolation> found = Check(c, "rollback", rolled);
    if (keep) {
      record->rolled = std::move(rolled);
      record->rolled_violations = found;
    }
    for (auto& v : found) r.violations.push_back(std::move(v));
  }
  for (auto& v : journal_read) r.violations.push_back(std::move(v));
  for (auto& v : r.violations)
    if (!recovered) v.recovery = "none";
  return r;
}

// Runs a case from its start (the apply's own shortcut aside); with `record`, keeps its
// episodes, and with o.share_runs what its pair cases start from.
CaseResult RunCase(const Case& c, const SweepOptions& o, Recorded* record = nullptr, bool copy_found = false,
                   RecoveryCache* cache = nullptr) {
  if (record) *record = Recorded{.window = record->window};
  RunSnapshots* snapshots = record && o.share_runs ? &record->apply : nullptr;
  if (snapshots) snapshots->last = record->window.upto;
  // A single-fault sweep's power loss at N is the only case that starts from the clean apply's
  // machine before N (a pair case starts from its single case's snapshots).
  const bool last_reader = o.faults < 2;
  const bool from_snapshot = o.share_runs && !o.only_case;
  Applied applied = RunApply(*c.target, c.faults, from_snapshot, last_reader, o.decorate, snapshots,
                             record ? record->window.from : 1);
  RecoveryStart start;
  start.machine.emplace(std::move(applied.machine));
  std::optional<CaseResult> r = FinishCase(c, std::move(applied.run), std::move(start), o, record, copy_found, cache);
  return r ? std::move(*r) : RunCase(c, o, record, true);
}

// A pair case from the snapshots of its first fault's case (`single`): a second fault in the
// apply starts the apply from the found machine again (a power loss: from the snapshot before
// that call); one in a recovery run starts that run from its snapshot, the apply and the runs
// before it being the single case's. An episode the second fault never reaches is the single
// case's own, whose checks stand for it (counted in `shared`). What follows the second fault
// is taken from `cache` where an earlier case ran it from the same machine.
CaseResult RunPair(const Case& pair, Recorded& single, const SweepOptions& o, RecoveryCache* cache) {
  const Target& t = *pair.target;
  const SweepFault& second = pair.faults.back();
  const RunOutcome& apply = single.resumed.runs.front();
  if (second.call <= apply.trace.size()) {
    if (second.kind != fakes::FaultKind::kCrash) return RunCase(pair, o, nullptr, false, cache);
    assert(second.call >= single.apply.first && second.call - single.apply.first < single.apply.before.size());
    const std::shared_ptr<const fakes::MachineState> cut = single.apply.before[second.call - single.apply.first];
    RecoveryStart start;
    if (cache) start.kept = cache->SameStart(*cut, *(start.fingerprint = sweep::Fingerprint(*cut)));
    if (!start.kept) start.kept = cut;
    std::optional<CaseResult> r =
        FinishCase(pair, CutShort(apply, second.call), std::move(start), o, nullptr, false, cache);
    return r ? std::move(*r) : RunCase(pair, o, nullptr, true);
  }
  CaseResult r;
  bool unchecked = false;
  auto episode = [&](const std::string& recovery, Episode& recorded,
                     const std::vector<SweepViolation>& recorded_violations) {
    ++r.runs;
    if (std::optional<Episode> e = ResumeFromSnapshot(t, recorded, pair.faults, recovery, o.decorate)) {
      unchecked = unchecked || e->unchecked();
      if (e->reused) ++r.reused;
      if (o.observe) o.observe(FormatFaults(pair.faults), recovery, *e->end->machine);
      for (auto& v : Check(pair, recovery, *e)) r.violations.push_back(std::move(v));
      return;
    }
    ++r.shared;
    if (o.observe) o.observe(FormatFaults(pair.faults), recovery, *recorded.end->machine);
    for (SweepViolation v : recorded_violations) {
      v.faults = FormatFaults(pair.faults);
      v.where = FaultPlaces(pair.faults, recorded);
      r.violations.push_back(std::move(v));
    }
  };
  episode("resume", single.resumed, single.resumed_violations);
  if (single.rolled) episode("rollback", *single.rolled, single.rolled_violations);
  return unchecked ? RunCase(pair, o, nullptr, true) : r;
}

// A single case and, with faults >= 2, every pair case that begins with it.
struct UnitResult {
  CaseResult single, pairs;
  size_t pair_cases = 0;
  // What the report reads of it besides its counts (RunAll keeps only such units).
  bool HasFindings() const {
    return !single.violations.empty() || !pairs.violations.empty() || !single.transcript.empty() ||
           !single.unfired.empty();
  }
};

// The counts of every unit (sums: the same whatever the order the workers ran the units in), and
// the units with findings, by case (null for the rest: a sweep's units have none, and a unit is
// 200 bytes, a page fault for every 20 of its 5,000 cases).
struct AllResults {
  size_t runs = 0, shared = 0, reused = 0, pair_cases = 0;
  std::vector<std::unique_ptr<UnitResult>> units;

  void Add(UnitResult&& u, size_t i) {
    runs += u.single.runs + u.pairs.runs;
    shared += u.pairs.shared;
    reused += u.single.reused + u.pairs.reused;
    pair_cases += u.pair_cases;
    if (u.HasFindings()) units[i] = std::make_unique<UnitResult>(std::move(u));
  }
};

// The single cases in groups of one apply's, by their first fault's call (each error, and a power
// loss, at up to kCallsPerGroup consecutive calls): their recoveries often start from the same
// machine, so one worker runs a group in turn with one RecoveryCache. Groups depend only on the
// cases, so what is reused does not depend on the number of workers. [begin, end) of `singles`.
constexpr size_t kCallsPerGroup = 8;
std::vector<std::pair<size_t, size_t>> CallGroups(const std::vector<Case>& singles) {
  std::vector<std::pair<size_t, size_t>> groups;
  size_t calls = 0;  // distinct first calls in the last group
  for (size_t i = 0; i < singles.size(); ++i) {
    const Case& c = singles[i];
    const Case* prev = i > 0 ? &singles[i - 1] : nullptr;
    const bool same_call = prev && prev->target == c.target && !c.faults.empty() && !prev->faults.empty() &&
                           prev->faults.front().call == c.faults.front().call;
    if (!same_call) ++calls;
    if (groups.empty() || (!same_call && (prev->target != c.target || calls > kCallsPerGroup))) {
      groups.push_back({i, i + 1});
      calls = 1;
    } else {
      groups.back().second = i + 1;
    }
  }
  return groups;
}

// The calls of the clean apply where the group [begin, end) of `singles` (one target's) has its
// first faults: the snapshots it may read (BeforeCall). {0, 0} when none is one of its calls.
std::pair<uint64_t, uint64_t> CallsOf(const std::vector<Case>& singles, size_t begin, size_t end) {
  const uint64_t calls = singles[begin].target->clean_trace.size();
  uint64_t lo = UINT64_MAX, hi = 0;
  for (size_t i = begin; i < end; ++i) {
    const std::vector<SweepFault>& faults = singles[i].faults;
    if (faults.empty() || faults.front().call < 1 || faults.front().call > calls) continue;
    lo = std::min(lo, faults.front().call);
    hi = std::max(hi, faults.front().call);
  }
  return hi == 0 ? std::pair<uint64_t, uint64_t>{0, 0} : std::pair{lo, hi};
}

// Runs the single cases on o.jobs threads, a group of them at a time (CallGroups, largest first), each
// followed by its pair cases as they are found (never all pair cases in memory); results keep
// the cases' order. The progress total grows as pair cases are found.
AllResults RunAll(const std::vector<Case>& singles, const SweepOptions& o) {
  AllResults results;
  results.units.resize(singles.size());
  std::mutex results_mutex;
  const std::vector<std::pair<size_t, size_t>> groups = CallGroups(singles);
  // The largest applies first (cases times calls, which bound each case's pairs), so the workers
  // finish together instead of one running a long apply alone at the end; an apply's groups
  // stay together, so what its cases share is let go soon (Target::GroupDone).
  std::map<const Target*, size_t> weight;
  std::vector<std::pair<uint64_t, uint64_t>> calls_of(groups.size());  // each group's, CallsOf
  for (size_t g = 0; g < groups.size(); ++g) {
    const auto [begin, end] = groups[g];
    const Target* t = singles[begin].target;
    weight[t] += (end - begin) * (t->clean_trace.size() + 1);
    ++t->groups_left;
    calls_of[g] = CallsOf(singles, begin, end);
    t->before_call.Expect(calls_of[g].first, calls_of[g].second);
  }
  std::vector<size_t> order(groups.size());
  for (size_t g = 0; g < order.size(); ++g) order[g] = g;
  auto weight_of = [&](size_t g) { return weight[singles[groups[g].first].target]; };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return weight_of(a) > weight_of(b); });
  std::atomic<size_t> next{0};
  std::mutex progress_mutex;
  size_t done = 0, total = singles.size();
  auto report = [&](size_t found) {
    if (!o.progress) return;
    std::lock_guard<std::mutex> lock(progress_mutex);
    total += found;
    o.progress(++done, total);
  };
  const bool pairs = o.faults >= 2 && !o.only_case;
  auto keep = [&](UnitResult&& u, size_t i) {
    std::lock_guard<std::mutex> lock(results_mutex);
    results.Add(std::move(u), i);
  };
  auto run_unit = [&](size_t i, RecoveryCache* cache) {
    UnitResult u;
    if (!pairs) {
      u.single = RunCase(singles[i], o, nullptr, false, cache);
      keep(std::move(u), i);
      report(0);
      return;
    }
    const uint64_t window_calls = std::max<uint64_t>(1, o.snapshot_window_calls);
    Recorded record;
    const uint64_t first_call = singles[i].faults.front().call;
    record.window = o.crash ? SnapshotCalls{first_call + 1, first_call + window_calls} : kNoSnapshots;
    // Its recoveries are recorded, never shared; `cache` serves its journal-read checks alone.
    u.single = RunCase(singles[i], o, &record, false, cache);
    std::vector<Case> found;  // one single case's pairs: tens, not the sweep's hundred thousand
    ForEachPair(singles[i], record.resumed, o, [&](Case c) { found.push_back(std::move(c)); });
    report(found.size());
    u.pair_cases = found.size();
    for (const Case& c : found) {  // in call order (ForEachPair)
      const SweepFault& second = c.faults.back();
      if (o.share_runs && second.kind == fakes::FaultKind::kCrash && second.call > record.window.upto) {
        // The next window's machines: the single case's episodes again (a run is a pure function
        // of its machine and faults), its checks already counted, its ends already observed.
        record.window = {second.call, second.call + window_calls - 1};
        SweepOptions again = o;
        again.observe = nullptr;
        (void)RunCase(singles[i], again, &record, false, cache);
      }
      u.pairs.Add(o.share_runs ? RunPair(c, record, o, cache) : RunCase(c, o));
      report(0);
    }
    keep(std::move(u), i);
  };
  auto worker = [&] {
    for (size_t k = next++; k < order.size(); k = next++) {
      const auto [begin, end] = groups[order[k]];
      std::optional<RecoveryCache> cache;
      if (o.share_runs && !o.only_case) cache.emplace();
      for (size_t i = begin; i < end; ++i) run_unit(i, cache ? &*cache : nullptr);
      singles[begin].target->before_call.Done(calls_of[order[k]].first, calls_of[order[k]].second);
      singles[begin].target->GroupDone();
    }
  };
  const int jobs = std::max(1, o.jobs);
  std::vector<std::thread> threads;
  for (int j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& th : threads) th.join();
  return results;
}

}  // namespace

std::string SweepReport::NotRunAgain() const {
  std::string counts;
  if (shared_runs > 0) counts = std::to_string(shared_runs) + " shared";
  if (reused_recoveries > 0)
    counts += (counts.empty() ? "" : ", ") + std::to_string(reused_recoveries) + " reused recoveries";
  return counts.empty() ? "" : " (" + counts + ")";
}

std::string SweepViolation::ToString() const {
  // The file as the text report shows it (one line, escaped); the replay command quotes it for a
  // shell, and is escaped too: an ESC in a file name is shown, not sent to the terminal.
  return "VIOLATION " + fakes::EscapeForMessage(file) + " step " + std::to_string(step + 1) + " [" + where +
         "; recovery: " + recovery + "]: " + check + ": expected " + expected + ", got " + actual +
         "\n  replay: " + fakes::EscapeForMessage(ReplayCommand());
}

std::string SweepViolation::ReplayCommand() const {
  const std::string command =
      ShellCommand({"fixup-sim", "sweep", FileArgument(file), "--step", std::to_string(step + 1), "--case", faults});
  return seed == 1 ? command : command + " --seed " + std::to_string(seed);
}

SweepReport RunSweep(const std::vector<std::string>& paths, const SweepOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  SweepReport report;
  std::vector<std::unique_ptr<Target>> targets;
  for (const std::string& file : FindScenarioFiles(paths)) {
    LoadedScenario loaded = LoadScenarioFile(file, o.seed);
    if (!loaded.ok()) {
      report.errors.push_back(loaded.error->ToString());
      continue;
    }
    for (std::string& script : FilesReadBy(*loaded.value)) report.scripts_read.push_back(std::move(script));
    const size_t before = targets.size();
    FindTargets(*loaded.value, o, targets, report.errors);
    if (targets.size() > before) ++report.scenarios;
  }

  // Each target's machine as found, in the shard that has its index (as cases are sharded).
  if (!o.only_case || o.only_case->empty())
    for (size_t k = o.shard_index; k < targets.size(); k += o.shard_count) CheckAsFound(*targets[k], o, report);

  std::vector<Case> singles;
  if (o.only_case) {
    if (!o.only_case->empty())
      for (const auto& t : targets) singles.push_back({t.get(), *o.only_case});
  } else {
    std::vector<std::vector<Case>> by_target;  // then one vector of the size it needs, kept for the sweep
    size_t count = 0;
    for (const auto& t : targets) count += by_target.emplace_back(SingleFaultCases(*t, o)).size();
    singles.reserve(count);
    for (std::vector<Case>& cases : by_target)
      for (Case& c : cases) singles.push_back(std::move(c));
  }
  report.unsharded_cases = singles.size();
  // GoogleTest's sharding protocol: shard k of n takes every n-th case, from the k-th.
  if (o.shard_count > 1) {
    std::vector<Case> mine;
    for (size_t i = o.shard_index; i < singles.size(); i += o.shard_count) mine.push_back(singles[i]);
    singles = std::move(mine);
  }

  AllResults results = RunAll(singles, o);
  report.cases = singles.size() + results.pair_cases;
  report.runs = results.runs;
  report.shared_runs = results.shared;
  report.reused_recoveries = results.reused;
  for (size_t i = 0; i < results.units.size(); ++i) {  // every single case's violations first, then the pairs'
    if (!results.units[i]) continue;
    UnitResult& u = *results.units[i];
    for (auto& v : u.single.violations) report.violations.push_back(std::move(v));
    if (o.only_case)
      for (auto& t : u.single.transcript) report.transcripts.push_back(std::move(t));
    if (!u.single.unfired.empty())
      report.unfired.push_back(singles[i].target->file + " step " + std::to_string(singles[i].target->step + 1) + ": " +
                               u.single.unfired);
  }
  for (std::unique_ptr<UnitResult>& u : results.units)
    if (u)
      for (auto& v : u->pairs.violations) report.violations.push_back(std::move(v));
  for (SweepViolation& v : report.violations) v.seed = o.seed;  // its replay loads the machines alike
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace sim
