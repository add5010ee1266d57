// The advice after an interruption names the file that holds the journal as one word a reader can
// paste into bash (app/shell_words.h, the same word fixup-sim's rerun and replay commands give): a
// name holding a character a terminal would not show (a tab, ESC) in bash's $'...', so the command
// shows every byte and still names the file; one beginning with '-' as ./NAME, which no option
// takes for its own.
#include <string>

#include <gtest/gtest.h>

#include "app/shell_words.h"
#include "app/verbs.h"
#include "fixer/exit_code.h"

namespace {

// The report of an apply stopped after its journal record 5, its journal in `file`.
std::string AdviceFor(const std::string& file) {
  app::VerbRun run;
  run.verb = app::Verb::kApply;
  run.crashed = true;
  run.crash = "stopped by SIGINT (Ctrl-C) after journal record 5";
  run.journal_file = file;
  run.outcome = "interrupted";
  run.exit_code = fixer::ExitCode::kNotRestored;
  return app::RunText(run);
}

TEST(InterruptionAdvice, NamesAFileHoldingAHiddenCharacterInBashsAnsiCQuoting) {
  EXPECT_NE(AdviceFor("o\tx.yaml")
                .find("Run `aspnet-fixer resume --machine $'o\\tx.yaml'` or "
                      "`aspnet-fixer rollback --machine $'o\\tx.yaml'`."),
            std::string::npos)
      << AdviceFor("o\tx.yaml");
  const std::string escape = AdviceFor("o\x1b[2J.yaml");
  EXPECT_NE(escape.find("--machine $'o\\x1b[2J.yaml'"), std::string::npos) << escape;
  EXPECT_EQ(escape.find('\x1b'), std::string::npos) << "the ESC was sent to the terminal";
}

TEST(InterruptionAdvice, NamesEachFileAsFixupSimsCommandsDo) {
  for (const std::string file : {"m.yaml", "my machine.yaml", "it's.yaml", "-o.yaml", "dir/-o.yaml", "o\tx.yaml"}) {
    SCOPED_TRACE(file);
    const std::string word = app::ShellQuote(app::FileArgument(file));
    EXPECT_NE(AdviceFor(file).find("`aspnet-fixer resume --machine " + word + "`"), std::string::npos)
        << AdviceFor(file);
  }
  EXPECT_NE(AdviceFor("-o.yaml").find("--machine ./-o.yaml`"), std::string::npos) << AdviceFor("-o.yaml");
  EXPECT_NE(AdviceFor("it's.yaml").find("--machine 'it'\\''s.yaml'`"), std::string::npos) << AdviceFor("it's.yaml");
}

}  // namespace
