// The `capture` step: what support does with a customer's machine (docs/support.md): aspnet-fixer
// capture writes it as a machine file, and the scenario goes on with what that file loads as, so
// the steps after it check the reproduction against what the machine answered.
#include "app/capture.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"
#include "sim/vocabulary.h"

namespace sim {
namespace {

StepReport CaptureAndReproduce(RunContext& ctx, const Step&) {
  app::Capture capture;
  {
    fakes::MachineBackend backend(ctx.machine);
    capture = app::CaptureMachine(backend.ports(), "aspnet-fixer (scenario capture step)");
  }
  const std::string text = app::CaptureText(capture);
  auto loaded = fakes::LoadMachineText(text, "capture.json");
  // A capture every tool refuses (duplicate object ...): the scenario cannot go on, and fails here.
  if (!loaded.ok()) return {false, "the capture does not load: " + loaded.error->ToString(), "", ""};
  ctx.machine.state() = *loaded.value;
  std::string summary = "captured and reproduced; not read: ";
  if (capture.unreadable.empty()) summary += "nothing";
  for (size_t i = 0; i < capture.unreadable.size(); ++i) {
    summary += (i == 0 ? "" : ", ") + capture.unreadable[i].read + " (" +
               std::to_string(capture.unreadable[i].error.code()) + ")";
  }
  return {true, "", summary, ""};
}

}  // namespace

std::vector<Word> CaptureStepWords() {
  return {{.name = "capture",
           .scalar_arg = "",
           .params = {},
           .doc = "`aspnet-fixer capture` of the machine, which the scenario then goes on with as the file loads "
                  "(`capture: {}`): the steps after it check the reproduction support would load",
           .run = CaptureAndReproduce}};
}

}  // namespace sim
