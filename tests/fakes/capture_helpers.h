// What the capture tests share: a machine loaded from its text (a test failure when it does not
// load), and what aspnet-fixer's capture reads of a fake machine.
//
//   fakes::Machine machine(capture_helpers::Load("os: windows-xp-professional\n", "m.yaml"));
//   const app::Capture c = capture_helpers::CaptureOf(machine);
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "app/capture.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"

namespace capture_helpers {

inline fakes::MachineState Load(const std::string& text, const std::string& name) {
  auto loaded = fakes::LoadMachineText(text, name);
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString() << "\n" << text;
  return loaded.ok() ? *loaded.value : fakes::MachineState{};
}

inline app::Capture CaptureOf(fakes::Machine& machine) {
  fakes::MachineBackend backend(machine);
  return app::CaptureMachine(backend.ports(), "aspnet-fixer test");
}

}  // namespace capture_helpers
