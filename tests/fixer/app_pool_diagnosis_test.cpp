// The diagnosis on IIS 6.0 in worker process isolation mode reads, for each ASP.NET 1.0
// application, the pool it runs in and that pool's identity (Inventory::AppPoolOf,
// Inventory::AppPoolIdentity) and names them in the verdict; a read that fails is said with its
// Windows error and fails no diagnosis. Elsewhere no pool is read.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock_ports.h"

namespace fixer_test {
namespace {

using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Return;

class AppPoolDiagnosis : public MockPortsTest {
 protected:
  void SetUp() override {
    w.os.edition = fixer::OsEdition::kWindowsServer2003;
    w.web = {fixer::WebServerKind::kIis60, false};
    w.applications.push_back({"/LM/W3SVC/1/ROOT/shop", "C:\\Inetpub\\wwwroot\\shop", std::string(fixer::kFramework10),
                              fixer::SessionStateMode::kInProc});
    w.applications.push_back({"/LM/W3SVC/1/ROOT/docs", "C:\\Inetpub\\wwwroot\\docs", std::string(fixer::kFramework10),
                              fixer::SessionStateMode::kInProc});
  }
  const fixer::Cause& HostCause(const fixer::Diagnosis& d) {
    const fixer::Cause* c = d.FindCause("aspnet10-in-aspnet_wp");
    EXPECT_NE(c, nullptr);
    return *c;
  }
};

TEST_F(AppPoolDiagnosis, NamesEachApplicationsPoolAndItsIdentity) {
  ON_CALL(inventory, AppPoolOf("/LM/W3SVC/1/ROOT/shop")).WillByDefault(Return(fixer::Result<std::string>("ShopPool")));
  ON_CALL(inventory, AppPoolIdentity("ShopPool")).WillByDefault(Return(fixer::Result<std::string>("XPPRO\\webpool")));
  // DefaultAppPool serves two applications: its identity is read once.
  EXPECT_CALL(inventory, AppPoolIdentity("DefaultAppPool")).Times(1);
  EXPECT_CALL(inventory, AppPoolIdentity("ShopPool")).Times(1);
  auto d = MakeFixer().Diagnose();
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->verdict, fixer::Verdict::kNotAffected);
  ASSERT_EQ(d->app_pools.size(), 3u);
  EXPECT_EQ(d->app_pools[1].pool, "ShopPool");
  EXPECT_EQ(d->app_pools[1].identity, "XPPRO\\webpool");
  const std::string& detail = HostCause(*d).detail;
  EXPECT_THAT(detail, HasSubstr("/LM/W3SVC/1/ROOT/app runs in w3wp.exe as NETWORK SERVICE (application pool "
                                "DefaultAppPool)"));
  EXPECT_THAT(detail,
              HasSubstr("/LM/W3SVC/1/ROOT/shop runs in w3wp.exe as XPPRO\\webpool (application pool ShopPool)"));
  EXPECT_THAT(detail, HasSubstr("/LM/W3SVC/1/ROOT/docs runs in w3wp.exe as NETWORK SERVICE"));
  EXPECT_THAT(detail, Not(HasSubstr("unless changed")));
}

TEST_F(AppPoolDiagnosis, AReadThatFailsIsSaidWithItsErrorAndFailsNoDiagnosis) {
  ON_CALL(inventory, AppPoolOf("/LM/W3SVC/1/ROOT/shop"))
      .WillByDefault(Return(fixer::Result<std::string>(fixer::Status::Win(fixer::kErrorAccessDenied))));
  ON_CALL(inventory, AppPoolOf("/LM/W3SVC/1/ROOT/docs")).WillByDefault(Return(fixer::Result<std::string>("Gone")));
  auto d = MakeFixer().Diagnose();
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->verdict, fixer::Verdict::kNotAffected);
  ASSERT_EQ(d->app_pools.size(), 3u);
  EXPECT_EQ(d->app_pools[1].error.code(), fixer::kErrorAccessDenied);
  EXPECT_EQ(d->app_pools[2].error.code(), fixer::kErrorPathNotFound);  // the mock's metabase has no Gone
  const std::string& detail = HostCause(*d).detail;
  EXPECT_THAT(detail, HasSubstr("/LM/W3SVC/1/ROOT/shop runs in w3wp.exe as an identity not read: its application "
                                "pool could not be read (5: Access is denied.)"));
  EXPECT_THAT(detail, HasSubstr("/LM/W3SVC/1/ROOT/docs runs in w3wp.exe as an identity not read (application pool "
                                "Gone: 3: The system cannot find the path specified.)"));
}

// aspnet_wp.exe serves ASP.NET under IIS 5.x and IIS 6.0's IIS 5.0 isolation mode: no pool is read.
TEST_F(AppPoolDiagnosis, NoPoolIsReadWhereAspNetWpServes) {
  for (bool iis5_isolation : {true, false}) {
    w.web = iis5_isolation ? fixer::WebServerInfo{fixer::WebServerKind::kIis60, true}
                           : fixer::WebServerInfo{fixer::WebServerKind::kIis51, false};
    EXPECT_CALL(inventory, AppPoolOf(_)).Times(0);
    EXPECT_CALL(inventory, AppPoolIdentity(_)).Times(0);
    auto d = MakeFixer().Diagnose();
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_TRUE(d->app_pools.empty());
    ::testing::Mock::VerifyAndClearExpectations(&inventory);
  }
}

}  // namespace
}  // namespace fixer_test
