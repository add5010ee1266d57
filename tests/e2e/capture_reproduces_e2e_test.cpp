// Audit 11's reproduction of a capture, as a support engineer runs it: `aspnet-fixer capture` of
// a customer's machine, then `aspnet-fixer diagnose` of the capture, gives the verdict and the
// page answers `diagnose` gives on the machine itself (items 1, 5, 6: an aspnet_setreg identity,
// one folder under two spellings, the console user Cassini runs as).
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/run_program.h"
#include "support/temp_folder.h"

namespace capture_reproduces_e2e {

namespace fs = std::filesystem;
using test_support::Ran;

Ran Fixer(const std::vector<std::string>& args) {
  return test_support::RunProgram({.program = ASPNET_FIXER_BIN, .args = args});
}

// The verdict line and each page's answer ("GET /app -> 200"): what must not differ (SIDs do:
// a reproduction's domain is its own).
std::string VerdictAndAnswers(const std::string& diagnosis) {
  std::istringstream lines(diagnosis);
  std::string line, kept;
  while (std::getline(lines, line)) {
    if (line.starts_with("Diagnosis:") || line.find("GET ") != std::string::npos) kept += line + "\n";
  }
  return kept;
}

struct Customer {
  const char* name;
  const char* machine;
};

class CaptureReproduces : public ::testing::TestWithParam<Customer> {
 protected:
  const test_support::TempFolder dir_{"capture_reproduces"};
};

TEST_P(CaptureReproduces, TheDiagnosisOfTheMachine) {
  const fs::path machine = dir_.Write(std::string(GetParam().name) + ".yaml", GetParam().machine);
  const fs::path captured = dir_ / (std::string(GetParam().name) + ".json");
  const Ran capture = Fixer({"capture", "--machine", machine.string(), "--out", captured.string()});
  ASSERT_EQ(capture.exit_code, 0) << capture.err;
  const Ran there = Fixer({"diagnose", "--machine", machine.string()});
  const Ran here = Fixer({"diagnose", "--machine", captured.string()});
  ASSERT_EQ(there.exit_code, 0) << there.err;
  EXPECT_EQ(here.exit_code, 0) << here.err;
  EXPECT_NE(VerdictAndAnswers(there.out), "") << there.out;
  EXPECT_EQ(VerdictAndAnswers(here.out), VerdictAndAnswers(there.out)) << here.out;
}

INSTANTIATE_TEST_SUITE_P(
    Audit11, CaptureReproduces,
    ::testing::Values(Customer{"aspnet_setreg",
                               "os: windows-xp-professional\n"
                               "accounts:\n"
                               "  webworker: {password: W3b-Worker-2003}\n"
                               "rights:\n"
                               "  webworker: [SeBatchLogonRight]\n"
                               "objects:\n"
                               "  - registry: 'HKLM\\SOFTWARE\\Contoso\\ASPNET_SETREG'\n"
                               "    acl: [{allow: SYSTEM, mask: full}, {allow: Administrators, mask: full}]\n"
                               "    values: {Uid: webworker, Pwd: W3b-Worker-2003}\n"
                               "frameworks:\n"
                               "  - version: '1.0'\n"
                               "    process_model:\n"
                               "      userName: 'registry:HKLM\\SOFTWARE\\Contoso\\ASPNET_SETREG,Uid'\n"
                               "      password: 'registry:HKLM\\SOFTWARE\\Contoso\\ASPNET_SETREG,Pwd'\n"
                               "hotfixes: [MS03-032]\n"
                               "applications:\n"
                               "  - path: /LM/W3SVC/1/ROOT/app\n"},
                      Customer{"two_spellings",
                               "frameworks: ['1.0']\n"
                               "hotfixes: [MS03-032]\n"
                               "applications:\n"
                               "  - path: /LM/W3SVC/1/ROOT/shop\n"
                               "    physical_path: 'C:\\Inetpub\\wwwroot\\shop\\'\n"
                               "  - path: /LM/W3SVC/1/ROOT/shop2\n"
                               "    physical_path: 'C:\\Inetpub\\wwwroot\\shop'\n"},
                      Customer{"cassini_console_user",
                               "seed: 99\n"
                               "os: windows-xp-home\n"
                               "web_server: cassini\n"
                               "accounts:\n"
                               "  Owner: {password: 0wner-Home-2003, groups: [Administrators]}\n"
                               "profiles:\n"
                               "  Owner: present\n"
                               "session: {interactive_user: Owner}\n"
                               "frameworks: ['1.0']\n"
                               "applications:\n"
                               "  - path: /app\n"
                               "    physical_path: 'C:\\Documents and Settings\\Owner\\My Documents\\app'\n"}),
    [](const ::testing::TestParamInfo<Customer>& info) { return std::string(info.param.name); });

}  // namespace capture_reproduces_e2e
