// See worker_password_services.h.
#include "worker_password_services.h"

#include "fixer/name_case.h"
#include "fixer/text.h"
#include "service_names.h"

namespace fixer {

Result<std::vector<std::string>> ReadWorkerPasswordServices(RepairContext& ctx) {
  std::vector<std::string> out;
  auto info = ctx.ports.services.Query(kAspNetState);
  if (!info) {
    if (info.status().code() == kErrorServiceDoesNotExist) return out;
    return info.status();
  }
  auto os = ctx.ports.inventory.Os();
  if (!os) return os.status();
  if (SameWindowsName(LocalUserOfService(info->account, os->computer_name), ctx.account)) out.push_back(info->name);
  return out;
}

namespace {

// What the run's journal recorded: set-temp-password's list (keep-sid), else create-account's (recreate).
std::vector<std::string> RecordedServices(const RepairContext& ctx) {
  for (const char* step : {"set-temp-password", "create-account"}) {
    const StepData& data = ctx.DataOf(step);
    if (data.count(kPasswordServices)) return SplitList(Get(data, kPasswordServices));
  }
  return {};
}

}  // namespace

Status GiveServicesWorkerPassword(RepairContext& ctx, const Secret& password) {
  for (const std::string& name : RecordedServices(ctx)) {
    Status st = ctx.ports.services.SetLogonPassword(name, password);
    if (st.code() == kErrorServiceDoesNotExist) continue;  // removed meanwhile: no password to keep for it
    if (!st.ok()) return Status(st.code(), Text(FMT_COMPILE("service {}: {}"), name, st.message()));
    Log(ctx.log, spdlog::level::info, FMT_COMPILE("gave {} the password of {}"), name, ctx.account);
  }
  return {};
}

Status GiveServicesLsaPassword(RepairContext& ctx) {
  if (RecordedServices(ctx).empty()) return {};
  auto lsa = ctx.ports.secrets.Retrieve(std::string(kAspNetWorkerSecret));
  if (!lsa) return lsa.status();
  return GiveServicesWorkerPassword(ctx, *lsa);
}

}  // namespace fixer
