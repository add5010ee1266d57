// The request step, and page requests for invariants and for the fixer's probe.
#include "sim/vocabulary.h"
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

std::map<std::string, int> StatusOfEveryApp(fakes::Machine& machine) {
  std::map<std::string, int> out;
  WebStack web(machine);
  for (const auto& app : machine.state().products.applications) {
    const RequestExplanation r = web.Probe(app.path);
    out[app.path] = r.listening ? r.response.status : 0;
  }
  return out;
}

std::map<std::string, int> StatusOfEveryApp(const fakes::MachineState& state) {
  fakes::Machine copy(state);  // a view needs a Machine; the probes leave it unchanged
  return StatusOfEveryApp(copy);
}

fixer::Result<fixer::HttpResponse> ModelWebProbe::Get(const std::string& application_path) {
  const RequestExplanation r = WebStack(machine_).Probe(application_path);
  if (!r.listening) return r.connect_error;
  return r.response;
}

namespace {

StepReport Request(RunContext& ctx, const Step& step) {
  const std::string app = RequiredArg(step, "app");
  ctx.response = RequestPage(ctx.machine, app);
  return {true, "", "GET " + app + " -> " + std::to_string(ctx.response->status) + " (" + ctx.response->explanation + ")", ""};
}

}  // namespace

std::vector<Word> WebStepWords() {
  return {
      {.name = "request", .scalar_arg = "app",
       .params = {{.name = "app", .required = true}},
       .doc = "requests a page of a local application (metabase path); sets the *last response*",
       .run = Request},
  };
}

}  // namespace sim
