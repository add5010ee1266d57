// Loads scenario files: YAML -> sim::Scenario, validated against the vocabulary up front. The
// text is parsed by fakes' own YAML parser (fakes/yaml_parse.h), as machine files are; the
// `machine:` node is read by the machine loader straight from the same tree.
#include <dirent.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>

#include "fakes/key_spelling.h"
#include "fakes/load_result.h"
#include "fakes/machine_yaml.h"
#include "fakes/text_encoding.h"
#include "fakes/whole_file.h"
#include "fakes/yaml_parse.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "sim/scenario.h"
#include "sim/text_match.h"
#include "sim/vocabulary.h"
#include "sim/whole_number.h"

namespace sim {
namespace {

using fakes::yaml::Mark;
using fakes::yaml::NodeId;
using fakes::yaml::NodeKind;

// Thrown inside the loader only; LoadScenario* turn it into a ScenarioError.
struct Reject {
  Mark mark;
  std::string message;
  bool value_hidden = false;  // at an unknown key: its value is not quoted (LoadError::value_hidden)
};
// An error the machine loader already positioned.
struct Positioned {
  ScenarioError error;
};

std::string Join(const std::vector<std::string_view>& words) {
  std::string out;
  for (auto w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

std::vector<std::string_view> ParamNames(const Word& word) {
  std::vector<std::string_view> names;
  for (const Param& p : word.params) names.push_back(p.name);
  return names;
}

// Whether `value` is allowed for `p`, or why not.
std::optional<std::string> ValueProblem(const Param& p, const std::string& v) {
  switch (p.kind) {
    case ValueKind::kText: return p.rule ? p.rule(v) : std::nullopt;
    case ValueKind::kWholeNumber:
      if (auto n = ParseWholeNumber(v); n && *n >= p.min && *n <= p.max) return std::nullopt;
      // Digits past the largest value are a whole number too: said with the range it must be in.
      if (p.min != 0 || p.max != kWholeNumberMax || IsDigitsOnly(v))
        return "expected a whole number from " + std::to_string(p.min) + " to " + std::to_string(p.max) + ", got " +
               fixer::QuotedValue(v);
      return "expected a whole number, got " + fixer::QuotedValue(v);
    case ValueKind::kTrueFalse:
      if (fakes::YamlBool(v)) return std::nullopt;
      return "expected " + std::string(fakes::kYamlBoolWords) + ", got " + fixer::QuotedValue(v);
    case ValueKind::kRegex:
      if (auto why = RegexProblem(v)) return "not a regular expression (" + *why + "): " + fixer::QuotedValue(v);
      return std::nullopt;
    case ValueKind::kWord:
      if (std::find(p.words.begin(), p.words.end(), v) != p.words.end()) return std::nullopt;
      return "unknown value " + fixer::QuotedValue(v) + " (expected one of: " + Join(p.words) + ")";
  }
  return std::nullopt;
}

// Checks of checks nest at most this deep (`not: {any_of: [...]}` is two).
constexpr int kMaxNesting = 8;

// A map's entry: its key and value nodes.
struct Entry {
  NodeId key, value;
};

// Reads one parsed scenario file; every problem is a Reject at the node it is about.
class Reader {
 public:
  // `on_disk`: the text is the file `file`, so the files its steps name are checked too.
  Reader(const fakes::yaml::Tree& tree, const std::string& file, uint64_t default_seed, bool on_disk)
      : tree_(tree), file_(file), default_seed_(default_seed), on_disk_(on_disk) {}

  Scenario ReadScenario(NodeId root) {
    if (!IsMap(root)) Fail(root, "scenario: expected a map with keys " + ScenarioKeyList());
    Scenario s;
    s.file = file_;
    s.name = std::filesystem::path(file_).stem().string();
    bool has_machine = false;
    for (const Entry& kv : Entries(root)) {
      const std::string key = Scalar(kv.key, "scenario");
      if (key == "name") {
        s.name = ValueScalar(kv, "name");
        if (s.name.empty()) Fail(kv.value, "name: empty (leave 'name' out to name the scenario after its file)");
      } else if (key == "summary") {
        s.summary = ValueScalar(kv, "summary");
        if (s.summary.empty()) Fail(ValueAt(kv), "summary: empty (one line: what it shows)");
      } else if (key == "tags") {
        if (!IsSequence(kv.value)) Fail(ValueAt(kv), "tags: expected a list");
        for (NodeId t : tree_.children(kv.value)) s.tags.push_back(Scalar(t, "tags"));
      } else if (key == "machine") {
        auto loaded = fakes::LoadMachineTree(tree_, kv.value, file_, default_seed_);
        if (!loaded.ok()) throw Positioned{*loaded.error};
        s.machine = std::move(*loaded.value);
        has_machine = true;
      } else if (key == "steps") {
        if (!IsSequence(kv.value)) Fail(ValueAt(kv), "steps: expected a list of steps");
        for (NodeId st : tree_.children(kv.value)) s.steps.push_back(ReadStep(st));
      } else if (fakes::IsMachineFileKey(key)) {
        Fail(kv.key, MachineKeyProblem(root, key));
      } else {
        const std::vector<std::string_view> keys(fakes::kScenarioFileKeys.begin(), fakes::kScenarioFileKeys.end());
        FailAtUnknownKey(kv.key,
                         "scenario: unknown key " + fixer::QuotedValue(key) + fakes::SpeltHint(key, keys) +
                             " (expected one of: " + ScenarioKeyList() + ")",
                         fakes::KnownSpelling(key, keys).has_value());
      }
    }
    if (!has_machine) Fail(root, "scenario: missing 'machine'");
    if (s.summary.empty()) Fail(root, "scenario: missing 'summary' (one line: what it shows)");
    return s;
  }

 private:
  NodeKind Kind(NodeId n) const { return tree_.node(n).kind; }
  bool IsNull(NodeId n) const { return Kind(n) == NodeKind::kNull; }
  bool IsScalar(NodeId n) const { return Kind(n) == NodeKind::kScalar; }
  bool IsMap(NodeId n) const { return Kind(n) == NodeKind::kMap; }
  bool IsSequence(NodeId n) const { return Kind(n) == NodeKind::kSequence; }

  // The map's entries; a key written twice (exact spelling) is an error at the second, as in a
  // machine file.
  std::vector<Entry> Entries(NodeId map) const {
    std::vector<Entry> out;
    const auto ids = tree_.children(map);
    std::map<std::string_view, NodeId> seen;
    for (size_t i = 0; i + 1 < ids.size(); i += 2) {
      if (IsScalar(ids[i])) {
        const auto [first, inserted] = seen.emplace(tree_.text(ids[i]), ids[i]);
        if (!inserted)
          Fail(ids[i], "duplicate key " + fixer::QuotedValue(tree_.text(ids[i])) + " (first at line " +
                           std::to_string(tree_.node(first->second).mark.line) + ")");
      }
      out.push_back({ids[i], ids[i + 1]});
    }
    return out;
  }

  [[noreturn]] void Fail(NodeId at, std::string message) const {
    throw Reject{tree_.node(at).mark, std::move(message)};
  }

  // At the unknown key `at`: what it holds is quoted only when it is a known key's, spelt another
  // way (`known`), not a password under a misspelt name.
  [[noreturn]] void FailAtUnknownKey(NodeId at, std::string message, bool known = false) const {
    throw Reject{tree_.node(at).mark, std::move(message), !known};
  }

  // "name, summary, tags, machine, steps"
  static std::string ScenarioKeyList() {
    std::string out;
    for (std::string_view key : fakes::kScenarioFileKeys) out.append(out.empty() ? "" : ", ").append(key);
    return out;
  }

  // A machine's key at the top of a scenario: a machine state file given where a scenario goes
  // (no scenario key at all), or a machine key left outside `machine:`.
  std::string MachineKeyProblem(NodeId root, const std::string& key) const {
    for (const Entry& kv : Entries(root)) {
      if (!IsScalar(kv.key)) continue;
      if (fakes::IsScenarioFileKey(tree_.text(kv.key))) {
        return "scenario: " + fixer::QuotedValue(key) +
               " is a machine's key: it belongs under 'machine:' (check its indentation)";
      }
    }
    return "scenario: " + fixer::QuotedValue(key) +
           " is a machine's key: this is a machine state file, not a scenario (`fixup-sim show` shows it, "
           "`aspnet-fixer diagnose --machine` diagnoses it; a scenario holds one under 'machine:')";
  }

  // Where to report a problem with the value of `kv`: the value, or its key when the value is
  // empty (an empty value has no text of its own to point at).
  NodeId ValueAt(const Entry& kv) const { return IsNull(kv.value) ? kv.key : kv.value; }

  // A scalar's text: UTF-8 without control characters (fakes::TextProblem), as in a machine file.
  std::string Scalar(NodeId node, std::string_view what) const {
    if (!IsScalar(node)) Fail(node, std::string(what) + ": expected a single value");
    if (auto problem = fakes::TextProblem(tree_.text(node))) Fail(node, std::string(what) + ": " + *problem);
    return std::string(tree_.text(node));
  }

  // The scalar value of `kv`; an empty value is reported at its key.
  std::string ValueScalar(const Entry& kv, std::string_view what) const {
    if (IsNull(kv.value)) Fail(kv.key, std::string(what) + ": expected a single value");
    return Scalar(kv.value, what);
  }

  SourcePos PosOf(NodeId node) const { return {file_, tree_.node(node).mark.line, tree_.node(node).mark.column}; }

  // The word's rules (vocabulary.h): required parameters present, values allowed, groups of
  // parameters respected. A missing parameter is reported at `at` (the word's key); a bad value
  // at the value itself; a second parameter of an exclusive group, or one given without the one it
  // goes with, at that parameter.
  void CheckArgs(const Word& word, NodeId at, const std::string& where, const std::map<std::string, std::string>& args,
                 const std::map<std::string, NodeId>& nodes) const {
    for (const Param& p : word.params) {
      auto it = args.find(std::string(p.name));
      if (it == args.end() || it->second.empty()) {
        // Given empty (`install_hotfix: ""`), it is said at the value, as empty, not as left out.
        if (p.required && it != args.end())
          Fail(nodes.at(it->first), where + ": " + fixer::QuotedValue(p.name) + " is empty: give a value");
        if (p.required) Fail(at, where + ": missing " + fixer::QuotedValue(p.name));
        if (it == args.end()) continue;
      }
      if (auto problem = ValueProblem(p, it->second))
        Fail(nodes.at(it->first), where + " key " + fixer::QuotedValue(it->first) + ": " + *problem);
    }
    for (const auto& group : word.at_most_one_of) {
      std::string first;
      for (std::string_view name : group) {
        if (!args.count(std::string(name))) continue;
        if (first.empty()) {
          first = name;
        } else {
          Fail(nodes.at(std::string(name)),
               where + ": give " + fixer::QuotedValue(first) + " or " + fixer::QuotedValue(name) + ", not both");
        }
      }
    }
    for (const auto& group : word.at_least_one_of) {
      const bool any =
          std::any_of(group.begin(), group.end(), [&](std::string_view n) { return args.count(std::string(n)); });
      if (!any) Fail(at, where + ": needs one of: " + Join(group));
    }
    for (const auto& [param, group] : word.only_with) {
      const bool any =
          std::any_of(group.begin(), group.end(), [&](std::string_view n) { return args.count(std::string(n)); });
      if (args.count(std::string(param)) && !any) {
        std::string names;
        for (std::string_view n : group) names += (names.empty() ? "'" : "' or '") + std::string(n);
        Fail(nodes.at(std::string(param)), where + ": " + fixer::QuotedValue(param) + " goes only with " + names +
                                               "' (without one it means nothing)");
      }
    }
    if (word.args_rule) {
      if (auto problem = word.args_rule(args))
        Fail(nodes.at(problem->first), where + " key " + fixer::QuotedValue(problem->first) + ": " + problem->second);
    }
  }

  // Fills `args` from a scalar (as the word's scalar_arg) or a map of the word's parameters, then
  // checks them against the word's rules; `at` is the key that names the word.
  void ReadArgs(const Word& word, NodeId at, NodeId value, std::string_view context,
                std::map<std::string, std::string>& args) const {
    const std::string where = std::string(context) + " " + fixer::QuotedValue(word.name);
    std::map<std::string, NodeId> nodes;  // where each parameter was written
    if (IsNull(value)) {
      if (!word.scalar_arg.empty() && !word.params.empty()) Fail(at, where + ": needs a value");
    } else if (IsScalar(value)) {
      if (word.scalar_arg.empty()) Fail(value, where + ": expected a map with keys: " + Join(ParamNames(word)));
      args[std::string(word.scalar_arg)] = Scalar(value, where);
      nodes[std::string(word.scalar_arg)] = value;
    } else if (IsSequence(value)) {
      Fail(value, where + ": a list is not accepted here");
    } else {
      for (const Entry& kv : Entries(value)) {
        const std::string key = Scalar(kv.key, where);
        if (!word.FindParam(key))
          FailAtUnknownKey(kv.key,
                           where + ": unknown key " + fixer::QuotedValue(key) +
                               fakes::SpeltHint(key, ParamNames(word)) +
                               " (expected one of: " + Join(ParamNames(word)) + ")",
                           fakes::KnownSpelling(key, ParamNames(word)).has_value());
        if (IsSequence(kv.value)) {  // e.g. roles: [db_datareader, db_datawriter]
          std::string joined;
          for (NodeId item : tree_.children(kv.value)) joined += (joined.empty() ? "" : ",") + Scalar(item, key);
          args[key] = joined;
        } else {
          if (IsNull(kv.value)) Fail(kv.key, where + " key " + fixer::QuotedValue(key) + ": expected a single value");
          args[key] = Scalar(kv.value, where + " key " + fixer::QuotedValue(key));
        }
        nodes[key] = ValueAt(kv);
      }
    }
    SpellWordsAsTheVocabulary(word, args);
    CheckArgs(word, at, where, args, nodes);
  }

  // A value of a word parameter written in another case is that word (`type: Interactive`,
  // `command: Apply`), as a machine file reads its words; kept in the vocabulary's spelling.
  static void SpellWordsAsTheVocabulary(const Word& word, std::map<std::string, std::string>& args) {
    for (const Param& p : word.params) {
      if (p.kind != ValueKind::kWord) continue;
      const auto it = args.find(std::string(p.name));
      if (it == args.end()) continue;
      for (std::string_view w : p.words) {
        if (fixer::SameWindowsName(w, it->second)) {
          it->second = std::string(w);
          break;
        }
      }
    }
  }

  // One check `kind: value` of a block; a check of checks (any_of, not) reads its blocks.
  Expectation ReadCheck(const Word& word, NodeId at, NodeId value, int depth) const {
    Expectation e{std::string(word.name), {}, PosOf(at)};
    const std::string where = "expect " + fixer::QuotedValue(word.name);
    if (word.nesting != Nesting::kNone && depth >= kMaxNesting)
      Fail(at, where + ": checks nested more than " + std::to_string(kMaxNesting) + " deep");
    switch (word.nesting) {
      case Nesting::kNone: ReadArgs(word, at, value, "expect", e.args); break;
      case Nesting::kNot: e.blocks.push_back(ReadExpect(value, IsNull(value) ? at : value, depth + 1)); break;
      case Nesting::kAnyOf:
        if (!IsSequence(value) || tree_.children(value).empty())
          Fail(IsNull(value) ? at : value,
               where + ": expected a list of blocks of checks, e.g. [{status: 200}, {status: 503}]");
        for (NodeId block : tree_.children(value)) e.blocks.push_back(ReadExpect(block, block, depth + 1));
        break;
    }
    return e;
  }

  std::vector<Expectation> ReadExpect(NodeId node, NodeId at, int depth) const {
    if (!IsMap(node)) Fail(at, "expect: expected a map of checks (e.g. status: 200)");
    // A block that checks nothing would always pass (or, under `not`, always fail).
    if (Entries(node).empty()) Fail(at, "expect: no checks in this block (e.g. status: 200)");
    std::vector<Expectation> out;
    for (const Entry& kv : Entries(node)) {
      const std::string kind = Scalar(kv.key, "expect");
      const Word* word = FindExpect(kind);
      if (!word) {
        std::vector<std::string_view> names;
        for (const auto& w : ExpectWords()) names.push_back(w.name);
        FailAtUnknownKey(
            kv.key, "expect: unknown check " + fixer::QuotedValue(kind) + " (expected one of: " + Join(names) + ")");
      }
      // A list checks the same kind several times (e.g. several services); any_of's own value is
      // a list of blocks.
      if (IsSequence(kv.value) && word->nesting != Nesting::kAnyOf) {
        if (tree_.children(kv.value).empty())
          Fail(kv.value, "expect " + fixer::QuotedValue(kind) + ": an empty list checks nothing");
        for (NodeId item : tree_.children(kv.value)) out.push_back(ReadCheck(*word, item, item, depth));
        continue;
      }
      out.push_back(ReadCheck(*word, kv.key, kv.value, depth));
    }
    return out;
  }

  Step ReadStep(NodeId node) const {
    if (!IsMap(node)) Fail(node, "steps: each step is a map, e.g. '- request: /LM/W3SVC/1/ROOT/app'");
    Step step;
    step.pos = PosOf(node);
    for (const Entry& kv : Entries(node)) {
      const std::string key = Scalar(kv.key, "step");
      if (key == "expect") {
        step.expect = ReadExpect(kv.value, ValueAt(kv), 0);
        continue;
      }
      const Word* word = FindStep(key);
      if (!word) {
        std::vector<std::string_view> names;
        for (const auto& w : StepWords()) names.push_back(w.name);
        FailAtUnknownKey(kv.key, "steps: unknown step " + fixer::QuotedValue(key) +
                                     " (expected one of: " + Join(names) + ", or expect)");
      }
      if (!step.kind.empty())
        Fail(kv.key, "steps: one action per step, but this one has " + fixer::QuotedValue(step.kind) + " and " +
                         fixer::QuotedValue(key));
      step.kind = key;
      ReadArgs(*word, kv.key, kv.value, "step", step.args);
      if (key == "legacy" && on_disk_) CheckScriptOpens(step, kv.value);
    }
    if (step.kind.empty()) {
      if (step.expect.empty()) Fail(node, "steps: a step needs an action or an expect block");
      step.kind = "check";  // an expect-only step
    }
    return step;
  }

  // A `legacy` step's `script:` must name a file that can be read: a scenario naming none is bad
  // input, said at the value, not a failed run. Opened without reading (no device or pipe waited on).
  void CheckScriptOpens(const Step& step, NodeId args) const {
    if (!step.args.count("script")) return;
    const std::string script = LegacyStepScript(std::filesystem::path(file_).parent_path().string(), step);
    std::string ignored;
    const int err = fakes::ReadFileStart(script, 0, ignored);
    if (err == 0) return;
    NodeId at = args;  // `- legacy: x.cmd`: the value is the script
    if (IsMap(args)) {
      for (const Entry& kv : Entries(args)) {
        if (Scalar(kv.key, "step") == "script") at = ValueAt(kv);
      }
    }
    Fail(at, "step 'legacy' key 'script': " + script + ": cannot open the file: " + fakes::ReadErrorText(err));
  }

  const fakes::yaml::Tree& tree_;
  const std::string& file_;
  const uint64_t default_seed_;
  const bool on_disk_;
};

}  // namespace

std::string SourcePos::ToString() const { return file + ":" + std::to_string(line) + ":" + std::to_string(column); }

namespace {

LoadedScenario LoadScenario(std::string_view text, const std::string& file_name, uint64_t default_seed, bool on_disk) {
  LoadedScenario out;
  fakes::yaml::ParseResult parsed = fakes::yaml::ParseYaml(text, "scenario file");
  if (parsed.error) {
    out.error = ScenarioError{file_name, parsed.error->mark.line, parsed.error->mark.column,
                              "invalid YAML: " + parsed.error->message};
  } else {
    try {
      out.value = Reader(parsed.tree, file_name, default_seed, on_disk).ReadScenario(parsed.tree.root());
    } catch (const Reject& r) {
      out.error = ScenarioError{file_name, r.mark.line, r.mark.column, r.message};
      out.error->value_hidden = r.value_hidden;
    } catch (const Positioned& p) {
      out.error = p.error;
    }
  }
  // A node with no place in the text (the root of an empty file) has no mark: report it at 1:1
  // rather than "file:0:0" (found by fuzz/scenario_fuzzer.cpp).
  if (out.error) {
    out.error->line = std::max(out.error->line, 1);
    out.error->column = std::max(out.error->column, 1);
    fakes::AttachSource(*out.error, text);
  }
  return out;
}

}  // namespace

LoadedScenario LoadScenarioText(std::string_view text, const std::string& file_name, uint64_t default_seed) {
  return LoadScenario(text, file_name, default_seed, /*on_disk=*/false);
}

namespace {

// Why the folder `path` cannot be listed (an errno), or 0: not a folder, or one that can be.
int FolderListError(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) return 0;
  DIR* folder = ::opendir(path.c_str());
  if (folder == nullptr) return errno;
  ::closedir(folder);
  return 0;
}

}  // namespace

LoadedScenario LoadScenarioFile(const std::string& path, uint64_t default_seed) {
  std::string text;
  if (int err = fakes::ReadWholeFile(path, text); err != 0) {
    LoadedScenario out;
    out.error = ScenarioError{path, 0, 0, "cannot open the file: " + fakes::ReadErrorText(err)};
    if (const int why = FolderListError(path); why != 0)  // a folder FindScenarioFiles could not list
      out.error->message = "cannot list the folder: " + fakes::ReadErrorText(why);
    return out;
  }
  std::string decoded;
  fakes::Loaded<std::string_view> utf8 = fakes::TextAsUtf8(text, path, decoded);
  if (!utf8.ok()) {
    LoadedScenario out;
    out.error = std::move(utf8.error);
    return out;
  }
  return LoadScenario(*utf8.value, path, default_seed, /*on_disk=*/true);
}

}  // namespace sim
