// The invariants by name (InvariantName), the diagnosis-against-requests invariant, and the
// `invariant` expectation that states one of them holds, as explore's shrunk scenarios do.
#include <algorithm>

#include "check_support.h"
#include "fakes/web_requests.h"
#include "fixer/ports/aspnet.h"
#include "sim/invariants.h"
#include "sim/vocabulary.h"

namespace sim {
namespace {

// The first words of each invariant's `what` (invariants.cpp, steps_fixer.cpp), by name.
struct Named {
  std::string_view name;
  std::string_view what_prefix;
};
constexpr Named kNamed[] = {
    {"secrets", "no password in"},
    {"services", "services as the fixer found"},
    {"grants", "grants of "},
    {"widened", "no grant of "},
    {"worker-password", "worker password is"},
    {"site", "no site down"},
    {"idempotent", "a second apply"},
    {"exit-code", "exit "},
    {"diagnose", "diagnose "},
    {"read-only", "a read-only run"},
};

CheckResult Invariant(const Expectation& e, const RunContext& ctx) {
  const std::string name = checks::Need(e, "name");
  if (!ctx.invariants) throw checks::BadCheck{"no invariants were checked after the last fixer run"};
  std::string failures;
  bool checked = false;
  for (const CheckedInvariant& c : *ctx.invariants) {
    if (c.name != name) continue;
    checked = true;
    if (!c.passed) failures += (failures.empty() ? "" : "; ") + c.detail;
  }
  if (!checked) throw checks::BadCheck{"the invariant '" + name + "' was not checked after the last fixer run"};
  return {e.kind, "invariant " + name, failures.empty(), "it holds", failures.empty() ? "it holds" : failures, e.pos};
}

}  // namespace

std::string InvariantName(const CheckResult& check) {
  if (check.kind != "invariant") return "";
  for (const Named& n : kNamed)
    if (check.what.rfind(n.what_prefix, 0) == 0) return std::string(n.name);
  return "";
}

std::vector<std::string_view> InvariantNames() {
  std::vector<std::string_view> names;
  for (const Named& n : kNamed) names.push_back(n.name);
  return names;
}

CheckResult DiagnosisAgreesWithRequests(const std::string& verdict, const std::string& output, fakes::Machine& now) {
  const std::map<std::string, int> statuses = fakes::StatusOfEveryApp(now);
  std::string failing, answering;
  for (const auto& app : now.state().products.applications) {
    if (app.framework_version != fixer::kFramework10) continue;
    auto it = statuses.find(app.path);
    const int status = it == statuses.end() ? 0 : it->second;
    std::string& list = status == 200 ? answering : failing;
    list += (list.empty() ? "" : ", ") + app.path + " " + std::to_string(status);
  }
  const std::string what = "diagnose (" + verdict + ") agrees with what a request shows";
  auto inv = [&](bool passed, std::string expected, std::string actual) {
    return CheckResult{"invariant", what, passed, std::move(expected), std::move(actual), {}};
  };
  // With the web server down a request shows nothing, and the verdict rests on the causes.
  if (verdict == "affected")
    return inv(!failing.empty() || answering.empty(), "an ASP.NET 1.0 application not answering 200",
               failing.empty() ? "every one answers 200: " + answering : failing);
  if (verdict == "already-fixed" && failing.find(" 503") != std::string::npos) {
    // A site that fails for another reason is not the fixer's to claim: the diagnosis says why.
    const bool says_why = output.find("note:") != std::string::npos || output.find("missing:") != std::string::npos;
    return inv(says_why, "a note on why the worker cannot start", says_why ? "a note" : failing + " and no note");
  }
  return inv(true, "agreement", "agreement");
}

void NoteStepInEpisode(RunContext& ctx, const fakes::MachineState& before) {
  if (!ctx.episode_start) return;
  const fakes::MachineState& now = ctx.machine.state();
  const bool changed = before.services != now.services || !(before.sam == now.sam) || !(before.lsa == now.lsa) ||
                       before.profiles != now.profiles || before.objects != now.objects || !(before.sql == now.sql) ||
                       !(before.products == now.products) || !(before.session == now.session);
  if (changed) ctx.episode_changed_by_others = true;
}

std::vector<Word> InvariantCheckWords() {
  Param name{.name = "name", .kind = ValueKind::kWord, .words = InvariantNames(), .required = true};
  return {
      {.name = "invariant",
       .scalar_arg = "name",
       .params = {name},
       .doc = "the runner's [invariant](#invariants-checked-after-every-fixer-run) of that name held after the "
              "last fixer (or `legacy`) run (every check of it passed); what `fixup-sim explore` writes into a shrunk "
              "scenario",
       .check = [](RunContext& ctx, const Expectation& e) { return Invariant(e, ctx); }},
  };
}

}  // namespace sim
