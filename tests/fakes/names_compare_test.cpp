// The fake's lookups by name, built on fixer::SameWindowsName (fixer/name_case.h, tested in
// tests/fixer/name_case_test.cpp): any spelling finds the same account, group, service or right.
#include <gtest/gtest.h>

#include <string>

#include "fakes/logon.h"
#include "fakes/lsa.h"
#include "fakes/scm.h"
#include "fakes/state.h"
#include "test_machine.h"

namespace {

// Lookups by name find the same account, group, service or right however it is spelled, and
// nothing for a name that differs in one letter or in length.
TEST(NameLookups, FindTheSameEntryByAnySpelling) {
  fakes::Machine m(fakes_test::MinimalXpState());
  fakes::Sam sam(m);
  ASSERT_TRUE(sam.CreateUser({.name = "ASPNET", .full_name = "aspnet_wp account"}, fakes_test::Pw("1pass@word")).ok());
  const fakes::UserAccount* aspnet = std::as_const(sam).FindUser("ASPNET");
  ASSERT_NE(aspnet, nullptr);
  for (const char* spelling : {"aspnet", "AspNet", "aSPNET", "ASPNET"}) {
    EXPECT_EQ(std::as_const(sam).FindUser(spelling), aspnet) << spelling;
    EXPECT_EQ(sam.FindUser(spelling), aspnet) << spelling;
    EXPECT_EQ(fakes::FindUserIn(m.state(), spelling), aspnet) << spelling;
    EXPECT_EQ(*sam.LookupName(spelling), sam.SidOf(*aspnet)) << spelling;
    EXPECT_EQ(*sam.LookupName(std::string("xppro\\") + spelling), sam.SidOf(*aspnet)) << spelling;
  }
  for (const char* other : {"ASPNE", "ASPNETT", "ASPNEU", "ASP NET", "aspnet\xC3\xA9"}) {
    EXPECT_EQ(std::as_const(sam).FindUser(other), nullptr) << other;
    EXPECT_FALSE(sam.LookupName(other).ok()) << other;
  }
  EXPECT_EQ(*sam.LookupName("builtin\\ADMINISTRATORS"), fixer::Sid::Administrators());
  EXPECT_EQ(*sam.LookupName("nt authority\\system"), fixer::Sid::LocalSystem());
  EXPECT_NE(sam.FindGroup("power users"), nullptr);
  EXPECT_EQ(sam.FindGroup("power-users"), nullptr);

  fakes::Scm scm(m);
  EXPECT_NE(std::as_const(scm).Find("SECLOGON"), nullptr);
  EXPECT_EQ(std::as_const(scm).Find("secondary logon"), std::as_const(scm).Find("seclogon"));
  EXPECT_EQ(std::as_const(scm).Find("seclogin"), nullptr);

  // LSA rights: any spelling grants the one canonical right (1313 for an unknown one).
  fakes::Lsa lsa(m);
  const fixer::Sid sid = sam.SidOf(*aspnet);
  ASSERT_TRUE(lsa.Grant(sid, "sebatchlogonright").ok());
  ASSERT_TRUE(lsa.Grant(sid, "SEBATCHLOGONRIGHT").ok());
  ASSERT_TRUE(lsa.Grant(sid, "SeChangeNotifyPRIVILEGE").ok());
  EXPECT_EQ(lsa.RightsOf(sid), (std::vector<std::string>{"SeBatchLogonRight", "SeChangeNotifyPrivilege"}));
  EXPECT_EQ(lsa.Grant(sid, "SeBatchLogonRights").code(), fixer::kErrorNoSuchPrivilege);
  EXPECT_EQ(lsa.Grant(sid, "SeBatchLogonRigh").code(), fixer::kErrorNoSuchPrivilege);
  ASSERT_TRUE(lsa.Revoke(sid, "SEBATCHLOGONRIGHT").ok());
  EXPECT_EQ(lsa.RightsOf(sid), (std::vector<std::string>{"SeChangeNotifyPrivilege"}));
  EXPECT_TRUE(fakes::IsKnownRight("seundockprivilege"));
  EXPECT_FALSE(fakes::IsKnownRight("SeUndockPrivileges"));
}

}  // namespace
