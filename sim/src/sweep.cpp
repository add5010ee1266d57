// The fault sweep (sweep.h): targets, cases, episodes and the checks after each.
#include "sim/sweep.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include "fakes/web_requests.h"
#include "sim/invariants.h"
#include "sim/machine_diff.h"
#include "sim/run_context.h"
#include "sim/steps.h"

namespace sim {
namespace {

constexpr const char* kWorker = "ASPNET";
constexpr const char* kKnownTempPassword = "1pass@word";
constexpr int kMaxRecoveryRuns = 4;  // an operator retries; a fault fires once

// One `fixer: apply` step of a scenario, with the machine as that step finds it.
struct Target {
  std::string file;
  size_t step = 0;
  fixer::Options options;
  std::vector<std::string> known_secrets;
  fakes::MachineState found;
  std::map<std::string, int> found_statuses;  // what each app answered before the fixer ran
  std::map<std::string, int> fixed_statuses;  // what the clean apply leaves each app answering
  std::vector<fakes::MutationEvent> clean_trace;
  std::string clean_text;  // the clean apply's transcript
  // The machine just before each mutating call of the clean apply ([call - 1]): what an apply
  // with no earlier fault leaves when the power goes at that call.
  std::vector<fakes::MachineState> before_call;
};

struct Case {
  const Target* target = nullptr;
  std::vector<SweepFault> faults;
};

// An apply and the operator's recovery (resume, or rollback then resume if rollback cannot go
// back), with the faults numbered over the whole episode.
struct Episode {
  fakes::MachineState end;
  std::map<std::string, int> statuses;  // what each app answers at the end
  int exit_code = 0;
  std::string outcome;
  std::vector<std::string> texts;
  std::vector<fakes::MutationEvent> trace;  // every mutating call of the episode, in order
  std::vector<CheckResult> promises;        // the exit-code promises of each run (ExitCodePromises)
};

fakes::FaultPlan PlanFrom(const std::vector<SweepFault>& faults, uint64_t consumed) {
  fakes::FaultPlan plan;
  for (const SweepFault& f : faults) {
    if (f.call <= consumed) continue;
    plan.Add({.op = std::nullopt, .nth = f.call - consumed, .kind = f.kind, .error = f.error});
  }
  return plan;
}

// What a case's apply left, run once and shared by its episode with resume and with rollback.
struct Applied {
  fakes::MachineState machine;
  int exit_code = 0;
  std::string outcome;
  std::string text;
  std::vector<fakes::MutationEvent> trace;
  std::vector<CheckResult> promises;  // the apply's broken exit-code promises
};

// The command an operator runs next after `command` ended with `exit_code` ("" when done). A
// rollback past the delete rolls forward itself: no exit 3 to turn into a resume.
std::string NextCommand(const std::string& command, fixer::ExitCode exit_code, const std::string& recovery) {
  if (exit_code == fixer::ExitCode::kNotRestored) return command == "apply" ? recovery : command;
  return "";
}

std::optional<Change> FirstDifference(const fakes::MachineState& found, const fakes::MachineState& now);

// The exit-code promises `run` broke, `before` being the machine it found.
std::vector<CheckResult> BrokenPromises(const std::string& command, const FixerRun& run,
                                        const fakes::MachineState& before, fakes::Machine& now) {
  std::vector<CheckResult> broken;
  auto difference = [](const fakes::MachineState& a, const fakes::MachineState& b) {
    auto d = FirstDifference(a, b);
    return d ? std::optional<std::string>(d->path + ": " + d->before + " -> " + d->after) : std::nullopt;
  };
  for (CheckResult& c : ExitCodePromises(command, fixer::ToInt(run.exit_code), run.outcome, before, now, difference))
    if (!c.passed) broken.push_back(std::move(c));
  return broken;
}

// A power loss at call N with no fault before it leaves the machine as the clean apply had it
// just before call N, so that is taken instead of running the apply again up to N. Its
// transcript is a prefix of the clean one, which stands for it in the checks (no secret in any
// text). A replay (`keep_text`) runs the apply, to print its real transcript.
Applied RunApply(const Target& t, const std::vector<SweepFault>& faults, bool keep_text,
                 const PortsDecoratorFactory& decorate) {
  Applied a;
  const SweepFault first = faults.empty() ? SweepFault{} : faults.front();
  if (!keep_text && first.kind == fakes::FaultKind::kCrash && first.call >= 1 && first.call <= t.before_call.size()) {
    a.machine = t.before_call[first.call - 1];
    a.exit_code = 4;
    a.outcome = "interrupted";
    a.text = t.clean_text;
    a.trace.assign(t.clean_trace.begin(), t.clean_trace.begin() + static_cast<std::ptrdiff_t>(first.call));
    return a;
  }
  fakes::Machine machine(t.found);
  std::unique_ptr<PortsDecorator> decorator = decorate ? decorate() : nullptr;
  FixerRun run = RunFixer(machine, "apply", t.options, PlanFrom(faults, 0), false, decorator.get());
  a.promises = BrokenPromises("apply", run, t.found, machine);
  a.exit_code = fixer::ToInt(run.exit_code);
  a.outcome = std::move(run.outcome);
  a.text = RunTranscript(run);
  a.trace = std::move(run.trace);
  a.machine = std::move(machine.state());
  return a;
}

// The operator's recovery after the apply (resume, or rollback then resume if rollback cannot
// go back), with the faults numbered over the whole episode. `applied` is moved from.
Episode Recover(const Target& t, Applied applied, const std::vector<SweepFault>& faults, const std::string& recovery,
                const PortsDecoratorFactory& decorate) {
  fakes::Machine machine(std::move(applied.machine));
  Episode e;
  e.exit_code = applied.exit_code;
  e.outcome = std::move(applied.outcome);
  e.texts.push_back(std::move(applied.text));
  e.trace = std::move(applied.trace);
  e.promises = std::move(applied.promises);
  std::string command = NextCommand("apply", fixer::ExitCode{e.exit_code}, recovery);
  for (int runs = 1; !command.empty() && runs <= kMaxRecoveryRuns; ++runs) {
    std::unique_ptr<PortsDecorator> decorator = decorate ? decorate() : nullptr;
    const uint64_t consumed = e.trace.size();
    const fakes::MachineState before = machine.state();  // what this recovery run finds
    FixerRun run = RunFixer(machine, command, t.options, PlanFrom(faults, consumed), false, decorator.get());
    for (CheckResult& c : BrokenPromises(command, run, before, machine)) e.promises.push_back(std::move(c));
    for (auto ev : run.trace) {
      ev.call += consumed;
      e.trace.push_back(std::move(ev));
    }
    e.texts.push_back(RunTranscript(run));
    e.exit_code = fixer::ToInt(run.exit_code);
    e.outcome = run.outcome;
    command = NextCommand(command, run.exit_code, recovery);
  }
  e.statuses = StatusOfEveryApp(machine);
  e.end = std::move(machine.state());
  return e;
}

// What "exactly as found" compares: everything but the bookkeeping a restore cannot and need
// not undo (randomness, clock, events, the journal) and the password material, which
// WorkerSecretLogsOn judges instead (the account and the LSA secret must agree).
bool IgnoredInAsFound(const std::string& path) {
  for (const char* prefix : {"rng_state", "clock", "events", "journal", "secrets"})
    if (path.rfind(prefix, 0) == 0) return true;
  for (const char* part : {".password_hash", ".password_history", ".password_last_set", ".bad_password_count",
                           ".last_bad_password_at", ".password_expired"})
    if (path.find(part) != std::string::npos) return true;
  return false;
}

// An unlock cannot be undone (Windows has no call that locks an account) and leaves nothing
// worse: a flags list that differs only by locked_out counts as found.
std::string WithoutLockout(std::string flags) {
  for (const char* form : {"locked_out, ", ", locked_out", "locked_out"}) {
    if (auto at = flags.find(form); at != std::string::npos) flags.erase(at, std::string_view(form).size());
  }
  return flags;
}

// The sam and lsa sections without what FirstDifference ignores in them (the password material).
fakes::SamState WithoutPasswords(fakes::SamState sam) {
  for (fakes::UserAccount& u : sam.users) {
    u.password_hash.clear();
    u.password_history.clear();
    u.password_last_set = 0;
    u.bad_password_count = 0;
    u.password_expired = false;
    u.locked_out_at = 0;
    u.last_bad_password_at = 0;
    u.flags.locked_out = false;
  }
  return sam;
}
bool EqualButSecrets(const fakes::LsaState& a, const fakes::LsaState& b) {
  // Stops compiling when LsaState gains a field: decide here whether "as found" compares it.
  [[maybe_unused]] const auto& [policy, lockout, limit_blank, rights, secrets] = a;
  return a.password_policy == b.password_policy && a.lockout == b.lockout &&
         a.limit_blank_password_use == b.limit_blank_password_use && a.rights == b.rights;
}

// Equal but for what FirstDifference ignores (never more: ignoring less only sends a case to
// the slow path), so equal means there is no difference to find. DiffMachines writes both
// states as YAML, which was most of a sweep's time; a restored machine is usually equal this
// way. The large sections are compared in place: copying both states was a sixth of the sweep.
bool EqualButIgnored(const fakes::MachineState& a, const fakes::MachineState& b) {
  // Stops compiling when MachineState gains a field: decide here whether "as found" compares it.
  [[maybe_unused]] const auto& [seed, rng_state, clock, sam, lsa, profiles, objects, sql, services, products, session,
                                events, journal, capture] = a;
  return a.seed == b.seed && a.capture == b.capture && a.services == b.services && a.profiles == b.profiles &&
         a.session == b.session && a.products == b.products && a.sql == b.sql && a.objects == b.objects &&
         WithoutPasswords(a.sam) == WithoutPasswords(b.sam) && EqualButSecrets(a.lsa, b.lsa);
}

std::optional<Change> FirstDifference(const fakes::MachineState& found, const fakes::MachineState& now) {
  if (EqualButIgnored(found, now)) return std::nullopt;
  for (Change& c : DiffMachines(found, now)) {
    if (IgnoredInAsFound(c.path) || c.path.ends_with(".locked_out_at")) continue;
    if (c.path.ends_with(".flags") && WithoutLockout(c.before) == WithoutLockout(c.after)) continue;
    return std::move(c);
  }
  return std::nullopt;
}

std::string FaultPlaces(const std::vector<SweepFault>& faults, const std::vector<fakes::MutationEvent>& trace) {
  std::string out;
  for (const SweepFault& f : faults) {
    if (!out.empty()) out += "; ";
    out += FormatFaults({f}) + " ";
    out += f.call <= trace.size() ? trace[f.call - 1].op + " " + trace[f.call - 1].target : "(not reached)";
  }
  return out;
}

std::vector<SweepViolation> Check(const Case& c, const std::string& recovery, const Episode& e) {
  const Target& t = *c.target;
  std::vector<CheckResult> checks;
  const bool restored = e.exit_code != fixer::ToInt(fixer::ExitCode::kNotRestored);
  checks.push_back({"sweep",
                    "the episode ends fixed or restored",
                    restored,
                    "exit 0, 1 or 3",
                    "exit " + std::to_string(e.exit_code) + " (" + e.outcome + ")",
                    {}});
  checks.push_back(NoSecretIn(e.texts, t.found, e.end, t.known_secrets));
  checks.push_back(ServicesAsFound(t.found, e.end));
  checks.push_back(GrantsStillWork(t.found, e.end, kWorker));
  checks.push_back(NoGrantWidened(t.found, e.end, kWorker));
  checks.push_back(WorkerSecretLogsOn(e.end, kWorker));
  checks.push_back(SiteNotWorse(t.found_statuses, e.statuses));
  for (const CheckResult& promise : e.promises) checks.push_back(promise);
  if (e.outcome == "rolled-back") {
    const auto diff = FirstDifference(t.found, e.end);
    checks.push_back({"sweep",
                      "a rollback leaves the machine as found",
                      !diff.has_value(),
                      "as found",
                      diff ? diff->path + ": " + diff->before + " -> " + diff->after : "",
                      {}});
  }
  bool fixed = true;
  for (const auto& [app, status] : t.fixed_statuses)
    if (status == 200 && e.statuses.count(app) && e.statuses.at(app) != 200) fixed = false;
  if (!fixed) {
    const auto diff = FirstDifference(t.found, e.end);
    checks.push_back({"sweep",
                      "the machine is fixed or exactly as found",
                      !diff.has_value(),
                      "fixed, or as found",
                      diff ? diff->path + ": " + diff->before + " -> " + diff->after : "",
                      {}});
  }
  std::vector<SweepViolation> out;
  for (const CheckResult& r : checks) {
    if (r.passed) continue;
    out.push_back({t.file, t.step, FormatFaults(c.faults), recovery, r.what, r.expected, r.actual,
                   FaultPlaces(c.faults, e.trace)});
  }
  return out;
}

// Plays the scenario up to each `fixer: apply` step (one without faults of its own) and runs
// that apply once cleanly, for the call count and the statuses a fix gives.
void FindTargets(const Scenario& s, const SweepOptions& o, std::vector<std::unique_ptr<Target>>& out,
                 std::vector<std::string>& errors) {
  for (size_t i = 0; i < s.steps.size(); ++i) {
    const Step& step = s.steps[i];
    if (step.kind != "fixer" || Arg(step, "command", "apply") != "apply" || BoolArg(step, "dry_run", false)) continue;
    if (step.args.count("fail_at") || step.args.count("fail_op") || step.args.count("crash_at") ||
        step.args.count("crash_op"))
      continue;
    if (o.only_step && *o.only_step != i) continue;
    RunContext ctx(s.machine, o.seed);
    bool played = true;
    for (size_t k = 0; k < i && played; ++k) {
      StepReport r = ExecuteStep(ctx, s.steps[k]);
      if (!r.ran) {
        errors.push_back(s.steps[k].pos.ToString() + ": " + r.error);
        played = false;
      }
    }
    if (!played) return;
    auto t = std::make_unique<Target>();
    t->file = s.file;
    t->step = i;
    auto strategy = fixer::StrategyFromString(Arg(step, "strategy", "keep-sid"));
    if (strategy) t->options.strategy = *strategy;
    t->known_secrets = {kKnownTempPassword};
    if (step.args.count("temp_password")) {
      t->options.temp_password = fixer::Secret::FromString(Arg(step, "temp_password"));
      t->known_secrets.push_back(Arg(step, "temp_password"));
    }
    t->found = ctx.machine.state();
    t->found_statuses = StatusOfEveryApp(ctx.machine);
    fakes::Machine clean(t->found);
    clean.set_before_mutation([&clean, &t] { t->before_call.push_back(clean.state()); });
    std::unique_ptr<PortsDecorator> decorator = o.decorate ? o.decorate() : nullptr;
    FixerRun run = RunFixer(clean, "apply", t->options, {}, false, decorator.get());
    clean.set_before_mutation(nullptr);
    t->clean_trace = run.trace;
    t->clean_text = RunTranscript(run);
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

// Every second fault after the first one, anywhere in the rest of that case's episode.
std::vector<Case> PairCases(const Case& first, const std::vector<fakes::MutationEvent>& trace, const SweepOptions& o) {
  std::vector<Case> cases;
  const uint64_t after = first.faults.front().call;
  for (const fakes::MutationEvent& ev : trace) {
    if (ev.call <= after) continue;
    if (o.fail) {
      Case c = first;
      c.faults.push_back({ev.call, fakes::FaultKind::kFail, ErrorsFor(ev.op).front()});
      cases.push_back(std::move(c));
    }
    if (o.crash) {
      Case c = first;
      c.faults.push_back({ev.call, fakes::FaultKind::kCrash, 0});
      cases.push_back(std::move(c));
    }
  }
  return cases;
}

struct CaseResult {
  size_t runs = 0;
  std::vector<std::string> transcript;  // with only_case: "resume: ..." then "rollback: ..." runs
  std::vector<SweepViolation> violations;
  std::vector<fakes::MutationEvent> resumed_trace;  // with faults >= 2: for pair enumeration
};

// Runs a case: the episode with resume, and, when the apply left work to recover, with
// rollback too (both must converge). Both recover from the same run of the apply.
CaseResult RunCase(const Case& c, const SweepOptions& o) {
  CaseResult r;
  const bool keep_transcripts = o.only_case.has_value();  // only a replay prints them
  Applied applied = RunApply(*c.target, c.faults, keep_transcripts, o.decorate);
  const bool recovered = applied.exit_code == 4;
  std::optional<Applied> for_rollback;
  if (recovered) for_rollback = applied;
  Episode resumed = Recover(*c.target, std::move(applied), c.faults, "resume", o.decorate);
  r.runs = 1;
  r.violations = Check(c, "resume", resumed);
  if (keep_transcripts)
    for (const std::string& t : resumed.texts) r.transcript.push_back("[episode with resume]\n" + t);
  if (o.faults >= 2) r.resumed_trace = std::move(resumed.trace);
  if (recovered) {
    Episode rolled = Recover(*c.target, std::move(*for_rollback), c.faults, "rollback", o.decorate);
    if (keep_transcripts)
      for (const std::string& t : rolled.texts) r.transcript.push_back("[episode with rollback]\n" + t);
    ++r.runs;
    for (auto& v : Check(c, "rollback", rolled)) r.violations.push_back(std::move(v));
  }
  for (auto& v : r.violations)
    if (!recovered) v.recovery = "none";
  return r;
}

// Runs `cases` on o.jobs threads; results keep the cases' order.
std::vector<CaseResult> RunAll(const std::vector<Case>& cases, const SweepOptions& o, size_t& done, size_t total) {
  std::vector<CaseResult> results(cases.size());
  std::atomic<size_t> next{0};
  std::mutex progress_mutex;
  auto worker = [&] {
    for (size_t i = next++; i < cases.size(); i = next++) {
      results[i] = RunCase(cases[i], o);
      if (o.progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        o.progress(++done, total);
      }
    }
  };
  const int jobs = std::max(1, o.jobs);
  std::vector<std::thread> threads;
  for (int j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& th : threads) th.join();
  if (!o.progress) done += cases.size();
  return results;
}

}  // namespace

std::string SweepViolation::ToString() const {
  return "VIOLATION " + file + " step " + std::to_string(step + 1) + " [" + where + "; recovery: " + recovery +
         "]: " + check + ": expected " + expected + ", got " + actual + "\n  replay: " + ReplayCommand();
}

std::string SweepViolation::ReplayCommand() const {
  return "fixup-sim sweep " + file + " --step " + std::to_string(step + 1) + " --case " + faults;
}

SweepReport RunSweep(const std::vector<std::string>& paths, const SweepOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  SweepReport report;
  std::vector<std::unique_ptr<Target>> targets;
  for (const std::string& file : FindScenarioFiles(paths)) {
    LoadedScenario loaded = LoadScenarioFile(file);
    if (!loaded.ok()) {
      report.errors.push_back(loaded.error->ToString());
      continue;
    }
    const size_t before = targets.size();
    FindTargets(*loaded.value, o, targets, report.errors);
    if (targets.size() > before) ++report.scenarios;
  }

  std::vector<Case> singles;
  for (const auto& t : targets) {
    if (o.only_case) {
      singles.push_back({t.get(), *o.only_case});
      continue;
    }
    for (Case& c : SingleFaultCases(*t, o)) singles.push_back(std::move(c));
  }
  // GoogleTest's sharding protocol: shard k of n takes every n-th case, from the k-th.
  if (o.shard_count > 1) {
    std::vector<Case> mine;
    for (size_t i = o.shard_index; i < singles.size(); i += o.shard_count) mine.push_back(singles[i]);
    singles = std::move(mine);
  }

  size_t done = 0;
  std::vector<CaseResult> results = RunAll(singles, o, done, singles.size());
  std::vector<Case> pairs;
  if (o.faults >= 2 && !o.only_case) {
    for (size_t i = 0; i < singles.size(); ++i)
      for (Case& c : PairCases(singles[i], results[i].resumed_trace, o)) pairs.push_back(std::move(c));
  }
  std::vector<CaseResult> pair_results = RunAll(pairs, o, done, singles.size() + pairs.size());
  report.cases = singles.size() + pairs.size();
  for (auto* all : {&results, &pair_results}) {
    for (CaseResult& r : *all) {
      report.runs += r.runs;
      for (auto& v : r.violations) report.violations.push_back(std::move(v));
      if (o.only_case)
        for (auto& t : r.transcript) report.transcripts.push_back(std::move(t));
    }
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace sim
