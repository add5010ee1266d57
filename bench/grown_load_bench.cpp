// Loading a machine file grown in one section at a time (issue 15, "linear everywhere"): N
// accounts, N groups, one group of N members, N profiles, N accounts with rights, N SQL logins,
// N users of one database, N databases with a user each, a chain of N services each depending on the one before, N
// applications. Each section's entries are found by name as the file is read (a member, a login's account, a
// dependency), so a lookup that scans the section makes the load quadratic: the O(N) fit of each series shows it.
#include <benchmark/benchmark.h>

#include <functional>
#include <string>

#include "fakes/machine_yaml.h"

namespace {

constexpr const char* kHead =
    "os: windows-xp-professional\ncomputer_name: SHOPWEB\nframeworks: [1.0]\nhotfixes: [MS03-032]\n";

void Accounts(std::string& out, size_t n) {
  out += "accounts:\n";
  for (size_t i = 0; i < n; ++i)
    out += "  user" + std::to_string(i) + ": {password: Pw" + std::to_string(i) + "xyz!}\n";
}

// The text of a machine grown by `n` entries of one section.
using Grow = std::function<void(std::string&, size_t)>;

const std::pair<const char*, Grow> kSections[] = {
    {"accounts", Accounts},
    {"groups",
     [](std::string& out, size_t n) {
       out += "groups:\n";
       for (size_t i = 0; i < n; ++i) out += "  Group" + std::to_string(i) + ": {members: [Administrator]}\n";
     }},
    {"members",
     [](std::string& out, size_t n) {
       Accounts(out, n);
       out += "groups:\n  Big:\n    members:\n";
       for (size_t i = 0; i < n; ++i) out += "      - user" + std::to_string(i) + "\n";
     }},
    {"profiles",
     [](std::string& out, size_t n) {
       Accounts(out, n);
       out += "profiles:\n";
       for (size_t i = 0; i < n; ++i) out += "  user" + std::to_string(i) + ": present\n";
     }},
    {"rights",
     [](std::string& out, size_t n) {
       Accounts(out, n);
       out += "rights:\n";
       for (size_t i = 0; i < n; ++i) out += "  user" + std::to_string(i) + ": [SeServiceLogonRight]\n";
     }},
    {"sql_logins",
     [](std::string& out, size_t n) {
       Accounts(out, n);
       out += "sql:\n  databases: [shop]\n  logins:\n";
       for (size_t i = 0; i < n; ++i) out += "    - {name: 'SHOPWEB\\user" + std::to_string(i) + "'}\n";
     }},
    {"sql_users",
     [](std::string& out, size_t n) {
       out += "sql:\n  databases: [shop]\n  users:\n";
       for (size_t i = 0; i < n; ++i)
         out += "    - {database: shop, name: user" + std::to_string(i) + ", login: Administrator}\n";
     }},
    {"sql_databases",
     [](std::string& out, size_t n) {
       out += "sql:\n  databases:\n";
       for (size_t i = 0; i < n; ++i) out += "    - db" + std::to_string(i) + "\n";
       out += "  users:\n";
       for (size_t i = 0; i < n; ++i)
         out += "    - {database: DB" + std::to_string(i) + ", name: web, login: Administrator}\n";
     }},
    {"services",
     [](std::string& out, size_t n) {
       out += "services:\n";
       for (size_t i = 0; i < n; ++i) {
         out += "  Svc" + std::to_string(i) + ": {state: running, start_type: auto, dependencies: [" +
                (i == 0 ? std::string("W3SVC") : "Svc" + std::to_string(i - 1)) + "]}\n";
       }
     }},
    {"applications",
     [](std::string& out, size_t n) {
       out += "applications:\n";
       for (size_t i = 0; i < n; ++i) out += "  - path: /LM/W3SVC/1/ROOT/app" + std::to_string(i) + "\n";
     }},
};

void BM_LoadGrownMachine(benchmark::State& state, const Grow& grow) {
  std::string text = kHead;
  grow(text, static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto loaded = fakes::LoadMachineText(text, "grown.yaml");
    if (!loaded.ok()) {
      state.SkipWithError(loaded.error->ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(loaded);
  }
  state.SetComplexityN(state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

const bool kRegistered = [] {
  for (const auto& [section, grow] : kSections) {
    benchmark::RegisterBenchmark((std::string("BM_LoadGrownMachine/") + section).c_str(), BM_LoadGrownMachine, grow)
        ->Arg(1000)
        ->Arg(4000)
        ->Arg(16000)
        ->Complexity(benchmark::oN)
        ->Unit(benchmark::kMillisecond);
  }
  return true;
}();

}  // namespace
