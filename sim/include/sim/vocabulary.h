// The words a scenario may use: every step kind and expectation kind, with the parameters each
// accepts. The loader validates against this table, and docs/scenario-format.md mirrors it.
//
//   const sim::Word* w = sim::FindStep("request");
//   w->scalar_arg;   // "app": `request: /LM/W3SVC/1/ROOT/app` means {app: ...}
#pragma once

#include <string>
#include <string_view>
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
};

const std::vector<Word>& StepWords();
const std::vector<Word>& ExpectWords();
const Word* FindStep(std::string_view name);
const Word* FindExpect(std::string_view name);

}  // namespace sim
