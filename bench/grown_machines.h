// Machine files grown in one section at a time (issue 15, "linear everywhere"): the affected XP
// Professional machine with one ASP.NET 1.0 application, and N entries of one section. Each
// section's entries are found by name as the file is read and as the verbs run (a member, a
// login's account, a dependency, a secret), so a lookup that scans the section makes a load or a
// verb quadratic: the O(N) fit of each benchmark series over these machines shows it.
//
//   for (const bench::GrownSection& section : bench::GrownSections()) {
//     std::string text = bench::GrownMachineText(section, 4000);  // a machine file's text
//   }
//   bench::RegisterGrownSeries("BM_LoadGrownMachine/", BM_LoadGrownMachine);  // one series a section
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

namespace bench {

struct GrownSection {
  std::string name;                                // "accounts", "services_fan"...
  std::function<void(std::string&, size_t)> grow;  // appends the section's N entries
};

// accounts, groups, one group's members, profiles, rights, SQL logins, one database's users,
// databases, a chain of services each depending on the one before, a fan of services all
// depending on W3SVC, applications, LSA secrets, event log entries.
const std::vector<GrownSection>& GrownSections();

// The text of the machine grown by `n` entries of `section`.
std::string GrownMachineText(const GrownSection& section, size_t n);

// Registers `run` once per section, as "<prefix><section>" at N = 1,000, 4,000 and 16,000 with an
// O(N) fit: the series every benchmark of grown machines gives.
void RegisterGrownSeries(const std::string& prefix, void (*run)(benchmark::State&, const GrownSection&));

}  // namespace bench
