// net helpmsg N: the text of message N, as net's own errors point to it ("More help is available
// by typing NET HELPMSG 2221."): a blank line, the text, a blank line, errorlevel 0 (Microsoft
// Learn "Net helpmsg"; ReactOS net's cmdHelpMsg). It was answered with net's syntax, errorlevel 1.
#include "fakes/commands.h"
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

class NetHelpMsg : public LegacyFixture {};

TEST_F(NetHelpMsg, PrintsTheTextOfTheMessageNetPointedTo) {
  EXPECT_EQ(Run("net user NOBODY /delete"), 2);
  EXPECT_NE(Out().find("NET HELPMSG 2221"), std::string::npos);
  EXPECT_EQ(Run("net helpmsg 2221"), 0);
  EXPECT_EQ(Out(), "\nThe user name could not be found.\n\n");
  EXPECT_EQ(Run("NET HELPMSG 5"), 0);  // a Win32 error too, in any case
  EXPECT_EQ(Out(), "\nAccess is denied.\n\n");
}

// net's own messages, which its errors point to as they point to the system's: each insert shown
// as *** (WS03 netcmd main.c's StarStrings, the inserts net helpmsg gives FormatMessage).
TEST_F(NetHelpMsg, NetsOwnMessagesShowTheirInsertsAsStars) {
  EXPECT_EQ(Run("net stop aspnet_state"), 2);
  EXPECT_NE(Out().find("NET HELPMSG 3521"), std::string::npos) << Out();
  EXPECT_EQ(Run("net helpmsg 3521"), 0);
  EXPECT_EQ(Out(), "\nThe *** service is not started.\n\n");
  EXPECT_EQ(Run("net helpmsg 3757"), 0);
  EXPECT_EQ(Out(), "\nNo valid response was provided.\n\n");
  EXPECT_EQ(Run("net helpmsg 3506"), 0);
  EXPECT_EQ(Out(), "\nThe option *** is unknown.\n\n");
  EXPECT_EQ(Run("net helpmsg 2184"), 0);  // net pause's answer for a stopped service
  EXPECT_EQ(Out(), "\nThe service has not been started.\n\n");
}

// A number the fake has no text of is not guessed: net says it does not model the line
// (fakes::NotModelled), and a batch file's line is reported as not supported, as any behaviour the
// fake does not model.
TEST_F(NetHelpMsg, AMessageWithoutATextIsNotGuessed) {
  EXPECT_THROW(Run("net helpmsg 9009"), fakes::NotModelled);  // cmd's own message, no system one
  EXPECT_THROW(Run("net helpmsg -5"), fakes::NotModelled);    // a number, but no message's
  EXPECT_EQ(Out(), "");
  auto r = Go("@echo off\nnet helpmsg 4242\necho never\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->line, 2);
  EXPECT_NE(r.error->ToString().find("not supported"), std::string::npos) << r.error->ToString();
  EXPECT_EQ(Out(), "");
  r = Go("@echo off\nnet helpmsg 2221\necho %ERRORLEVEL%\n");
  EXPECT_FALSE(r.error);
  EXPECT_EQ(Out(), "\nThe user name could not be found.\n\n0\n");
}

// Audit 23 item 5: no word, or a word that is no number, is net's syntax message, errorlevel 1;
// words after the number are not read (ReactOS net's cmdHelpMsg: argc < 3, wcstol's end, argv[2]).
// They were "not modelled".
TEST_F(NetHelpMsg, NoNumberIsNetsSyntaxAndWordsAfterTheNumberAreNotRead) {
  for (const char* line : {"net helpmsg", "net helpmsg abc", "net helpmsg 35x", "net helpmsg +"}) {
    EXPECT_EQ(Run(line), 1) << line;
    EXPECT_EQ(Out(), "The syntax of this command is:\n\n\nNET HELPMSG\nmessage#\n\n") << line;
  }
  EXPECT_EQ(Run("net helpmsg 3521 extra"), 0);
  EXPECT_EQ(Out(), "\nThe *** service is not started.\n\n");
  EXPECT_EQ(Run("net helpmsg +5"), 0);  // wcstol's sign
  EXPECT_EQ(Out(), "\nAccess is denied.\n\n");
  auto r = Go("@echo off\nnet helpmsg\necho %ERRORLEVEL%\n");
  EXPECT_FALSE(r.error);
  EXPECT_NE(Out().find("NET HELPMSG\nmessage#\n\n1\n"), std::string::npos) << Out();
}

}  // namespace
}  // namespace legacy_test
