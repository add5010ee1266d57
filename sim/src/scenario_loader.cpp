// Loads scenario files: YAML -> sim::Scenario, validated against the vocabulary up front.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/machine_yaml_node.h"
#include "sim/scenario.h"
#include "sim/text_match.h"
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

[[noreturn]] void Fail(const YAML::Node& at, std::string message) { throw Reject{at.Mark(), std::move(message)}; }

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

std::vector<std::string_view> ParamNames(const Word& word) {
  std::vector<std::string_view> names;
  for (const Param& p : word.params) names.push_back(p.name);
  return names;
}

// Whether `value` is allowed for `p`, or why not.
std::optional<std::string> ValueProblem(const Param& p, const std::string& v) {
  switch (p.kind) {
    case ValueKind::kText: return std::nullopt;
    case ValueKind::kWholeNumber:
      if (IsWholeNumber(v)) return std::nullopt;
      return "expected a whole number, got '" + v + "'";
    case ValueKind::kTrueFalse:
      if (fakes::YamlBool(v)) return std::nullopt;
      return "expected " + std::string(fakes::kYamlBoolWords) + ", got '" + v + "'";
    case ValueKind::kRegex:
      if (auto why = RegexProblem(v)) return "not a regular expression (" + *why + "): '" + v + "'";
      return std::nullopt;
    case ValueKind::kWord:
      if (std::find(p.words.begin(), p.words.end(), v) != p.words.end()) return std::nullopt;
      return "unknown value '" + v + "' (expected one of: " + Join(p.words) + ")";
  }
  return std::nullopt;
}

// The word's rules (vocabulary.h): required parameters present, values allowed, groups of
// parameters respected. A missing parameter is reported at `at` (the word's key); a bad value at
// the value itself; a second parameter of an exclusive group at that parameter.
void CheckArgs(const Word& word, const YAML::Node& at, const std::string& where,
               const std::map<std::string, std::string>& args, const std::map<std::string, YAML::Node>& nodes) {
  for (const Param& p : word.params) {
    auto it = args.find(std::string(p.name));
    if (it == args.end() || it->second.empty()) {
      if (p.required) Fail(at, where + ": missing '" + std::string(p.name) + "'");
      if (it == args.end()) continue;
    }
    if (auto problem = ValueProblem(p, it->second))
      Fail(nodes.at(it->first), where + " key '" + it->first + "': " + *problem);
  }
  for (const auto& group : word.at_most_one_of) {
    std::string first;
    for (std::string_view name : group) {
      if (!args.count(std::string(name))) continue;
      if (first.empty()) {
        first = name;
      } else {
        Fail(nodes.at(std::string(name)), where + ": give '" + first + "' or '" + std::string(name) + "', not both");
      }
    }
  }
  for (const auto& group : word.at_least_one_of) {
    const bool any =
        std::any_of(group.begin(), group.end(), [&](std::string_view n) { return args.count(std::string(n)); });
    if (!any) Fail(at, where + ": needs one of: " + Join(group));
  }
}

// Fills `args` from a scalar (as the word's scalar_arg) or a map of the word's parameters, then
// checks them against the word's rules; `at` is the key that names the word.
void ReadArgs(const Word& word, const YAML::Node& at, const YAML::Node& value, std::string_view context,
              std::map<std::string, std::string>& args) {
  const std::string where = std::string(context) + " '" + std::string(word.name) + "'";
  std::map<std::string, YAML::Node> nodes;  // where each parameter was written
  if (value.IsNull()) {
    if (!word.scalar_arg.empty() && !word.params.empty()) Fail(at, where + ": needs a value");
  } else if (value.IsScalar()) {
    if (word.scalar_arg.empty()) Fail(value, where + ": expected a map with keys: " + Join(ParamNames(word)));
    args[std::string(word.scalar_arg)] = value.Scalar();
    nodes[std::string(word.scalar_arg)] = value;
  } else if (value.IsSequence()) {
    Fail(value, where + ": a list is not accepted here");
  } else {
    for (const auto& kv : value) {
      const std::string key = Scalar(kv.first, where);
      if (!word.FindParam(key))
        Fail(kv.first, where + ": unknown key '" + key + "' (expected one of: " + Join(ParamNames(word)) + ")");
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

std::vector<Expectation> ReadExpect(const YAML::Node& node, const YAML::Node& at, const std::string& file, int depth);

// Checks of checks nest at most this deep (`not: {any_of: [...]}` is two).
constexpr int kMaxNesting = 8;

// One check `kind: value` of a block; a check of checks (any_of, not) reads its blocks.
Expectation ReadCheck(const Word& word, const YAML::Node& at, const YAML::Node& value, const std::string& file,
                      int depth) {
  Expectation e{std::string(word.name), {}, PosOf(at, file)};
  const std::string where = "expect '" + std::string(word.name) + "'";
  if (word.nesting != Nesting::kNone && depth >= kMaxNesting)
    Fail(at, where + ": checks nested more than " + std::to_string(kMaxNesting) + " deep");
  switch (word.nesting) {
    case Nesting::kNone: ReadArgs(word, at, value, "expect", e.args); break;
    case Nesting::kNot: e.blocks.push_back(ReadExpect(value, value.IsNull() ? at : value, file, depth + 1)); break;
    case Nesting::kAnyOf:
      if (!value.IsSequence() || value.size() == 0)
        Fail(value.IsNull() ? at : value,
             where + ": expected a list of blocks of checks, e.g. [{status: 200}, {status: 503}]");
      for (const auto& block : value) e.blocks.push_back(ReadExpect(block, block, file, depth + 1));
      break;
  }
  return e;
}

std::vector<Expectation> ReadExpect(const YAML::Node& node, const YAML::Node& at, const std::string& file, int depth) {
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
    // A list checks the same kind several times (e.g. several services); any_of's own value is
    // a list of blocks.
    if (kv.second.IsSequence() && word->nesting != Nesting::kAnyOf) {
      for (const auto& item : kv.second) out.push_back(ReadCheck(*word, item, item, file, depth));
      continue;
    }
    out.push_back(ReadCheck(*word, kv.first, kv.second, file, depth));
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
      step.expect = ReadExpect(kv.second, ValueAt(kv), file, 0);
      continue;
    }
    const Word* word = FindStep(key);
    if (!word) {
      std::vector<std::string_view> names;
      for (const auto& w : StepWords()) names.push_back(w.name);
      Fail(kv.first, "steps: unknown step '" + key + "' (expected one of: " + Join(names) + ", or expect)");
    }
    if (!step.kind.empty())
      Fail(kv.first, "steps: one action per step, but this one has '" + step.kind + "' and '" + key + "'");
    step.kind = key;
    ReadArgs(*word, kv.first, kv.second, "step", step.args);
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
      Fail(kv.first, "scenario: unknown key '" + key + "' (expected one of: name, summary, tags, machine, steps)");
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

std::string SourcePos::ToString() const { return file + ":" + std::to_string(line) + ":" + std::to_string(column); }

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
    fakes::AttachSource(*out.error, text);
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
        if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path().string());
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
