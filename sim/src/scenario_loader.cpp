// Loads scenario files: YAML -> sim::Scenario, validated against the vocabulary up front.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/machine_yaml_node.h"
#include "sim/scenario.h"
#include "sim/vocabulary.h"

namespace sim {
namespace {

// Thrown inside the loader only; LoadScenario* turn it into a ScenarioError.
struct Reject {
  YAML::Mark mark;
  std::string message;
};
// An error the machine loader already positioned.
struct Positioned {
  ScenarioError error;
};

[[noreturn]] void Fail(const YAML::Node& at, std::string message) {
  throw Reject{at.Mark(), std::move(message)};
}

// Where to report a problem with the value of `kv`: the value, or its key when the value is
// empty (yaml-cpp gives an empty value no position of its own).
const YAML::Node& ValueAt(const std::pair<YAML::Node, YAML::Node>& kv) {
  return kv.second.IsNull() ? kv.first : kv.second;
}

std::string Scalar(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) Fail(node, std::string(what) + ": expected a single value");
  return node.Scalar();
}

// The scalar value of `kv`; an empty value is reported at its key.
std::string ValueScalar(const std::pair<YAML::Node, YAML::Node>& kv, std::string_view what) {
  if (kv.second.IsNull()) Fail(kv.first, std::string(what) + ": expected a single value");
  return Scalar(kv.second, what);
}

std::string Join(const std::vector<std::string_view>& words) {
  std::string out;
  for (auto w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

bool IsWholeNumber(const std::string& s) {
  return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsTrueFalse(const std::string& s) { return s == "true" || s == "false" || s == "yes" || s == "no"; }

// The word's rules (vocabulary.h): required parameters present, constrained values valid. A
// missing parameter is reported at `at` (the word's key); a bad value at the value itself.
void CheckArgs(const Word& word, const YAML::Node& at, const std::string& where,
               const std::map<std::string, std::string>& args,
               const std::map<std::string, YAML::Node>& nodes) {
  for (std::string_view key : word.required) {
    auto it = args.find(std::string(key));
    if (it == args.end() || it->second.empty()) Fail(at, where + ": missing '" + std::string(key) + "'");
  }
  for (const auto& [key, allowed] : word.values) {
    auto it = args.find(std::string(key));
    if (it == args.end()) continue;
    const std::string& v = it->second;
    const YAML::Node& node = nodes.at(std::string(key));
    const std::string what = where + " key '" + std::string(key) + "'";
    if (allowed.size() == 1 && allowed[0] == kWholeNumber) {
      if (!IsWholeNumber(v)) Fail(node, what + ": expected a whole number, got '" + v + "'");
    } else if (allowed.size() == 1 && allowed[0] == kTrueFalse) {
      if (!IsTrueFalse(v)) Fail(node, what + ": expected true or false, got '" + v + "'");
    } else if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
      Fail(node, what + ": unknown value '" + v + "' (expected one of: " + Join(allowed) + ")");
    }
  }
}

// Fills `args` from a scalar (as the word's scalar_arg) or a map of the word's keys, then
// checks them against the word's rules; `at` is the key that names the word.
void ReadArgs(const Word& word, const YAML::Node& at, const YAML::Node& value, std::string_view context,
              std::map<std::string, std::string>& args, std::vector<std::string>* list) {
  const std::string where = std::string(context) + " '" + std::string(word.name) + "'";
  std::map<std::string, YAML::Node> nodes;  // where each parameter was written
  if (value.IsNull()) {
    if (!word.scalar_arg.empty() && !word.keys.empty()) Fail(at, where + ": needs a value");
  } else if (value.IsScalar()) {
    if (word.scalar_arg.empty())
      Fail(value, where + ": expected a map with keys: " + Join(word.keys));
    args[std::string(word.scalar_arg)] = value.Scalar();
    nodes[std::string(word.scalar_arg)] = value;
  } else if (value.IsSequence()) {
    if (!word.accepts_list || !list) Fail(value, where + ": a list is not accepted here");
    for (const auto& item : value) list->push_back(Scalar(item, where));
    return;
  } else {
    for (const auto& kv : value) {
      const std::string key = Scalar(kv.first, where);
      if (std::find(word.keys.begin(), word.keys.end(), key) == word.keys.end())
        Fail(kv.first, where + ": unknown key '" + key + "' (expected one of: " + Join(word.keys) + ")");
      if (args.count(key)) Fail(kv.first, where + ": duplicate key '" + key + "'");
      if (kv.second.IsSequence()) {  // e.g. roles: [db_datareader, db_datawriter]
        std::string joined;
        for (const auto& item : kv.second) joined += (joined.empty() ? "" : ",") + Scalar(item, key);
        args[key] = joined;
      } else {
        if (kv.second.IsNull()) Fail(kv.first, where + " key '" + key + "': expected a single value");
        args[key] = Scalar(kv.second, where + " key '" + key + "'");
      }
      nodes[key] = ValueAt(kv);
    }
  }
  CheckArgs(word, at, where, args, nodes);
}

SourcePos PosOf(const YAML::Node& node, const std::string& file) {
  return {file, node.Mark().line + 1, node.Mark().column + 1};
}

std::vector<Expectation> ReadExpect(const YAML::Node& node, const YAML::Node& at, const std::string& file) {
  if (!node.IsMap()) Fail(at, "expect: expected a map of checks (e.g. status: 200)");
  std::vector<Expectation> out;
  for (const auto& kv : node) {
    const std::string kind = Scalar(kv.first, "expect");
    const Word* word = FindExpect(kind);
    if (!word) {
      std::vector<std::string_view> names;
      for (const auto& w : ExpectWords()) names.push_back(w.name);
      Fail(kv.first, "expect: unknown check '" + kind + "' (expected one of: " + Join(names) + ")");
    }
    // A list of maps checks the same kind several times (e.g. several services).
    if (kv.second.IsSequence()) {
      for (const auto& item : kv.second) {
        Expectation e{kind, {}, PosOf(item, file)};
        ReadArgs(*word, item, item, "expect", e.args, nullptr);
        out.push_back(std::move(e));
      }
      continue;
    }
    Expectation e{kind, {}, PosOf(kv.first, file)};
    ReadArgs(*word, kv.first, kv.second, "expect", e.args, nullptr);
    out.push_back(std::move(e));
  }
  return out;
}

Step ReadStep(const YAML::Node& node, const std::string& file) {
  if (!node.IsMap()) Fail(node, "steps: each step is a map, e.g. '- request: /LM/W3SVC/1/ROOT/app'");
  Step step;
  step.pos = PosOf(node, file);
  for (const auto& kv : node) {
    const std::string key = Scalar(kv.first, "step");
    if (key == "expect") {
      step.expect = ReadExpect(kv.second, ValueAt(kv), file);
      continue;
    }
    const Word* word = FindStep(key);
    if (!word) {
      std::vector<std::string_view> names;
      for (const auto& w : StepWords()) names.push_back(w.name);
      Fail(kv.first, "steps: unknown step '" + key + "' (expected one of: " + Join(names) +
                         ", or expect)");
    }
    if (!step.kind.empty())
      Fail(kv.first, "steps: one action per step, but this one has '" + step.kind + "' and '" +
                         key + "'");
    step.kind = key;
    ReadArgs(*word, kv.first, kv.second, "step", step.args, &step.list);
  }
  if (step.kind.empty()) {
    if (step.expect.empty()) Fail(node, "steps: a step needs an action or an expect block");
    step.kind = "check";  // an expect-only step
  }
  return step;
}

Scenario ReadScenario(const YAML::Node& root, const std::string& file) {
  if (!root.IsMap()) Fail(root, "scenario: expected a map with keys name, summary, machine, steps");
  Scenario s;
  s.file = file;
  s.name = std::filesystem::path(file).stem().string();
  bool has_machine = false;
  for (const auto& kv : root) {
    const std::string key = Scalar(kv.first, "scenario");
    if (key == "name") {
      s.name = ValueScalar(kv, "name");
    } else if (key == "summary") {
      s.summary = ValueScalar(kv, "summary");
    } else if (key == "tags") {
      if (!kv.second.IsSequence()) Fail(ValueAt(kv), "tags: expected a list");
      for (const auto& t : kv.second) s.tags.push_back(Scalar(t, "tags"));
    } else if (key == "machine") {
      auto loaded = LoadMachineNode(kv.second, file);
      if (!loaded.ok()) throw Positioned{*loaded.error};
      s.machine = std::move(*loaded.value);
      has_machine = true;
    } else if (key == "steps") {
      if (!kv.second.IsSequence()) Fail(ValueAt(kv), "steps: expected a list of steps");
      for (const auto& st : kv.second) s.steps.push_back(ReadStep(st, file));
    } else {
      Fail(kv.first, "scenario: unknown key '" + key +
                         "' (expected one of: name, summary, tags, machine, steps)");
    }
  }
  if (!has_machine) Fail(root, "scenario: missing 'machine'");
  if (s.summary.empty()) Fail(root, "scenario: missing 'summary' (one line: what it shows)");
  return s;
}

ScenarioError ToError(const Reject& r, const std::string& file) {
  return {file, r.mark.line + 1, r.mark.column + 1, r.message};
}

}  // namespace

std::string SourcePos::ToString() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

LoadedScenario LoadScenarioText(const std::string& text, const std::string& file_name) {
  LoadedScenario out;
  try {
    out.value = ReadScenario(YAML::Load(text), file_name);
  } catch (const Reject& r) {
    out.error = ToError(r, file_name);
  } catch (const Positioned& p) {
    out.error = p.error;
  } catch (const YAML::Exception& e) {
    out.error = ScenarioError{file_name, e.mark.line + 1, e.mark.column + 1, e.msg};
  }
  // A node with no place in the text (the root of an empty file) has yaml-cpp's null mark
  // (-1, -1): report it at 1:1 rather than "file:0:0" (found by fuzz/scenario_fuzzer.cpp).
  if (out.error) {
    out.error->line = std::max(out.error->line, 1);
    out.error->column = std::max(out.error->column, 1);
  }
  return out;
}

LoadedScenario LoadScenarioFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadedScenario out;
    out.error = ScenarioError{path, 0, 0, "cannot open the file"};
    return out;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return LoadScenarioText(buffer.str(), path);
}

std::vector<std::string> FindScenarioFiles(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (const auto& entry : fs::recursive_directory_iterator(p, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".yaml")
          files.push_back(entry.path().string());
      }
    } else {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

}  // namespace sim
