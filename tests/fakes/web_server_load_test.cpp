// Each IIS ships with its own Windows: 5.0 with Windows 2000, 5.1 with XP Professional (not XP
// Home), 6.0 with Server 2003, whose IIS 5.0 isolation mode is IIS 6's alone
// (docs/windows-reference.md#affected-platforms). A machine file naming a pair no machine has is a
// load error at the value (exit 2 from the tools); Server 2003 with IIS 5.0 used to read
// "affected" and be "fixed" (audit 7).
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/machine_yaml.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;

fakes::Loaded<fakes::MachineState> Load(const std::string& os, const std::string& web) {
  return fakes::LoadMachineText("os: " + os + "\nweb_server: " + web + "\n", "m.yaml");
}

TEST(WebServerLoad, EachIisLoadsOnItsOwnWindowsAndNoneOrCassiniAnywhere) {
  const std::pair<const char*, const char*> fits[] = {
      {"windows-2000-professional", "iis-5.0"},
      {"windows-2000-server", "iis-5.0"},
      {"windows-xp-professional", "iis-5.1"},
      {"windows-server-2003", "iis-6.0"},
      {"windows-server-2003", "{kind: iis-6.0, iis5_isolation_mode: true}"},
      {"windows-xp-home", "cassini"},
      {"windows-xp-home", "none"},
      {"windows-server-2003", "cassini"},
      {"windows-xp-professional-x64", "iis-6.0"},
      {"windows-xp-professional-x64", "none"}};
  for (const auto& [os, web] : fits) {
    const auto loaded = Load(os, web);
    EXPECT_TRUE(loaded.ok()) << os << " " << web << ": " << loaded.error->ToString();
  }
}

TEST(WebServerLoad, AnIisOfAnotherWindowsIsAnErrorAtTheValue) {
  const std::pair<const char*, const char*> wrong[] = {{"windows-server-2003", "iis-5.0"},
                                                       {"windows-xp-home", "iis-5.1"},
                                                       {"windows-xp-professional", "iis-6.0"},
                                                       {"windows-2000-professional", "iis-5.1"},
                                                       {"windows-xp-professional-x64", "iis-5.1"}};
  for (const auto& [os, web] : wrong) {
    const auto loaded = Load(os, web);
    ASSERT_FALSE(loaded.ok()) << os << " " << web;
    EXPECT_EQ(loaded.error->line, 2) << os << " " << web;
    EXPECT_EQ(loaded.error->column, 13) << os << " " << web;
    EXPECT_THAT(loaded.error->message, HasSubstr("ships with")) << os << " " << web;
  }
  const auto mode = Load("windows-xp-professional", "{kind: iis-5.1, iis5_isolation_mode: true}");
  ASSERT_FALSE(mode.ok());
  EXPECT_THAT(mode.error->message, HasSubstr("iis5_isolation_mode is IIS 6.0's (Windows Server 2003) alone"));
}

// Neither ASP.NET 1.0 nor a 2003 bulletin installs on XP x64: an error at the value, in both forms;
// 1.1 installs there, under WOW64 (KB 894435), a capture of such a machine included.
TEST(WebServerLoad, XpX64TakesNoAspNet10AndNo2003Bulletin) {
  const auto framework = fakes::LoadMachineText("os: windows-xp-professional-x64\nframeworks: [\"1.0\"]\n", "m.yaml");
  ASSERT_FALSE(framework.ok());
  EXPECT_EQ(framework.error->line, 2);
  EXPECT_THAT(framework.error->message, HasSubstr("1603: Fatal error during installation."));
  const auto full = fakes::LoadMachineText(
      "base: empty\nos: windows-xp-professional-x64\nframeworks: [{version: \"1.0\"}]\n", "m.yaml");
  ASSERT_FALSE(full.ok());
  EXPECT_THAT(full.error->message, HasSubstr("1603"));
  const auto hotfix = fakes::LoadMachineText("os: windows-xp-professional-x64\nhotfixes: [MS03-032]\n", "m.yaml");
  ASSERT_FALSE(hotfix.ok());
  EXPECT_THAT(hotfix.error->message, HasSubstr("1633: This installation package is not supported"));
}

// No 2003 bulletin installs on XP SP2 or SP3: an error at the value. A capture of a machine that
// took one before its service pack lists it still, with the service pack's files, not the update's.
TEST(WebServerLoad, XpSp2TakesNo2003Bulletin) {
  for (const char* sp : {"2", "3"}) {
    const auto hotfix = fakes::LoadMachineText(
        std::string("os: windows-xp-professional\nservice_pack: ") + sp + "\nhotfixes: [MS03-032]\n", "m.yaml");
    ASSERT_FALSE(hotfix.ok()) << sp;
    EXPECT_EQ(hotfix.error->line, 3);
    EXPECT_THAT(hotfix.error->message,
                HasSubstr("installing 'MS03-032': 1603: Fatal error during installation. Setup has detected that the "
                          "Service Pack version of this system is newer than the update you are applying."));
  }
  const auto sp1 =
      fakes::LoadMachineText("os: windows-xp-professional\nservice_pack: 1\nhotfixes: [MS03-032]\n", "m.yaml");
  ASSERT_TRUE(sp1.ok()) << (sp1.error ? sp1.error->message : "");
  EXPECT_FALSE(sp1.value->products.hotfixes.at(0).components.empty());
  const auto captured = fakes::LoadMachineText(
      "capture: {tool: aspnet-fixer 0.1.0}\nos: windows-xp-professional\nservice_pack: 2\nhotfixes: [MS03-032]\n",
      "m.yaml");
  ASSERT_TRUE(captured.ok()) << (captured.error ? captured.error->message : "");
  ASSERT_EQ(captured.value->products.hotfixes.size(), 1u);
  EXPECT_EQ(captured.value->products.hotfixes[0].id, "MS03-032");
  EXPECT_EQ(captured.value->products.hotfixes[0].kb, "KB822925");
  EXPECT_TRUE(captured.value->products.hotfixes[0].components.empty());
}

TEST(WebServerLoad, XpX64TakesAspNet11UnderWow64) {
  const auto fresh = fakes::LoadMachineText(
      "os: windows-xp-professional-x64\nframeworks: [\"1.1\"]\napplications:\n  - path: /LM/W3SVC/1/ROOT/shop\n",
      "m.yaml");
  ASSERT_TRUE(fresh.ok()) << (fresh.error ? fresh.error->message : "");
  ASSERT_EQ(fresh.value->products.frameworks.size(), 1u);
  EXPECT_EQ(fresh.value->products.frameworks[0].version, "1.1.4322");
  const auto full = fakes::LoadMachineText(
      "base: empty\nos: windows-xp-professional-x64\nframeworks: [{version: \"1.1\"}]\n", "m.yaml");
  EXPECT_TRUE(full.ok()) << (full.error ? full.error->message : "");
}

// IIS 5.1 runs one web site: an application on another is an error at its path (audit 10).
TEST(WebServerLoad, Iis51TakesNoApplicationOnASecondSite) {
  const auto two = fakes::LoadMachineText(
      "os: windows-xp-professional\nframeworks: [\"1.0\"]\napplications:\n  - path: /LM/W3SVC/1/ROOT/orders\n"
      "  - path: /LM/W3SVC/2/ROOT/shop\n    physical_path: 'D:\\shop'\n",
      "m.yaml");
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.error->line, 5);
  EXPECT_THAT(two.error->message, HasSubstr("IIS 5.1 (Windows XP Professional) runs one only"));
  // IIS 5.0 and 6.0 run several sites.
  for (const char* os : {"windows-2000-server", "windows-server-2003"}) {
    const auto other = fakes::LoadMachineText(std::string("os: ") + os +
                                                  "\nframeworks: [\"1.0\"]\napplications:\n"
                                                  "  - path: /LM/W3SVC/2/ROOT/shop\n    physical_path: 'D:\\shop'\n",
                                              "m.yaml");
    EXPECT_TRUE(other.ok()) << os << ": " << (other.error ? other.error->message : "");
  }
}

// IIS 6.0's keys on another server are errors at the key's value (not at web_server), and an empty
// application pool identity on any (every page would answer 503: audit 7). The saved form writes the
// defaults for every server, so those still load anywhere.
TEST(WebServerLoad, Iis6KeysOnAnotherServerAndAnEmptyIdentityAreErrorsAtTheValue) {
  const auto mode = Load("windows-xp-professional", "{kind: iis-5.1, iis5_isolation_mode: true}");
  ASSERT_FALSE(mode.ok());
  EXPECT_EQ(mode.error->column, 50);  // at `true`
  const auto pool = Load("windows-xp-professional", "{kind: iis-5.1, app_pool_identity: LOCAL SERVICE}");
  ASSERT_FALSE(pool.ok());
  EXPECT_EQ(pool.error->line, 2);
  EXPECT_EQ(pool.error->column, 48);  // at `LOCAL SERVICE`
  EXPECT_THAT(pool.error->message, HasSubstr("app_pool_identity is IIS 6.0's (Windows Server 2003) alone"));
  const auto empty = Load("windows-server-2003", "{kind: iis-6.0, app_pool_identity: ''}");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error->column, 48);
  EXPECT_THAT(empty.error->message, HasSubstr("app_pool_identity is empty"));
  for (const char* os : {"windows-xp-professional", "windows-2000-server", "windows-xp-home"}) {
    const auto saved = Load(os, "{iis5_isolation_mode: false, app_pool_identity: NETWORK SERVICE}");
    EXPECT_TRUE(saved.ok()) << os << ": " << saved.error->ToString();
  }
  EXPECT_TRUE(Load("windows-server-2003", "{kind: iis-6.0, app_pool_identity: LOCAL SERVICE}").ok());
}

// IIS 6's other application pools (web_server.app_pools) and an application's pool (app_pool):
// IIS 6.0's alone, each pool named once in any case, DefaultAppPool's identity given where it
// always was; saved only when given, so they load back as they were.
TEST(WebServerLoad, AppPoolsAreIis6sAloneAndSaveAsGiven) {
  const auto on_51 = Load("windows-xp-professional", "{kind: iis-5.1, app_pools: {Shop: LOCAL SERVICE}}");
  ASSERT_FALSE(on_51.ok());
  EXPECT_THAT(on_51.error->message, HasSubstr("app_pools are IIS 6.0's (Windows Server 2003) alone"));
  const auto twice = Load("windows-server-2003", "{kind: iis-6.0, app_pools: {Shop: LOCAL SERVICE, SHOP: SYSTEM}}");
  ASSERT_FALSE(twice.ok());
  EXPECT_THAT(twice.error->message, HasSubstr("is listed twice"));
  const auto default_pool = Load("windows-server-2003", "{kind: iis-6.0, app_pools: {defaultapppool: SYSTEM}}");
  ASSERT_FALSE(default_pool.ok());
  EXPECT_THAT(default_pool.error->message, HasSubstr("DefaultAppPool's identity is app_pool_identity"));
  const auto empty = Load("windows-server-2003", "{kind: iis-6.0, app_pools: {Shop: ''}}");
  ASSERT_FALSE(empty.ok());
  EXPECT_THAT(empty.error->message, HasSubstr("is empty"));
  const auto app_on_51 = fakes::LoadMachineText(
      "os: windows-xp-professional\nframeworks: ['1.0']\napplications: [{path: /LM/W3SVC/1/ROOT/a, app_pool: Shop}]\n",
      "m.yaml");
  ASSERT_FALSE(app_on_51.ok());
  EXPECT_THAT(app_on_51.error->message, HasSubstr("app_pool is IIS 6.0's (Windows Server 2003) alone"));

  const auto loaded = fakes::LoadMachineText(
      "os: windows-server-2003\nweb_server: {kind: iis-6.0, app_pools: {Shop: LOCAL SERVICE}}\nframeworks: ['1.1']\n"
      "applications: [{path: /LM/W3SVC/1/ROOT/a, app_pool: Shop}, {path: /LM/W3SVC/1/ROOT/b}]\n",
      "m.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  EXPECT_EQ(loaded.value->products.app_pools.at("Shop"), "LOCAL SERVICE");
  EXPECT_EQ(loaded.value->products.app_pool_ids.at("/LM/W3SVC/1/ROOT/a"), "Shop");
  EXPECT_EQ(loaded.value->products.app_pool_ids.count("/LM/W3SVC/1/ROOT/b"), 0u);
  const auto again = fakes::LoadMachineText(fakes::MachineToText(*loaded.value), "saved.yaml");
  ASSERT_TRUE(again.ok()) << again.error->ToString();
  EXPECT_TRUE(*again.value == *loaded.value);
  const auto plain = Load("windows-server-2003", "iis-6.0");
  ASSERT_TRUE(plain.ok());
  const std::string text = fakes::MachineToText(*plain.value);
  EXPECT_THAT(text, Not(HasSubstr("app_pools"))) << "nothing written that was not given";
  EXPECT_THAT(text, Not(HasSubstr("app_pool:"))) << "nothing written that was not given";
}

// An application is a node of a web server's configuration: on a machine with none it is an error at
// its path (it loaded, and every request answered as if IIS were missing a service).
TEST(WebServerLoad, AnApplicationOnAMachineWithoutAWebServerIsAnErrorAtItsPath) {
  const auto loaded = fakes::LoadMachineText(
      "os: windows-xp-professional\nweb_server: none\nframeworks: ['1.0']\napplications:\n"
      "  - path: /LM/W3SVC/1/ROOT/shop\n",
      "m.yaml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error->line, 5);
  EXPECT_EQ(loaded.error->column, 11);
  EXPECT_THAT(loaded.error->message, HasSubstr("needs a web server, and this machine has none"));
  EXPECT_TRUE(fakes::LoadMachineText("os: windows-xp-home\nweb_server: cassini\nframeworks: ['1.0']\n"
                                     "applications:\n  - {path: /app, physical_path: 'C:\\app'}\n",
                                     "m.yaml")
                  .ok());
}

}  // namespace
