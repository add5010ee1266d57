// What the batch interpreter refuses rather than guesses: a parenthesised block wherever it opens
// or closes, whatever an `if`'s condition says, and setlocal's options that would change how every
// later line reads.
#include "fakes/sam.h"
#include "legacy_fixture.h"
#include "sim/batch.h"

namespace legacy_test {
namespace {

class BatchBlocks : public LegacyFixture {
 protected:
  bool AspnetExists() { return fakes::Sam(machine).FindUser("ASPNET") != nullptr; }
};

// A false condition skipped the `if` line alone: the block's lines then ran as lines of their own
// (`net user ASPNET /delete` deleted the account), and `)` was "not recognized".
TEST_F(BatchBlocks, AnIfOpeningABlockIsRefusedWhateverItsCondition) {
  ASSERT_TRUE(AspnetExists());
  for (const std::string condition :
       {"exist C:\\NOPE", "exist C:\\WINDOWS", "errorlevel 1", "1==2", "1==1", "not 1==1", "/i a==B", "defined NOPE",
        "1==1 if 1==2", "1==2 if 1==1", "exist C:\\NOPE(", "1==2 (echo a) else (echo b)"}) {
    SCOPED_TRACE(condition);
    auto r = Go("@echo off\r\nif " + condition + " (\r\n  net user ASPNET /delete\r\n)\r\necho after\r\n");
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->line, 2);
    EXPECT_NE(r.error->message.find("parenthesised blocks"), std::string::npos) << r.error->message;
    EXPECT_EQ(Out(), "");
    EXPECT_TRUE(AspnetExists());
  }
}

TEST_F(BatchBlocks, ALineOpeningOrClosingABlockIsRefused) {
  for (const std::string line : {"(", "(echo a", ")", ") else (", "  )", "@)"}) {
    SCOPED_TRACE(line);
    auto r = Go("@echo off\r\ngoto inside\r\n:inside\r\n" + line + "\r\necho after\r\n");
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->line, 4);
    EXPECT_NE(r.error->message.find("parenthesised blocks"), std::string::npos) << r.error->message;
    EXPECT_EQ(Out(), "");
  }
}

// `setlocal EnableDelayedExpansion` was a silent no-op: `net user ASPNET !PW!` set the password
// `!PW!`, where XP's cmd would have expanded it.
TEST_F(BatchBlocks, SetlocalOptionsThatChangeHowLinesReadAreRefused) {
  for (const std::string option :
       {"EnableDelayedExpansion", "enabledelayedexpansion", "DisableExtensions", "EnableExtensions bogus", "/v"}) {
    SCOPED_TRACE(option);
    auto r = Go("@echo off\r\nsetlocal " + option + "\r\nset PW=X#long-pw1\r\nnet user ASPNET !PW!\r\n");
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->line, 2);
    EXPECT_NE(r.error->message.find("setlocal"), std::string::npos) << r.error->message;
    EXPECT_EQ(Out(), "");
  }
}

// Extensions are on and delayed expansion is off in XP's cmd: these two change nothing.
TEST_F(BatchBlocks, SetlocalOptionsThatKeepWhatCmdDoesRunOn) {
  auto r =
      Go("@echo off\r\nfrobnicate 2>nul\r\necho %ERRORLEVEL%\r\nsetlocal EnableExtensions DisableDelayedExpansion\r\n"
         "echo %ERRORLEVEL%\r\nset A=1\r\nendlocal\r\necho [%A%]\r\n");
  EXPECT_FALSE(r.error) << r.error->ToString();
  EXPECT_EQ(Out(), "9009\n0\n[]\n");  // setlocal with its arguments sets ERRORLEVEL 0
}

// cmd ends an internal command's name at `/` and its other delimiters: `cd/d X` and `rem/x` were
// "not recognized" (9009).
TEST_F(BatchBlocks, AnInternalCommandsNameEndsWhereCmdEndsIt) {
  auto r =
      Go("@echo off\r\ncd/d C:\\WINDOWS\r\nrem/comment\r\nrem,comment\r\necho %CD% %ERRORLEVEL%\r\ncd\\\r\n"
         "echo %CD%\r\ncd,C:\\WINDOWS\r\necho %CD%\r\nchdir/d C:\\\r\necho %CD%\r\ngoto:eof\r\necho never\r\n");
  EXPECT_FALSE(r.error) << r.error->ToString();
  EXPECT_EQ(Out(), "C:\\WINDOWS 0\nC:\\\nC:\\WINDOWS\nC:\\\n");
  EXPECT_EQ(r.errorlevel, 0);
}

TEST_F(BatchBlocks, AnInternalCommandNotModelledIsRefusedHoweverItsNameEnds) {
  for (const std::string line : {"copy/y a b", "del/q x", "for,%%a in (x) do echo a", "call:label", "set/a X=1"}) {
    SCOPED_TRACE(line);
    auto r = Go("@echo off\r\n" + line + "\r\n");
    ASSERT_TRUE(r.error);
    EXPECT_NE(r.error->message.find("not supported"), std::string::npos) << r.error->message;
  }
}

TEST(InternalCommandName, EndsAtCmdsDelimiters) {
  using fakes::SplitInternalCommand;
  EXPECT_EQ(SplitInternalCommand("cd/d C:\\WINDOWS")->name, "cd");
  EXPECT_EQ(SplitInternalCommand("cd/d C:\\WINDOWS")->Arguments(), "/d C:\\WINDOWS");
  EXPECT_EQ(SplitInternalCommand("REM/comment")->name, "rem");
  EXPECT_EQ(SplitInternalCommand("echo.")->rest, ".");
  EXPECT_EQ(SplitInternalCommand("  goto:eof")->Arguments(), ":eof");
  EXPECT_EQ(SplitInternalCommand("setlocal EnableExtensions")->name, "setlocal");
  EXPECT_FALSE(SplitInternalCommand("settings"));
  EXPECT_FALSE(SplitInternalCommand("net user"));
  EXPECT_FALSE(SplitInternalCommand("\"echo\" x"));
}

}  // namespace
}  // namespace legacy_test

namespace legacy_test {
namespace {

class BatchBom : public LegacyFixture {};

// [M] cmd reads a UTF-8 BOM as the first bytes of the first command, as it reads any other bytes:
// `<BOM>REM` is no REM. The console keeps the bytes; what shows them escapes them (EscapeForReader).
TEST_F(BatchBom, AByteOrderMarkIsPartOfTheFirstCommand) {
  auto r = Go("\xef\xbb\xbfREM x\r\n@echo after\r\n");
  EXPECT_FALSE(r.error);
  EXPECT_NE(Out().find("'\xef\xbb\xbfREM' is not recognized as an internal or external command"), std::string::npos)
      << Out();
  EXPECT_EQ(r.errorlevel, 9009);
  EXPECT_NE(Out().find("after\n"), std::string::npos);
}

}  // namespace
}  // namespace legacy_test
