// The modelling choices a run relied on, one line each, as `run -v` and `compare` print them:
// the unconfirmed facts of docs/windows-reference.md#modelling-choices a result depends on.
//
//   fakes::ChoiceLog log;
//   ... run the scenario ...
//   std::cout << sim::RenderChoices(log.ids(), "  ");
//   // "  relies on unconfirmed choice-urlmon-flaw: the MS03-032 flaw is urlmon.dll failing ..."
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace sim {

std::string RenderChoices(const std::set<std::string>& ids, std::string_view indent);

}  // namespace sim
