// Steps that stop the web services before the account changes and start exactly those again.
#include <fmt/format.h>

#include "fixer/text.h"
#include "service_names.h"
#include "step_factories.h"

namespace fixer {
namespace {

std::string Listed(const std::vector<std::string>& names) {
  return names.empty() ? std::string("none") : Text(FMT_COMPILE("{}"), fmt::join(names, ", "));
}

// A service's error, naming the service: "1060: ..." alone does not say which of the journal's
// services it was.
Status OfService(const std::string& name, const Status& st) {
  return Status(st.code(), Text(FMT_COMPILE("service {}: {}"), name, st.message()));
}

// A service the journal names that is not installed now (1060: removed since, or a journal edited
// by hand) is not running: nothing to stop or start, said and skipped, as RunningServicesToStop
// counts it. Failing on it instead kept every resume and rollback at exit 4, each telling the
// administrator to retry what could never succeed.
void NotInstalled(RepairContext& ctx, const std::string& name, std::string_view what) {
  ctx.Say(Text(FMT_COMPILE("the journal names the service {}, which is not installed on this machine (1060): "
                           "nothing to {}"),
               name, what));
}

// Starts, in reverse stop order, each listed service that is not running. One that fails does
// not keep the others down: every one is tried, and the first failure is the result.
Status StartInReverse(RepairContext& ctx, const std::vector<std::string>& stop_order) {
  Status first;
  for (auto it = stop_order.rbegin(); it != stop_order.rend(); ++it) {
    auto info = ctx.ports.services.Query(*it);
    Status st = info.status();
    if (info && info->state == ServiceState::kRunning) continue;
    if (!info && st.code() == kErrorServiceDoesNotExist) {
      NotInstalled(ctx, *it, "start");
      continue;
    }
    if (info) st = OkIf(ctx.ports.services.Start(*it), kErrorServiceAlreadyRunning);
    if (st.ok()) {
      Log(ctx.log, spdlog::level::info, FMT_COMPILE("started {}"), *it);
    } else {
      Log(ctx.log, spdlog::level::warn, FMT_COMPILE("could not start {}: {}"), *it, st);
      if (first.ok()) first = OfService(*it, st);
    }
  }
  return first;
}

class StopServices : public Step {
 public:
  std::string_view id() const override { return "stop-services"; }
  PlanStep Describe(const Diagnosis* d) const override {
    std::string which = d ? Listed(d->scope.services_to_stop) : "the running IIS services";
    return {std::string(id()), Text(FMT_COMPILE("stop {} (dependents before IISADMIN)"), which),
            "start again the services it stopped", false};
  }
  Result<StepData> Prepare(RepairContext& ctx) override {
    auto order = RunningServicesToStop(ctx.ports.services);
    if (!order) return order.status();
    return StepData{{"services", JoinList(*order)}};
  }
  Status Act(RepairContext& ctx, const StepData& data, StepData&) override {
    for (const std::string& name : SplitList(Get(data, "services"))) {
      Status st = OkIf(ctx.ports.services.Stop(name), kErrorServiceNotActive);
      if (st.code() == kErrorServiceDoesNotExist) {
        NotInstalled(ctx, name, "stop");
        continue;
      }
      if (!st.ok()) return OfService(name, st);
      Log(ctx.log, spdlog::level::info, FMT_COMPILE("stopped {}"), name);
    }
    return {};
  }
  Status Undo(RepairContext& ctx, const StepData& data) override {
    return StartInReverse(ctx, SplitList(Get(data, "services")));
  }
};

class StartServices : public Step {
 public:
  std::string_view id() const override { return "start-services"; }
  PlanStep Describe(const Diagnosis* d) const override {
    std::string which = d ? Listed(d->scope.services_to_stop) : "the services stop-services stopped";
    return {std::string(id()), Text(FMT_COMPILE("start {} again, exactly those that were running"), which),
            "nothing: the services are as they were found", false};
  }
  Result<StepData> Prepare(RepairContext& ctx) override {
    return StepData{{"services", Get(ctx.DataOf("stop-services"), "services")}};
  }
  Status Act(RepairContext& ctx, const StepData& data, StepData&) override {
    return StartInReverse(ctx, SplitList(Get(data, "services")));
  }
  Status Undo(RepairContext&, const StepData&) override { return {}; }
};

}  // namespace

std::unique_ptr<Step> MakeStopServices() { return std::make_unique<StopServices>(); }
std::unique_ptr<Step> MakeStartServices() { return std::make_unique<StartServices>(); }

}  // namespace fixer
