// `fixup-sim sweep`'s options as a user types them, as real processes: `--kinds` takes one word,
// comma-separated, and leaves the paths after it alone; a replayed `--case` whose fault never
// fires, or fails its call with an error that call cannot give, is an input error.
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/process_output.h"
#include "support/run_program.h"

namespace {

using test_support::Ran;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kApply =
    (std::filesystem::path(FIXUP_SOURCE_DIR) / "scenarios/support/second-apply-is-a-no-op.yaml").string();

Ran Sweep(std::vector<std::string> args) {
  args.insert(args.begin(), "sweep");
  return test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = args});
}

// The number of cases the summary line gives ("sweep: 1 scenario, 37 cases, ...").
std::string Cases(const Ran& r) {
  const size_t begin = r.out.find("scenario, ");
  if (begin == std::string::npos) return "";
  return r.out.substr(begin + 10, r.out.find(" case", begin) - begin - 10);
}

TEST(SweepOptions, KindsTakesOneWordAndLeavesThePathsAfterIt) {
  const Ran crash = Sweep({"--kinds", "crash", kApply}), fail = Sweep({"--kinds=fail", kApply});
  const Ran both = Sweep({"--kinds", "fail,crash", kApply});
  for (const Ran* r : {&crash, &fail, &both}) {
    EXPECT_EQ(r->exit_code, 0) << r->out << r->err;
    EXPECT_THAT(r->out, HasSubstr("sweep: 1 scenario, "));
  }
  EXPECT_EQ(std::stoul(Cases(both)), std::stoul(Cases(crash)) + std::stoul(Cases(fail)));
  EXPECT_EQ(Cases(Sweep({"--kinds=crash", kApply})), Cases(crash));
  EXPECT_EQ(Cases(Sweep({kApply, "--kinds", "crash"})), Cases(crash));
  EXPECT_EQ(Cases(Sweep({"--kinds", "fail", "--kinds", "crash", kApply})), Cases(both));  // given twice: both

  const Ran bad = Sweep({"--kinds", "power", kApply});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--kinds: 'power' is no fault kind: give fail, crash or fail,crash"));
}

// A comma with nothing on one side names no kind: said as such, never "1 required TEXT missing".
TEST(SweepOptions, KindsWithAnEmptyKindSaysSo) {
  for (const std::string word : {",", "fail,", ",crash", "fail,,crash"}) {
    const Ran r = Sweep({"--kinds", word, kApply});
    EXPECT_EQ(r.exit_code, 2) << word;
    EXPECT_THAT(r.err, HasSubstr("--kinds: '" + word + "' has an empty kind: give fail, crash or fail,crash")) << word;
    EXPECT_EQ(r.out, "") << word;
  }
}

// A fault past the episode's last call never fires: the replay would check a clean run and say
// "0 violations". Exit 2, with how many calls there are.
TEST(SweepOptions, AReplayedFaultThatNeverFiresIsAnInputError) {
  const Ran fired = Sweep({kApply, "--step", "2", "--case", "fail@1=5"});
  EXPECT_EQ(fired.exit_code, 0) << fired.out << fired.err;
  for (const std::string spec : {"fail@99999=5", "crash@99999", "crash@1,crash@99999"}) {
    const Ran r = Sweep({kApply, "--step", "2", "--case", spec});
    EXPECT_EQ(r.exit_code, 2) << spec << ":\n" << r.out << r.err;
    EXPECT_THAT(r.err, HasSubstr("fixup-sim sweep: --case " + spec + ": " + kApply + " step 2: "));
    EXPECT_THAT(r.err, HasSubstr(spec.substr(spec.rfind(',') + 1) + " never fires: the apply"));
    // "1 mutating call" where the first fault crashed the run at its first call, else "N mutating calls".
    EXPECT_THAT(r.err, testing::ContainsRegex(spec.starts_with("crash@1,") ? " 1 mutating call$|1 mutating call\n"
                                                                           : "[0-9]+ mutating calls"));
    EXPECT_THAT(r.out, Not(HasSubstr("0 violations")));
  }
}

// A fail whose error the call it falls on cannot give (README: the faults are each Windows error
// the real call can give) is no case of the sweep: exit 2, naming the call and the errors it can
// give, whether the number is no Windows error at all or another call's.
TEST(SweepOptions, AReplayedFailWithAnErrorItsCallCannotGiveIsAnInputError) {
  for (const std::string error : {"99999", "2245"}) {
    const std::string spec = "fail@1=" + error;
    const Ran r = Sweep({kApply, "--step", "2", "--case", spec});
    EXPECT_EQ(r.exit_code, 2) << spec << ":\n" << r.out << r.err;
    EXPECT_THAT(r.err,
                HasSubstr("fixup-sim sweep: --case " + spec + ": " + kApply + " step 2: " + spec + ": call 1 ("));
    EXPECT_THAT(r.err, HasSubstr(") cannot fail with " + error + "; the errors it can give: "));
    EXPECT_THAT(r.out, Not(HasSubstr("0 violations")));
  }
}

// `--case as-found` replays the journal-read check on the machine the step finds: what each of
// the three runs printed, refused with the journal's error, and no fault case; at a step that is
// no apply it is no case, as any other.
TEST(SweepOptions, AsFoundReplaysTheJournalReadCheckOfTheMachineAsFound) {
  const Ran r = Sweep({kApply, "--step", "2", "--case", "as-found"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const char* command : {"apply", "resume", "rollback"})
    EXPECT_THAT(r.out, HasSubstr(std::string("[") + command + " with its journal read failing]\n")) << command;
  EXPECT_THAT(r.out, HasSubstr("error:   journal: 5: Access is denied."));
  EXPECT_THAT(r.out, HasSubstr("sweep: 1 scenario, 0 cases, 0 runs, 1 machine as found, 0 violations"));
  const Ran none = Sweep({kApply, "--step", "1", "--case", "as-found"});
  EXPECT_EQ(none.exit_code, 2) << none.out;
  EXPECT_THAT(none.err, HasSubstr("--step 1 --case as-found is no case of these scenarios"));
  const Ran empty = Sweep({kApply, "--step", "2", "--case", ""});
  EXPECT_EQ(empty.exit_code, 2) << empty.out;
  EXPECT_THAT(empty.err, HasSubstr("fixup-sim sweep: --case: is empty: give the case a violation prints"));
  const Ran bad = Sweep({kApply, "--step", "2", "--case", "found"});
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_THAT(bad.err, HasSubstr("is not like fail@7=2245 or crash@12 or fail@3=5,crash@9 or as-found"));
}

// A fail's error 0 is Windows' success: the refusal says so, not only what a case looks like.
TEST(SweepOptions, AFailOfErrorZeroSaysZeroIsNoError) {
  const Ran r = Sweep({kApply, "--step", "2", "--case", "fail@1=0"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("is not like fail@7=2245"));
  EXPECT_THAT(r.err, HasSubstr("0 is success, no error"));
  const Ran other = Sweep({kApply, "--step", "2", "--case", "fail@1=x"});
  EXPECT_THAT(other.err, Not(HasSubstr("0 is success")));
}

// A scenario file that does not load is an input error (exit 2) and no summary: "0 scenarios ...
// 0 violations" on standard output read as a sweep that passed.
TEST(SweepOptions, AFileThatDoesNotLoadPrintsNoSummary) {
  const Ran r = Sweep({"no-such-scenario.yaml"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("no-such-scenario.yaml"));
  EXPECT_EQ(r.out, "");
}

}  // namespace
