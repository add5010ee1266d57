// SharedList: copies hold one list; equality reads the elements only when the lists differ.
#include "fixer/shared_list.h"

#include <span>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

using fixer::SharedList;

TEST(SharedList, ACopyHoldsTheSameElementsNotACopyOfThem) {
  SharedList<std::string> found = std::vector<std::string>{"C:\\app", "HKLM\\SOFTWARE\\Contoso"};
  SharedList<std::string> recorded = found;
  ASSERT_EQ(recorded.size(), 2u);
  EXPECT_EQ(recorded.data(), found.data());
  EXPECT_EQ(&recorded[1], &found[1]);
  EXPECT_EQ(recorded.back(), "HKLM\\SOFTWARE\\Contoso");
}

TEST(SharedList, ListsMadeApartAreEqualByTheirElements) {
  SharedList<int> a = {1, 2, 3};
  SharedList<int> b = std::vector<int>{1, 2, 3};
  SharedList<int> c = {1, 2, 4};
  EXPECT_NE(a.data(), b.data());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_NE(a, SharedList<int>{});
  EXPECT_EQ(SharedList<int>{}, SharedList<int>(std::vector<int>{}));
}

TEST(SharedList, AnEmptyListReadsAsAnEmptyVectorAndSpan) {
  const SharedList<int> none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.begin(), none.end());
  const std::vector<int>& read = none;
  EXPECT_TRUE(read.empty());
  EXPECT_TRUE(std::span<const int>(none).empty());
}

TEST(SharedList, ReadsAsTheVectorItWasMadeFrom) {
  const SharedList<int> list = {5, 6};
  const std::vector<int>& read = list;
  EXPECT_EQ(read, (std::vector<int>{5, 6}));
  const std::span<const int> span = list;
  EXPECT_EQ(span.size(), 2u);
  EXPECT_EQ(span.data(), list.data());
}

}  // namespace
