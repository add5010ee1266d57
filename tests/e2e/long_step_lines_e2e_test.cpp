// Every step line `run -v` prints names what the step touched cut as a message quotes it (at most
// 60 bytes: fixer::CappedValue, docs/scenario-format.md): each step kind of the vocabulary, given
// a 70,000-character value for each of its text parameters, prints a short line; a `request:` of a
// 70,000-character path printed a line of 140,119.
#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/vocabulary.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

const std::string kLong(70000, 'q');
constexpr size_t kLongestStepLine = 600;  // a few names of 60 bytes, the words around them

// A value `param` takes: the long one for free text; else a valid one (its first word, a number
// in range, true, a value its syntax rule takes).
std::string ValueFor(const sim::Param& p) {
  switch (p.kind) {
    case sim::ValueKind::kWord: return std::string(p.words.front());
    case sim::ValueKind::kWholeNumber: return std::to_string(std::max<uint64_t>(p.min, 1));
    case sim::ValueKind::kTrueFalse: return "true";
    case sim::ValueKind::kRegex: return "x";
    case sim::ValueKind::kText: break;
  }
  if (p.rule == nullptr) return kLong;
  for (const char* v : {"full", "read", "CI", "OI", "1"})
    if (!p.rule(v)) return v;
  return "";
}

bool InGroupAfterFirst(const std::vector<std::vector<std::string_view>>& groups, std::string_view name) {
  for (const auto& g : groups)
    for (size_t i = 1; i < g.size(); ++i)
      if (g[i] == name) return true;
  return false;
}

// The step `word` with every parameter it may take at once given a value, as a scenario's step.
std::string StepOf(const sim::Word& word) {
  std::string args;
  for (const sim::Param& p : word.params) {
    if (InGroupAfterFirst(word.at_most_one_of, p.name)) continue;  // never two of a group
    const bool partnered = std::any_of(word.only_with.begin(), word.only_with.end(),
                                       [&](const auto& only) { return only.first == p.name; });
    if (partnered) continue;  // meaningful only beside another
    // A batch file no file name can reach (70,000 characters) is a load error at the value.
    if (word.name == "legacy" && p.name == "script") continue;
    const std::string value = ValueFor(p);
    if (value.empty()) continue;
    args += (args.empty() ? "" : ", ") + std::string(p.name) + ": \"" + value + "\"";
  }
  return "  - " + std::string(word.name) + ": {" + args + "}\n";
}

TEST(LongStepLines, EveryStepKindCutsTheValuesItsLineShows) {
  const test_support::TempFolder dir("long_step_lines_e2e");
  for (const sim::Word& word : sim::StepWords()) {
    const std::string file = std::string(word.name) + ".yaml";
    dir.Write(file,
              "summary: s\nmachine:\n  frameworks: [1.0]\n  applications:\n    - path: /LM/W3SVC/1/ROOT/shop\n"
              "steps:\n" +
                  StepOf(word));
    const test_support::Ran r =
        test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = {"run", "-v", file}, .cwd = dir.path()});
    EXPECT_NE(r.exit_code, 2) << word.name << " does not load:\n" << r.err.substr(0, 600);
    std::istringstream lines(r.out);
    int step_lines = 0;
    for (std::string line; std::getline(lines, line);) {
      if (!std::regex_search(line, std::regex("^ +[0-9]+\\. "))) continue;  // `  1. request: GET ...`
      ++step_lines;
      EXPECT_LT(line.size(), kLongestStepLine) << word.name << ": " << line.substr(0, 300);
    }
    EXPECT_EQ(step_lines, 1) << word.name << ":\n" << r.out.substr(0, 600);
  }
}

// The other lines of `run -v` are cut alike, with the same marker: a change of a 10,000-character
// value (the change log, `~ path: before -> after`, and an added entry's fields), a line a batch
// file printed (the console, `| ...`) and a failed check's expected text (`FAIL ...: expected`)
// printed whole, 8,000 characters and more a line.
TEST(LongStepLines, TheChangeLogAndTheConsoleAreCutAsStepLinesAre) {
  const test_support::TempFolder dir("long_change_lines_e2e");
  const std::string long_value(10000, 'v');
  dir.Write("long.cmd", "@echo off\r\necho " + std::string(8000, 'e') + "\r\necho short line\r\n");
  dir.Write("long.yaml", "summary: s\nmachine:\n  frameworks: [1.0]\nsteps:\n  - set_process_model: {userName: \"" +
                             long_value + "\"}\n  - legacy: {script: long.cmd}\n    expect: {output_contains: \"" +
                             std::string(10000, 'x') + "\"}\n  - grant_ace: {principal: Administrators, path: 'C:\\" +
                             std::string(10000, 'p') + "'}\n");
  const test_support::Ran r =
      test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = {"run", "-v", "long.yaml"}, .cwd = dir.path()});
  ASSERT_EQ(r.exit_code, 1) << r.err.substr(0, 600);
  EXPECT_NE(r.out.find("... (200 of 10011 bytes shown), got it is not there\n"), std::string::npos)
      << r.out.substr(0, 3000);
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) EXPECT_LT(line.size(), kLongestStepLine) << line.substr(0, 300);
  EXPECT_NE(r.out.find("userName: machine -> " + std::string(60, 'v') + "... (60 of 10000 bytes shown)\n"),
            std::string::npos)
      << r.out.substr(0, 3000);
  EXPECT_NE(r.out.find("+ objects[file C:\\" + std::string(184, 'p') + "... (200 of 10017 bytes shown)\n"),
            std::string::npos)
      << r.out.substr(0, 3000);
  EXPECT_NE(r.out.find("| " + std::string(200, 'e') + "... (200 of 8000 bytes shown)\n"), std::string::npos)
      << r.out.substr(0, 3000);
  EXPECT_NE(r.out.find("| short line\n"), std::string::npos) << r.out.substr(0, 3000);
}

}  // namespace
