// Regression: Sam::LookupName matched a machine-domain group's qualifier against a
// std::string_view bound to a temporary std::string (`cond ? "BUILTIN" : computer`), which was
// destroyed before the comparison read it. Found when the fuzz preset's clang flagged it
// (-Wdangling-gsl); under ASan the old code reads freed memory here (a computer name longer
// than the small-string buffer puts the temporary on the heap).
#include <gtest/gtest.h>

#include "test_machine.h"

namespace {

TEST(SamLookupRegression, MachineGroupQualifiedByALongComputerName) {
  fakes::MachineState s = fakes_test::MinimalXpState();
  s.products.os.computer_name = "WEBSERVER-PRODUCTION-01";
  const fixer::Sid group = s.sam.domain.WithRid(1005);
  s.sam.groups.push_back({group, "WebAdmins", "", {}});
  fakes::Machine m(std::move(s));
  fakes::Sam sam(m);

  auto found = sam.LookupName("WEBSERVER-PRODUCTION-01\\WebAdmins");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(*found, group);
  EXPECT_EQ(*sam.LookupName(".\\webadmins"), group);
  EXPECT_FALSE(sam.LookupName("BUILTIN\\WebAdmins").ok());
  EXPECT_FALSE(sam.LookupName("OTHERBOX\\WebAdmins").ok());
  EXPECT_EQ(*sam.LookupName("BUILTIN\\Administrators"), fixer::Sid::Administrators());
}

}  // namespace
