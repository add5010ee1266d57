// The hotfix catalog: which builds each update installs per OS family, and InstallHotfix's
// contract (2 for an unknown id, Mutate before any change, idempotent).
#include "fakes/hotfix_catalog.h"
#include "fixer/name_case.h"

#include <gtest/gtest.h>

namespace fakes {
namespace {

using fixer::OsEdition;

Machine MachineWith(OsEdition edition) {
  MachineState s;
  s.products.os.edition = edition;
  return Machine(std::move(s));
}

const UpdatedComponent* FindComponent(const InstalledHotfix& h, std::string_view file) {
  for (const auto& c : h.components)
    if (fixer::SameWindowsName(c.file, file)) return &c;
  return nullptr;
}

TEST(HotfixCatalog, KnowsTheIncidentUpdateTheOneThatSupersedesItAndAnUnrelatedOne) {
  const HotfixDefinition* ms03032 = FindHotfix("MS03-032");
  ASSERT_NE(ms03032, nullptr);
  EXPECT_EQ(ms03032->kb, "KB822925");
  EXPECT_EQ(ms03032->title, "Cumulative Patch for Internet Explorer");

  const HotfixDefinition* ms03040 = FindHotfix("ms03-040");
  ASSERT_NE(ms03040, nullptr);
  EXPECT_EQ(ms03040->kb, "KB828750");
  EXPECT_EQ(ms03040->supersedes, std::vector<std::string>{"MS03-032"});

  const HotfixDefinition* unrelated = FindHotfix("MS03-026");
  ASSERT_NE(unrelated, nullptr);
  for (const auto& build : unrelated->builds)
    EXPECT_FALSE(build.component.fails_without_profile) << build.component.file;
}

TEST(HotfixCatalog, FindsAnUpdateByKbNumberWithOrWithoutPrefix) {
  EXPECT_EQ(FindHotfix("KB822925"), FindHotfix("MS03-032"));
  EXPECT_EQ(FindHotfix("kb822925"), FindHotfix("MS03-032"));
  EXPECT_EQ(FindHotfix("822925"), FindHotfix("MS03-032"));
  EXPECT_EQ(FindHotfix("MS99-999"), nullptr);
  EXPECT_EQ(FindHotfix(""), nullptr);
}

TEST(HotfixCatalog, EveryUpdateHasABuildForEveryFamilyOfItsTime) {
  for (const auto& h : HotfixCatalog())
    for (OsFamily f : {OsFamily::kWindows2000, OsFamily::kWindowsXp, OsFamily::kWindowsServer2003})
      EXPECT_FALSE(h.ComponentsFor(f).empty()) << h.id << " on " << ToString(f);
}

// XP x64 came in 2005: no 2003 bulletin has a build for it (docs/windows-reference.md#windows-xp-x64).
TEST(HotfixCatalog, No2003UpdateHasAnXpX64Build) {
  for (const auto& h : HotfixCatalog()) EXPECT_TRUE(h.ComponentsFor(OsFamily::kWindowsXpX64).empty()) << h.id;
}

TEST(HotfixCatalog, Ms03032FlawIsDataOfTheXpAndServer2003BuildsOnly) {
  const HotfixDefinition* h = FindHotfix("MS03-032");
  ASSERT_NE(h, nullptr);
  auto urlmon_of = [&](OsFamily f) {
    for (const auto& c : h->ComponentsFor(f))
      if (c.file == "urlmon.dll") return c;
    ADD_FAILURE() << "no urlmon.dll for " << ToString(f);
    return UpdatedComponent{};
  };
  EXPECT_TRUE(urlmon_of(OsFamily::kWindowsXp).fails_without_profile);
  EXPECT_TRUE(urlmon_of(OsFamily::kWindowsServer2003).fails_without_profile);
  EXPECT_FALSE(urlmon_of(OsFamily::kWindows2000).fails_without_profile);
  EXPECT_EQ(urlmon_of(OsFamily::kWindowsXp).version, "6.0.2800.1226");
}

TEST(HotfixCatalog, EditionsMapToTheirFamily) {
  EXPECT_EQ(FamilyOf(OsEdition::kWindows2000Professional), OsFamily::kWindows2000);
  EXPECT_EQ(FamilyOf(OsEdition::kWindows2000Server), OsFamily::kWindows2000);
  EXPECT_EQ(FamilyOf(OsEdition::kWindowsXpHome), OsFamily::kWindowsXp);
  EXPECT_EQ(FamilyOf(OsEdition::kWindowsXpProfessional), OsFamily::kWindowsXp);
  EXPECT_EQ(FamilyOf(OsEdition::kWindowsServer2003), OsFamily::kWindowsServer2003);
  EXPECT_EQ(FamilyOf(OsEdition::kWindowsXpProfessionalX64), OsFamily::kWindowsXpX64);
}

TEST(InstallHotfix, RecordsTheBuildsOfTheMachinesFamily) {
  Machine xp = MachineWith(OsEdition::kWindowsXpHome);
  ASSERT_TRUE(InstallHotfix(xp, "MS03-032").ok());
  ASSERT_EQ(xp.state().products.hotfixes.size(), 1u);
  const InstalledHotfix& h = xp.state().products.hotfixes[0];
  EXPECT_EQ(h.id, "MS03-032");
  EXPECT_EQ(h.kb, "KB822925");
  const UpdatedComponent* urlmon = FindComponent(h, "urlmon.dll");
  ASSERT_NE(urlmon, nullptr);
  EXPECT_EQ(urlmon->version, "6.0.2800.1226");
  EXPECT_TRUE(urlmon->fails_without_profile);

  Machine w2k = MachineWith(OsEdition::kWindows2000Server);
  ASSERT_TRUE(InstallHotfix(w2k, "MS03-032").ok());
  const UpdatedComponent* w2k_urlmon = FindComponent(w2k.state().products.hotfixes[0], "urlmon.dll");
  ASSERT_NE(w2k_urlmon, nullptr);
  EXPECT_FALSE(w2k_urlmon->fails_without_profile);
  EXPECT_EQ(w2k_urlmon->version.substr(0, 4), "5.0.");  // the IE 5.01 that ships with 2000
}

TEST(InstallHotfix, AKbIdRecordsTheBulletinId) {
  Machine m = MachineWith(OsEdition::kWindowsServer2003);
  ASSERT_TRUE(InstallHotfix(m, "KB822925").ok());
  ASSERT_EQ(m.state().products.hotfixes.size(), 1u);
  EXPECT_EQ(m.state().products.hotfixes[0].id, "MS03-032");
  EXPECT_TRUE(IsHotfixInstalled(m.state(), "MS03-032"));
  EXPECT_TRUE(IsHotfixInstalled(m.state(), "KB822925"));
  EXPECT_FALSE(IsHotfixInstalled(m.state(), "MS03-040"));
}

TEST(InstallHotfix, UnknownIdIsFileNotFoundAndChangesNothing) {
  Machine m = MachineWith(OsEdition::kWindowsXpProfessional);
  fixer::Status st = InstallHotfix(m, "MS03-999");
  EXPECT_EQ(st.code(), fixer::kErrorFileNotFound);
  EXPECT_EQ(st.message(), fixer::WinErrorText(fixer::kErrorFileNotFound));
  EXPECT_TRUE(m.state().products.hotfixes.empty());
  EXPECT_EQ(m.faults().calls(), 0u);
}

TEST(InstallHotfix, AnUpdateWithoutABuildForTheProcessorIs1633AndChangesNothing) {
  Machine m = MachineWith(OsEdition::kWindowsXpProfessionalX64);
  fixer::Status st = InstallHotfix(m, "MS03-032");
  EXPECT_EQ(st.code(), fixer::kErrorInstallPlatformUnsupported);
  EXPECT_EQ(st.message(), fixer::WinErrorText(1633));
  EXPECT_TRUE(m.state().products.hotfixes.empty());
  EXPECT_EQ(m.faults().calls(), 0u);
}

// XP SP2 (2004) came after every 2003 bulletin and holds newer builds of their files: update.exe
// refuses the package there and on SP3, in its own words, and nothing changes
// (docs/windows-reference.md#service-packs).
TEST(InstallHotfix, APackageOlderThanTheServicePackIsRefusedAndChangesNothing) {
  for (OsEdition edition : {OsEdition::kWindowsXpProfessional, OsEdition::kWindowsXpHome}) {
    for (int sp : {2, 3}) {
      for (const auto& h : HotfixCatalog()) {
        Machine m = MachineWith(edition);
        m.state().products.os.service_pack = sp;
        fixer::Status st = InstallHotfix(m, h.id);
        EXPECT_EQ(st.code(), fixer::kErrorInstallFailure) << h.id << " on SP" << sp;
        EXPECT_EQ(st.ToString(),
                  "1603: Fatal error during installation. Setup has detected that the Service Pack version of this "
                  "system is newer than the update you are applying. There is no need to install this update.");
        EXPECT_TRUE(m.state().products.hotfixes.empty());
        EXPECT_EQ(m.faults().calls(), 0u);
      }
    }
  }
}

// The service packs the bulletins were built for take them: XP SP0 and SP1, every Windows 2000 SP
// (SP4, June 2003, came before them).
TEST(InstallHotfix, APackageForTheServicePackInstalls) {
  for (auto [edition, sp] : std::vector<std::pair<OsEdition, int>>{{OsEdition::kWindowsXpProfessional, 0},
                                                                   {OsEdition::kWindowsXpProfessional, 1},
                                                                   {OsEdition::kWindows2000Professional, 4},
                                                                   {OsEdition::kWindows2000Server, 4}}) {
    Machine m = MachineWith(edition);
    m.state().products.os.service_pack = sp;
    EXPECT_TRUE(InstallHotfix(m, "MS03-032").ok()) << ToString(FamilyOf(edition)) << " SP" << sp;
    EXPECT_EQ(m.state().products.hotfixes.size(), 1u);
  }
}

TEST(InstallHotfix, IsIdempotentAndMutatesOnlyOnce) {
  Machine m = MachineWith(OsEdition::kWindowsXpProfessional);
  ASSERT_TRUE(InstallHotfix(m, "MS03-032").ok());
  ASSERT_TRUE(InstallHotfix(m, "MS03-032").ok());
  ASSERT_TRUE(InstallHotfix(m, "KB822925").ok());
  EXPECT_EQ(m.state().products.hotfixes.size(), 1u);
  ASSERT_EQ(m.faults().trace().size(), 1u);
  EXPECT_EQ(m.faults().trace()[0].op, "hotfix.install");
  EXPECT_EQ(m.faults().trace()[0].target, "MS03-032");
}

TEST(InstallHotfix, AnInjectedFailureIsReturnedBeforeAnythingChanges) {
  Machine m = MachineWith(OsEdition::kWindowsXpProfessional);
  FaultPlan plan;
  plan.Add({.op = "hotfix.install", .nth = 1, .kind = FaultKind::kFail, .error = fixer::kErrorDiskFull});
  m.set_faults(plan);
  EXPECT_EQ(InstallHotfix(m, "MS03-032").code(), fixer::kErrorDiskFull);
  EXPECT_TRUE(m.state().products.hotfixes.empty());
  // The second attempt is not the first hotfix.install call any more, so it succeeds.
  EXPECT_TRUE(InstallHotfix(m, "MS03-032").ok());
  EXPECT_EQ(m.state().products.hotfixes.size(), 1u);
}

TEST(InstallHotfix, APowerLossLeavesNoRecord) {
  Machine m = MachineWith(OsEdition::kWindowsXpProfessional);
  FaultPlan plan;
  plan.Add({.op = std::nullopt, .nth = 1, .kind = FaultKind::kCrash, .error = 0});
  m.set_faults(plan);
  EXPECT_THROW((void)InstallHotfix(m, "MS03-032"), PowerLoss);
  EXPECT_TRUE(m.state().products.hotfixes.empty());
}

TEST(FilesOnDisk, TheNewestBuildOfEachFileWinsWhateverTheInstallOrder) {
  Machine m = MachineWith(OsEdition::kWindowsXpProfessional);
  ASSERT_TRUE(InstallHotfix(m, "MS03-040").ok());
  ASSERT_TRUE(InstallHotfix(m, "MS03-032").ok());  // older: must not downgrade urlmon.dll
  ASSERT_TRUE(InstallHotfix(m, "MS03-026").ok());
  std::vector<FileOnDisk> files = FilesOnDisk(m.state());
  ASSERT_EQ(files.size(), 4u);  // mshtml, ole32, rpcss, urlmon
  EXPECT_EQ(files[0].component.file, "mshtml.dll");
  EXPECT_EQ(files[3].component.file, "urlmon.dll");
  EXPECT_EQ(files[3].hotfix_id, "MS03-040");
  EXPECT_EQ(files[3].component.version, "6.0.2800.1264");
  EXPECT_EQ(files[1].hotfix_id, "MS03-026");
}

TEST(FilesOnDisk, EmptyWithoutUpdates) { EXPECT_TRUE(FilesOnDisk(MachineState{}).empty()); }

// FileRefsOnDisk (the web stack's, without copies) answers what a map keyed by the folded names
// answered: its order is that of the folded names as strings compare them ('_' between 'A' and
// 'a', UTF-8's bytes after ASCII), and of two spellings of one file the later install of an
// equal or higher version wins.
TEST(FileRefsOnDisk, TheFilesOfAMapByFoldedNameInItsOrder) {
  MachineState s;
  const auto file = [](std::string name, std::string version) {
    return UpdatedComponent{.file = std::move(name), .version = std::move(version), .fails_without_profile = false};
  };
  s.products.hotfixes.push_back({.id = "A",
                                 .kb = "KB1",
                                 .components = {file("ZA.dll", "1.0"), file("URLMON.DLL", "6.0.1"),
                                                file("Ole32.dll", "5.1"), file("caf\xc3\xa9.dll", "1.0")}});
  s.products.hotfixes.push_back(
      {.id = "B",
       .kb = "KB2",
       .components = {file("Z_x.dll", "1.0"), file("urlmon.dll", "6.0.2"), file("ole32.dll", "5.0.9"),
                      file("CAF\xc3\xa9.dll", "1.0"), file("cafe.dll", "1.0")}});
  std::vector<std::pair<std::string, std::string>> got;  // file, hotfix
  for (const FileOnDiskRef& f : FileRefsOnDisk(s)) got.emplace_back(f.component->file, *f.hotfix_id);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"cafe.dll", "B"},   {"CAF\xc3\xa9.dll", "B"},  // an equal version installed later replaces its twin
      {"Ole32.dll", "A"},                             // a lower one does not
      {"urlmon.dll", "B"}, {"Z_x.dll", "B"},         {"ZA.dll", "A"}};
  EXPECT_EQ(got, expected);
  // FilesOnDisk copies the same files in the same order.
  const std::vector<FileOnDisk> copies = FilesOnDisk(s);
  ASSERT_EQ(copies.size(), got.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(copies[i].component.file, got[i].first);
    EXPECT_EQ(copies[i].hotfix_id, got[i].second);
  }
}

TEST(CompareFileVersions, ComparesNumericallyPartByPart) {
  EXPECT_LT(CompareFileVersions("6.0.2800.1226", "6.0.2800.1264"), 0);
  EXPECT_GT(CompareFileVersions("6.0.3790.74", "6.0.2800.1264"), 0);
  EXPECT_GT(CompareFileVersions("6.0.2800.1226", "6.0.2800.999"), 0);  // not as text
  EXPECT_EQ(CompareFileVersions("6.0", "6.0.0.0"), 0);
  EXPECT_LT(CompareFileVersions("5.0.3534.1700", "6.0"), 0);
}

}  // namespace
}  // namespace fakes
