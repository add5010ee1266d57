// Replay commands are pasted into a shell: each word, whatever it holds, reaches the program as
// written (checked by a real /bin/sh), and a plain word is left as it is.
#include "sim/shell_words.h"

#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/explore.h"
#include "sim/report.h"
#include "sim/sweep.h"

namespace {

// The words /bin/sh makes of `command` (its arguments after `set --`), one per NUL.
std::vector<std::string> WordsTheShellSees(const std::string& command) {
  const std::string script = "set -- " + command + "; printf '%s\\0' \"$@\"";
  FILE* pipe = ::popen(("/bin/sh -c " + sim::ShellQuote(script)).c_str(), "r");
  if (!pipe) return {};
  std::string out;
  for (int c; (c = std::fgetc(pipe)) != EOF;) out += static_cast<char>(c);
  ::pclose(pipe);
  std::vector<std::string> words;
  for (size_t begin = 0, end; (end = out.find('\0', begin)) != std::string::npos; begin = end + 1)
    words.push_back(out.substr(begin, end - begin));
  return words;
}

TEST(ShellWords, APlainWordIsLeftAlone) {
  EXPECT_EQ(sim::ShellQuote("scenarios/fixer/keep-sid.yaml"), "scenarios/fixer/keep-sid.yaml");
  EXPECT_EQ(sim::ShellQuote("fail@3=5,crash@9"), "fail@3=5,crash@9");
  EXPECT_EQ(sim::ShellQuote("tp s.yaml"), "'tp s.yaml'");
  EXPECT_EQ(sim::ShellQuote("it's"), "'it'\\''s'");
  EXPECT_EQ(sim::ShellQuote(""), "''");
}

TEST(ShellWords, EveryWordReachesTheProgramAsWritten) {
  const std::vector<std::string> words = {"tp s.yaml", "it's.yaml", "$HOME",      "*.yaml", "a\"b\\c",
                                          "",          "~x",        "x;rm -rf y", "`id`",   "caf\xc3\xa9 1.yaml",
                                          "new\nline", "'"};
  for (const std::string& w : words)
    EXPECT_EQ(WordsTheShellSees(sim::ShellQuote(w)), std::vector<std::string>{w}) << sim::ShellQuote(w);
}

TEST(ShellWords, ASweepViolationsReplayCommandQuotesItsFile) {
  sim::SweepViolation v;
  v.file = "dir/tp s's.yaml";
  v.step = 2;
  v.faults = "fail@7=2245";
  EXPECT_EQ(v.ReplayCommand(), "fixup-sim sweep 'dir/tp s'\\''s.yaml' --step 3 --case fail@7=2245");
  EXPECT_EQ(WordsTheShellSees(v.ReplayCommand()),
            (std::vector<std::string>{"fixup-sim", "sweep", v.file, "--step", "3", "--case", "fail@7=2245"}));
}

// The violation's line shows its replay command escaped, as it shows the file: a file name with an
// ESC or a C1 control cannot command the terminal from the sweep's report.
TEST(ShellWords, ASweepViolationsLineShowsAnEscapeInItsFileNotSendsIt) {
  sim::SweepViolation v;
  v.file = "a\x1b[2J\xc2\x9b.yaml";
  v.faults = "fail@1=5";
  const std::string line = v.ToString();
  EXPECT_EQ(line.find('\x1b'), std::string::npos) << line;
  EXPECT_EQ(line.find("\xc2\x9b"), std::string::npos) << line;
  EXPECT_NE(line.find("replay: fixup-sim sweep 'a\\x1b[2J\\xc2\\x9b.yaml' --step 1 --case fail@1=5"), std::string::npos)
      << line;
}

// A file whose name begins with '-' is read by fixup-sim as an option: `fixup-sim run -x.yaml -v`
// said "paths is required". Every replay command (a failed scenario's rerun, a sweep violation's
// replay) names such a file as ./-x.yaml; `-- -x.yaml` had run it.
TEST(ShellWords, AReplayCommandNamesAFileBeginningWithADashSoItIsNoOption) {
  EXPECT_EQ(sim::FileArgument("-x.yaml"), "./-x.yaml");
  EXPECT_EQ(sim::FileArgument("--json.yaml"), "./--json.yaml");
  EXPECT_EQ(sim::FileArgument("dir/-x.yaml"), "dir/-x.yaml");
  EXPECT_EQ(sim::FileArgument("/tmp/-x.yaml"), "/tmp/-x.yaml");
  sim::SweepViolation v;
  v.file = "-x.yaml";
  v.faults = "fail@1=5";
  EXPECT_EQ(v.ReplayCommand(), "fixup-sim sweep ./-x.yaml --step 1 --case fail@1=5");
  sim::ScenarioResult r;
  r.file = "-v s.yaml";
  EXPECT_EQ(sim::RerunCommand(r, 7), "fixup-sim run './-v s.yaml' -v --seed 7");
}

}  // namespace
