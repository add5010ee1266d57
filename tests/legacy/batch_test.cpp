// The batch interpreter: each construct fixup.cmd and edited copies of it use.
#include "sim/batch.h"
#include "fakes/sam.h"
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

class Batch : public LegacyFixture {};

TEST_F(Batch, EchoOnShowsBlankLinePromptAndLine) {
  auto r = Go("REM hello\r\necho hi\r\n");
  EXPECT_EQ(con->output, "\nC:\\>REM hello\n\nC:\\>echo hi\nhi\n");
  EXPECT_FALSE(r.error);
}

TEST_F(Batch, AtEchoOffHidesEverythingAfter) {
  Go("REM one\r\n@echo off\r\necho two\r\nREM three\r\n");
  EXPECT_EQ(con->output, "\nC:\\>REM one\ntwo\n");
}

TEST_F(Batch, AtHidesOneLine) {
  Go("@echo x\r\n");
  EXPECT_EQ(con->output, "x\n");
}

TEST_F(Batch, PercentExpansionFromTheMachine) {
  Go("@echo %SystemRoot% %windir% %systemdrive% %NOPE%.%%\n");
  EXPECT_EQ(con->output, "C:\\WINDOWS C:\\WINDOWS C: .%\n");
}

TEST_F(Batch, EchoedLineIsExpanded) {
  Go("cd /d %SystemRoot%\r\n");
  EXPECT_EQ(con->output, "\nC:\\>cd /d C:\\WINDOWS\n");
  EXPECT_EQ(con->cwd, "C:\\WINDOWS");
}

TEST_F(Batch, SetAndUse) {
  Go("@echo off\nset PW=abc def\necho [%PW%]\nset PW=\necho [%PW%]\n");
  EXPECT_EQ(con->output, "[abc def]\n[]\n");
}

TEST_F(Batch, GotoSkipsAndLabelsAreSilent) {
  Go("@echo off\ngoto b\necho a\n:b\necho b\ngoto :eof\necho c\n");
  EXPECT_EQ(con->output, "b\n");
}

TEST_F(Batch, GotoMissingLabelEndsTheBatch) {
  auto r = Go("@echo off\ngoto nowhere\necho after\n");
  EXPECT_EQ(con->output, "The system cannot find the batch label specified - nowhere\n");
  EXPECT_EQ(r.errorlevel, 1);
}

TEST_F(Batch, IfExist) {
  Go("@echo off\n"
     "if exist %SystemRoot%\\microsoft.net\\framework\\v1.0.3705\\mscorlib.dll echo ten\n"
     "if exist %SystemRoot%\\microsoft.net\\framework\\v1.1.4322\\mscorlib.dll echo eleven\n"
     "if not exist %SystemRoot%\\microsoft.net\\framework\\v1.1.4322\\mscorlib.dll echo no-eleven\n");
  EXPECT_EQ(con->output, "ten\nno-eleven\n");
}

TEST_F(Batch, ErrorlevelFromEachCommand) {
  auto r =
      Go("@echo off\nnet user NOBODY /delete >nul 2>&1\nif errorlevel 2 echo two\nif errorlevel 3 echo three\n"
         "if not errorlevel 3 echo below-three\necho %ERRORLEVEL%\nfrobnicate 2>nul\necho %ERRORLEVEL%\n");
  EXPECT_EQ(con->output, "two\nbelow-three\n2\n9009\n");
  EXPECT_EQ(r.errorlevel, 9009);
}

TEST_F(Batch, StringCompareAndDefined) {
  Go("@echo off\nset A=x\nif \"%A%\"==\"x\" echo same\nif /i X==x echo nocase\nif defined A echo def\n"
     "if not defined B echo undef\n");
  EXPECT_EQ(con->output, "same\nnocase\ndef\nundef\n");
}

TEST_F(Batch, MalformedIfEndsWithCmdsMessage) {
  auto r = Go("@echo off\nif exist\necho after\n");
  EXPECT_EQ(con->output, "The syntax of the command is incorrect.\n");
  EXPECT_FALSE(r.error);
}

TEST_F(Batch, UnsupportedLineIsReportedWithFileAndLine) {
  auto r = Go("@echo off\necho one\nnet user | find \"ASPNET\"\necho never\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->line, 3);
  EXPECT_EQ(r.error->ToString().rfind("t.cmd:3: not supported", 0), 0u);
  EXPECT_EQ(con->output, "one\n");
}

TEST_F(Batch, UnmodelledProgramIsReportedNotGuessed) {
  auto r = Go("@echo off\ncacls C:\\Inetpub /E /G ASPNET:R\n");
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->message.find("cacls"), std::string::npos);
}

TEST_F(Batch, ExitB) {
  auto r = Go("@echo off\nexit /b 3\necho never\n");
  EXPECT_EQ(r.errorlevel, 3);
  EXPECT_FALSE(r.window_closed);
  EXPECT_EQ(con->output, "");
}

// CRLF and LF end a line alike; a lone CR ends none (cmd drops every CR: BatchLineEnds below).
TEST_F(Batch, CrLfAndLfLines) {
  EXPECT_EQ(sim::SplitBatchLines("a\r\nb\nc\rd"), (std::vector<std::string>{"a", "b", "cd"}));
}

TEST_F(Batch, RedirectionToNulMutesOutput) {
  Go("@echo off\nnet stop aspnet_state >nul\nnet stop aspnet_state 2>nul\nnet stop aspnet_state >nul 2>&1\n");
  // stdout muted first: the 3521 error (stderr) still shows once; then nothing.
  EXPECT_EQ(con->output,
            "The ASP.NET State Service service is not started.\n\n"
            "More help is available by typing NET HELPMSG 3521.\n\n");
}

}  // namespace
}  // namespace legacy_test

namespace legacy_test {
namespace {

class BatchNumbers : public LegacyFixture {};

TEST_F(BatchNumbers, ABadErrorlevelNumberIsASyntaxErrorNotACrash) {
  con->output.clear();
  auto r = sim::RunBatch(*con, "@echo off\nif errorlevel - echo x\necho after\n", "t.cmd");
  EXPECT_EQ(con->output, "The syntax of the command is incorrect.\n");
  EXPECT_EQ(r.errorlevel, 1);
  con->output.clear();
  r = sim::RunBatch(*con, "@exit /b 99999999999999\n", "t.cmd");
  EXPECT_EQ(con->output, "The syntax of the command is incorrect.\n");
}

}  // namespace
}  // namespace legacy_test

namespace legacy_test {
namespace {

class BatchLoop : public LegacyFixture {};

TEST_F(BatchLoop, AnEndlessLoopIsStoppedAndReported) {
  auto r =
      sim::RunBatch(*con, "@echo off\r\n:retry\r\nrunas /user:ASPNET cmd.exe >nul 2>nul\r\ngoto retry\r\n", "loop.cmd");
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->message.find("the script loops"), std::string::npos);
}

}  // namespace
}  // namespace legacy_test

namespace legacy_test {
namespace {

// cmd reads a line through its LF and drops every CR: a lone CR ran the rest of the line as a
// command of its own (`echo L<CR>M` ran `M`).
class BatchLineEnds : public LegacyFixture {};

TEST_F(BatchLineEnds, ALoneCrNeitherEndsTheLineNorStaysInIt) {
  auto r = Go("@echo off\r\necho L\rM\r\necho next\n");
  EXPECT_FALSE(r.error) << r.error->ToString();
  EXPECT_EQ(Out(), "LM\nnext\n");
  EXPECT_EQ(sim::SplitBatchLines("a\r\nb\rc\nd"), (std::vector<std::string>{"a", "bc", "d"}));
}

}  // namespace
}  // namespace legacy_test
