// What a batch file's console shows of the passwords it gives net user: masked in the echo of a
// command line (the rest of the line as written), in the `set` lines and listings of a variable
// net user takes as its password, and in what `echo` prints once the session has the password;
// the published 1pass@word shown (docs/windows-reference.md#choice-batch-masks-passwords).
#include "fakes/commands.h"
#include "legacy_fixture.h"
#include "sim/batch.h"

namespace legacy_test {
namespace {

constexpr size_t npos = std::string::npos;

class BatchPasswords : public LegacyFixture {};

// A line with nothing to hide is echoed as written, even one that holds the mask's own text; a
// masked line keeps its spacing around the mask.
TEST_F(BatchPasswords, TheEchoKeepsEachLinesSpacing) {
  Go("echo  a  ********  b\r\nnet user  ASPNET   Sp#aced2003  /active:yes\r\n");
  EXPECT_NE(Out().find("\nC:\\>echo  a  ********  b\n a  ********  b\n"), npos) << Out();
  EXPECT_NE(Out().find("\nC:\\>net user  ASPNET   ********  /active:yes\n"), npos) << Out();
  EXPECT_EQ(Out().find("Sp#aced2003"), npos) << Out();
}

// A variable a net user line takes as its password (read before expansion, after an `if` too,
// quoted or not) is masked where a `set` gives it a value, in either form, in what `set` lists,
// and wherever the echo shows the value; a variable net user takes as the name is shown.
TEST_F(BatchPasswords, AVariableNetUserTakesAsItsPasswordIsMaskedWhereverItShows) {
  Go("set PW=Var#Pass2003\r\n"
     "set \"PW2=Var#Quoted2003\"\r\n"
     "set NAME=ASPNET\r\n"
     "set PW\r\n"
     "set\r\n"
     "echo %PW% %PW2%\r\n"
     "net user %NAME% %PW%\r\n"
     "if errorlevel 1 net user ASPNET \"%PW2%\" /active:yes\r\n");
  EXPECT_EQ(Out().find("Var#Pass2003"), npos) << Out();
  EXPECT_EQ(Out().find("Var#Quoted2003"), npos) << Out();
  EXPECT_NE(Out().find("\nC:\\>set PW=********\n"), npos) << Out();
  EXPECT_NE(Out().find("\nC:\\>set \"PW2=********\"\n"), npos) << Out();
  EXPECT_NE(Out().find("\nC:\\>set PW\nPW=********\nPW2=********\n"), npos) << Out();
  EXPECT_NE(Out().find("\nC:\\>set NAME=ASPNET\n"), npos) << Out();
  EXPECT_NE(Out().find("\nNAME=ASPNET\n"), npos) << Out();  // in the full listing
  EXPECT_NE(Out().find("\nC:\\>echo ******** ********\n******** ********\n"), npos) << Out();
  EXPECT_NE(Out().find("\nC:\\>net user ASPNET ********\n"), npos) << Out();
  EXPECT_NE(Out().find("\nC:\\>if errorlevel 1 net user ASPNET ******** /active:yes\n"), npos) << Out();
}

// The value of a `set` line ends where cmd's set ends it, before a redirection; an empty one
// (which removes the variable) shows as it is.
TEST_F(BatchPasswords, ASetLinesValueIsMaskedUpToARedirection) {
  Go("set PW=Redir#Pass2003 >nul\r\nset PW=\r\nnet user ASPNET %PW% >nul\r\n");
  EXPECT_NE(Out().find("\nC:\\>set PW=******** >nul\n"), npos) << Out();
  EXPECT_NE(Out().find("\nC:\\>set PW=\n"), npos) << Out();
  EXPECT_EQ(Out().find("Redir#Pass2003"), npos) << Out();
}

// What net user took on its line is masked in what `echo` prints after it; the published
// 1pass@word, which fixup.cmd's echo tells the user to type at runas, is not remembered.
TEST_F(BatchPasswords, EchoMasksAPasswordNetUserTookButNotThePublishedOne) {
  con->public_passwords = {"1pass@word"};
  Go("@echo off\r\nnet user ASPNET Lit#Pass2003 >nul\r\necho was Lit#Pass2003\r\n"
     "net user ASPNET 1pass@word >nul\r\necho type 1pass@word\r\n");
  EXPECT_EQ(Out(), "was ********\ntype 1pass@word\n");
  EXPECT_EQ(con->typed_secrets, std::vector<std::string>{"Lit#Pass2003"});
}

// A password written out on a net user line is the batch's from its first line, whether or not
// that line runs: an `echo` of it before is masked too. A REM line's words are prose ("the net
// user line and more" gives no password "and"), and a word reading a variable is the variable's.
TEST_F(BatchPasswords, APasswordWrittenOnANetUserLineIsMaskedFromTheFirstLine) {
  Go("@echo off\r\nrem run the net user line and more\r\necho Early#Pass2003 comes, and more\r\n"
     "net user ASPNET Early#Pass2003 >nul\r\necho Never#Ran2003\r\nexit /b\r\n"
     "net user ASPNET \"Never#Ran2003\" /add\r\nnet user ASPNET %PW%\r\n");
  EXPECT_EQ(Out(), "******** comes, and more\n********\n");
  EXPECT_EQ(con->typed_secrets, (std::vector<std::string>{"Early#Pass2003", "Never#Ran2003"}));
}

// What a password variable holds is remembered as it is set, though no net user line ever runs,
// and so is what it held when the batch began; another variable's is not. A value the variable
// held before is let go unless net user took it: it was never a password.
TEST_F(BatchPasswords, APasswordVariablesValueIsRememberedWhileItHoldsIt) {
  con->env.Set("PRESET", "Pre#Set2003");
  Go("@echo off\r\nset PW=First#2003\r\nset PW=Second#2003\r\nset OTHER=Plain#2003\r\nexit /b\r\n"
     "net user ASPNET %PW%%PRESET%\r\n");
  EXPECT_EQ(con->typed_secrets, (std::vector<std::string>{"Pre#Set2003", "Second#2003"}));
  Go("@echo off\r\nset PW=Taken#2003\r\nnet user ASPNET %PW% >nul\r\nset PW=Next#2003\r\nexit /b\r\n"
     "net user ASPNET %PW%\r\n");
  EXPECT_EQ(con->typed_secrets, (std::vector<std::string>{"Pre#Set2003", "Taken#2003", "Next#2003"}));
}

// A public password a password variable held is no secret to let go when the variable changes:
// the passwords the session keeps stay as they were.
TEST_F(BatchPasswords, APublicValueAPasswordVariableHeldLeavesTheSecretsAsTheyWere) {
  con->public_passwords = {"1pass@word"};
  Go("@echo off\r\nnet user ASPNET Kept#2003 >nul\r\nset PW=1pass@word\r\nset PW=Next#2003\r\nexit /b\r\n"
     "net user ASPNET %PW%\r\n");
  EXPECT_EQ(con->typed_secrets, (std::vector<std::string>{"Kept#2003", "Next#2003"}));
}

// A loop that grows a password variable keeps one value remembered, not one a turn, so each echo
// masks one password: the batch stays linear in what it prints (it took minutes at 8,191
// characters when every value was kept).
TEST_F(BatchPasswords, ALoopGrowingAPasswordVariableRemembersOneValue) {
  const std::string last = "x" + std::string(300, 'y');
  Go("@echo off\r\nset PW=x\r\n:again\r\nset PW=%PW%y\r\necho %PW%\r\nif \"%PW%\"==\"" + last +
     "\" exit /b\r\ngoto again\r\nnet user ASPNET %PW%\r\n");
  EXPECT_EQ(con->typed_secrets.size(), 1u);
  EXPECT_EQ(Out().find("xy"), npos) << Out().substr(0, 200);
}

// A variable that holds the name and the password net user reads (`set ARGS=ASPNET secret` then
// `net user %ARGS%`) holds a password: its password word is masked where a `set` gives it, in
// what `set` lists and wherever the echo shows the value; the name stays readable. It was shown
// in clear everywhere but the net user line itself.
TEST_F(BatchPasswords, AVariableHoldingTheNameAndThePasswordMasksThePasswordWord) {
  Go("set ARGS=ASPNET Multi#Word2003\r\n"
     "set \"TAIL=Tail#Word2003 /active:yes\"\r\n"
     "set ARGS\r\n"
     "echo %ARGS%\r\n"
     "net user %ARGS%\r\n"
     "net user ASPNET %TAIL%\r\n");
  EXPECT_EQ(Out().find("Multi#Word2003"), npos) << Out();
  EXPECT_EQ(Out().find("Tail#Word2003"), npos) << Out();
  EXPECT_NE(Out().find("\nC:\\>set ARGS=ASPNET ********\n"), npos) << Out();
  EXPECT_NE(Out().find("\nARGS=ASPNET ********\n"), npos) << Out();
  EXPECT_NE(Out().find("\nC:\\>echo ASPNET ********\nASPNET ********\n"), npos) << Out();
  EXPECT_NE(Out().find("\nC:\\>net user ASPNET ********\n"), npos) << Out();
  EXPECT_EQ(con->typed_secrets.front(), "Multi#Word2003");  // as it was set, before net user took it
}

// Such a variable holding no password (a name alone: `net user %NAME% %PW%`) masks nothing, and
// lets go of the password it held before; `net %ARGS%` reaches the password too.
TEST_F(BatchPasswords, AVariableHoldingNoPasswordWordMasksNothing) {
  Go("@echo off\r\nset NAME=ASPNET Old#Word2003\r\nset NAME=ASPNET\r\nset CMD=user ASPNET Net#Word2003\r\n"
     "echo %NAME% %CMD%\r\nexit /b\r\nnet user %NAME% %PW%\r\nnet %CMD%\r\n");
  EXPECT_EQ(Out(), "ASPNET user ASPNET ********\n");
  EXPECT_EQ(con->typed_secrets, std::vector<std::string>{"Net#Word2003"});
}

}  // namespace
}  // namespace legacy_test
