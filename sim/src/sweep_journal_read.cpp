// What the sweep checks of a journal read that fails: see sweep_detail.h.
#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fakes/faults.h"
#include "fixer/ports/journal.h"
#include "fixer/text.h"
#include "sim/fixer_session.h"
#include "sweep_detail.h"

namespace sim::sweep {
namespace {

// Counts the journal loads that reach the machine's journal (beneath the sweep's decorator): a
// run whose only load is the one that fails never read the journal's records.
class LoadCounter : public fixer::JournalWrapper {
 public:
  using JournalWrapper::JournalWrapper;
  fixer::Result<std::vector<fixer::JournalRecord>> Load() override {
    ++loads;
    return JournalWrapper::Load();
  }
  int loads = 0;
};

class CountedLoads : public PortsDecorator {
 public:
  explicit CountedLoads(std::unique_ptr<PortsDecorator> outer) : outer_(std::move(outer)) {}
  fixer::Ports Decorate(fixer::Ports& real) override {
    counter_ = std::make_unique<LoadCounter>(real.journal);
    counted_.emplace(real.With(*counter_));
    return outer_ ? outer_->Decorate(*counted_) : *counted_;
  }
  int loads() const { return counter_ ? counter_->loads : 0; }

 private:
  std::unique_ptr<PortsDecorator> outer_;
  std::unique_ptr<LoadCounter> counter_;
  std::optional<fixer::Ports> counted_;
};

constexpr std::array<const char*, 3> kCommands{"apply", "resume", "rollback"};

struct CommandRun {
  const char* command;
  FixerRun run;
  int loads = 0;  // journal loads that reached the machine
};

CommandRun RunWithJournalReadFailing(fakes::Machine& machine, const char* command, const fixer::Options& options,
                                     const PortsDecoratorFactory& decorate) {
  fakes::FaultPlan plan;
  plan.Add({.op = "journal.load", .nth = 1, .error = fixer::kErrorAccessDenied, .read = true});
  CountedLoads decorator(decorate ? decorate() : nullptr);
  FixerRun run = RunFixer(machine, command, options, std::move(plan), false, &decorator);
  return {command, std::move(run), decorator.loads()};
}

// The checks of `command`'s `run`, which left `now` (`unchanged`: exactly as `machine`, no call
// made); `text` is what the run printed.
std::vector<CheckResult> CheckRun(const char* command, const FixerRun& run, const std::string& text, bool unchanged,
                                  const fakes::MachineState& machine, const fakes::MachineState* episode_found,
                                  fakes::Machine& now) {
  std::vector<CheckResult> broken;
  // Only a failed check is kept: its words are made only then (each sweep runs thousands that pass).
  const std::string what = std::string(command) + " with its journal read failing (5)";
  const int exit = fixer::ToInt(run.exit_code);
  const int refused = fixer::ToInt(fixer::ExitCode::kRefused);
  if (exit != refused)
    broken.push_back({"sweep", what + ": exit code", false, "exit 3 (diagnose-failed: a read failed, no input error)",
                      "exit " + std::to_string(exit) + " (" + run.outcome + ")"});
  if (!unchanged)
    broken.push_back({"sweep", what + ": nothing changed", false, "the machine as it was",
                      fixer::CountText(run.trace.size(), "mutating call", "mutating calls")});
  // Named as the journal's (README): a diagnosis may quote 5 of its own (a profile denied).
  const std::string_view named = "journal: 5: Access is denied.";
  if (text.find(named) == std::string::npos)
    broken.push_back({"sweep", what + ": the error is named", false, "'" + std::string(named) + "' in its output",
                      text.substr(text.size() - std::min<size_t>(text.size(), 300))});
  // Exit 3 on an unchanged machine keeps every promise ExitCodePromises would check.
  if (exit != refused || !unchanged)
    for (CheckResult& c : ExitCodePromises(exit, run.outcome, machine, episode_found, now, run.verified))
      if (!c.passed) broken.push_back(std::move(c));
  return broken;
}

}  // namespace

bool JournalReadResult::AllShareable() const {
  return std::all_of(commands.begin(), commands.end(), [](const CommandChecks& c) { return c.shareable; });
}

bool JournalReadResult::AnyShareable() const {
  return std::any_of(commands.begin(), commands.end(), [](const CommandChecks& c) { return c.shareable; });
}

std::vector<CheckResult> JournalReadResult::Broken() const {
  std::vector<CheckResult> all;
  for (const CommandChecks& c : commands) all.insert(all.end(), c.broken.begin(), c.broken.end());
  return all;
}

JournalReadResult JournalReadPromises(fakes::Machine& machine, const fakes::MachineState& as_is,
                                      const fakes::MachineState* episode_found, const fixer::Options& options,
                                      const PortsDecoratorFactory& decorate, const JournalReadResult* but_journal,
                                      JournalAt at) {
  JournalReadResult result;
  std::vector<size_t> to_run;
  for (size_t i = 0; i < kCommands.size(); ++i) {
    if (but_journal && but_journal->commands[i].shareable)
      result.commands[i] = but_journal->commands[i];
    else
      to_run.push_back(i);
  }
  // The commands run in turn on `machine`: where none calls a mutating port and it ends equal to
  // `as_is` (a sweep's every case), each left it as it was (a run may move the clock or the
  // random stream, never back). Else `machine` is set back and each runs again on its own copy,
  // so a change is told at the run that made it.
  std::vector<CommandRun> runs;
  for (size_t i : to_run) runs.push_back(RunWithJournalReadFailing(machine, kCommands[i], options, decorate));
  const bool untouched =
      std::all_of(runs.begin(), runs.end(), [](const CommandRun& r) { return r.run.trace.empty(); }) &&
      machine.state() == as_is;
  auto keep = [&](size_t i, const CommandRun& r, bool unchanged, fakes::Machine& now) {
    std::string text = RunTranscript(r.run);
    CommandChecks& checks = result.commands[i];
    checks.shareable = unchanged && r.loads <= 1;
    // On the machine as found, a command that never read the journal met no failing read: an
    // apply refused first, the same run as the step's clean apply, which the sweep checks.
    if (at == JournalAt::kPending || r.loads > 0)
      checks.broken = CheckRun(r.command, r.run, text, unchanged, as_is, episode_found, now);
    if (at == JournalAt::kFound)
      checks.transcript = "[" + std::string(r.command) + " with its journal read failing]\n" + std::move(text);
  };
  if (untouched) {
    for (size_t k = 0; k < to_run.size(); ++k) keep(to_run[k], runs[k], true, machine);
    return result;
  }
  machine = fakes::Machine(as_is);
  for (size_t i : to_run) {
    fakes::Machine own(as_is);
    const CommandRun r = RunWithJournalReadFailing(own, kCommands[i], options, decorate);
    keep(i, r, own.state() == as_is && r.run.trace.empty(), own);
  }
  return result;
}

}  // namespace sim::sweep
