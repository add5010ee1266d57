// RightSet: a SID's rights as bits, read as the std::set<std::string> it replaced read.
#include "fakes/right_set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "fakes/lsa.h"

namespace fakes_test {
namespace {

std::vector<std::string> Names(const fakes::RightSet& s) { return {s.begin(), s.end()}; }

TEST(RightSet, KnowsEveryRightTheModelKnowsSortedAsStrings) {
  const auto names = fakes::KnownRightNames();
  EXPECT_EQ(names.size(), 39u);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  for (size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(fakes::CanonicalRight(names[i]), &names[i]) << names[i];
    EXPECT_EQ(fakes::KnownRightIndex(names[i]), i) << names[i];
  }
  for (std::string_view logon :
       {fakes::AllowRightFor(fakes::LogonType::kBatch), fakes::DenyRightFor(fakes::LogonType::kRemoteInteractive)})
    EXPECT_TRUE(fakes::KnownRightIndex(logon).has_value()) << logon;
  EXPECT_FALSE(fakes::KnownRightIndex("sebatchlogonright").has_value());  // the one spelling only
  EXPECT_FALSE(fakes::KnownRightIndex("SeMadeUpRight").has_value());
}

TEST(RightSet, IteratesInTheOrderAStdSetOfTheNamesDid) {
  const std::vector<std::string> some = {"SeUndockPrivilege", "SeBatchLogonRight", "SeDenyNetworkLogonRight",
                                         "SeAssignPrimaryTokenPrivilege", "SeChangeNotifyPrivilege"};
  fakes::RightSet set;
  for (const std::string& n : some) EXPECT_TRUE(set.insert(n).second) << n;
  const std::set<std::string> expected(some.begin(), some.end());
  EXPECT_EQ(Names(set), std::vector<std::string>(expected.begin(), expected.end()));
  EXPECT_EQ(set.size(), some.size());

  fakes::RightSet all;
  for (const std::string& n : fakes::KnownRightNames()) all.insert(n);
  const auto known = fakes::KnownRightNames();
  EXPECT_EQ(Names(all), std::vector<std::string>(known.begin(), known.end()));
}

TEST(RightSet, InsertEraseAndContainsAnswerAsAStdSet) {
  fakes::RightSet set = {"SeBatchLogonRight"};
  const auto [at, added] = set.insert("SeBatchLogonRight");
  EXPECT_FALSE(added);
  EXPECT_EQ(*at, "SeBatchLogonRight");
  const auto [at2, added2] = set.insert("SeServiceLogonRight");
  EXPECT_TRUE(added2);
  EXPECT_EQ(*at2, "SeServiceLogonRight");
  EXPECT_TRUE(set.contains("SeServiceLogonRight"));
  EXPECT_FALSE(set.contains("seservicelogonright"));  // a std::set<std::string> compared bytes too
  EXPECT_FALSE(set.contains("SeMadeUpRight"));
  EXPECT_EQ(set.count("SeBatchLogonRight"), 1u);
  EXPECT_EQ(set.erase("SeBatchLogonRight"), 1u);
  EXPECT_EQ(set.erase("SeBatchLogonRight"), 0u);
  EXPECT_EQ(set.erase("SeMadeUpRight"), 0u);
  EXPECT_EQ(Names(set), std::vector<std::string>{"SeServiceLogonRight"});
  EXPECT_EQ(set, fakes::RightSet{"SeServiceLogonRight"});
  EXPECT_NE(set, fakes::RightSet{});
  set.erase("SeServiceLogonRight");
  EXPECT_TRUE(set.empty());
  EXPECT_EQ(set.begin(), set.end());
}

TEST(RightSet, RefusesANameItCannotHold) {
  fakes::RightSet set;
  EXPECT_THROW(set.insert("SeMadeUpRight"), std::invalid_argument);
  EXPECT_THROW(set.insert("sebatchlogonright"), std::invalid_argument);
  EXPECT_THROW((fakes::RightSet{"SeBatchLogonRight", "SeMadeUpRight"}), std::invalid_argument);
  EXPECT_TRUE(set.empty());
}

}  // namespace
}  // namespace fakes_test
