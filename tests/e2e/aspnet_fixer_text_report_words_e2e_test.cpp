// aspnet-fixer's text on standard output says what README says: `--help`'s exit-code summary
// names capture's exit 3 (a stop before it is written) and diagnose's exit 4 (a pending repair),
// which it left out (audit 24 item 12); and the text report shows a file name's bytes that are not
// UTF-8 as `\xNN`, as standard error and the JSON do, not raw (audit 24 item 10).
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e/built_tools.h"
#include "support/affected_machine.h"
#include "support/process_output.h"
#include "support/temp_folder.h"

namespace {

using e2e::RunAspnetFixer;
using test_support::Ran;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(AspnetFixerTextReportWords, HelpNamesCapturesStopAndDiagnosesPendingRepair) {
  const Ran r = RunAspnetFixer({"--help"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("3 stopped (Ctrl-C) before it was written")) << r.out;
  EXPECT_THAT(r.out, HasSubstr("(diagnose: a repair is pending)")) << r.out;
  EXPECT_THAT(r.out, HasSubstr("3 refused, or stopped (Ctrl-C) before any change or before its report")) << r.out;
}

TEST(AspnetFixerTextReportWords, NotWrittenShowsBytesThatAreNotUtf8Escaped) {
  const test_support::TempFolder dir{"aspnet_fixer_text_report_words"};
  const auto machine = dir.Write("m.yaml", test_support::kAffectedMachine);
  const std::string out = (dir.path() / "nod\xefr" / "x.yaml").string();
  const Ran r = RunAspnetFixer({"diagnose", "--machine", machine.string(), "--out", out});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("Not written: ")) << r.out;
  EXPECT_THAT(r.out, HasSubstr("nod\\xefr/x.yaml")) << r.out;
  EXPECT_THAT(r.out, Not(HasSubstr("\xef"))) << "a raw byte that is not UTF-8 on standard output";
  EXPECT_THAT(r.err, HasSubstr("nod\\xefr/x.yaml")) << r.err;
}

}  // namespace
