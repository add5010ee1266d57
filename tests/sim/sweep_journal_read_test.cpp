// The sweep's journal-read check (sim/src/sweep_journal_read.cpp): wherever a single fault leaves
// a journal pending, apply, resume and rollback whose journal read fails must refuse (exit 3),
// change nothing and name the error. A fixer that takes an unreadable journal for none repairs
// over the pending run: the sweep must say so at every such case, told at the command that did
// it, and say the same whether or not it shares the check between cases reaching equal machines.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "fixer/ports/journal.h"
#include "fixer/win_error.h"
#include "sim/fixer_session.h"
#include "sim/sweep.h"
#include "support/affected_machine.h"
#include "support/temp_folder.h"

namespace {

// A broken fixer's journal: a read that fails is taken for no journal at all.
class UnreadableIsNone : public fixer::JournalWrapper {
 public:
  explicit UnreadableIsNone(fixer::Ports& real) : JournalWrapper(real.journal) {}
  fixer::Result<std::vector<fixer::JournalRecord>> Load() override {
    auto loaded = JournalWrapper::Load();
    if (!loaded.ok()) return std::vector<fixer::JournalRecord>{};
    return loaded;
  }
};

// A broken fixer's journal: a read that fails says 87 whatever the disk answered. The run still
// refuses and changes nothing, reading no record: only the error it names is wrong.
class AnotherError : public fixer::JournalWrapper {
 public:
  explicit AnotherError(fixer::Ports& real) : JournalWrapper(real.journal) {}
  fixer::Result<std::vector<fixer::JournalRecord>> Load() override {
    auto loaded = JournalWrapper::Load();
    if (!loaded.ok()) return fixer::Status::Win(fixer::kErrorInvalidParameter);
    return loaded;
  }
};

// A broken fixer's journal: a read that fails is tried again at once, and the records of the
// second read (which the fault lets through) decide what the run does.
class TriesAgain : public fixer::JournalWrapper {
 public:
  explicit TriesAgain(fixer::Ports& real) : JournalWrapper(real.journal) {}
  fixer::Result<std::vector<fixer::JournalRecord>> Load() override {
    auto loaded = JournalWrapper::Load();
    return loaded.ok() ? loaded : JournalWrapper::Load();
  }
};

sim::PortsDecoratorFactory Broken() {
  return [] { return std::make_unique<sim::WrapOnePort<UnreadableIsNone>>(); };
}

std::string WriteScenario(const test_support::TempFolder& dir) {
  return dir
      .Write("apply.yaml", test_support::ScenarioOnAffectedMachine(
                               "a recreate apply on an affected machine, failed and cut at each call",
                               "  - fixer: {command: apply, strategy: recreate}\n"))
      .string();
}

// The journal-read violations by command ("apply", "resume", "rollback"), and how many cases.
struct JournalReadFindings {
  std::map<std::string, size_t> by_command;
  std::multiset<std::string> lines;  // case and check: what sharing must not change
};

JournalReadFindings Findings(const sim::SweepReport& report) {
  JournalReadFindings f;
  for (const sim::SweepViolation& v : report.violations) {
    if (v.recovery != "journal-read") continue;
    f.by_command[v.check.substr(0, v.check.find(' '))]++;
    f.lines.insert(v.faults + " " + v.check + " " + v.actual);
  }
  return f;
}

TEST(SweepJournalRead, TheRealFixerKeepsEveryPromise) {
  const test_support::TempFolder dir{"sweep_journal_read_test"};
  const sim::SweepReport report = sim::RunSweep({WriteScenario(dir)}, {});
  for (const sim::SweepViolation& v : report.violations) ADD_FAILURE() << v.ToString();
  EXPECT_GT(report.cases, 0u);
}

TEST(SweepJournalRead, AFixerThatTakesAnUnreadableJournalForNoneIsToldAtEachCommand) {
  const test_support::TempFolder dir{"sweep_journal_read_test"};
  sim::SweepOptions o;
  o.decorate = Broken();
  const sim::SweepReport report = sim::RunSweep({WriteScenario(dir)}, o);
  // Every other run reads its journal: the broken fixer is sound there, and the check's runs
  // leave the machine each recovery starts from as they found it.
  for (const sim::SweepViolation& v : report.violations)
    if (v.recovery != "journal-read") ADD_FAILURE() << v.ToString();
  const JournalReadFindings f = Findings(report);
  // The apply then repairs over the pending run, changing the machine; resume and rollback find
  // nothing to do, and neither says the read failed.
  EXPECT_GT(f.by_command.count("apply") ? f.by_command.at("apply") : 0, 0u);
  EXPECT_GT(f.by_command.count("resume") ? f.by_command.at("resume") : 0, 0u);
  EXPECT_GT(f.by_command.count("rollback") ? f.by_command.at("rollback") : 0, 0u);
  const bool change_told = std::any_of(f.lines.begin(), f.lines.end(), [](const std::string& line) {
    return line.find("apply with its journal read failing (5): nothing changed") != std::string::npos;
  });
  EXPECT_TRUE(change_told) << "the apply's changes, told at the apply";
}

// The sweep of the scenario with `decorate`, its journal-read findings sharing runs and not.
struct SharedAndAlone {
  JournalReadFindings shared, alone;
};

SharedAndAlone SweepBothWays(const sim::PortsDecoratorFactory& decorate) {
  const test_support::TempFolder dir{"sweep_journal_read_test"};
  const std::string file = WriteScenario(dir);
  sim::SweepOptions shared;
  shared.decorate = decorate;
  sim::SweepOptions alone = shared;
  alone.share_runs = false;
  return {Findings(sim::RunSweep({file}, shared)), Findings(sim::RunSweep({file}, alone))};
}

// A command that changes the machine is checked again on every machine, whatever an equal one
// found; the others are shared (RecoveryCache::FindJournalRead): each case still reports what
// its check found, as a sweep that shares nothing does.
TEST(SweepJournalRead, ACommandThatChangesTheMachineIsCheckedOnEachMachine) {
  const SharedAndAlone found = SweepBothWays(Broken());
  EXPECT_FALSE(found.shared.lines.empty());
  EXPECT_EQ(found.shared.lines, found.alone.lines);
}

// An apply that reads the journal again after the failed read sees the records: its checks are
// the machine's own, never shared with one whose journal differs.
TEST(SweepJournalRead, AnApplyThatReadsTheJournalAgainSharesNothing) {
  const SharedAndAlone found = SweepBothWays([] { return std::make_unique<sim::WrapOnePort<TriesAgain>>(); });
  ASSERT_TRUE(found.shared.by_command.count("apply")) << "the apply reads the records and refuses as if it read them";
  EXPECT_EQ(found.shared.lines, found.alone.lines);
}

// A command that changes nothing and reads no journal but the read that fails never sees the
// records: machines equal but for their journals share its checks (RecoveryCache::
// FindJournalRead, about half the suite's pending machines). Each case still reports the
// command's finding, as a sweep that shares nothing does.
TEST(SweepJournalRead, SharingBetweenMachinesEqualButForTheirJournalsChangesNoFinding) {
  const SharedAndAlone found = SweepBothWays([] { return std::make_unique<sim::WrapOnePort<AnotherError>>(); });
  ASSERT_TRUE(found.shared.by_command.count("apply")) << "the apply names the wrong error";
  EXPECT_EQ(found.shared.lines, found.alone.lines);
}

// A pair sweep checks its single cases' pending journals as the single-fault sweep does, its
// group's sharing included; a pair case adds none (its first fault's case has them).
TEST(SweepJournalRead, APairSweepFindsWhatTheSingleFaultSweepFinds) {
  const test_support::TempFolder dir{"sweep_journal_read_test"};
  const std::string file = WriteScenario(dir);
  sim::SweepOptions singles;
  singles.fail = false;  // power losses alone: a pair sweep of every kind is minutes under a sanitizer
  singles.decorate = [] { return std::make_unique<sim::WrapOnePort<AnotherError>>(); };
  sim::SweepOptions pairs = singles;
  pairs.faults = 2;
  const JournalReadFindings single = Findings(sim::RunSweep({file}, singles));
  const JournalReadFindings paired = Findings(sim::RunSweep({file}, pairs));
  EXPECT_FALSE(single.lines.empty());
  EXPECT_EQ(paired.lines, single.lines);
}

// The as-found violations of `report` ("as-found" cases) by command, and their lines.
JournalReadFindings AsFound(const sim::SweepReport& report) {
  sim::SweepReport only;
  for (const sim::SweepViolation& v : report.violations)
    if (v.faults == sim::kAsFoundCase) only.violations.push_back(v);
  return Findings(only);
}

// The machine an apply step finds has no journal: a fixer that takes an unreadable journal for
// none repairs it (apply) or finds nothing to resume or roll back, and says neither refusal nor
// the error. Each is told at that step's case `as-found`, which replays alone, with what each of
// the three runs printed.
TEST(SweepJournalRead, OnTheMachineAsFoundEachCommandIsToldAndReplays) {
  const test_support::TempFolder dir{"sweep_journal_read_test"};
  const std::string file = WriteScenario(dir);
  sim::SweepOptions o;
  o.decorate = Broken();
  const sim::SweepReport report = sim::RunSweep({file}, o);
  EXPECT_EQ(report.as_found_checks, 1u);
  const JournalReadFindings found = AsFound(report);
  for (const char* command : {"apply", "resume", "rollback"}) EXPECT_TRUE(found.by_command.count(command)) << command;
  const auto told = std::find_if(report.violations.begin(), report.violations.end(),
                                 [](const sim::SweepViolation& v) { return v.faults == sim::kAsFoundCase; });
  ASSERT_NE(told, report.violations.end());
  EXPECT_EQ(told->recovery, "journal-read");
  EXPECT_NE(told->ReplayCommand().find("--step 1 --case as-found"), std::string::npos) << told->ReplayCommand();

  sim::SweepOptions replay = o;
  replay.only_step = told->step;
  replay.only_case = sim::ParseFaults(told->faults);
  ASSERT_TRUE(replay.only_case.has_value());
  const sim::SweepReport again = sim::RunSweep({file}, replay);
  EXPECT_EQ(again.cases, 0u);
  EXPECT_EQ(again.as_found_checks, 1u);
  EXPECT_EQ(AsFound(again).lines, found.lines);
  EXPECT_EQ(again.violations.size(), found.lines.size()) << "a replay of the machine as found runs no fault case";
  ASSERT_EQ(again.transcripts.size(), 3u);
  EXPECT_EQ(again.transcripts[0].rfind("[apply with its journal read failing]\n", 0), 0u) << again.transcripts[0];
  EXPECT_EQ(again.transcripts[2].rfind("[rollback with its journal read failing]\n", 0), 0u) << again.transcripts[2];
}

// An apply refused before it reads the journal (its caller is no administrator) met no failing
// read: its refusal names no read error, and is no violation of the check. The real fixer keeps
// every promise there; the sweep still checks that machine.
TEST(SweepJournalRead, AnApplyRefusedBeforeItReadsTheJournalHasNothingToTell) {
  const test_support::TempFolder dir{"sweep_journal_read_test"};
  const std::string file =
      dir.Write("clerk.yaml",
                test_support::ScenarioOnAffectedMachine(
                    "an apply by a user who is no administrator", "  - set_caller: clerk\n  - fixer: apply\n",
                    "  accounts:\n    clerk: {password: Cl3rk-Desk-01, groups: [Users]}\n"))
          .string();
  const sim::SweepReport report = sim::RunSweep({file}, {});
  EXPECT_EQ(report.as_found_checks, 1u);
  EXPECT_EQ(report.cases, 0u) << "the refused apply changes nothing a fault could fail";
  for (const sim::SweepViolation& v : report.violations) ADD_FAILURE() << v.ToString();
}

}  // namespace
