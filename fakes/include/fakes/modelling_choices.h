// Modelling choices: behaviour of the fake that no source confirms, each with a short id listed
// in docs/windows-reference.md#modelling-choices. The fake calls RelyOn(id) at the moment a
// result depends on such a choice; a ChoiceLog alive on the same thread collects the ids, so a
// scenario's report can name the unconfirmed facts it relied on (like a todo_wine made visible).
//
//   #include "fakes/web_stack.h"
//   fakes::ChoiceLog log;                       // collects on this thread while in scope
//   fakes::WebStack(machine).Request("/LM/W3SVC/1/ROOT/app");
//   for (const std::string& id : log.ids())
//     std::cout << id << ": " << fakes::ChoiceTitle(id) << "\n";
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fakes {

struct ModellingChoice {
  std::string_view id;     // "choice-urlmon-flaw"; the anchor in docs/windows-reference.md
  std::string_view title;  // one line: what the fake assumes
};

// Every choice the fake can rely on, in the order of the reference page.
const std::vector<ModellingChoice>& ModellingChoices();
// The title of `id`, or "" for an id not in the catalogue.
std::string_view ChoiceTitle(std::string_view id);

// Notes that the current result depends on choice `id`, in every ChoiceLog of this thread.
void RelyOn(std::string_view id);

// Collects the choices relied on by this thread while it lives. Logs nest: an inner log's ids
// also reach the outer ones.
class ChoiceLog {
 public:
  ChoiceLog();
  ~ChoiceLog();
  ChoiceLog(const ChoiceLog&) = delete;
  ChoiceLog& operator=(const ChoiceLog&) = delete;

  const std::set<std::string>& ids() const { return ids_; }

 private:
  friend void RelyOn(std::string_view id);
  std::set<std::string> ids_;
  ChoiceLog* outer_ = nullptr;
};

}  // namespace fakes
