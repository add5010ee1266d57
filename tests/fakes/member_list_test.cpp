// MemberList: a group's members in the order they joined, "is a member" in constant time, the set
// kept through adds, removals and copies.
#include "fakes/member_list.h"

#include <gtest/gtest.h>

namespace fakes {
namespace {

using fixer::Sid;

TEST(MemberList, KeepsTheOrderMembersJoinedAndAnswersMembership) {
  const Sid domain = *Sid::Parse("S-1-5-21-1-2-3");
  MemberList members;
  for (uint32_t rid = 1000; rid < 4000; ++rid) members.push_back(domain.WithRid(rid));
  ASSERT_EQ(members.size(), 3000u);
  EXPECT_EQ(members[0], domain.WithRid(1000));
  EXPECT_EQ(members[2999], domain.WithRid(3999));
  for (uint32_t rid = 1000; rid < 4000; ++rid) EXPECT_TRUE(members.Contains(domain.WithRid(rid))) << rid;
  EXPECT_FALSE(members.Contains(domain.WithRid(4000)));
  EXPECT_FALSE(members.Contains(Sid::Everyone()));
}

TEST(MemberList, AMemberAddedTwiceIsListedOnceAndRemovedWhole) {
  MemberList members{Sid::Everyone(), Sid::Interactive()};
  members.push_back(Sid::Everyone());
  EXPECT_EQ(members, (std::vector<Sid>{Sid::Everyone(), Sid::Interactive()}));
  EXPECT_TRUE(members.erase(Sid::Everyone()));
  EXPECT_FALSE(members.erase(Sid::Everyone()));
  EXPECT_FALSE(members.Contains(Sid::Everyone()));
  EXPECT_EQ(members, (std::vector<Sid>{Sid::Interactive()}));
}

TEST(MemberList, ACopyChangesAloneAndEqualListsAreEqual) {
  const MemberList a{Sid::Everyone()};
  MemberList b = a;
  b.push_back(Sid::Interactive());
  EXPECT_FALSE(a.Contains(Sid::Interactive()));
  EXPECT_TRUE(b.Contains(Sid::Interactive()));
  b.erase(Sid::Interactive());
  EXPECT_EQ(a, b);
  const std::vector<Sid>& in_order = b;
  EXPECT_EQ(in_order, std::vector<Sid>{Sid::Everyone()});
}

}  // namespace
}  // namespace fakes
