// The fault sweep (sweep.h): its targets and cases, the checks after each episode (the episodes
// themselves: sweep_episode.cpp), the workers that run them, and the report.
#include "sim/sweep.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "app/fixer_report.h"
#include "app/shell_words.h"
#include "fakes/load_result.h"
#include "fakes/web_requests.h"
#include "fixer/text.h"
#include "sim/invariants.h"
#include "sim/machine_diff.h"
#include "sim/plan_text.h"
#include "sim/run_context.h"
#include "sim/steps.h"
#include "sweep_before_call.h"
#include "sweep_detail.h"
#include "sweep_episode.h"

namespace sim {
namespace {

using sweep::Applied;
using sweep::Case;
using sweep::EndOfEpisode;
using sweep::Episode;
using sweep::FaultsAfter;
using sweep::kNoSnapshots;
using sweep::Recovery;
using sweep::RecoveryCache;
using sweep::RecoveryKey;
using sweep::RecoveryStart;
using sweep::RunOutcome;
using sweep::RunSnapshots;
using sweep::SnapshotCalls;
using sweep::Target;
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

// The targets of a sweep so far, by the fingerprint of their machine as found: the earlier one a
// new target is the same as (Target::same_as), equal by value, never by the fingerprint alone.
class SameTargets {
 public:
  // The earlier target the same as `t`; none, and `t` is kept for those to come.
  const Target* FindOrKeep(const Target& t) {
    const uint64_t fingerprint = sweep::Fingerprint(*t.found);
    auto [begin, end] = by_fingerprint_.equal_range(fingerprint);
    for (auto it = begin; it != end; ++it) {
      const Target& earlier = *it->second;
      if (earlier.options == t.options && earlier.known_secrets == t.known_secrets &&
          sweep::SameMachine(*earlier.found, *t.found))
        return &earlier;
    }
    by_fingerprint_.emplace(fingerprint, &t);
    return nullptr;
  }

 private:
  std::unordered_multimap<uint64_t, const Target*> by_fingerprint_;
};

// Plays the scenario up to each `fixer: apply` step (not a dry run, and without faults of its own:
// HasFaultsOfItsOwn) and runs that apply once cleanly, for the call count and the statuses a fix
// gives. The scenario is played once, on to each target in turn: playing it from the start for
// each would do the same steps again (a step is a pure function of the context it finds).
// With `same`, a target the same as an earlier one (SameTargets) is only linked to it.
void FindTargets(const Scenario& s, const SweepOptions& o, std::vector<std::unique_ptr<Target>>& out,
                 std::vector<std::string>& errors, SameTargets* same) {
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
    if (same) {
      if ((t->same_as = same->FindOrKeep(*t)) != nullptr) {
        t->LetGo();
        out.push_back(std::move(t));
        continue;
      }
    }
    t->found_statuses = StatusOfEveryApp(ctx.machine);
    t->widening.emplace(*t->found, kWorkerAccount);
    fakes::Machine clean(*t->found);
    std::unique_ptr<PortsDecorator> decorator = o.decorate ? o.decorate() : nullptr;
    FixerRun run = RunFixer(clean, "apply", t->options, {}, false, decorator.get(), t->found);
    t->clean_trace = run.trace;
    t->clean_text = std::make_shared<const std::string>(RunTranscript(run));
    if (run.result) t->clean_head = app::RenderRunHead(*run.result);
    // None when it refused a pending journal (its diagnosis is then marked with that run's): it changed nothing.
    if (run.result && run.result->diagnosis && !run.trace.empty())
      t->diagnosis = std::make_shared<const fixer::Diagnosis>(*run.result->diagnosis);
    t->clean_not_restored = run.exit_code == fixer::ExitCode::kNotRestored;
    t->fixed_statuses = StatusOfEveryApp(clean);
    out.push_back(std::move(t));
  }
}

std::vector<Case> SingleFaultCases(const Target& t, const SweepOptions& o) {
  std::vector<Case> cases;
  if (t.same_as) return cases;  // the earlier target's cases stand for its own
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
  std::string error_not_given;          // with only_case: a fail its call cannot give (ErrorNotGiven)
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
           " only " + fixer::CountText(calls, "mutating call", "mutating calls");
  }
  return "";
}

// A replayed case's fail whose error the call it falls on cannot give (ErrorsFor, the errors the
// sweep itself injects there): the case would check a run no real call makes. A call reached in
// both episodes may give it in either. "" when each can, or was not reached (Unfired says so).
std::string ErrorNotGiven(const std::vector<SweepFault>& faults, const Episode& resumed, const Episode* rolled) {
  for (const SweepFault& f : faults) {
    if (f.kind != fakes::FaultKind::kFail) continue;
    const fakes::MutationEvent* first = nullptr;
    bool given = false;
    for (const Episode* e : {&resumed, rolled}) {
      const fakes::MutationEvent* at = e ? e->Call(f.call) : nullptr;
      if (at == nullptr) continue;
      if (first == nullptr) first = at;
      const std::vector<uint32_t> errors = ErrorsFor(at->op);
      given = given || std::find(errors.begin(), errors.end(), f.error) != errors.end();
    }
    if (first == nullptr || given) continue;
    return FormatFaults({f}) + ": " +
           ErrorNotGivenBy("call " + std::to_string(f.call) + " (" + sweep::CallText(*first) + ")", first->op, f.error);
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

// A failed check of the journal-read check (JournalReadPromises) at `t`, for the case of `faults`
// (none: the machine as found); `where`: the read that failed.
SweepViolation JournalReadViolation(const Target& t, const std::vector<SweepFault>& faults, const CheckResult& check,
                                    std::string where) {
  return {t.file,     t.step,         FormatFaults(faults), "journal-read",
          check.what, check.expected, check.actual,         std::move(where)};
}

// The journal-read check on the machine `t` found (kAsFoundCase): apply, resume and rollback
// whose journal read fails there must refuse too, as on a journal a fault left pending.
void CheckAsFound(const Target& t, const SweepOptions& o, SweepReport& report) {
  fakes::Machine machine(*t.found);
  sweep::JournalReadResult r = sweep::JournalReadPromises(machine, *t.found, t.found.get(), t.options, o.decorate,
                                                          nullptr, sweep::JournalAt::kFound);
  ++report.as_found_checks;
  for (const CheckResult& check : r.Broken())
    report.violations.push_back(JournalReadViolation(t, {}, check, "journal.load (a read) on the machine as found"));
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
      journal_read.push_back(JournalReadViolation(*c.target, c.faults, check, "journal.load (a read)"));
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
  if (keep_transcripts) {
    r.unfired = Unfired(c.faults, resumed, nullptr);
    r.error_not_given = ErrorNotGiven(c.faults, resumed, nullptr);
  }
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
    if (keep_transcripts) r.error_not_given = ErrorNotGiven(c.faults, keep ? record->resumed : resumed, &rolled);
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
           !single.unfired.empty() || !single.error_not_given.empty();
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
constexpr size_t kCallsPerGroup = 32;
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

// Each violation of a target others are the same as (Target::same_as), again under each of
// theirs: a replay of either's case finds it.
void ReportAgainForSameTargets(const std::vector<std::unique_ptr<Target>>& targets, SweepReport& report) {
  std::map<std::pair<std::string, size_t>, std::vector<const Target*>> same_as;  // by the earlier one's file, step
  for (const auto& t : targets) {
    if (!t->same_as) continue;
    same_as[{t->same_as->file, t->same_as->step}].push_back(t.get());
    ++report.same_targets;
  }
  if (same_as.empty()) return;
  const size_t found = report.violations.size();
  for (size_t i = 0; i < found; ++i) {
    const auto it = same_as.find({report.violations[i].file, report.violations[i].step});
    if (it == same_as.end()) continue;
    for (const Target* t : it->second) {
      SweepViolation v = report.violations[i];
      v.file = t->file;
      v.step = t->step;
      report.violations.push_back(std::move(v));
    }
  }
}

}  // namespace

std::string SweepReport::NotRunAgain() const {
  std::string counts;
  if (shared_runs > 0) counts = std::to_string(shared_runs) + " shared";
  if (reused_recoveries > 0)
    counts += (counts.empty() ? "" : ", ") + std::to_string(reused_recoveries) + " reused recoveries";
  return counts.empty() ? "" : " (" + counts + ")";
}

std::string SweepReport::Totals() const {
  using fixer::CountText;
  std::string totals = CountText(scenarios, "scenario", "scenarios") + ", " + CountText(cases, "case", "cases") + ", " +
                       CountText(runs, "run", "runs") + NotRunAgain();
  if (as_found_checks > 0) totals += ", " + fixer::CountText(as_found_checks, "machine as found", "machines as found");
  if (same_targets > 0)
    totals += ", " + fixer::CountText(same_targets, "apply", "applies") +
              " the same as an earlier one (checked by its cases)";
  return totals;
}

std::string SweepReport::ViolationsText() const {
  return fixer::CountText(violations.size(), "violation", "violations");
}

std::string SweepViolation::ToString() const {
  // The file as the text report shows it (one line, escaped); the replay command as it is: it
  // writes an ESC in a file name as bash's \x1b (app/shell_words.h), shown, not sent to the terminal,
  // and pasted it names that file.
  return "VIOLATION " + fakes::EscapeForMessage(file) + " step " + std::to_string(step + 1) + " [" + where +
         "; recovery: " + recovery + "]: " + check + ": expected " + expected + ", got " + actual +
         "\n  replay: " + ReplayCommand();
}

std::string SweepViolation::ReplayCommand() const {
  const std::string command = app::ShellCommand(
      {"fixup-sim", "sweep", app::FileArgument(file), "--step", std::to_string(step + 1), "--case", faults});
  return seed == 1 ? command : command + " --seed " + std::to_string(seed);
}

SweepReport RunSweep(const std::vector<std::string>& paths, const SweepOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  SweepReport report;
  std::vector<std::unique_ptr<Target>> targets;
  // A replay, and the reference run of every case (share_runs false), run each target's own cases.
  std::optional<SameTargets> same;
  if (o.share_runs && !o.only_case) same.emplace();
  for (const std::string& file : FindScenarioFiles(paths)) {
    LoadedScenario loaded = LoadScenarioFile(file, o.seed);
    if (!loaded.ok()) {
      report.errors.push_back(loaded.error->ToString());
      continue;
    }
    for (std::string& script : FilesReadBy(*loaded.value)) report.scripts_read.push_back(std::move(script));
    const size_t before = targets.size();
    FindTargets(*loaded.value, o, targets, report.errors, same ? &*same : nullptr);
    if (targets.size() > before) ++report.scenarios;
  }

  // A replay (--case) runs the case it names whatever the shard: a violation's replay command,
  // run in the environment of the sharded job that printed it, replays it, as explore's --case does.
  const size_t shard_index = o.only_case ? 0 : o.shard_index, shard_count = o.only_case ? 1 : o.shard_count;
  // Each target's machine as found, in the shard that has its index (as cases are sharded).
  if (!o.only_case || o.only_case->empty())
    for (size_t k = shard_index; k < targets.size(); k += shard_count)
      if (!targets[k]->same_as) CheckAsFound(*targets[k], o, report);

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
  if (shard_count > 1) {
    std::vector<Case> mine;
    for (size_t i = shard_index; i < singles.size(); i += shard_count) mine.push_back(singles[i]);
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
    const std::string at = singles[i].target->file + " step " + std::to_string(singles[i].target->step + 1) + ": ";
    if (!u.single.unfired.empty()) report.unfired.push_back(at + u.single.unfired);
    if (!u.single.error_not_given.empty()) report.errors_not_given.push_back(at + u.single.error_not_given);
  }
  for (std::unique_ptr<UnitResult>& u : results.units)
    if (u)
      for (auto& v : u->pairs.violations) report.violations.push_back(std::move(v));
  ReportAgainForSameTargets(targets, report);
  for (SweepViolation& v : report.violations) v.seed = o.seed;  // its replay loads the machines alike
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace sim
