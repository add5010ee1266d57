// The two younger privileges, "Impersonate a client after authentication" and "Create global
// objects", go to Administrators and SERVICE on a fresh install where the edition and service pack
// have them (2000 SP4, XP SP2, Server 2003, XP x64: KB 821546), and to nobody before (audit 12).
#include <gtest/gtest.h>

#include <string>

#include "fakes/fresh_install.h"
#include "fixer/sid.h"

namespace {

using fixer::OsEdition;
using fixer::Sid;

bool Holds(const fakes::MachineState& s, const Sid& sid, const char* right) {
  auto it = s.lsa.rights.find(sid);
  return it != s.lsa.rights.end() && it->second.contains(right);
}

TEST(FreshInstallRights, AdministratorsAndServiceHoldTheYoungerPrivilegesWhereTheyExist) {
  struct Case {
    OsEdition os;
    int service_pack;
  };
  for (const Case c : {Case{OsEdition::kWindows2000Server, 4}, Case{OsEdition::kWindowsXpProfessional, 2},
                       Case{OsEdition::kWindowsServer2003, 0}, Case{OsEdition::kWindowsServer2003, 1},
                       Case{OsEdition::kWindowsXpProfessionalX64, 1}}) {
    SCOPED_TRACE(std::to_string(static_cast<int>(c.os)) + " SP" + std::to_string(c.service_pack));
    const fakes::MachineState s = fakes::FreshInstall({.os = c.os, .service_pack = c.service_pack});
    for (const Sid& holder : {Sid::Administrators(), Sid::Service()}) {
      EXPECT_TRUE(Holds(s, holder, "SeImpersonatePrivilege")) << holder.ToString();
      EXPECT_TRUE(Holds(s, holder, "SeCreateGlobalPrivilege")) << holder.ToString();
    }
    EXPECT_FALSE(Holds(s, Sid::Users(), "SeImpersonatePrivilege"));
  }
}

TEST(FreshInstallRights, BeforeTheirServicePackNobodyHoldsThem) {
  for (const auto& [os, sp] :
       {std::pair{OsEdition::kWindows2000Server, 3}, std::pair{OsEdition::kWindowsXpProfessional, 1}}) {
    const fakes::MachineState s = fakes::FreshInstall({.os = os, .service_pack = sp});
    for (const auto& [sid, rights] : s.lsa.rights) {
      EXPECT_FALSE(rights.contains("SeImpersonatePrivilege")) << sid.ToString();
      EXPECT_FALSE(rights.contains("SeCreateGlobalPrivilege")) << sid.ToString();
    }
  }
}

// An administrator's token holds every privilege Windows gives Administrators by default
// (docs/windows-reference.md#default-user-rights): the five an audit found missing among them
// (profiling, memory quotas, volume maintenance, firmware values); Power Users may profile a
// single process too, Users may not.
TEST(FreshInstallRights, AdministratorsHoldProfilingQuotaVolumeAndFirmwarePrivileges) {
  for (const OsEdition os : {OsEdition::kWindowsXpProfessional, OsEdition::kWindowsXpHome,
                             OsEdition::kWindowsServer2003, OsEdition::kWindows2000Professional}) {
    SCOPED_TRACE(std::to_string(static_cast<int>(os)));
    const fakes::MachineState s = fakes::FreshInstall({.os = os});
    for (const char* right : {"SeSystemProfilePrivilege", "SeProfileSingleProcessPrivilege", "SeIncreaseQuotaPrivilege",
                              "SeSystemEnvironmentPrivilege", "SeBackupPrivilege", "SeCreatePagefilePrivilege"})
      EXPECT_TRUE(Holds(s, Sid::Administrators(), right)) << right;
    EXPECT_TRUE(Holds(s, Sid::PowerUsers(), "SeProfileSingleProcessPrivilege"));
    EXPECT_FALSE(Holds(s, Sid::Users(), "SeProfileSingleProcessPrivilege"));
    EXPECT_FALSE(Holds(s, Sid::PowerUsers(), "SeSystemProfilePrivilege"));
    // "Perform volume maintenance tasks" is XP's: Windows 2000 has no such right.
    EXPECT_EQ(Holds(s, Sid::Administrators(), "SeManageVolumePrivilege"), os != OsEdition::kWindows2000Professional);
  }
}

}  // namespace
