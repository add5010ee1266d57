// What the capture tests share: a machine loaded from its text (a test failure when it does not
// load), what aspnet-fixer's capture reads of a fake machine, the objects it lists, and an
// object's owner and whole DACL by name, to compare the original's with the reproduction's.
//
//   fakes::Machine machine(capture_helpers::Load("os: windows-xp-professional\n", "m.yaml"));
//   const app::Capture c = capture_helpers::CaptureOf(machine);
//   for (const fixer::ObjectRef& o : capture_helpers::ListedObjects(c)) SecurityByName(machine, o);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "app/capture.h"
#include "fakes/cacls_format.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"
#include "fakes/objects.h"
#include "fixer/windows_names.h"

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

// Every object the capture's file lists, as the file names it.
inline std::vector<fixer::ObjectRef> ListedObjects(const app::Capture& c) {
  std::vector<fixer::ObjectRef> listed;
  const auto objects = c.document.find("objects");
  if (objects == c.document.end()) return listed;
  for (const auto& item : *objects) {
    for (const auto& nv : fixer::kNamespaceNames) {
      if (item.contains(std::string(nv.name)))
        listed.push_back({nv.value, item[std::string(nv.name)].template get<std::string>()});
    }
  }
  return listed;
}

// An object's owner and whole DACL by the names the machine gives their SIDs, as cacls prints each
// ACE (its flags, (I) for an inherited one, in order): a reproduction gives its accounts SIDs of
// its own, so the original's and the reproduction's compare by name.
inline std::vector<std::string> SecurityByName(fakes::Machine& machine, const fixer::ObjectRef& ref) {
  const fakes::SecurableObject* o = fakes::ObjectStore(machine).Find(ref);
  if (o == nullptr) return {"(no such object)"};
  std::vector<std::string> lines{"owner " + fakes::AccountLabel(machine, o->owner)};
  for (const fixer::Ace& ace : o->dacl) lines.push_back(fakes::FormatCaclsAce(machine, ref.ns, ace));
  return lines;
}

}  // namespace capture_helpers
