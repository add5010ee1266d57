// The fault sweep: fault specs, a clean sweep of a keep-sid and a recreate repair, and a fixer
// with a deliberately broken undo (a journal that forgets what each step recorded), which the
// sweep must catch and whose violations must replay exactly.
#include "sim/sweep.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include <gtest/gtest.h>

#include "app/fixer_report.h"
#include "fakes/machine_yaml.h"
#include "fixer/win_error.h"
#include "sim/fixer_session.h"
#include "sim/invariants.h"
#include "sim/run_context.h"
#include "support/sanitizers.h"
#include "support/temp_folder.h"

namespace {

// The affected machine the snapshot tests load, the one Write puts under `machine:`: XP
// Professional, ASP.NET 1.0, MS03-032, one application.
constexpr const char* kAffectedXpPro =
    "os: windows-xp-professional\nframeworks: [\"1.0\"]\nhotfixes: [MS03-032]\n"
    "applications:\n  - path: /LM/W3SVC/1/ROOT/app\n";

TEST(SweepFaults, SpecsRoundTrip) {
  const std::vector<sim::SweepFault> faults = {{3, fakes::FaultKind::kFail, 5}, {9, fakes::FaultKind::kCrash, 0}};
  EXPECT_EQ(sim::FormatFaults(faults), "fail@3=5,crash@9");
  auto parsed = sim::ParseFaults("fail@3=5,crash@9");
  ASSERT_TRUE(parsed.has_value());
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[0].call, 3u);
  EXPECT_EQ((*parsed)[0].error, 5u);
  EXPECT_EQ((*parsed)[1].kind, fakes::FaultKind::kCrash);
  EXPECT_EQ((*parsed)[1].call, 9u);
  // No fault: the apply step's machine as found (the journal-read check there).
  EXPECT_EQ(sim::FormatFaults({}), "as-found");
  auto none = sim::ParseFaults("as-found");
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty());
}

// The summary says what was not run again, each count only when there is one (a single-fault
// sweep shares no pair episode, so it says no "0 shared").
TEST(SweepReport, SaysWhatWasNotRunAgainOnlyWhenSomethingWasNot) {
  sim::SweepReport r;
  EXPECT_EQ(r.NotRunAgain(), "");
  r.reused_recoveries = 426;
  EXPECT_EQ(r.NotRunAgain(), " (426 reused recoveries)");
  r.shared_runs = 31592;
  EXPECT_EQ(r.NotRunAgain(), " (31592 shared, 426 reused recoveries)");
  r.reused_recoveries = 0;
  EXPECT_EQ(r.NotRunAgain(), " (31592 shared)");
}

// The totals name the machines as found the journal-read check ran on, when there are any.
TEST(SweepReport, TotalsCountTheMachinesAsFound) {
  sim::SweepReport r;
  r.scenarios = 1;
  r.cases = 37;
  r.runs = 40;
  EXPECT_EQ(r.Totals(), "1 scenario, 37 cases, 40 runs");
  r.as_found_checks = 1;
  EXPECT_EQ(r.Totals(), "1 scenario, 37 cases, 40 runs, 1 machine as found");
  r.as_found_checks = 84;
  r.reused_recoveries = 3;
  r.scenarios = 2;
  r.cases = 1;
  r.runs = 1;
  EXPECT_EQ(r.Totals(), "2 scenarios, 1 case, 1 run (3 reused recoveries), 84 machines as found");
  EXPECT_EQ(r.ViolationsText(), "0 violations");
  r.violations.resize(1);
  EXPECT_EQ(r.ViolationsText(), "1 violation");
}

TEST(SweepFaults, MalformedSpecsAreRejected) {
  for (const char* bad : {"", "fail@3", "fail@0=5", "crash@", "crash@x", "boom@3", "fail@3=0", "crash@9,crash@3",
                          "crash@3,", "fail@3=5;crash@4", "as-found,crash@3", "As-Found"})
    EXPECT_FALSE(sim::ParseFaults(bad).has_value()) << bad;
}

TEST(SweepFaults, ErrorsAreWhatTheRealCallGives) {
  EXPECT_EQ(sim::ErrorsFor("scm.stop").front(), fixer::kErrorDependentServicesRunning);
  EXPECT_EQ(sim::ErrorsFor("sam.set_password").front(), fixer::kNerrPasswordTooShort);
  EXPECT_EQ(sim::ErrorsFor("journal.append").front(), fixer::kErrorDiskFull);
  EXPECT_EQ(sim::ErrorsFor("anything.else"), std::vector<uint32_t>{fixer::kErrorAccessDenied});
  // ReportEvent into a full Application log, and with the Event Log service stopped (audit 10 item 10).
  EXPECT_EQ(sim::ErrorsFor("eventlog.write"),
            (std::vector<uint32_t>{fixer::kErrorAccessDenied, fixer::kErrorLogFileFull, fixer::kRpcServerUnavailable}));
}

// An injected failure is reported with Windows' words for its number, as the real call's would be:
// never FormatMessage's "cannot find message text" (a transcript once showed it for 1316).
TEST(SweepFaults, EveryInjectedErrorHasWindowsText) {
  const std::string_view missing = fixer::WinErrorText(0xFFFF'FFFFu);
  for (const char* op :
       {"scm.stop", "scm.start", "sam.set_password", "sam.create_user", "journal.append", "journal.clear",
        "profile.create", "file.create", "sql.grant_login", "lsa.grant", "eventlog.write"}) {
    for (uint32_t error : sim::ErrorsFor(op)) EXPECT_NE(fixer::WinErrorText(error), missing) << op << " " << error;
  }
}

class SweepTest : public ::testing::Test {
 protected:
  // Writes a scenario that applies `strategy` to an affected machine; returns its path.
  std::string Write(const std::string& strategy) {
    const std::string text = "summary: " + strategy + " on an affected XP Pro machine\n" +
                             "machine:\n  os: windows-xp-professional\n  frameworks: [\"1.0\"]\n" +
                             "  hotfixes: [MS03-032]\n  applications:\n    - path: /LM/W3SVC/1/ROOT/app\n" +
                             "steps:\n  - fixer: {command: apply, strategy: " + strategy + "}\n";
    return dir_.Write(strategy + ".yaml", text).string();
  }
  const test_support::TempFolder dir_{"sweep_test"};
};

TEST_F(SweepTest, KeepSidSurvivesEverySingleFault) {
  sim::SweepReport r = sim::RunSweep({Write("keep-sid")}, {});
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.scenarios, 1u);
  EXPECT_GT(r.runs, 50u);  // dozens of mutating calls, each failed and cut
  for (const auto& v : r.violations) ADD_FAILURE() << v.ToString();
}

TEST_F(SweepTest, RecreateSurvivesEverySingleFault) {
  sim::SweepReport r = sim::RunSweep({Write("recreate")}, {});
  EXPECT_GT(r.runs, 50u);
  for (const auto& v : r.violations) ADD_FAILURE() << v.ToString();
}

// Found by `--faults 2`: the "done" record of delete-account is lost (disk full), the run goes
// forward to the end, and the resume that must run every later step again loses power part way.
// Unless the resume journals that it reopened those steps, the next resume reads their old
// "done" records, takes the repair for finished, and leaves the temporary password on the new
// account. Every crash point of that resume (and of the one after it) must still converge.
TEST_F(SweepTest, AResumeKilledWhileRunningStepsAgainStillConverges) {
  const std::string file = Write("recreate");
  constexpr const char* kLostDone = "fail@11=112";  // the journal write of delete-account's "done"
  sim::SweepOptions first;
  first.only_step = 0;
  first.only_case = sim::ParseFaults(kLostDone);
  const sim::SweepReport lost = sim::RunSweep({file}, first);
  std::string transcript;
  for (const auto& t : lost.transcripts) transcript += t;
  ASSERT_NE(transcript.find("could not be written (delete-account done)"), std::string::npos)
      << "call 11 is no longer that journal write; update kLostDone\n"
      << transcript;
  ASSERT_NE(transcript.find("runs again on resume"), std::string::npos) << transcript;
  for (const auto& v : lost.violations) ADD_FAILURE() << v.ToString();

  size_t crashed = 0;
  for (int call = 12;; ++call) {
    sim::SweepOptions o = first;
    std::string spec = kLostDone;  // appended, not operator+: GCC 12's -Warray-bounds misfires there
    spec += ",crash@" + std::to_string(call);
    o.only_case = sim::ParseFaults(spec);
    const sim::SweepReport r = sim::RunSweep({file}, o);
    for (const auto& v : r.violations) ADD_FAILURE() << v.ToString();
    const bool any_crash = std::any_of(r.transcripts.begin(), r.transcripts.end(),
                                       [](const std::string& t) { return t.find("Power lost") != std::string::npos; });
    if (!any_crash) break;  // past the last mutating call of the episode
    ++crashed;
  }
  EXPECT_GT(crashed, 40u);  // the apply's and both resumes' calls
}

// A broken undo: the journal keeps each record's step and phase but loses its data, so a
// resume or rollback after a crash no longer knows which services were running.
class ForgetfulJournal : public fixer::JournalWrapper {
 public:
  explicit ForgetfulJournal(fixer::Ports& real) : JournalWrapper(real.journal) {}
  fixer::Status Append(fixer::JournalRecord record) override {
    record.data.clear();
    record.grants.reset();
    return JournalWrapper::Append(std::move(record));
  }
};

TEST_F(SweepTest, ABrokenUndoIsReportedWithACommandThatReplaysIt) {
  sim::SweepOptions o;
  o.fail = false;  // crashes are what send the fixer to its journal
  o.decorate = [] { return std::make_unique<sim::WrapOnePort<ForgetfulJournal>>(); };
  const std::string file = Write("keep-sid");
  sim::SweepReport r = sim::RunSweep({file}, o);
  ASSERT_FALSE(r.violations.empty());
  const sim::SweepViolation& v = r.violations.front();
  const std::string line = v.ToString();
  EXPECT_NE(line.find(file), std::string::npos) << line;
  EXPECT_NE(line.find("replay: fixup-sim sweep " + file + " --step 1 --case crash@"), std::string::npos) << line;

  // The replay runs exactly that case and finds the same violation.
  sim::SweepOptions replay = o;
  replay.only_step = v.step;
  replay.only_case = sim::ParseFaults(v.faults);
  ASSERT_TRUE(replay.only_case.has_value());
  sim::SweepReport again = sim::RunSweep({file}, replay);
  ASSERT_FALSE(again.violations.empty());
  EXPECT_EQ(again.violations.front().check, v.check);
  EXPECT_EQ(again.violations.front().actual, v.actual);
  EXPECT_FALSE(again.transcripts.empty());
}

// A replayed case whose fault falls past the episode's last call never fires: the report says
// so with the apply's number of calls (the command makes it an input error), and one that fires
// says nothing.
TEST_F(SweepTest, AReplayedFaultThatNeverFiresIsReported) {
  const std::string file = Write("keep-sid");
  sim::SweepOptions o;
  o.only_step = 0;
  o.only_case = sim::ParseFaults("crash@1");
  const sim::SweepReport fired = sim::RunSweep({file}, o);
  EXPECT_TRUE(fired.unfired.empty()) << fired.unfired.front();
  o.only_case = sim::ParseFaults("fail@1=5,fail@99999=5");
  const sim::SweepReport r = sim::RunSweep({file}, o);
  ASSERT_EQ(r.unfired.size(), 1u);
  EXPECT_EQ(r.unfired[0].rfind(file + " step 1: fail@99999=5 never fires: the apply makes only ", 0), 0u)
      << r.unfired[0];

  o.only_case = sim::ParseFaults("fail@99999=5");
  const sim::SweepReport clean = sim::RunSweep({file}, o);
  ASSERT_EQ(clean.unfired.size(), 1u);
  const std::string calls = clean.unfired[0].substr(clean.unfired[0].rfind("only ") + 5);
  o.only_case = sim::ParseFaults("crash@" + calls.substr(0, calls.find(' ')));  // the apply's last call
  EXPECT_TRUE(sim::RunSweep({file}, o).unfired.empty());
}

// A replayed fail whose error its call cannot give (not among ErrorsFor the call's op, what the
// sweep injects there) is reported with the call and the errors it can give (the command makes
// it an input error); one it can give says nothing.
TEST_F(SweepTest, AReplayedFailWithAnErrorItsCallCannotGiveIsReported) {
  const std::string file = Write("keep-sid");
  sim::SweepOptions o;
  o.only_step = 0;
  o.only_case = sim::ParseFaults("fail@1=5");
  const sim::SweepReport given = sim::RunSweep({file}, o);
  EXPECT_TRUE(given.errors_not_given.empty()) << given.errors_not_given.front();
  o.only_case = sim::ParseFaults("fail@1=99999");
  const sim::SweepReport r = sim::RunSweep({file}, o);
  ASSERT_EQ(r.errors_not_given.size(), 1u);
  const std::string& said = r.errors_not_given[0];
  const std::string prefix = file + " step 1: fail@1=99999: call 1 (";
  ASSERT_EQ(said.rfind(prefix, 0), 0u) << said;
  const std::string op = said.substr(prefix.size(), said.find_first_of(" )", prefix.size()) - prefix.size());
  std::string codes;
  for (uint32_t error : sim::ErrorsFor(op)) codes += (codes.empty() ? "" : ", ") + std::to_string(error);
  EXPECT_NE(said.find(") cannot fail with 99999; the errors it can give: " + codes), std::string::npos) << said;
  EXPECT_EQ(said.substr(said.size() - codes.size()), codes) << said;
}

// `sweep --seed N`: the machines without a seed of their own take N, and a violation's replay
// command carries it, so pasted it loads the same machines and finds the same violation.
TEST_F(SweepTest, TheSeedReachesTheMachinesAndTheReplayCommand) {
  sim::SweepOptions o;
  o.fail = false;
  o.seed = 7;
  o.decorate = [] { return std::make_unique<sim::WrapOnePort<ForgetfulJournal>>(); };
  std::mutex mutex;
  std::set<uint64_t> seeds;
  o.observe = [&](const std::string&, const std::string&, const fakes::MachineState& end) {
    std::lock_guard<std::mutex> lock(mutex);
    seeds.insert(end.seed);
  };
  const std::string file = Write("keep-sid");
  const sim::SweepReport r = sim::RunSweep({file}, o);
  EXPECT_EQ(seeds, std::set<uint64_t>{7});
  ASSERT_FALSE(r.violations.empty());
  const sim::SweepViolation& v = r.violations.front();
  EXPECT_EQ(v.ReplayCommand(), "fixup-sim sweep " + file + " --step 1 --case " + v.faults + " --seed 7");

  sim::SweepViolation seed_one = v;
  seed_one.seed = 1;  // the default is left out
  EXPECT_EQ(seed_one.ReplayCommand(), "fixup-sim sweep " + file + " --step 1 --case " + v.faults);
}

// One sweep of `file` that shares runs (snapshots, recoveries) and the same sweep running every
// case from the found machine, with every episode's end machine of each, by case and episode kind.
struct SharedAndFromStart {
  std::mutex mutex;
  std::map<std::string, fakes::MachineState> ends[2];  // shared, from the start
  sim::SweepReport shared, from_start;

  void Run(const std::string& file, sim::SweepOptions o) {
    auto observe_into = [this](std::map<std::string, fakes::MachineState>& into) {
      return [this, &into](const std::string& faults, const std::string& episode, const fakes::MachineState& end) {
        std::lock_guard<std::mutex> lock(mutex);
        into.emplace(faults + " " + episode, end);
      };
    };
    o.observe = observe_into(ends[0]);
    shared = sim::RunSweep({file}, o);
    o.share_runs = false;
    o.observe = observe_into(ends[1]);
    from_start = sim::RunSweep({file}, o);
  }
  // The same episodes either way, each ending on the same machine, clock included.
  void ExpectSameEnds() {
    ASSERT_EQ(ends[0].size(), ends[1].size());
    size_t differ = 0;
    for (const auto& [episode, end] : ends[0]) {
      const auto other = ends[1].find(episode);
      ASSERT_NE(other, ends[1].end()) << episode;
      if (!(end == other->second) && ++differ <= 3) ADD_FAILURE() << episode << " ends elsewhere from its snapshot";
    }
  }
};

// A pair case starts from the snapshots of its first fault's case, an episode its second fault
// never reaches is that case's own, a power loss with no fault before it starts from the clean
// apply's machine before that call, and a recovery from a machine an earlier case's recovery
// started from, with the same faults to come, is that recovery: the same cases, episodes, end
// machines and violations, in the same order, as running every case from the found machine.
// Checked on single and pair sweeps, on a sound fixer and on one whose undo is broken, whose
// violations come from both kinds of episode.
TEST_F(SweepTest, CasesFromSnapshotsFindWhatCasesRunFromTheStartFind) {
  const std::string file = Write("keep-sid");
  for (const auto& [faults, broken] : {std::pair{1, false}, {1, true}, {2, false}, {2, true}}) {
    SCOPED_TRACE("faults " + std::to_string(faults) + (broken ? ", broken undo" : ""));
    sim::SweepOptions shared;
    shared.faults = faults;
    shared.jobs = 2;
    // Under the sanitizers (about 25x slower) every fourth single case and its pairs, in both modes.
    if (test_support::kUnderSanitizers) shared.shard_count = 4;
    if (broken) {
      shared.fail = false;  // crashes are what send the fixer to its journal
      shared.decorate = [] { return std::make_unique<sim::WrapOnePort<ForgetfulJournal>>(); };
    }
    SharedAndFromStart sweeps;
    sweeps.Run(file, shared);
    const sim::SweepReport &a = sweeps.shared, &b = sweeps.from_start;
    EXPECT_EQ(sweeps.ends[0].size(), a.runs);
    sweeps.ExpectSameEnds();
    EXPECT_EQ(a.cases, b.cases);
    EXPECT_EQ(a.runs, b.runs);
    EXPECT_TRUE(broken || faults == 1 || a.shared_runs > 0)
        << "no pair episode shared";  // the broken undo may reach every one
    // Crashes only (the broken undo's sweep): one single case per call, whose pairs' machines all differ.
    // A single-fault sweep of this keep-sid repair reaches no recovery twice.
    EXPECT_TRUE(broken || faults == 1 || a.reused_recoveries > 0) << "no recovery reused";
    EXPECT_EQ(b.shared_runs, 0u);
    EXPECT_EQ(b.reused_recoveries, 0u);
    EXPECT_EQ(a.violations.empty(), !broken);
    ASSERT_EQ(a.violations.size(), b.violations.size()) << "broken undo: " << broken;
    for (size_t i = 0; i < a.violations.size(); ++i) {
      EXPECT_EQ(a.violations[i].ToString(), b.violations[i].ToString());
      EXPECT_EQ(a.violations[i].expected, b.violations[i].expected);
    }
  }
}

// A power loss at call N with no earlier fault starts from the clean apply's machine before N,
// recorded a window of calls at a time (sweep_before_call.h) and let go when the cases reading
// it are done. A recreate that re-grants 150 files' ACEs spans three windows and more: each of
// its crash cases, on two workers, must end where the same case run from the found machine ends.
TEST_F(SweepTest, CrashCasesFromEveryWindowOfSnapshotsEndWhereCasesFromTheStartEnd) {
  std::string text =
      "summary: recreate re-granting 150 files\nmachine:\n  os: windows-xp-professional\n"
      "  frameworks: [\"1.0\"]\n  hotfixes: [MS03-032]\n  applications:\n    - path: /LM/W3SVC/1/ROOT/app\nsteps:\n";
  for (int i = 0; i < 150; ++i)
    text += "  - grant_ace: {path: 'C:\\Data\\file" + std::to_string(i) + ".txt', principal: ASPNET, mask: modify}\n";
  text += "  - fixer: {command: apply, strategy: recreate}\n";
  const std::string file = dir_.Write("many-files.yaml", text).string();
  sim::SweepOptions windows;
  windows.fail = false;
  windows.jobs = 2;
  if (test_support::kUnderSanitizers) windows.shard_count = 4;
  SharedAndFromStart sweeps;
  sweeps.Run(file, windows);
  ASSERT_TRUE(sweeps.shared.errors.empty());
  // Calls in three windows and more.
  EXPECT_GT(sweeps.shared.cases, 3 * 64u / (test_support::kUnderSanitizers ? 4 : 1));
  EXPECT_EQ(sweeps.shared.cases, sweeps.from_start.cases);
  sweeps.ExpectSameEnds();
  for (const auto& v : sweeps.shared.violations) ADD_FAILURE() << v.ToString();
}

// A pair case starts from a snapshot its single case's episodes recorded, a window of calls at a
// time (SweepOptions::snapshot_window_calls); a pair past the window records the next one by
// running the single case again. With windows of a few calls, every pair case of a keep-sid
// repair (a recovery of tens of calls: many windows), a broken undo's too, must end where the same
// case run from the found machine ends, with the same violations.
TEST_F(SweepTest, PairCasesFromEveryWindowOfSnapshotsEndWhereCasesFromTheStartEnd) {
  const std::string file = Write("keep-sid");
  for (const bool broken : {false, true}) {
    SCOPED_TRACE(broken ? "broken undo" : "sound undo");
    sim::SweepOptions windows;
    windows.faults = 2;
    windows.fail = false;  // power losses: the pair cases that start from snapshots
    windows.jobs = 2;
    windows.snapshot_window_calls = 3;
    if (test_support::kUnderSanitizers) windows.shard_count = 4;
    if (broken) windows.decorate = [] { return std::make_unique<sim::WrapOnePort<ForgetfulJournal>>(); };
    SharedAndFromStart sweeps;
    sweeps.Run(file, windows);
    ASSERT_TRUE(sweeps.shared.errors.empty());
    EXPECT_EQ(sweeps.shared.cases, sweeps.from_start.cases);
    EXPECT_EQ(sweeps.shared.runs, sweeps.from_start.runs);
    sweeps.ExpectSameEnds();
    EXPECT_EQ(sweeps.shared.violations.empty(), !broken);
    ASSERT_EQ(sweeps.shared.violations.size(), sweeps.from_start.violations.size());
    for (size_t i = 0; i < sweeps.shared.violations.size(); ++i)
      EXPECT_EQ(sweeps.shared.violations[i].ToString(), sweeps.from_start.violations[i].ToString());
  }
}

// The checks that read an episode's end alone (services, grants, widened, worker password, site)
// are worked out once for each distinct end a sweep reaches, and an episode ending on an equal
// machine takes them. Every episode must still get exactly what checking its own end gives:
// with a broken undo, whose episodes end in many wrong states (services left stopped, grants
// lost), the sweep's violations of those checks are, case by case and episode by episode, those
// of each end checked from scratch.
TEST_F(SweepTest, EveryEpisodeGetsTheChecksOfItsOwnEnd) {
  for (const char* strategy : {"keep-sid", "recreate"}) {
    const std::string file = Write(strategy);
    sim::LoadedScenario loaded = sim::LoadScenarioFile(file);
    ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
    sim::SweepOptions o;
    const fakes::MachineState found = sim::RunContext(loaded.value->machine).machine.state();
    o.decorate = [] { return std::make_unique<sim::WrapOnePort<ForgetfulJournal>>(); };
    std::mutex mutex;
    std::multiset<std::string> expected;  // "faults episode invariant", from each end checked alone
    o.observe = [&](const std::string& faults, const std::string& episode, const fakes::MachineState& end) {
      const sim::CheckResult checks[] = {sim::ServicesAsFound(found, end), sim::GrantsStillWork(found, end, "ASPNET"),
                                         sim::NoGrantWidened(found, end, "ASPNET"),
                                         sim::WorkerSecretNotWorse(found, end, "ASPNET"),
                                         sim::SiteNotWorse(found, end)};
      std::lock_guard<std::mutex> lock(mutex);
      for (const sim::CheckResult& c : checks)
        if (!c.passed) expected.insert(faults + " " + episode + " " + sim::InvariantName(c));
    };
    const sim::SweepReport r = sim::RunSweep({file}, o);
    std::multiset<std::string> reported;
    std::set<std::string> kinds;
    for (const sim::SweepViolation& v : r.violations) {
      const std::string name = sim::InvariantName({"invariant", v.check, false, "", "", {}});
      if (name != "services" && name != "grants" && name != "widened" && name != "worker-password" && name != "site")
        continue;
      reported.insert(v.faults + " " + (v.recovery == "none" ? "resume" : v.recovery) + " " + name);
      kinds.insert(name);
    }
    // Services, grants, widened and worker password, with either strategy.
    EXPECT_GE(kinds.size(), 4u) << strategy << ": the broken undo no longer leaves wrong ends of each kind";
    EXPECT_EQ(reported, expected) << strategy;
  }
}

// What lets the sweep start a crash case from a snapshot instead of running the apply up to
// the crash: with no earlier fault, a power loss at call N leaves exactly the machine the clean
// apply had just before call N, for every N and both strategies.
TEST(SweepSnapshots, APowerLossLeavesTheMachineTheCleanApplyHadBeforeThatCall) {
  auto found = fakes::LoadMachineText(kAffectedXpPro, "m.yaml");
  ASSERT_TRUE(found.ok()) << found.error->ToString();
  for (auto strategy : {fixer::Strategy::kKeepSid, fixer::Strategy::kRecreate}) {
    fixer::Options options;
    options.strategy = strategy;
    fakes::Machine clean(*found.value);
    std::vector<fakes::MachineState> before;
    clean.set_before_mutation([&] { before.push_back(clean.state()); });
    sim::FixerRun run = sim::RunFixer(clean, "apply", options, {});
    ASSERT_EQ(run.outcome, "fixed") << run.log;
    ASSERT_EQ(before.size(), run.trace.size());
    ASSERT_GT(before.size(), 20u);
    for (uint64_t n = 1; n <= before.size(); ++n) {
      fakes::Machine m(*found.value);
      fakes::FaultPlan crash;
      crash.Add({.nth = n, .kind = fakes::FaultKind::kCrash});
      sim::FixerRun cut = sim::RunFixer(m, "apply", options, std::move(crash));
      ASSERT_TRUE(cut.crashed) << n;
      EXPECT_TRUE(m.state() == before[n - 1]) << "crash at call " << n << " (" << run.trace[n - 1].op << ")";
    }
  }
}

// The same premise for a recovery run, which a pair case's second power loss starts from: a
// resume or rollback after a crashed apply, cut at its call N, leaves the machine that run had
// just before call N, for every N.
TEST(SweepSnapshots, APowerLossInARecoveryLeavesTheMachineThatRunHadBeforeThatCall) {
  auto found = fakes::LoadMachineText(kAffectedXpPro, "m.yaml");
  ASSERT_TRUE(found.ok()) << found.error->ToString();
  fixer::Options options;
  options.strategy = fixer::Strategy::kRecreate;
  fakes::Machine crashed(*found.value);
  fakes::FaultPlan crash;
  crash.Add({.nth = 12, .kind = fakes::FaultKind::kCrash});
  ASSERT_TRUE(sim::RunFixer(crashed, "apply", options, std::move(crash)).crashed);
  for (const char* recovery : {"resume", "rollback"}) {
    fakes::Machine whole(crashed.state());
    std::vector<fakes::MachineState> before;
    whole.set_before_mutation([&] { before.push_back(whole.state()); });
    sim::FixerRun run = sim::RunFixer(whole, recovery, options, {});
    ASSERT_FALSE(run.crashed) << recovery << "\n" << run.log;
    ASSERT_GT(before.size(), 5u) << recovery;
    for (uint64_t n = 1; n <= before.size(); ++n) {
      fakes::Machine m(crashed.state());
      fakes::FaultPlan cut;
      cut.Add({.nth = n, .kind = fakes::FaultKind::kCrash});
      ASSERT_TRUE(sim::RunFixer(m, recovery, options, std::move(cut)).crashed) << recovery << " " << n;
      EXPECT_TRUE(m.state() == before[n - 1]) << recovery << " cut at call " << n << " (" << run.trace[n - 1].op << ")";
    }
  }
}

// What lets the sweep render an apply's diagnosis and plan once per machine found: an apply works
// both out before its first change, so a fault on any of its changes (an error or a power loss,
// keep-sid and recreate) leaves them as the clean apply printed them, and the transcript made with
// the clean apply's head is the one rendered whole.
TEST(SweepTranscripts, EveryFaultedApplyOfTheMachineFoundPrintsTheCleanApplysHead) {
  auto found = fakes::LoadMachineText(kAffectedXpPro, "m.yaml");
  ASSERT_TRUE(found.ok()) << found.error->ToString();
  for (const fixer::Strategy strategy : {fixer::Strategy::kKeepSid, fixer::Strategy::kRecreate}) {
    fixer::Options options;
    options.strategy = strategy;
    fakes::Machine clean_machine(*found.value);
    const sim::FixerRun clean = sim::RunFixer(clean_machine, "apply", options, {});
    ASSERT_TRUE(clean.result.has_value());
    const std::string head = app::RenderRunHead(*clean.result);
    ASSERT_NE(head.find("Plan ("), std::string::npos) << head;
    ASSERT_GT(clean.trace.size(), 5u);
    for (uint64_t n = 1; n <= clean.trace.size(); ++n) {
      for (const fakes::FaultKind kind : {fakes::FaultKind::kFail, fakes::FaultKind::kCrash}) {
        fakes::Machine m(*found.value);
        fakes::FaultPlan plan;
        plan.Add({.nth = n, .kind = kind, .error = fixer::kErrorAccessDenied});
        const sim::FixerRun run = sim::RunFixer(m, "apply", options, std::move(plan));
        if (!run.result) {  // a power loss may end a run before its report: rendered whole, as before
          EXPECT_EQ(kind, fakes::FaultKind::kCrash) << n;
          continue;
        }
        EXPECT_EQ(app::RenderRunHead(*run.result), head) << "fault at call " << n;
        EXPECT_EQ(sim::RunTranscript(run, head), sim::RunTranscript(run)) << "fault at call " << n;
        EXPECT_NE(sim::RunTranscript(run).find(head), std::string::npos) << "fault at call " << n;
      }
    }
  }
}

// What lets the sweep take a recovery an earlier case ran instead of running it again: a fixer run
// is a pure function of the machine it finds, its command and its faults. Two equal machines (one
// a copy, the other reached by running the same crashed apply again) give the same runs: exit,
// transcript, calls and end machine, for resume and rollback, with and without a fault in them.
TEST(SweepRecoveries, RunsFromEqualMachinesWithTheSameFaultsAreTheSame) {
  auto found = fakes::LoadMachineText(kAffectedXpPro, "m.yaml");
  ASSERT_TRUE(found.ok()) << found.error->ToString();
  fixer::Options options;
  options.strategy = fixer::Strategy::kRecreate;
  auto crashed_apply = [&] {
    fakes::Machine m(*found.value);
    fakes::FaultPlan crash;
    crash.Add({.nth = 12, .kind = fakes::FaultKind::kCrash});
    EXPECT_TRUE(sim::RunFixer(m, "apply", options, std::move(crash)).crashed);
    return m.state();
  };
  const fakes::MachineState crashed = crashed_apply();
  ASSERT_TRUE(crashed == crashed_apply());
  for (const char* recovery : {"resume", "rollback"}) {
    for (const bool faulted : {false, true}) {
      auto run = [&](const fakes::MachineState& from, fakes::MachineState& end) {
        fakes::Machine m(from);
        fakes::FaultPlan plan;
        if (faulted) plan.Add({.nth = 3, .kind = fakes::FaultKind::kFail, .error = fixer::kErrorAccessDenied});
        sim::FixerRun r = sim::RunFixer(m, recovery, options, std::move(plan));
        end = m.state();
        return r;
      };
      fakes::MachineState end_a, end_b;
      const sim::FixerRun a = run(crashed, end_a), b = run(crashed_apply(), end_b);
      EXPECT_EQ(a.exit_code, b.exit_code) << recovery;
      EXPECT_EQ(sim::RunTranscript(a), sim::RunTranscript(b)) << recovery;
      ASSERT_EQ(a.trace.size(), b.trace.size()) << recovery;
      for (size_t i = 0; i < a.trace.size(); ++i)
        EXPECT_EQ(a.trace[i].op + a.trace[i].target, b.trace[i].op + b.trace[i].target);
      EXPECT_TRUE(end_a == end_b) << recovery << (faulted ? " with a fault" : "");
    }
  }
}

// Two apply steps that find equal machines with the same options: the second's cases are the
// first's (a run is a pure function of them), so it is linked, not run, and each violation is
// reported under both steps, as running both finds them. A step whose machine differs runs.
TEST_F(SweepTest, AnApplyTheSameAsAnEarlierOneReportsItsViolationsUnderBoth) {
  const std::string first = Write("keep-sid");
  const std::string second = dir_.Write("same.yaml", dir_.Read("keep-sid.yaml")).string();
  std::string other_text = dir_.Read("keep-sid.yaml");
  other_text.replace(other_text.find("/ROOT/app"), 9, "/ROOT/shop");
  const std::string other = dir_.Write("other.yaml", other_text).string();
  sim::SweepOptions o;
  o.fail = false;  // crashes send the fixer to its journal, which ForgetfulJournal breaks
  o.decorate = [] { return std::make_unique<sim::WrapOnePort<ForgetfulJournal>>(); };
  const sim::SweepReport linked = sim::RunSweep({first, second, other}, o);
  o.share_runs = false;
  const sim::SweepReport each = sim::RunSweep({first, second, other}, o);
  EXPECT_EQ(linked.same_targets, 1u);
  EXPECT_EQ(each.same_targets, 0u);
  EXPECT_NE(linked.Totals().find(", 1 apply the same as an earlier one (checked by its cases)"), std::string::npos)
      << linked.Totals();
  EXPECT_EQ(linked.as_found_checks + 1, each.as_found_checks);
  EXPECT_LT(linked.runs, each.runs);
  std::multiset<std::string> a, b;
  size_t under_second = 0;
  for (const sim::SweepViolation& v : linked.violations) {
    a.insert(v.ToString());
    if (v.file == second) ++under_second;
  }
  for (const sim::SweepViolation& v : each.violations) b.insert(v.ToString());
  EXPECT_GT(under_second, 0u);
  EXPECT_EQ(a, b);
}

TEST_F(SweepTest, ShardsSplitTheCasesWithoutOverlap) {
  const std::string file = Write("keep-sid");
  sim::SweepOptions all;
  all.fail = false;
  const size_t total = sim::RunSweep({file}, all).runs;
  size_t sum = 0, as_found = 0;
  for (size_t i = 0; i < 3; ++i) {
    sim::SweepOptions shard = all;
    shard.shard_count = 3;
    shard.shard_index = i;
    const sim::SweepReport r = sim::RunSweep({file}, shard);
    sum += r.runs;
    as_found += r.as_found_checks;  // each apply step's machine as found, in one shard only
  }
  EXPECT_EQ(sum, total);
  EXPECT_EQ(as_found, 1u);
}

}  // namespace

namespace {

// A replay (--step K --case C, or --case as-found) runs its case on every shard, as explore's
// --case does: the replay a sharded job's violation prints replays it in that job's environment.
TEST_F(SweepTest, AReplayRunsItsCaseWhateverTheShard) {
  const std::string file = Write("keep-sid");
  for (const std::string& spec : {std::string("fail@1=5"), std::string(sim::kAsFoundCase)}) {
    for (size_t i = 0; i < 3; ++i) {
      sim::SweepOptions o;
      o.only_step = 0;
      o.only_case = sim::ParseFaults(spec);
      ASSERT_TRUE(o.only_case.has_value()) << spec;
      o.shard_count = 3;
      o.shard_index = i;
      const sim::SweepReport r = sim::RunSweep({file}, o);
      EXPECT_EQ(r.cases + r.as_found_checks, 1u) << spec << " on shard " << i;
    }
  }
}

}  // namespace
