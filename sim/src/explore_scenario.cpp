// An explore case as text and as a scenario: its machine features as a machine file, its steps
// in the map form of the scenario vocabulary, and the scenario file written for a violation.
#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "app/shell_words.h"
#include "fakes/machine_yaml.h"
#include "sim/explore.h"
#include "sim/steps.h"

namespace sim {
namespace {

// Sections in the order a machine file is easiest to read in (the loader has its own order).
constexpr const char* kSectionOrder[] = {"os",         "service_pack", "web_server", "accounts", "rights",
                                         "frameworks", "hotfixes",     "profiles",   "objects",  "sql",
                                         "services",   "applications", "policy",     "session"};

bool IsAttribute(const std::string& value) {
  const auto colon = value.find(": ");
  if (colon == std::string::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i)
    if (!(std::isalnum(static_cast<unsigned char>(value[i])) || value[i] == '_')) return false;
  return true;
}

std::string Quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string MachineText(const std::vector<MachineFeature>& machine, int indent) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  std::string out;
  for (const char* section : kSectionOrder) {
    std::vector<std::string> lines;                          // list items and map keys, in order
    std::map<std::string, std::vector<std::string>> by_key;  // map sections: the key's values
    std::string scalar;
    for (const MachineFeature& f : machine) {
      if (f.section != section) continue;
      if (f.key.empty() && (std::string(section) == "os" || section == std::string("service_pack") ||
                            section == std::string("web_server"))) {
        scalar = f.value;
      } else if (f.key.empty()) {
        lines.push_back("- " + f.value);
      } else {
        if (!by_key.count(f.key)) lines.push_back(f.key);
        by_key[f.key].push_back(f.value);
      }
    }
    if (!scalar.empty()) out += pad + section + ": " + scalar + "\n";
    if (lines.empty()) continue;
    out += pad + section + ":\n";
    for (const std::string& line : lines) {
      auto it = by_key.find(line);
      if (it == by_key.end()) {
        out += pad + "  " + line + "\n";
        continue;
      }
      std::string attributes, literal;
      for (const std::string& v : it->second) {
        if (IsAttribute(v))
          attributes += (attributes.empty() ? "" : ", ") + v;
        else if (literal.empty())
          literal = v;
      }
      out += pad + "  " + line + ": " + (literal.empty() ? "{" + attributes + "}" : literal) + "\n";
    }
  }
  return out;
}

fakes::Loaded<Scenario> ToScenario(const ExploreCase& c) {
  fakes::Loaded<Scenario> out;
  const std::string name = "explore-seed-" + std::to_string(c.seed) + "-case-" + std::to_string(c.index);
  fakes::Loaded<fakes::MachineState> machine = fakes::LoadMachineText(MachineText(c.machine), name + ".machine");
  if (!machine.ok()) {
    out.error = machine.error;
    return out;
  }
  Scenario s;
  s.name = name;
  s.summary = "explore seed " + std::to_string(c.seed) + " case " + std::to_string(c.index);
  s.tags = {"explore"};
  s.machine = std::move(*machine.value);
  s.steps = c.steps;
  for (size_t i = 0; i < s.steps.size(); ++i) s.steps[i].pos = {name, static_cast<int>(i + 1), 1};
  out.value = std::move(s);
  return out;
}

std::string ScenarioFileText(const ExploreCase& c, const CaseVerdict& verdict) {
  const std::string found =
      app::ShellCommand({"fixup-sim", "explore", "--seed", std::to_string(c.seed), "--case", std::to_string(c.index)});
  const std::string which = "explore seed " + std::to_string(c.seed) + " case " + std::to_string(c.index);
  std::string out;
  if (verdict.failed_step) {
    out = "# From `" + found + "` (shrunk when it came with the violation's report).\n";
    out += "# It failed there: " + verdict.detail + "\n";
    out += "summary: " +
           Quoted(which + ", shrunk: the invariant '" + verdict.invariant + "' holds after step " +
                  std::to_string(*verdict.failed_step + 1)) +
           "\n";
  } else {
    // A case with no violation (`explore --case K` replays any case) has no invariant to name.
    const std::string cut = verdict.cut_short ? " (its step " + std::to_string(verdict.steps_run + 1) +
                                                    " could not run; the steps after it did not either)"
                                              : "";
    out = "# From `" + found + "`: case " + std::to_string(c.index) + " found no violation" + cut + ".\n";
    out += "summary: " + Quoted(which + ": no violation") + "\n";
  }
  out += "tags: [explore]\n";
  out += "machine:\n" + MachineText(c.machine, 2);
  out += "steps:\n";
  for (size_t i = 0; i < c.steps.size(); ++i) {
    const bool unfired =
        std::find(verdict.unfired_faults.begin(), verdict.unfired_faults.end(), i) != verdict.unfired_faults.end();
    const Step s = unfired ? WithoutFaults(c.steps[i]) : c.steps[i];
    std::string args;
    for (const auto& [k, v] : s.args) args += (args.empty() ? "" : ", ") + k + ": " + Quoted(v);
    out += "  - " + s.kind + ": {" + args + "}\n";
    if (verdict.failed_step == i) out += "    expect: {invariant: " + verdict.invariant + "}\n";
  }
  return out;
}

}  // namespace sim
