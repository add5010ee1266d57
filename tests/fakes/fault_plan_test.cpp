// FaultPlan takes an op and a target as views of the caller's text: the trace keeps its own copy
// of both (the caller's buffer may be gone before the sweep reads the trace), and rules count
// the calls of an op by its name, whichever buffer each call's name is in.
#include "fakes/faults.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using fakes::FaultKind;
using fakes::FaultPlan;

// A name in a buffer of its own, then overwritten and freed, as a caller's temporary is.
fixer::Status MutateFromATemporary(FaultPlan& plan, std::string_view op, std::string_view target) {
  std::string op_buffer(op);
  std::string target_buffer(target);
  fixer::Status st = plan.OnMutation(op_buffer, target_buffer);
  op_buffer.assign(op_buffer.size(), '#');
  target_buffer.assign(target_buffer.size(), '#');
  return st;
}

TEST(FaultPlan, TheTraceKeepsItsOwnCopyOfEachOpAndTarget) {
  FaultPlan plan;
  const std::string long_target = R"(C:\Inetpub\wwwroot\)" + std::string(200, 'x');
  ASSERT_TRUE(MutateFromATemporary(plan, "acl.set_dacl", long_target).ok());
  ASSERT_TRUE(MutateFromATemporary(plan, "sam.delete_user", "ASPNET").ok());
  ASSERT_EQ(plan.trace().size(), 2u);
  EXPECT_EQ(plan.trace()[0].call, 1u);
  EXPECT_EQ(plan.trace()[0].op, "acl.set_dacl");
  EXPECT_EQ(plan.trace()[0].target, long_target);
  EXPECT_EQ(plan.trace()[1].op, "sam.delete_user");
  EXPECT_EQ(plan.trace()[1].target, "ASPNET");
  const std::vector<fakes::MutationEvent> taken = plan.TakeTrace();
  EXPECT_EQ(taken.size(), 2u);
  EXPECT_TRUE(plan.trace().empty());
  EXPECT_EQ(plan.calls(), 2u);
}

// Targets share blocks the plan appends to: a taken trace still reads its own targets after the
// plan is gone, whatever was traced after it, and targets of every length across block ends
// (the first blocks are small, one longer than the largest has a block of its own) read back whole.
TEST(FaultPlan, ATakenTraceKeepsItsTargetsAcrossBlocksAndPastThePlan) {
  std::vector<std::string> targets;
  for (size_t n = 0; n < 300; ++n)
    targets.push_back("C:\\f" + std::to_string(n) + std::string(n * 7 % 150, 'a' + n % 26));
  targets.push_back(std::string(70 * 1024, 'L'));  // longer than the largest block
  targets.push_back("");
  targets.push_back("after the long one");
  std::vector<fakes::MutationEvent> first;
  std::vector<fakes::MutationEvent> second;
  {
    FaultPlan plan;
    for (size_t i = 0; i < targets.size() / 2; ++i)
      ASSERT_TRUE(MutateFromATemporary(plan, "acl.set_dacl", targets[i]).ok());
    first = plan.TakeTrace();
    for (size_t i = targets.size() / 2; i < targets.size(); ++i)
      ASSERT_TRUE(MutateFromATemporary(plan, "acl.set_dacl", targets[i]).ok());
    second = plan.TakeTrace();
  }
  ASSERT_EQ(first.size() + second.size(), targets.size());
  for (size_t i = 0; i < first.size(); ++i) EXPECT_EQ(first[i].target, targets[i]) << i;
  for (size_t i = 0; i < second.size(); ++i) EXPECT_EQ(second[i].target, targets[first.size() + i]) << i;
}

// Copying an event (a sweep keeps each run's trace and cuts copies of it) copies no characters;
// an event made from text (a test's) holds its own.
TEST(FaultPlan, ACopiedEventSharesItsTargetsCharacters) {
  FaultPlan plan;
  ASSERT_TRUE(MutateFromATemporary(plan, "acl.set_dacl", R"(C:\Inetpub\wwwroot\default.aspx)").ok());
  const fakes::MutationEvent copy = plan.trace()[0];
  EXPECT_EQ(copy.target.view().data(), plan.trace()[0].target.view().data());
  EXPECT_EQ(copy.op + " " + copy.target, R"(acl.set_dacl C:\Inetpub\wwwroot\default.aspx)");
  std::string text = "ASPNET";
  const fakes::MutationEvent made{.call = 1, .op = "sam.delete_user", .target = text};
  text.assign(text.size(), '#');
  EXPECT_EQ(made.target, "ASPNET");
  EXPECT_EQ(made.target.str(), "ASPNET");
}

// The 2nd "acl.set_dacl" fails whichever buffers the names come in; another op between them
// counts only among all mutations; a read rule counts that op's reads apart from them.
TEST(FaultPlan, RulesCountAnOpByItsNameWhateverBufferItIsIn) {
  FaultPlan plan;
  plan.Add({.op = "acl.set_dacl", .nth = 2, .kind = FaultKind::kFail, .error = fixer::kErrorDiskFull});
  plan.Add({.op = "acl.find_aces", .nth = 2, .error = fixer::kErrorAccessDenied, .read = true});
  EXPECT_TRUE(MutateFromATemporary(plan, "acl.set_dacl", "C:\\a").ok());
  EXPECT_TRUE(MutateFromATemporary(plan, "acl.add_ace", "C:\\b").ok());
  EXPECT_EQ(MutateFromATemporary(plan, "acl.set_dacl", "C:\\c").code(), fixer::kErrorDiskFull);
  EXPECT_TRUE(MutateFromATemporary(plan, "acl.set_dacl", "C:\\d").ok());  // the 3rd
  EXPECT_EQ(plan.trace()[2].injected_error, fixer::kErrorDiskFull);
  EXPECT_EQ(plan.trace()[2].target, "C:\\c");
  std::string read = "acl.find_aces";
  EXPECT_TRUE(plan.OnRead(read, "S-1-5-18").ok());
  EXPECT_EQ(plan.OnRead(std::string_view("acl.find_aces"), "S-1-5-18").code(), fixer::kErrorAccessDenied);
  EXPECT_EQ(plan.calls(), 4u);  // reads are not mutations
}

TEST(FaultPlan, APowerLossNamesTheOpItCameAt) {
  FaultPlan plan;
  plan.Add({.op = "scm.stop", .nth = 1, .kind = FaultKind::kCrash});
  try {
    (void)MutateFromATemporary(plan, "scm.stop", "W3SVC");
    FAIL() << "no power loss";
  } catch (const fakes::PowerLoss& loss) {
    EXPECT_EQ(loss.op(), "scm.stop");
    EXPECT_EQ(loss.call(), 1u);
    EXPECT_STREQ(loss.what(), "simulated power loss at mutating call 1 (scm.stop)");
  }
}

}  // namespace
