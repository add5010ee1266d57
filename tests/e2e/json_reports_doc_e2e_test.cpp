// docs/json-reports.md lists the keys of each command's --json object; this runs each command and
// fails when its object has a key the page does not list, or lacks one the page lists without
// *when*: the documented schema and the output cannot drift apart.
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/file_size_limit.h"
#include "support/run_program.h"
#include "support/source_tree.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;

struct DocumentedKeys {
  std::set<std::string> all;
  std::set<std::string> always;  // listed without *when*
};

// The rows of the page's key tables: "`fixup-sim run --json`" -> its keys. Words in parentheses
// describe a key's contents (its nested keys) and are not keys of the object itself.
std::map<std::string, DocumentedKeys> ReadDocumentedKeys() {
  std::ifstream in(fs::path(FIXUP_SOURCE_DIR) / "docs/json-reports.md");
  std::map<std::string, DocumentedKeys> rows;
  const std::regex row(R"(^\| (`[^`]+`|any usage or input error) \| (.*) \|$)");
  const std::regex key(R"(`([a-z_]+)`( \*when\*)?)");
  std::string section;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("## ")) section = line.substr(3);
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    std::string top;
    int depth = 0;
    for (char c : std::string(m[2])) {
      if (c == '(') ++depth;
      if (depth == 0) top += c;
      if (c == ')') --depth;
    }
    DocumentedKeys keys;
    for (auto it = std::sregex_iterator(top.begin(), top.end(), key); it != std::sregex_iterator(); ++it) {
      keys.all.insert((*it)[1]);
      if (!(*it)[2].matched) keys.always.insert((*it)[1]);
    }
    rows[section + ": " + std::string(m[1])] = keys;
  }
  return rows;
}

class JsonReportsDoc : public ::testing::Test {
 protected:
  void Check(const std::string& row, const std::string& program, const std::vector<std::string>& args) {
    SCOPED_TRACE(row);
    const auto documented = rows_.find(row);
    ASSERT_NE(documented, rows_.end()) << "docs/json-reports.md has no row " << row;
    const test_support::Ran r = test_support::RunProgram({.program = program, .args = args, .cwd = dir_.path()});
    const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    ASSERT_TRUE(j.is_object()) << r.out << r.err;
    for (const auto& [name, value] : j.items())
      EXPECT_TRUE(documented->second.all.count(name)) << "key '" << name << "' is not documented";
    for (const std::string& name : documented->second.always)
      EXPECT_TRUE(j.contains(name)) << "documented key '" << name << "' is missing:\n" << r.out.substr(0, 2000);
    EXPECT_EQ(j.value("exit_code", -1), r.exit_code);
  }

  const std::map<std::string, DocumentedKeys> rows_ = ReadDocumentedKeys();
  const test_support::TempFolder dir_{"json_reports_doc"};
};

constexpr const char* kAffected =
    "os: windows-xp-professional\nframeworks: [1.0]\nhotfixes: [MS03-032]\napplications:\n"
    "  - path: /LM/W3SVC/1/ROOT/shop\n";

TEST_F(JsonReportsDoc, EveryFixupSimCommandPrintsTheKeysThePageLists) {
  const std::string scenarios = (fs::path(FIXUP_SOURCE_DIR) / "scenarios").string();
  std::ofstream(dir_.path() / "bad.yaml") << "summary: [\n";
  const std::string sim = FIXUP_SIM_BIN;
  Check("fixup-sim: `fixup-sim run --json`", sim,
        {"run", scenarios + "/fixer/keep-sid-fixes-affected-xp.yaml", "--json"});
  Check("fixup-sim: `fixup-sim run --json`", sim, {"run", "bad.yaml", "--json"});
  Check("fixup-sim: `fixup-sim matrix --json`", sim, {"matrix", "--json"});
  Check("fixup-sim: `fixup-sim compare --json`", sim,
        {"compare", scenarios + "/legacy/fixes-default-policy.yaml", "--json"});
  Check("fixup-sim: `fixup-sim explore --json`", sim, {"explore", "--count", "2", "--json"});
  Check("fixup-sim: any usage or input error", sim, {"matrix", "--json", "--no-such-option"});
  Check("fixup-sim: `fixup-sim --version --json`", sim, {"--version", "--json"});
  Check("fixup-sim: `fixup-sim --version --json`", sim, {"--json", "--version"});
  Check("fixup-sim: `fixup-sim --help --json`", sim, {"--help", "--json"});
  Check("fixup-sim: `fixup-sim --help --json`", sim, {"run", "--json", "--help"});
}

TEST_F(JsonReportsDoc, EveryAspnetFixerVerbPrintsTheKeysThePageLists) {
  const std::string fixer = ASPNET_FIXER_BIN;
  for (const std::string verb : {"diagnose", "plan", "apply", "resume", "rollback"}) {
    std::ofstream(dir_.path() / (verb + ".yaml")) << kAffected;
    Check("aspnet-fixer: `aspnet-fixer " + verb + " --json`", fixer, {verb, "--machine", verb + ".yaml", "--json"});
  }
  // An apply whose log could not grow (a file size limit): restored, its result with the failed
  // journal write.
  std::ofstream(dir_.path() / "limited.yaml") << kAffected;
  Check("aspnet-fixer: `aspnet-fixer apply --json`", "/bin/sh",
        e2e::WithFileSizeLimit(8, fixer, {"apply", "--machine", "limited.yaml", "--json"}));
  std::ofstream(dir_.path() / "m.yaml") << kAffected;
  Check("aspnet-fixer: `aspnet-fixer capture --out FILE --json`", fixer,
        {"capture", "--machine", "m.yaml", "--out", "c.json", "--json"});
  Check("aspnet-fixer: any usage or input error", fixer, {"diagnose", "--machine", "no-such.yaml", "--json"});
  Check("aspnet-fixer: `aspnet-fixer --version --json`", fixer, {"--version", "--json"});
  Check("aspnet-fixer: `aspnet-fixer --version --json`", fixer, {"apply", "--json", "--version"});
  Check("aspnet-fixer: `aspnet-fixer --help --json`", fixer, {"--json", "--help"});
  Check("aspnet-fixer: `aspnet-fixer --help --json`", fixer, {"plan", "--help", "--json"});
}

}  // namespace
