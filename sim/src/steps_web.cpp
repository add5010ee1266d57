// The request step, and page requests for invariants and for the fixer's probe.
#include "sim/step_registry.h"
#include "sim/web_probe.h"
#include "sim/web_requests.h"
#include "sim/web_stack.h"

namespace sim {

LastResponse RequestPage(fakes::Machine& machine, const std::string& app) {
  RequestExplanation r = WebStack(machine).Request(app);
  LastResponse out;
  out.app = app;
  if (!r.listening) {
    out.status = 0;  // nothing accepted the connection
    out.page = r.connect_error.ToString();
  } else {
    out.status = r.response.status;
    out.page = r.response.body;
  }
  out.explanation = std::string(ToString(r.host)) + (r.identity.empty() ? "" : " as " + r.identity) +
                    (r.Cause().empty() ? "" : ": " + r.Cause());
  return out;
}

std::map<std::string, int> StatusOfEveryApp(const fakes::MachineState& state) {
  std::map<std::string, int> out;
  for (const auto& app : state.products.applications) {
    fakes::Machine copy(state);
    out[app.path] = RequestPage(copy, app.path).status;
  }
  return out;
}

fixer::Result<fixer::HttpResponse> ModelWebProbe::Get(const std::string& application_path) {
  fakes::Machine copy(machine_.state());
  return MachineWebProbe(copy).Get(application_path);
}

namespace {

StepReport Request(RunContext& ctx, const Step& step) {
  const std::string app = RequiredArg(step, "app");
  ctx.response = RequestPage(ctx.machine, app);
  return {true, "", "GET " + app + " -> " + std::to_string(ctx.response->status) + " (" + ctx.response->explanation + ")", ""};
}

}  // namespace

void RegisterWebSteps(StepRegistry& r) { r["request"] = Request; }

}  // namespace sim
