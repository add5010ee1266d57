// fixer::Result: a value or the Windows error that stopped it.
#include "fixer/result.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

fixer::Result<std::vector<std::string>> ResultOfNames() {
  return std::vector<std::string>{"ASPNET", "IUSR_XPPRO", "IWAM_XPPRO"};
}

// The public headers' examples loop over a port's answer directly (fixer/ports/aspnet.h): the
// vector must outlive the loop though the Result is a temporary (ASan sees a dangling one).
TEST(ResultTest, ALoopOverATemporarysValueWalksALiveVector) {
  std::string joined;
  for (const std::string& name : *ResultOfNames()) joined += name + ";";
  EXPECT_EQ(joined, "ASPNET;IUSR_XPPRO;IWAM_XPPRO;");
}

TEST(ResultTest, AnErrorIsNotOkAndKeepsItsCode) {
  const fixer::Result<int> r = fixer::Status::Win(5);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), 5u);
}

TEST(ResultTest, AnLvaluesValueIsAReferenceIntoIt) {
  fixer::Result<std::vector<int>> r = std::vector<int>{1, 2};
  (*r).push_back(3);
  EXPECT_EQ(r->size(), 3u);
}

}  // namespace
