// A capture is JSON (docs/machine-format.md, "Captures"): a verb that changes it saves the machine
// in the form it was read in, so `machine.json` repaired in place, or with `--out x.json`, still
// parses as JSON and loads; an --out named *.yaml is the saved form's YAML (audit 14 item 14).
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace capture_keeps_json {

namespace fs = std::filesystem;
using test_support::Ran;
using test_support::Slurp;

constexpr const char* kAffected =
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n";

Ran Tool(const char* exe, const std::vector<std::string>& args) {
  return test_support::RunProgram({.program = exe, .args = args});
}

bool ParsesAsJson(const std::string& text) { return nlohmann::json::accept(text); }

class CaptureKeepsJson : public ::testing::Test {
 protected:
  void SetUp() override {
    const Ran r = Tool(ASPNET_FIXER_BIN, {"capture", "--machine", input_.string(), "--out", capture_.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_TRUE(ParsesAsJson(Slurp(capture_)));
  }
  const test_support::TempFolder dir_{"capture_keeps_json"};
  const fs::path input_ = dir_.Write("customer.yaml", kAffected);
  const fs::path capture_ = dir_ / "case.json";
};

TEST_F(CaptureKeepsJson, RepairedInPlaceItStaysJson) {
  const Ran r = Tool(ASPNET_FIXER_BIN, {"apply", "--machine", capture_.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string text = Slurp(capture_);
  EXPECT_TRUE(ParsesAsJson(text)) << text.substr(0, 200);
  const Ran again = Tool(ASPNET_FIXER_BIN, {"diagnose", "--machine", capture_.string()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("Diagnosis: already-fixed"), std::string::npos) << again.out;
}

TEST_F(CaptureKeepsJson, AnOutNamedJsonIsJsonAndOneNamedYamlIsYaml) {
  const fs::path json_out = dir_ / "repaired.json";
  const Ran r = Tool(ASPNET_FIXER_BIN, {"apply", "--machine", capture_.string(), "--out", json_out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(ParsesAsJson(Slurp(json_out)));

  const fs::path yaml_out = dir_ / "repaired.yaml";
  const Ran y = Tool(ASPNET_FIXER_BIN, {"apply", "--machine", capture_.string(), "--out", yaml_out.string()});
  ASSERT_EQ(y.exit_code, 0) << y.out << y.err;
  const std::string yaml_text = Slurp(yaml_out);
  EXPECT_FALSE(ParsesAsJson(yaml_text));
  EXPECT_TRUE(yaml_text.starts_with("# fixup-sim machine state")) << yaml_text.substr(0, 200);

  // Both say the same machine: each loads, and shows the same.
  const Ran a = Tool(FIXUP_SIM_BIN, {"show", json_out.string(), "--format", "yaml"});
  const Ran b = Tool(FIXUP_SIM_BIN, {"show", yaml_out.string(), "--format", "yaml"});
  EXPECT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
}

// A YAML machine file repaired in place stays YAML (the form it was read in).
TEST_F(CaptureKeepsJson, AYamlFileStaysYaml) {
  const Ran r = Tool(ASPNET_FIXER_BIN, {"apply", "--machine", input_.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_FALSE(ParsesAsJson(Slurp(input_)));
}

}  // namespace capture_keeps_json
