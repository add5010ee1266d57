// net.exe's real syntax that the fake does not model (`net accounts`, `net share`, `net help user`,
// `net user /?`, `net user X /times:all`) is not guessed: the fake net says so
// (fakes::NotModelled) and a batch line with it is reported as not supported, the batch stopping
// there. It was answered with a made-up syntax error (errorlevel 1) and the batch went on.
// Genuinely malformed lines keep the syntax error Windows gives.
#include "fakes/commands.h"
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

class NetUnmodelled : public LegacyFixture {};

constexpr const char* kRealButUnmodelled[] = {
    "net accounts",
    "net statistics",
    "net config",
    "net share",
    "NET VIEW",
    "net help user",
    "net user /?",
    "net localgroup Users /help",
    "net user ASPNET /times:all",
    "net user bob x /add /expires:never",
    "net user ASPNET /HOMEDIR:c:\\home",
    "net user ASPNET /domain",
    "net user ASPNET /active:maybe",
    "net localgroup Users /comment:\"all users\"",
    "net localgroup Helpers /add",
    "net localgroup Helpers /delete",
};

TEST_F(NetUnmodelled, TheFakeNetSaysItDoesNotModelTheLine) {
  for (const char* line : kRealButUnmodelled) {
    EXPECT_THROW(Run(line), fakes::NotModelled) << line;
    EXPECT_EQ(Out(), "") << line;
  }
}

TEST_F(NetUnmodelled, ABatchLineWithItIsNotSupportedAndTheBatchStops) {
  for (const char* line : kRealButUnmodelled) {
    auto r = Go(std::string("@echo off\n") + line + "\necho never\n");
    ASSERT_TRUE(r.error) << line;
    EXPECT_EQ(r.error->line, 2) << line;
    EXPECT_NE(r.error->ToString().find("not supported: "), std::string::npos) << r.error->ToString();
    EXPECT_EQ(Out().find("never"), std::string::npos) << line;
    EXPECT_EQ(Out().find("The syntax of this command is"), std::string::npos) << line;
  }
}

TEST_F(NetUnmodelled, MalformedLinesKeepNetsSyntaxError) {
  for (const char* line : {"net bogus", "net user ASPNET /bogus", "net user ASPNET /add /delete",
                           "net localgroup Users ASPNET", "net user a b c"}) {
    EXPECT_EQ(Run(line), 1) << line;
    const bool unknown_option = Out().rfind("The option /BOGUS is unknown.\n\nThe syntax of this command is:", 0) == 0;
    EXPECT_TRUE(Out().rfind("The syntax of this command is:", 0) == 0 || unknown_option) << line;
  }
}

}  // namespace
}  // namespace legacy_test
