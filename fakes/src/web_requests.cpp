// Page answers asked without side effects: every application's status, and the fixer's probe.
#include "fakes/web_requests.h"

#include <utility>

#include "fakes/modelling_choices.h"
#include "fakes/web_probe.h"
#include "fakes/web_stack.h"

namespace fakes {

std::map<std::string, int> StatusOfEveryApp(Machine& machine) {
  std::map<std::string, int> out;
  WebStack web(machine);
  for (const auto& app : machine.state().products.applications) {
    const RequestExplanation r = web.Answer(app.path);
    out[app.path] = r.listening ? r.response.status : 0;
  }
  return out;
}

std::map<std::string, int> StatusOfEveryApp(const MachineState& state) {
  Machine copy(state);  // a view needs a Machine; the probes leave it unchanged
  return StatusOfEveryApp(copy);
}

fixer::Result<fixer::HttpResponse> ModelWebProbe::Get(const std::string& application_path) {
  RequestExplanation r = WebStack(machine_).Answer(application_path);
  if (!r.listening) return r.connect_error;
  // Reported, not written: the diagnosis says what the request did on Windows (choice-probe-effects).
  if (r.event) RelyOn("choice-probe-effects");
  // Read back from the Application log, as the Win32 probe reads it: a read that fails leaves the
  // answer without its event.
  if (r.event && machine_.Read("eventlog.read", "Application").ok()) r.response.event = std::move(r.event);
  return std::move(r.response);
}

}  // namespace fakes
