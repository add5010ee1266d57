// `--version` and `--help` given with `--json` print the one JSON object every command run with
// --json promises (README.md, docs/json-reports.md), in both tools, whatever the order of the words
// and with a command named or not; they printed their text. Without --json the text is as it was.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/run_program.h"

namespace {

using test_support::Ran;
using ::testing::HasSubstr;

struct Tool {
  const char* program;
  std::string name;
  std::string verb;  // a command of the tool, to name with the flag
};

const std::vector<Tool> kTools = {{FIXUP_SIM_BIN, "fixup-sim", "run"}, {ASPNET_FIXER_BIN, "aspnet-fixer", "apply"}};

Ran RunTool(const Tool& tool, const std::vector<std::string>& args) {
  return test_support::RunProgram({.program = tool.program, .args = args});
}

nlohmann::json OneObject(const Ran& r) {
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_TRUE(j.is_object()) << "not one JSON object:\n" << r.out << r.err;
  return j.is_object() ? j : nlohmann::json::object();
}

TEST(VersionHelpJson, VersionWithJsonIsOneObjectNamingTheToolItsVersionAndCommit) {
  for (const Tool& tool : kTools) {
    const Ran text = RunTool(tool, {"--version"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    // The text form, unchanged: "TOOL VERSION (commit HASH)".
    const std::string expected_text_start = tool.name + " " + FIXUP_PROJECT_VERSION + " (commit ";
    ASSERT_EQ(text.out.rfind(expected_text_start, 0), 0u) << text.out;
    const std::string commit =
        text.out.substr(expected_text_start.size(), text.out.find(')') - expected_text_start.size());
    const std::vector<std::vector<std::string>> lines = {
        {"--version", "--json"}, {"--json", "--version"}, {tool.verb, "--version", "--json"}};
    for (const std::vector<std::string>& args : lines) {
      SCOPED_TRACE(tool.name + " " + args[0] + " " + args[1]);
      const Ran r = RunTool(tool, args);
      EXPECT_EQ(r.exit_code, 0) << r.err;
      const nlohmann::json j = OneObject(r);
      EXPECT_EQ(j.value("name", ""), tool.name);
      EXPECT_EQ(j.value("version", ""), FIXUP_PROJECT_VERSION);
      EXPECT_EQ(j.value("commit", ""), commit);
      EXPECT_EQ(j.value("exit_code", -1), 0);
      EXPECT_EQ(j.size(), 4u) << r.out;
    }
  }
}

TEST(VersionHelpJson, HelpWithJsonIsOneObjectHoldingTheHelpText) {
  for (const Tool& tool : kTools) {
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"--help"}, {tool.verb, "--help"}}) {
      SCOPED_TRACE(tool.name + " " + args.back());
      const Ran text = RunTool(tool, args);
      ASSERT_EQ(text.exit_code, 0) << text.err;
      std::vector<std::string> with_json = args;
      with_json.push_back("--json");
      const Ran r = RunTool(tool, with_json);
      EXPECT_EQ(r.exit_code, 0) << r.err;
      const nlohmann::json j = OneObject(r);
      EXPECT_EQ(j.value("help", ""), text.out);  // the very text, of the command named
      EXPECT_EQ(j.value("exit_code", -1), 0);
    }
  }
  const Ran run_help = RunTool(kTools[0], {"--json", "run", "--help"});
  EXPECT_THAT(OneObject(run_help).value("help", ""), HasSubstr("Usage: fixup-sim run [OPTIONS]"));
}

}  // namespace
