#include "sim/choices_report.h"

#include "fakes/modelling_choices.h"

namespace sim {

std::string RenderChoices(const std::set<std::string>& ids, std::string_view indent) {
  std::string out;
  for (const std::string& id : ids) {
    out += std::string(indent) + "relies on unconfirmed " + id + ": " + std::string(fakes::ChoiceTitle(id)) +
           " (docs/windows-reference.md#" + id + ")\n";
  }
  return out;
}

}  // namespace sim
