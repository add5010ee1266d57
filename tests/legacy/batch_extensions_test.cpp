// What command extensions (on in XP's cmd) give a batch file: if's comparison operators, the
// .cmd file's ERRORLEVEL after `set`, setlocal's folder, `goto :eof`, and the variables every XP
// session has (docs/legacy-replay.md, docs/windows-reference.md#cmd-batch).
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

class BatchIfOperators : public LegacyFixture {};

TEST_F(BatchIfOperators, AreReadInAnyCase) {
  auto r =
      Go("@echo off\nif 2 neq 0 echo neq\nif 2 Equ 2 echo equ\nif 1 lss 2 echo lss\nif 2 LEQ 2 echo leq\n"
         "if 3 gTr 2 echo gtr\nif 2 geq 3 echo geq-wrong\nif not 2 LSS 2 echo not-lss\necho next\n");
  EXPECT_FALSE(r.error) << r.error->ToString();
  EXPECT_EQ(Out(), "neq\nequ\nlss\nleq\ngtr\nnot-lss\nnext\n");
}

TEST_F(BatchIfOperators, CompareNumbersAsNumbersAndTextAsText) {
  // 10 > 9 as numbers; 0x10 and 020 are 16 as wcstol reads them; quoted, they are text.
  auto r =
      Go("@echo off\nif 10 GTR 9 echo ten\nif 0x10 EQU 16 echo hex\nif 020 EQU 16 echo octal\n"
         "if \"10\" EQU \"10\" echo same-text\nif \"10\" NEQ \"010\" echo other-text\n"
         "if /i Abc EQU aBC echo nocase\nif Abc EQU aBC echo case-wrong\n");
  EXPECT_FALSE(r.error) << r.error->ToString();
  EXPECT_EQ(Out(), "ten\nhex\noctal\nsame-text\nother-text\nnocase\n");
}

TEST_F(BatchIfOperators, ReadTheErrorlevelAProgramLeft) {
  auto r =
      Go("@echo off\nnet stop aspnet_state >nul 2>&1\nif %ERRORLEVEL% GTR 0 goto failed\necho ok\n"
         "goto :eof\n:failed\necho failed %ERRORLEVEL%\n");
  EXPECT_FALSE(r.error) << r.error->ToString();
  EXPECT_EQ(Out(), "failed 2\n");
}

TEST_F(BatchIfOperators, TextOrderingAndHugeNumbersAreRefusedWithTheirLine) {
  auto r = Go("@echo off\nif abc LSS abd echo less\necho never\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->line, 2);
  EXPECT_EQ(Out(), "");
  r = Go("@echo off\nif 99999999999 GTR 1 echo more\n");
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->message.find("32 bits"), std::string::npos);
}

TEST_F(BatchIfOperators, AMissingOperandIsCmdsSyntaxError) {
  auto r = Go("@echo off\nif 2 neq\necho after\n");
  EXPECT_FALSE(r.error);
  EXPECT_EQ(Out(), "The syntax of the command is incorrect.\n");
}

class BatchSetErrorlevel : public LegacyFixture {};

TEST_F(BatchSetErrorlevel, ASetInACmdFileClearsItAndInABatFileKeepsIt) {
  const std::string script = "@echo off\nnet stop aspnet_state >nul 2>nul\nset STEP=delete\necho %ERRORLEVEL%\n";
  auto r = sim::RunBatch(*con, script, "t.cmd");
  EXPECT_EQ(Out(), "0\n");
  EXPECT_EQ(r.errorlevel, 0);
  con->output.clear();
  r = sim::RunBatch(*con, script, "T.BAT");
  EXPECT_EQ(Out(), "2\n");
}

TEST_F(BatchSetErrorlevel, ListingClearsItInACmdFileAndNotFindingSetsOne) {
  auto r =
      Go("@echo off\nnet stop aspnet_state >nul 2>nul\nset SystemRoot >nul\necho %ERRORLEVEL%\n"
         "set NOSUCHPREFIX 2>nul\necho %ERRORLEVEL%\n");
  EXPECT_EQ(Out(), "0\n1\n");
  EXPECT_EQ(r.errorlevel, 1);
}

TEST_F(BatchSetErrorlevel, ClearingAVariableThatIsNotSetInACmdFileIsRefused) {
  auto r = Go("@echo off\nset NEVERSET=\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->line, 2);
}

TEST_F(BatchSetErrorlevel, ACdThatSucceedsClearsItInBothKinds) {
  auto r = sim::RunBatch(*con, "@echo off\nnet stop aspnet_state >nul 2>nul\ncd /d %SystemRoot%\necho %ERRORLEVEL%\n",
                         "t.bat");
  EXPECT_EQ(Out(), "0\n");
  EXPECT_EQ(r.errorlevel, 0);
}

class BatchSetlocalFolder : public LegacyFixture {};

TEST_F(BatchSetlocalFolder, EndlocalPutsTheFolderBack) {
  auto r = Go("@echo off\nset A=1\nsetlocal\nset A=2\ncd /d C:\\WINDOWS\necho %A% %CD%\nendlocal\necho %A% %CD%\n");
  EXPECT_FALSE(r.error);
  EXPECT_EQ(Out(), "2 C:\\WINDOWS\n1 C:\\\n");
}

TEST_F(BatchSetlocalFolder, TheEndOfTheScriptEndsEverySetlocal) {
  auto r = Go("@echo off\nsetlocal\ncd C:\\WINDOWS\nset B=1\nsetlocal\ncd system32\n");
  EXPECT_FALSE(r.error);
  EXPECT_EQ(con->cwd, "C:\\");
  EXPECT_FALSE(con->env.Get("B"));
}

TEST_F(BatchSetlocalFolder, AFrameworkToolIsNotFoundOnceEndlocalLeftItsFolder) {
  auto r =
      Go("@echo off\nsetlocal\ncd /d %SystemRoot%\\microsoft.net\\framework\\v1.0.3705\nendlocal\n"
         "aspnet_regiis -i\n");
  EXPECT_EQ(r.errorlevel, 9009);
  EXPECT_NE(Out().find("'aspnet_regiis' is not recognized"), std::string::npos);
}

class BatchGotoEof : public LegacyFixture {};

TEST_F(BatchGotoEof, WithoutItsColonEofIsAnOrdinaryLabel) {
  auto r = Go("@echo off\ngoto EOF\necho skipped\n:EOF\necho at-user-label\n");
  EXPECT_EQ(Out(), "at-user-label\n");
  r = Go("@echo off\nnet helpmsg 2221 >nul\ngoto eof\necho skipped\n");
  EXPECT_EQ(Out(), "The system cannot find the batch label specified - eof\n");
  EXPECT_EQ(r.errorlevel, 1);
}

TEST_F(BatchGotoEof, WithItsColonItEndsTheScriptWhateverTheLabels) {
  auto r = Go("@echo off\ngoto:EOF\n:eof\necho never\n");
  EXPECT_EQ(Out(), "");
  EXPECT_FALSE(r.error);
}

class BatchSessionVariables : public LegacyFixture {};

TEST_F(BatchSessionVariables, ThoseTheMachineDeterminesExpand) {
  auto r =
      Go("@echo off\necho [%CMDEXTVERSION%] [%USERDOMAIN%] [%PROCESSOR_ARCHITECTURE%] [%PROMPT%]\n"
         "echo [%CommonProgramFiles%]\n");
  EXPECT_FALSE(r.error) << r.error->ToString();
  EXPECT_EQ(Out(), "[2] [XPPRO] [x86] [$P$G]\n[C:\\Program Files\\Common Files]\n");
}

TEST_F(BatchSessionVariables, ThoseItDoesNotModelAreRefusedWithTheirLine) {
  for (const std::string name : {"RANDOM", "cmdcmdline", "NUMBER_OF_PROCESSORS", "PROCESSOR_LEVEL"}) {
    auto r = Go("@echo off\necho ok\necho %" + name + "%\n");
    ASSERT_TRUE(r.error) << name;
    EXPECT_EQ(r.error->line, 3) << name;
    EXPECT_EQ(Out(), "ok\n") << name;
  }
  for (const std::string name : {"NUMBER_OF_PROCESSORS", "CD", "errorlevel", "CMDEXTVERSION"}) {
    auto r = Go("@echo off\nif defined " + name + " echo defined\n");
    ASSERT_TRUE(r.error) << name;
    EXPECT_EQ(r.error->line, 2) << name;
  }
}

TEST_F(BatchSessionVariables, DateAndTimeAreTheMachinesClock) {
  auto r = Go("@echo off\necho [%DATE%] [%time%]\n");  // the default clock: 2003-08-22, midnight
  EXPECT_FALSE(r.error) << r.error->ToString();
  EXPECT_EQ(Out(), "[Fri 08/22/2003] [ 0:00:00.00]\n");
  machine.Advance(14 * 3600 + 5 * 60 + 9);
  Go("@echo off\necho [%DATE%] [%TIME%]\n");
  EXPECT_EQ(Out(), "[Fri 08/22/2003] [14:05:09.00]\n");
}

TEST_F(BatchSessionVariables, OneTheScriptSetsIsItsOwn) {
  auto r = Go("@echo off\nset DATE=today\necho %DATE%\n");
  EXPECT_FALSE(r.error) << r.error->ToString();
  EXPECT_EQ(Out(), "today\n");
}

}  // namespace
}  // namespace legacy_test
