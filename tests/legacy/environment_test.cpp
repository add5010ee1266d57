// The session environment and path resolution of the fake cmd.exe.
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "fakes/environment.h"
#include "fakes/fresh_install.h"
#include "fakes/machine_yaml.h"
#include "fakes/short_name.h"
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

TEST(Environment, XpAndWindows2000Roots) {
  fakes::MachineState xp = fakes::FreshInstall({.os = fixer::OsEdition::kWindowsXpProfessional});
  fakes::MachineState w2k = fakes::FreshInstall({.os = fixer::OsEdition::kWindows2000Server});
  EXPECT_EQ(fakes::DefaultEnvironment(xp).Get("SystemRoot"), "C:\\WINDOWS");
  EXPECT_EQ(fakes::DefaultEnvironment(xp).Get("WINDIR"), "C:\\WINDOWS");
  EXPECT_EQ(fakes::DefaultEnvironment(w2k).Get("systemroot"), "C:\\WINNT");
  EXPECT_EQ(fakes::DefaultEnvironment(xp).Get("COMPUTERNAME"), "XPPRO");
  EXPECT_EQ(fakes::DefaultEnvironment(xp).Get("OS"), "Windows_NT");
  EXPECT_FALSE(fakes::DefaultEnvironment(xp).Get("NOPE"));
}

// A machine whose caller is `user`, an account; with `profile` its profile as a first
// profile-loading logon makes it (the folder named after it, suffixed when taken).
fakes::MachineState CallerMachine(const std::string& user, const std::string& profile, const std::string& os = "") {
  std::string text = (os.empty() ? "" : "os: " + os + "\n") + "accounts:\n  '" + user +
                     "': {password: 'Caller-pa55word'}\nsession: {caller: '" + user + "'}\n";
  if (!profile.empty()) text += "profiles:\n  '" + user + "': " + profile + "\n";
  auto loaded = fakes::LoadMachineText(text, "test.yaml");
  if (!loaded.ok()) throw std::runtime_error(loaded.error->ToString());
  return *loaded.value;
}

// TEMP is the profile's Local Settings\Temp in 8.3 form, each part's short name (fakes/short_name.h):
// a user name was cut after 6 bytes, inside a character (`Straußberg`), and `Günther` kept as it was.
TEST(Environment, TempIsTheShortFormOfEachFolder) {
  const std::vector<std::pair<std::string, std::string>> users = {
      {"Administrator", "ADMINI~1"},
      {"bob", "bob"},
      {"webuser8", "webuser8"},
      {"web user", "WEBUSE~1"},
      {"J\u00e9r\u00f4me-Dupont", "JRME-D~1"},
      {"Jos\u00e9", "JOS~1"},
      {"Strau\u00dfberg", "STRAUB~1"},
      {"G\u00fcnther", "GNTHER~1"},
  };
  for (const auto& [user, short_name] : users) {
    const fakes::MachineState xp = CallerMachine(user, "present");
    const std::string temp = "C:\\DOCUME~1\\" + short_name + "\\LOCALS~1\\Temp";
    EXPECT_EQ(fakes::DefaultEnvironment(xp).Get("TEMP"), temp) << user;
    EXPECT_EQ(fakes::DefaultEnvironment(xp).Get("TMP"), temp) << user;
  }
}

// The profile folder is the one the account's ProfileList entry names, which its first logon
// chose: a recreated ASPNET whose plain folder was taken has ASPNET.XPPRO, and every variable
// made from the profile says so, never C:\Documents and Settings\ASPNET.
TEST(Environment, ProfileVariablesNameTheFolderOfItsProfileListEntry) {
  for (const std::string folder : {"ASPNET.XPPRO", "ASPNET.XPPRO.000"}) {
    const std::string path = "C:\\Documents and Settings\\" + folder;
    const fakes::Environment env = fakes::DefaultEnvironment(CallerMachine("ASPNET", "{path: '" + path + "'}"));
    EXPECT_EQ(env.Get("USERPROFILE"), path);
    EXPECT_EQ(env.Get("HOMEDRIVE"), "C:");
    EXPECT_EQ(env.Get("HOMEPATH"), "\\Documents and Settings\\" + folder);
    const std::string temp = "C:\\DOCUME~1\\" + fakes::ShortName(folder) + "\\LOCALS~1\\Temp";
    EXPECT_EQ(env.Get("TEMP"), temp);
    EXPECT_EQ(env.Get("TMP"), temp);
  }
  EXPECT_EQ(fakes::ShortName("ASPNET.XPPRO"), "ASPNET~1.XPP");
}

// An account that never logged on with its profile has none: no USERPROFILE, HOMEDRIVE or
// HOMEPATH, and TEMP and TMP are the system's, %SystemRoot%\Temp.
TEST(Environment, WithoutAProfileNothingNamesOne) {
  const std::vector<std::pair<std::string, std::string>> systems = {{"", "C:\\WINDOWS\\Temp"},
                                                                    {"windows-2000-server", "C:\\WINNT\\Temp"}};
  for (const auto& [os, temp] : systems) {
    const fakes::Environment env = fakes::DefaultEnvironment(CallerMachine("webuser", "", os));
    EXPECT_FALSE(env.Get("USERPROFILE")) << os;
    EXPECT_FALSE(env.Get("HOMEDRIVE")) << os;
    EXPECT_FALSE(env.Get("HOMEPATH")) << os;
    EXPECT_EQ(env.Get("TEMP"), temp) << os;
    EXPECT_EQ(env.Get("TMP"), temp) << os;
    EXPECT_EQ(env.Get("USERNAME"), "webuser") << os;
  }
}

TEST(Environment, SetKeepsFirstSpellingAndEmptyRemoves) {
  fakes::Environment env;
  env.Set("TempPw", "a");
  env.Set("TEMPPW", "b");
  ASSERT_EQ(env.All().size(), 1u);
  EXPECT_EQ(env.All()[0].first, "TempPw");
  EXPECT_EQ(env.Get("temppw"), "b");
  env.Set("temppw", "");
  EXPECT_TRUE(env.All().empty());
}

class Paths : public LegacyFixture {};

TEST_F(Paths, ResolveAgainstTheCurrentFolder) {
  con->cwd = "C:\\WINDOWS";
  EXPECT_EQ(fakes::ResolvePath(*con, "system32"), "C:\\WINDOWS\\system32");
  EXPECT_EQ(fakes::ResolvePath(*con, "..\\Inetpub"), "C:\\Inetpub");
  EXPECT_EQ(fakes::ResolvePath(*con, "\\Inetpub\\.\\wwwroot\\"), "C:\\Inetpub\\wwwroot");
  EXPECT_EQ(fakes::ResolvePath(*con, "\"C:\\Program Files\""), "C:\\Program Files");
  EXPECT_TRUE(fakes::PathExists(*con, "C:"));
  EXPECT_TRUE(fakes::PathExists(*con, "c:\\windows\\MICROSOFT.NET\\framework\\v1.0.3705\\mscorlib.dll"));
  EXPECT_FALSE(fakes::PathExists(*con, "C:\\WINDOWS\\Microsoft.NET\\Framework\\v1.1.4322\\mscorlib.dll"));
}

TEST_F(Paths, SplitCommandLineKeepsQuotedWords) {
  EXPECT_EQ(fakes::SplitCommandLine("net  start \"ASP.NET State Service\"\t/y"),
            (std::vector<std::string>{"net", "start", "\"ASP.NET State Service\"", "/y"}));
}

}  // namespace
}  // namespace legacy_test
