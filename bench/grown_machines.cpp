// The machines grown one section at a time (bench/grown_machines.h).
#include "grown_machines.h"

namespace bench {
namespace {

constexpr const char* kHead =
    "os: windows-xp-professional\ncomputer_name: SHOPWEB\nframeworks: [1.0]\nhotfixes: [MS03-032]\n";
constexpr const char* kShop = "  - path: /LM/W3SVC/1/ROOT/shop\n";

void Accounts(std::string& out, size_t n) {
  out += "accounts:\n";
  for (size_t i = 0; i < n; ++i)
    out += "  user" + std::to_string(i) + ": {password: Pw" + std::to_string(i) + "xyz!}\n";
}

std::vector<GrownSection> MakeSections() {
  return {
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
      {"services_fan",
       [](std::string& out, size_t n) {
         out += "services:\n";
         for (size_t i = 0; i < n; ++i)
           out += "  Svc" + std::to_string(i) + ": {state: running, start_type: auto, dependencies: [W3SVC]}\n";
       }},
      {"applications",
       [](std::string& out, size_t n) {
         for (size_t i = 0; i < n; ++i) out += "  - path: /LM/W3SVC/1/ROOT/app" + std::to_string(i) + "\n";
       }},
      {"secrets",
       [](std::string& out, size_t n) {
         out += "secrets:\n";
         for (size_t i = 0; i < n; ++i)
           out += "  Secret" + std::to_string(i) + ": {clear: v" + std::to_string(i) + "}\n";
       }},
      {"events",
       [](std::string& out, size_t n) {
         out += "events:\n";
         for (size_t i = 0; i < n; ++i) {
           out +=
               "  - {source: ASP.NET 1.0.3705.0, id: 1000, type: error, text: \"aspnet_wp.exe could not be started (" +
               std::to_string(i) + ").\"}\n";
         }
       }},
  };
}

}  // namespace

const std::vector<GrownSection>& GrownSections() {
  static const std::vector<GrownSection> sections = MakeSections();
  return sections;
}

std::string GrownMachineText(const GrownSection& section, size_t n) {
  std::string text = kHead;
  text += "applications:\n";
  text += kShop;  // the application a repair must make answer; "applications" adds its N after it
  section.grow(text, n);
  return text;
}

void RegisterGrownSeries(const std::string& prefix, void (*run)(benchmark::State&, const GrownSection&)) {
  for (const GrownSection& section : GrownSections()) {
    benchmark::RegisterBenchmark((prefix + section.name).c_str(), run, section)
        ->Arg(1000)
        ->Arg(4000)
        ->Arg(16000)
        ->Complexity(benchmark::oN)
        ->Unit(benchmark::kMillisecond);
  }
}

}  // namespace bench
