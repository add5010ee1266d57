// Steps that stop the web services before the account changes and start exactly those again.
#include <fmt/format.h>

#include <algorithm>

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

// A service the journal names that is not installed now is not running: nothing to stop or start,
// said and skipped, as RunningServicesToStop counts it. Reading the journal already refuses one
// not installed then (CheckJournalServicesOnMachine: the list no longer says what the run
// stopped); this is one removed while the run works. Failing on it instead kept every resume and
// rollback at exit 4, each telling the administrator to retry what could never succeed.
void NotInstalled(RepairContext& ctx, const std::string& name, std::string_view what) {
  ctx.Say(Text(FMT_COMPILE("the journal names the service {}, which is not installed on this machine (1060): "
                           "nothing to {}"),
               name, what));
}

// Starts, in reverse stop order, each listed service that is not running, and pauses again each
// of `paused` (found paused: a stop and a start leave it running). One that fails does not keep
// the others down: every one is tried, and the first failure is the result.
Status StartInReverse(RepairContext& ctx, const std::vector<std::string>& stop_order,
                      const std::vector<std::string>& paused) {
  Status first;
  auto fail = [&](const std::string& name, std::string_view what, const Status& st) {
    Log(ctx.log, spdlog::level::warn, FMT_COMPILE("could not {} {}: {}"), what, name, st);
    if (first.ok()) first = OfService(name, st);
  };
  for (auto it = stop_order.rbegin(); it != stop_order.rend(); ++it) {
    auto info = ctx.ports.services.Query(*it);
    if (!info) {
      if (info.status().code() == kErrorServiceDoesNotExist)
        NotInstalled(ctx, *it, "start");
      else
        fail(*it, "start", info.status());
      continue;
    }
    // A paused service is started already (docs/windows-reference.md#services).
    const bool started = info->state == ServiceState::kRunning || info->state == ServiceState::kPaused;
    if (!started) {
      if (Status st = OkIf(ctx.ports.services.Start(*it), kErrorServiceAlreadyRunning); !st.ok()) {
        fail(*it, "start", st);
        continue;
      }
      Log(ctx.log, spdlog::level::info, FMT_COMPILE("started {}"), *it);
    }
    const bool was_paused = std::find(paused.begin(), paused.end(), *it) != paused.end();
    if (!was_paused || info->state == ServiceState::kPaused) continue;
    if (Status st = ctx.ports.services.Pause(*it); !st.ok()) {
      fail(*it, "pause", st);
      continue;
    }
    Log(ctx.log, spdlog::level::info, FMT_COMPILE("paused {} again, as it was found"), *it);
  }
  return first;
}

// The services a stop-services record names, started again and paused as found.
Status StartAgain(RepairContext& ctx, const StepData& data) {
  return StartInReverse(ctx, SplitList(Get(data, "services")), SplitList(Get(data, "paused")));
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
    auto services = ReadServicesToStop(ctx.ports.services);
    if (!services) return services.status();
    StepData data{{"services", JoinList(services->order)}};
    // Written only when one is paused: a journal of a machine with none reads as before.
    if (!services->paused.empty()) data["paused"] = JoinList(services->paused);
    return data;
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
  Status Undo(RepairContext& ctx, const StepData& data) override { return StartAgain(ctx, data); }
  std::vector<std::string_view> data_keys() const override { return {"services", "paused"}; }
};

class StartServices : public Step {
 public:
  std::string_view id() const override { return "start-services"; }
  PlanStep Describe(const Diagnosis* d) const override {
    // In the order they start: what a service depends on first (stop-services' order reversed).
    std::string which =
        d ? Listed(std::vector<std::string>(d->scope.services_to_stop.rbegin(), d->scope.services_to_stop.rend()))
          : "the services stop-services stopped";
    std::string paused = d && !d->scope.services_paused.empty()
                             ? Text(FMT_COMPILE(", and pause {} again"), Listed(d->scope.services_paused))
                             : std::string();
    return {std::string(id()), Text(FMT_COMPILE("start {} again, exactly those that were running{}"), which, paused),
            "nothing: the services are as they were found", false};
  }
  Result<StepData> Prepare(RepairContext& ctx) override {
    const StepData& stopped = ctx.DataOf("stop-services");
    StepData data{{"services", Get(stopped, "services")}};
    if (const std::string& paused = Get(stopped, "paused"); !paused.empty()) data["paused"] = paused;
    return data;
  }
  Status Act(RepairContext& ctx, const StepData& data, StepData&) override { return StartAgain(ctx, data); }
  Status Undo(RepairContext&, const StepData&) override { return {}; }
  std::vector<std::string_view> data_keys() const override { return {"services", "paused"}; }
};

}  // namespace

std::unique_ptr<Step> MakeStopServices() { return std::make_unique<StopServices>(); }
std::unique_ptr<Step> MakeStartServices() { return std::make_unique<StartServices>(); }

}  // namespace fixer
