// A changing verb never saves a machine file that does not load back (audit 15 item 5): a
// recreate that creates ASPNET at the SAM's last RID (4294967294) saves next_rid 4294967295, "none
// left", which every verb loads; on a SAM with no RID left the create fails with 8209 and the
// repair goes forward (exit 4), never a RID wrapped to 0 saved beside one at the top.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e/built_tools.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using ::testing::HasSubstr;

std::string AffectedMachine(const std::string& next_rid) {
  return "os: windows-xp-professional\n"
         "frameworks: [\"1.0\"]\n"
         "hotfixes: [MS03-032]\n"
         "applications: [{path: /LM/W3SVC/1/ROOT/shop}]\n"
         "next_rid: " +
         next_rid + "\n";
}

TEST(AspnetFixerLastRid, ARecreateAtTheLastRidSavesAFileThatLoadsBack) {
  const test_support::TempFolder dir{"aspnet_fixer_last_rid_test"};
  const std::string machine = dir.Write("m.yaml", AffectedMachine("4294967294")).string();
  const test_support::Ran apply = e2e::RunAspnetFixer({"apply", "--machine", machine, "--strategy", "recreate"});
  ASSERT_EQ(apply.exit_code, 0) << apply.out << apply.err;
  EXPECT_THAT(apply.out, HasSubstr("ASPNET recreated with SID S-1-5-21-2433363436-3203108257-4170425070-4294967294"));
  const std::string saved = dir.Read("m.yaml");
  EXPECT_THAT(saved, HasSubstr("next_rid: 4294967295"));
  const test_support::Ran again = e2e::RunAspnetFixer({"diagnose", "--machine", machine});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err, "");
}

TEST(AspnetFixerLastRid, ARecreateWithNoRidLeftFailsForwardAndItsFileLoadsBack) {
  const test_support::TempFolder dir{"aspnet_fixer_last_rid_test"};
  const std::string machine = dir.Write("m.yaml", AffectedMachine("4294967295")).string();
  const test_support::Ran apply = e2e::RunAspnetFixer({"apply", "--machine", machine, "--strategy", "recreate"});
  EXPECT_EQ(apply.exit_code, 4) << apply.out << apply.err;
  EXPECT_THAT(apply.out,
              HasSubstr("create-account: 8209: The directory service has exhausted the pool of relative identifiers."));
  EXPECT_THAT(dir.Read("m.yaml"), HasSubstr("next_rid: 4294967295"));
  // It loads (an unloadable file is exit 2): diagnose says the repair is pending (exit 4).
  const test_support::Ran again = e2e::RunAspnetFixer({"diagnose", "--machine", machine});
  EXPECT_EQ(again.exit_code, 4) << again.err;
  EXPECT_THAT(again.out, HasSubstr("was interrupted")) << "the journal kept for resume";
}

}  // namespace
