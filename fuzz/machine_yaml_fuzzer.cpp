// Fuzz target: the machine state loader (fakes::LoadMachineText, and sim::LoadMachineNode on the
// `machine:` block of a scenario-shaped input, so the scenario seeds reach it too), after the
// files' decoding (fakes::TextAsUtf8: an input that reads as UTF-16 or UTF-32 is decoded first).
//
// Properties: no crash, no exception escapes, no sanitizer report; every rejection says
// FILE:LINE:COL with a line and column of at least 1 and a message; every accepted state
// saves to text that loads back to the same state (a state file round-trips exactly).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "fakes/machine_yaml.h"
#include "fakes/text_encoding.h"
#include "fuzz_check.h"
#include "sim/machine_yaml_node.h"

namespace {

void CheckLoaded(const fakes::Loaded<fakes::MachineState>& loaded) {
  FUZZ_CHECK(loaded.ok() != loaded.error.has_value(), "exactly one of value and error");
  if (!loaded.ok()) {
    FUZZ_CHECK(loaded.error->line >= 1 && loaded.error->column >= 1, "error has a line and column");
    FUZZ_CHECK(!loaded.error->message.empty(), "error has a message");
    FUZZ_CHECK(loaded.error->file == "fuzz.yaml", "error names the file");
    return;
  }
  const std::string saved = fakes::MachineToText(*loaded.value);
  const auto again = fakes::LoadMachineText(saved, "saved.yaml");
  FUZZ_CHECK(again.ok(), "a saved state loads back");
  FUZZ_CHECK(*again.value == *loaded.value, "a saved state loads back unchanged");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string decoded;
  const fakes::Loaded<std::string_view> utf8 = fakes::TextAsUtf8(bytes, "fuzz.yaml", decoded);
  if (!utf8.ok()) {
    FUZZ_CHECK(utf8.error->line >= 1 && utf8.error->column >= 1, "a decoding error has a line and column");
    FUZZ_CHECK(!utf8.error->message.empty(), "a decoding error has a message");
    return 0;
  }
  const std::string text(*utf8.value);
  CheckLoaded(fakes::LoadMachineText(text, "fuzz.yaml"));

  // A scenario file embeds a machine under `machine:`; load that block as the scenario loader
  // does, so every scenario in the seed corpus is also a machine seed.
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception&) {
    return 0;  // not YAML: LoadMachineText has already had to reject it properly
  }
  if (root.IsMap() && root["machine"]) CheckLoaded(sim::LoadMachineNode(root["machine"], "fuzz.yaml"));
  return 0;
}
