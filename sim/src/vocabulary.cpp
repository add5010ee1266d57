// The vocabulary: the families' rows put together, looked up by name, and rendered as the
// reference tables of docs/scenario-format.md.
#include "sim/vocabulary.h"

#include <algorithm>
#include <initializer_list>

namespace sim {
namespace {

std::vector<Word> Concat(std::initializer_list<std::vector<Word>> families) {
  std::vector<Word> all;
  for (const auto& family : families) all.insert(all.end(), family.begin(), family.end());
  return all;
}

const Word* Find(const std::vector<Word>& words, std::string_view name) {
  auto it = std::find_if(words.begin(), words.end(), [&](const Word& w) { return w.name == name; });
  return it == words.end() ? nullptr : &*it;
}

std::string Code(std::string_view s) { return "`" + std::string(s) + "`"; }

std::string CodeList(const std::vector<std::string_view>& words, std::string_view separator) {
  std::string out;
  for (auto w : words) out += (out.empty() ? "" : std::string(separator)) + Code(w);
  return out;
}

std::string ParamCell(const Param& p) {
  std::string out = Code(p.name);
  if (p.required) out += " **required**";
  switch (p.kind) {
    case ValueKind::kText: break;
    case ValueKind::kWord: out += ": " + CodeList(p.words, ", "); break;
    case ValueKind::kWholeNumber:
      if (p.max != kWholeNumberMax)
        out += ", whole number " + std::to_string(p.min) + "–" + std::to_string(p.max);
      else
        out += p.min == 0 ? ", whole number" : ", whole number from " + std::to_string(p.min);
      break;
    case ValueKind::kTrueFalse: out += ": true/false"; break;
    case ValueKind::kRegex: out += ", regular expression"; break;
  }
  if (!p.note.empty()) out += (p.kind == ValueKind::kText && p.note[0] != '(' ? ": " : " ") + std::string(p.note);
  return out;
}

std::string ParamsCell(const Word& w) {
  if (w.nesting == Nesting::kAnyOf) return "a list of blocks, each a map of checks as under `expect`";
  if (w.nesting == Nesting::kNot) return "a map of checks as under `expect` (a list: several `not`s)";
  if (w.params.empty()) return "none";
  std::string out;
  for (const Param& p : w.params) out += (out.empty() ? "" : "; ") + ParamCell(p);
  for (const auto& group : w.at_most_one_of) out += "; at most one of " + CodeList(group, ", ");
  for (const auto& group : w.at_least_one_of) out += "; at least one of " + CodeList(group, ", ");
  for (const auto& [param, group] : w.only_with) out += "; " + Code(param) + " only with " + CodeList(group, " or ");
  return out;
}

std::string Table(const std::vector<Word>& words, std::string_view header) {
  std::string out = std::string(header) + "\n| --- | --- | --- | --- |\n";
  for (const Word& w : words) {
    out += "| " + Code(w.name) + " | " + (w.scalar_arg.empty() ? "—" : Code(w.scalar_arg)) + " | " + ParamsCell(w) +
           " | " + std::string(w.doc) + " |\n";
  }
  return out;
}

}  // namespace

const Param* Word::FindParam(std::string_view param) const {
  auto it = std::find_if(params.begin(), params.end(), [&](const Param& p) { return p.name == param; });
  return it == params.end() ? nullptr : &*it;
}

std::vector<std::string_view> StartTypeNames() {
  std::vector<std::string_view> out;
  for (fixer::StartType t : kAllStartTypes) out.push_back(fixer::ToString(t));
  return out;
}

std::vector<std::string_view> ObjectNamespaceNames() {
  std::vector<std::string_view> out;
  for (fixer::ObjectNamespace ns : fixer::kObjectNamespaces) out.push_back(fixer::ToString(ns));
  return out;
}

Param ObjectNamespaceParam() {
  return {.name = "namespace", .kind = ValueKind::kWord, .words = ObjectNamespaceNames(), .note = "(default `file`)"};
}

std::vector<std::string_view> ServiceStateNames() {
  std::vector<std::string_view> out;
  for (fixer::ServiceState s : kAllServiceStates) out.push_back(fixer::ToString(s));
  return out;
}

const std::vector<Word>& StepWords() {
  static const std::vector<Word> kWords = Concat(
      {SystemStepWords(), WebStepWords(), FixerStepWords(), LegacyStepWords(), AccountStepWords(), CaptureStepWords()});
  return kWords;
}

const std::vector<Word>& ExpectWords() {
  static const std::vector<Word> kWords =
      Concat({RunCheckWords(), MachineCheckWords(), LogicCheckWords(), InvariantCheckWords()});
  return kWords;
}

const Word* FindStep(std::string_view name) { return Find(StepWords(), name); }
const Word* FindExpect(std::string_view name) { return Find(ExpectWords(), name); }

std::string StepTableMarkdown() {
  return Table(StepWords(), "| kind | scalar | parameters (map form) | what it does |");
}

std::string ExpectTableMarkdown() { return Table(ExpectWords(), "| kind | scalar | parameters | passes when |"); }

}  // namespace sim
