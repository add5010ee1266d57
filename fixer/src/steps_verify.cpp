// "verify-site": the repair's own proof, after the services are back. Every ASP.NET 1.0
// application is requested; the run is "fixed" only if each answers 200. Then it writes the
// fixer's mark (an Application event naming the worker's SID), which later runs read to say
// "already fixed". A page that still fails makes this step fail like any other: before the point
// of no return the runner undoes the repair (exit 1), after it the run reports and keeps its
// journal (exit 4); either way the message names the first failing precondition of the worker.
#include <fmt/format.h>

#include "diagnose_parts.h"
#include "fixer/text.h"
#include "step_factories.h"

namespace fixer {
namespace {

// The worker process ended at start-up; no precondition of its logon names another error.
constexpr uint32_t kErrorProcessAborted = 1067;

// The first precondition of the worker's start that fails now, read as Diagnose reads it.
Result<std::optional<Precondition>> FirstFailingNow(RepairContext& ctx) {
  auto os = ctx.ports.inventory.Os();
  if (!os) return os.status();
  auto web = ctx.ports.inventory.WebServer();
  if (!web) return web.status();
  auto frameworks = ctx.ports.aspnet.Frameworks();
  if (!frameworks) return frameworks.status();
  for (const FrameworkInfo& fw : *frameworks) {
    if (fw.version != kFramework10) continue;
    std::vector<std::string> notes;
    auto worker =
        ReadWorkerIdentity(ctx.ports, fw.process_model, os->computer_name, NewProfileOwner::kPresentAccount, notes);
    if (!worker) return worker.status();
    auto start = ReadWorkerPreconditions(ctx.ports, *worker, *web, true);
    if (!start) return start.status();
    for (const Precondition& p : *start) {
      if (!p.met) return std::optional<Precondition>(p);
    }
  }
  return std::optional<Precondition>();
}

// The deny ACEs naming the worker now (the account as the repair left it), or "".
std::string DenyingAces(RepairContext& ctx) {
  auto acct = ctx.ports.accounts.Lookup(ctx.account);
  if (!acct) return "";
  auto aces = ctx.ports.security.FindAcesByObject(acct->sid);
  return aces ? DeniedAccess(acct->name, *aces) : "";
}

class VerifySite : public Step {
 public:
  std::string_view id() const override { return "verify-site"; }
  PlanStep Describe(const Diagnosis*) const override {
    return {std::string(id()),
            "request every ASP.NET 1.0 application: each must answer 200 (the run is not 'fixed' "
            "otherwise); then write this fixer's mark in the Application event log",
            "nothing: it only reads (a mark, once written, stays in the event log)", false};
  }
  Result<StepData> Prepare(RepairContext&) override { return StepData{}; }
  std::vector<std::string_view> data_keys() const override { return {}; }
  Status Act(RepairContext& ctx, const StepData&, StepData&) override {
    auto apps = ctx.ports.aspnet.Applications();
    if (!apps) return apps.status();
    std::vector<std::string> failing;
    uint32_t code = kErrorProcessAborted;
    for (const ApplicationInfo& app : *apps) {
      if (app.framework_version != kFramework10) continue;
      auto r = ctx.ports.web.Get(app.path);
      if (!r) {
        code = r.status().code();
        failing.push_back(Text(FMT_COMPILE("{} cannot be requested ({})"), app.path, r.status()));
      } else if (r->status != 200) {
        failing.push_back(Text(FMT_COMPILE("{} answers {}"), app.path, r->status));
      } else {
        Log(ctx.log, spdlog::level::info, FMT_COMPILE("verified: {} answers 200"), app.path);
      }
    }
    if (failing.empty()) {
      WriteMark(ctx);
      return {};
    }
    auto first = FirstFailingNow(ctx);
    std::string why;
    if (first && first->has_value()) {
      code = (*first)->error;
      why = Text(FMT_COMPILE("; the worker cannot start: {} fails: {}"), (*first)->id, (*first)->Said());
    } else if (!first) {
      why = Text(FMT_COMPILE("; its cause could not be read ({})"), first.status());
    } else {
      why =
          "; no precondition of the worker's logon and profile load fails, so it fails later in its start: read "
          "the Application event log" +
          DenyingAces(ctx);
    }
    return Status::Explained(
        code, Text(FMT_COMPILE("the site still fails after the repair: {}{}"), fmt::join(failing, ", "), why));
  }
  Status Undo(RepairContext&, const StepData&) override { return {}; }

 private:
  // A lost mark costs only the words "already fixed" later ("not affected" instead).
  static void WriteMark(RepairContext& ctx) {
    auto acct = ctx.ports.accounts.Lookup(ctx.account);
    if (!acct) {
      Log(ctx.log, spdlog::level::warn, FMT_COMPILE("the fixer's mark is not written: {}"), acct.status());
      return;
    }
    if (Status st = ctx.ports.events.Write(FixerMark(acct->name, acct->sid)); !st.ok()) {
      Log(ctx.log, spdlog::level::warn, FMT_COMPILE("the fixer's mark could not be written: {}"), st);
    }
  }
};

}  // namespace

std::unique_ptr<Step> MakeVerifySite() { return std::make_unique<VerifySite>(); }

}  // namespace fixer
