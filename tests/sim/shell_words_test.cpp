// Replay commands are pasted into bash: each word, whatever it holds, reaches the program as
// written (checked by a real bash), a plain word is left as it is, and the command shows every
// character it holds (a control byte as bash's $'\xNN', never raw).
#include "app/shell_words.h"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "fixer/utf8.h"

#include "sim/explore.h"
#include "sim/report.h"
#include "sim/sweep.h"

namespace {

// The words bash makes of `command` (its arguments after `set --`), one per NUL.
std::vector<std::string> WordsTheShellSees(const std::string& command) {
  const std::string script = "set -- " + command + "; printf '%s\\0' \"$@\"";
  FILE* pipe = ::popen(("bash -c " + app::ShellQuote(script)).c_str(), "r");
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
  EXPECT_EQ(app::ShellQuote("scenarios/fixer/keep-sid.yaml"), "scenarios/fixer/keep-sid.yaml");
  EXPECT_EQ(app::ShellQuote("fail@3=5,crash@9"), "fail@3=5,crash@9");
  EXPECT_EQ(app::ShellQuote("tp s.yaml"), "'tp s.yaml'");
  EXPECT_EQ(app::ShellQuote("it's"), "'it'\\''s'");
  EXPECT_EQ(app::ShellQuote(""), "''");
}

TEST(ShellWords, EveryWordReachesTheProgramAsWritten) {
  const std::vector<std::string> words = {"tp s.yaml", "it's.yaml", "$HOME",      "*.yaml", "a\"b\\c",
                                          "",          "~x",        "x;rm -rf y", "`id`",   "caf\xc3\xa9 1.yaml",
                                          "new\nline", "'"};
  for (const std::string& w : words)
    EXPECT_EQ(WordsTheShellSees(app::ShellQuote(w)), std::vector<std::string>{w}) << app::ShellQuote(w);
}

// Names a reader cannot see whole in single quotes: each control or escape byte, alone and among
// quotes, `$`, backquotes, `!`, spaces and non-ASCII text.
const std::vector<std::string> kHiddenBytes = {"tab\there.yaml",
                                               "new\nline.yaml",
                                               "esc\x1b[2J.yaml",
                                               "del\x7f.yaml",
                                               "lone\rcr.yaml",
                                               "bell\x07",
                                               "c1\xc2\x9b.yaml",
                                               "latin1 caf\xe9.yaml",
                                               "bidi\xe2\x80\xae.yaml",
                                               "non\xef\xbf\xbe"
                                               "char",
                                               "it's \t$HOME `id` !! \"q\" \\ caf\xc3\xa9\n.yaml",
                                               "\x1b"
                                               "1digit\x01"
                                               "f.yaml",
                                               "'\n'"};

// Where `text` holds a character a terminal would not show as itself; npos when none.
size_t FirstUnshowable(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t len = fixer::ShowableLength(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

TEST(ShellWords, AWordHoldingAHiddenByteIsQuotedAsBashReadsItBack) {
  EXPECT_EQ(app::ShellQuote("a\tb\x1b.yaml"), "$'a\\tb\\x1b.yaml'");
  EXPECT_EQ(app::ShellQuote("it's\n"), "$'it\\'s\\n'");
  EXPECT_EQ(app::ShellQuote("\r\x7f\\"), "$'\\r\\x7f\\\\'");
  EXPECT_EQ(app::ShellQuote("caf\xc3\xa9 !"), "'caf\xc3\xa9 !'") << "shown as it is: no $'...'";
  for (const std::string& w : kHiddenBytes) {
    const std::string quoted = app::ShellQuote(w);
    EXPECT_EQ(FirstUnshowable(quoted), std::string::npos) << quoted;
    EXPECT_TRUE(quoted.starts_with("$'")) << quoted;
    EXPECT_EQ(WordsTheShellSees(quoted), std::vector<std::string>{w}) << quoted;
  }
}

// Every command a report prints to paste, as it prints it (the text report's line, not only the
// command), names the same file when bash runs it.
TEST(ShellWords, EveryPrintedCommandNamesItsFileWhenBashRunsIt) {
  for (const std::string& file : kHiddenBytes) {
    sim::SweepViolation v;
    v.file = file;
    v.step = 1;
    v.faults = "crash@4";
    const std::string line = v.ToString();
    EXPECT_EQ(FirstUnshowable(line.substr(line.find('\n') + 1)), std::string::npos) << line;
    const std::string replay = line.substr(line.find("replay: ") + 8);
    EXPECT_EQ(WordsTheShellSees(replay),
              (std::vector<std::string>{"fixup-sim", "sweep", file, "--step", "2", "--case", "crash@4"}))
        << replay;

    sim::ScenarioResult r;
    r.file = file;
    r.passed = false;
    const std::string summary = sim::RenderSummary({r}, {.seed = 3});
    const size_t at = summary.find("rerun: ");
    ASSERT_NE(at, std::string::npos) << summary;
    const std::string rerun = summary.substr(at + 7, summary.find('\n', at) - at - 7);
    EXPECT_EQ(FirstUnshowable(rerun), std::string::npos) << rerun;
    EXPECT_EQ(WordsTheShellSees(rerun), (std::vector<std::string>{"fixup-sim", "run", file, "-v", "--seed", "3"}))
        << rerun;
  }
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
  EXPECT_NE(line.find("replay: fixup-sim sweep $'a\\x1b[2J\\xc2\\x9b.yaml' --step 1 --case fail@1=5"),
            std::string::npos)
      << line;
}

// A file whose name begins with '-' is read by fixup-sim as an option: `fixup-sim run -x.yaml -v`
// said "paths is required". Every replay command (a failed scenario's rerun, a sweep violation's
// replay) names such a file as ./-x.yaml; `-- -x.yaml` had run it.
TEST(ShellWords, AReplayCommandNamesAFileBeginningWithADashSoItIsNoOption) {
  EXPECT_EQ(app::FileArgument("-x.yaml"), "./-x.yaml");
  EXPECT_EQ(app::FileArgument("--json.yaml"), "./--json.yaml");
  EXPECT_EQ(app::FileArgument("dir/-x.yaml"), "dir/-x.yaml");
  EXPECT_EQ(app::FileArgument("/tmp/-x.yaml"), "/tmp/-x.yaml");
  sim::SweepViolation v;
  v.file = "-x.yaml";
  v.faults = "fail@1=5";
  EXPECT_EQ(v.ReplayCommand(), "fixup-sim sweep ./-x.yaml --step 1 --case fail@1=5");
  sim::ScenarioResult r;
  r.file = "-v s.yaml";
  EXPECT_EQ(sim::RerunCommand(r, 7), "fixup-sim run './-v s.yaml' -v --seed 7");
}

}  // namespace
