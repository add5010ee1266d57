// Sweep: the fault sweep of issue 6. For every scenario step that runs `fixer: apply` (not a dry
// run, and with no fault of its own: fail_at, fail_op, crash_at, crash_after, crash_op), the
// scenario is played up to that step, the clean apply counts its mutating calls, and then the
// apply is run again once per call N and fault kind: that call fails with each Windows error
// the real API can give there, or the process loses power there. After each case the episode
// is finished the way an operator would (resume after a crash or a "not restored" exit, and
// separately rollback), and the invariants are checked: the machine is fixed, or exactly as it
// was found; services as found; grants still work; no password in any output; the worker's
// password is the LSA secret (the known temporary password never left valid); the site is
// never down where it was up. Where a single fault leaves a journal pending, apply, resume and
// rollback also run there with their first journal read failing (a read fault, 5): each must say
// the read failed and change nothing (exit 3; recovery "journal-read"). With faults = 2 every ordered pair of faults is
// tried, the second one anywhere in the rest of the episode (its recovery included). A case never runs what another
// already ran: the resume and rollback episodes share their apply; a power loss with no fault before it starts from the
// clean apply's machine before that call; a pair case starts from the snapshots of its first fault's case (the runs
// before its second fault are the same), and each single case's pair cases run right after it, so they are never all
// held at once. A pair case whose second fault falls in the apply and leaves the machine an earlier case of the same
// apply (its first fault at a neighbouring call) left, with the same faults to come, takes that case's recovery runs (a
// run is a pure function of its machine, command and faults; machines compared field by field). An episode that ends on
// a machine equal, field by field, to one an earlier episode of the same apply ended on takes what the checks read of
// that end alone (the statuses, the comparisons with the machine as found, the passwords to look for); its own runs'
// exit codes, promises and transcripts are checked each time.
//
// A case is named by a spec that replays it exactly:  "fail@7=2245", "crash@12",
// "fail@3=5,crash@9".  `fixup-sim sweep FILE --case SPEC --step K` runs just that case; a fault
// that never fires, or a fail whose error its call cannot give (ErrorsFor), is an input error.
//
//   sim::SweepOptions o;  o.faults = 1;
//   sim::SweepReport r = sim::RunSweep({"scenarios/fixer/keep-sid.yaml"}, o);
//   for (const auto& v : r.violations) std::cout << v.ToString() << "\n";
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fakes/faults.h"
#include "sim/fixer_session.h"
#include "sim/scenario.h"

namespace sim {

// One injected fault, at the Nth mutating call of the episode (1-based, apply and its
// recovery counted together).
struct SweepFault {
  uint64_t call = 1;
  fakes::FaultKind kind = fakes::FaultKind::kFail;
  uint32_t error = 0;  // for kFail
  friend bool operator==(const SweepFault&, const SweepFault&) = default;
};

// The case of no fault: the apply step's machine as found, where the sweep checks apply, resume
// and rollback whose journal read fails (a violation there replays with `--case as-found`).
inline constexpr std::string_view kAsFoundCase = "as-found";

// "fail@7=2245,crash@9" <-> faults; kAsFoundCase <-> none. Parse gives nullopt on a malformed spec.
std::string FormatFaults(const std::vector<SweepFault>& faults);
std::optional<std::vector<SweepFault>> ParseFaults(const std::string& spec);

// The Windows errors a mutating call of this op can really give ("scm.stop" -> 1051, 1061, 5).
std::vector<uint32_t> ErrorsFor(const std::string& op);
// "" when a call of `op` can fail with `error` (ErrorsFor), else why not, in the sweep's words:
// "<call> cannot fail with 99999; the errors it can give: 1051, 1061, 5" (`call` names the call:
// "call 3 (scm.stop W3SVC)", "scm.stop").
std::string ErrorNotGivenBy(const std::string& call, const std::string& op, uint32_t error);
// The Windows errors a read of this op can give where it fails, which a scenario's `fail_read` may
// inject ("journal.load" -> 33, 5; a read not listed, 5 alone: docs/windows-reference.md#read-errors).
std::vector<uint32_t> ReadErrorsFor(const std::string& op);
// "" when a read of `op` can fail with `error` (ReadErrorsFor), else why not, in ErrorNotGivenBy's
// words: "eventlog.read cannot fail with 1502; the errors it can give: 1722, 5".
std::string ReadErrorNotGivenBy(const std::string& op, uint32_t error);

struct SweepOptions {
  int faults = 1;    // 1: every single fault; 2: also every pair
  bool fail = true;  // fault kinds to inject
  bool crash = true;
  int jobs = 1;                                      // worker threads
  uint64_t seed = 1;                                 // of each scenario machine without a seed: of its own
  std::optional<size_t> only_step;                   // replay: the index of the fixer step (0-based in steps)
  std::optional<std::vector<SweepFault>> only_case;  // replay: just this case (none: kAsFoundCase's)
  size_t shard_index = 0, shard_count = 1;           // GTEST_SHARD_INDEX / GTEST_TOTAL_SHARDS
  // Test seam; empty for the real ports. Its decorators must be as pure as the real ports (the
  // same machine, command and faults give the same run): a sweep reuses recoveries on that ground.
  PortsDecoratorFactory decorate;
  // A power loss with no fault before it starts from the clean apply's machine before that call,
  // a pair case from the snapshots of its first fault's case (see SweepReport::shared_runs), and a
  // recovery an earlier case of the same apply ran from an equal machine with the same faults to
  // come is taken from it; false runs every case's episodes from the found machine: the
  // reference for the tests.
  bool share_runs = true;
  // With share_runs, the calls of a single case's episodes whose machines its pair cases start
  // from, kept at once: a pair case past them records the next calls by running the single case
  // again. The suite's episodes fit in one window; a test may make it small.
  uint64_t snapshot_window_calls = 128;
  // Test seam: every episode's end machine (a shared one's too), with its case's spec and
  // "resume" or "rollback"; called from the worker threads; may be empty.
  std::function<void(const std::string& faults, const std::string& episode, const fakes::MachineState& end)> observe;
  // Cases done of those known so far (a single case's pair cases are known once it has run, so
  // the total grows during a pair sweep); may be empty.
  std::function<void(size_t done, size_t total)> progress;
};

struct SweepViolation {
  std::string file;
  size_t step = 0;       // index of the fixer step in the scenario's steps
  std::string faults;    // FormatFaults
  std::string recovery;  // "none", "resume", "rollback"
  std::string check;     // what failed
  std::string expected, actual;
  std::string where;  // the op and target of each fault, for the reader
  uint64_t seed = 1;  // SweepOptions::seed: the machines' default seed the case ran with
  // One line: scenario, fault, what failed, and the command that replays exactly this case.
  std::string ToString() const;
  // "fixup-sim sweep FILE --step K --case SPEC", and "--seed N" when the seed is not 1, each word
  // quoted for a POSIX shell (app/shell_words.h)
  std::string ReplayCommand() const;
};

struct SweepReport {
  size_t scenarios = 0;  // files that run a fixer apply the sweep can fault (see above)
  size_t cases = 0;      // fault cases: what the progress bar counts
  // Apply steps whose machine as found was checked with its journal read failing (kAsFoundCase):
  // every target of the sweep (of this shard), or the replayed one.
  size_t as_found_checks = 0;
  // The single-fault cases of every shard together: 0 when no apply makes a change a fault could
  // fail (a machine not affected), and the sweep would check nothing.
  size_t unsharded_cases = 0;
  size_t runs = 0;  // episodes checked: a case with work to recover has two (resume, rollback)
  // Of those, pair episodes the second fault never reaches: the same episode as its first fault's
  // case, checked from that run's result (its violations, under the pair's name) and not run again.
  size_t shared_runs = 0;
  // Of the others, episodes whose recovery (the runs after the apply, or after the pair's second
  // fault) is the one an earlier case of the same apply ran from the same machine, with the same
  // command and faults to come: a run is a pure function of those, so it is taken, not run again.
  // Their checks all run, on that recovery's runs and end.
  size_t reused_recoveries = 0;
  // Apply steps that find a machine equal to an earlier one's, with the same options and known
  // secrets: its cases are not run again (a run is a pure function of those); the earlier one's
  // violations are reported again under each such step. Not counted in `cases` nor `runs`, nor
  // in `as_found_checks`.
  size_t same_targets = 0;
  double seconds = 0;
  std::vector<SweepViolation> violations;
  std::vector<std::string> errors;        // files that could not be loaded or played
  std::vector<std::string> scripts_read;  // batch files its scenarios' `legacy` steps read (FilesReadBy)
  std::vector<std::string> transcripts;   // with only_case: every run's output, for the reader
  // With only_case: each apply where a fault of the case never fired, its call past the episode's
  // last ("ok.yaml step 3: fail@99999=5 never fires: the apply makes only 12 mutating calls"): an
  // input error, the replay having checked a run without it.
  std::vector<std::string> unfired;
  // With only_case: each apply where a fail of the case falls on a call that cannot give its error
  // ("ok.yaml step 3: fail@3=99999: call 3 (scm.stop W3SVC) cannot fail with 99999; the errors it
  // can give: 1051, 1061, 5"): an input error, the replay having checked a run no real call makes.
  std::vector<std::string> errors_not_given;

  // " (426 reused recoveries)", " (31592 shared, 77770 reused recoveries)": what was not run
  // again, each count only when there is one; "" when every episode ran. The summary line's and
  // the HTML page's.
  std::string NotRunAgain() const;
  // "61 scenarios, 5464 cases, 7730 runs (534 reused recoveries), 84 machines as found": the
  // summary line's and the HTML page's totals, the violations aside ("1 scenario, 1 case").
  std::string Totals() const;
  // "0 violations", "1 violation".
  std::string ViolationsText() const;
};

SweepReport RunSweep(const std::vector<std::string>& paths, const SweepOptions& options);

}  // namespace sim
