// The words a scenario may use: every step kind and expectation kind, with the parameters each
// accepts. The loader validates against this table, and docs/scenario-format.md mirrors it.
//
//   const sim::Word* w = sim::FindStep("request");
//   w->scalar_arg;   // "app": `request: /LM/W3SVC/1/ROOT/app` means {app: ...}
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sim {

struct Word {
  std::string_view name;
  // A scalar value is taken as this parameter (empty: a scalar is not accepted).
  std::string_view scalar_arg;
  // Parameters accepted in the map form.
  std::vector<std::string_view> keys;
  // A sequence value is accepted and stored in Step::list.
  bool accepts_list = false;
  std::string_view summary;
  // Parameters that must be given, non-empty (checked when the scenario is loaded).
  std::vector<std::string_view> required = {};
  // Parameters whose value is constrained, checked when the scenario is loaded: one of the
  // listed words, or the kinds kWholeNumber / kTrueFalse.
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> values = {};
};

inline constexpr std::string_view kWholeNumber = "<whole number>";  // 0, 1, 2 ...
inline constexpr std::string_view kTrueFalse = "<true|false>";      // also yes / no

const std::vector<Word>& StepWords();
const std::vector<Word>& ExpectWords();
const Word* FindStep(std::string_view name);
const Word* FindExpect(std::string_view name);

}  // namespace sim
