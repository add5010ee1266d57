#include "fixer/sid.h"

#include <gtest/gtest.h>

namespace fixer {
namespace {

TEST(Sid, ParsesAndFormatsAnAccountSid) {
  auto sid = Sid::Parse("S-1-5-21-1004336348-1177238915-682003330-1004");
  ASSERT_TRUE(sid.ok());
  EXPECT_EQ(sid->ToString(), "S-1-5-21-1004336348-1177238915-682003330-1004");
  EXPECT_EQ(sid->Rid(), 1004u);
  EXPECT_TRUE(sid->IsAccountSid());
  EXPECT_EQ(sid->Domain().ToString(), "S-1-5-21-1004336348-1177238915-682003330");
  EXPECT_EQ(sid->Domain().WithRid(1004), *sid);
}

TEST(Sid, WellKnownSidsFormatAsWindowsPrintsThem) {
  EXPECT_EQ(Sid::LocalSystem().ToString(), "S-1-5-18");
  EXPECT_EQ(Sid::NetworkService().ToString(), "S-1-5-20");
  EXPECT_EQ(Sid::Administrators().ToString(), "S-1-5-32-544");
  EXPECT_EQ(Sid::Users().ToString(), "S-1-5-32-545");
  EXPECT_EQ(Sid::Everyone().ToString(), "S-1-1-0");
  EXPECT_FALSE(Sid::Users().IsAccountSid());
}

TEST(Sid, RejectsMalformedTextWithInvalidSid) {
  for (const char* bad : {"", "S-", "S-1", "S-1-5-", "X-1-5-18", "S-2-5-18", "S-1-5-x",
                          "S-1-5-4294967296", "S-1--5"}) {
    auto sid = Sid::Parse(bad);
    ASSERT_FALSE(sid.ok()) << bad;
    EXPECT_EQ(sid.status().code(), kErrorInvalidSid) << bad;
  }
}

TEST(Sid, OrdersAndComparesByValue) {
  EXPECT_LT(Sid::Machine(1, 2, 3).WithRid(1000), Sid::Machine(1, 2, 3).WithRid(1001));
  EXPECT_EQ(*Sid::Parse("s-1-5-18"), Sid::LocalSystem());
}

}  // namespace
}  // namespace fixer
