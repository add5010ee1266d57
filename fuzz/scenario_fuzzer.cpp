// Fuzz target: the scenario loader (sim::LoadScenarioText).
//
// Properties: no crash, no exception escapes, no sanitizer report; every rejection says
// FILE:LINE:COL with a line and column of at least 1, within its line, and a message, and the
// error as printed holds no raw control byte.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "sim/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const sim::LoadedScenario loaded = sim::LoadScenarioText(text, "fuzz.yaml");
  FUZZ_CHECK(loaded.ok() != loaded.error.has_value(), "exactly one of value and error");
  if (!loaded.ok()) {
    FUZZ_CHECK(loaded.error->line >= 1 && loaded.error->column >= 1, "error has a line and column");
    FUZZ_CHECK(!loaded.error->message.empty(), "error has a message");
    FUZZ_CHECK(loaded.error->file == "fuzz.yaml", "error names the file");
    FUZZ_CHECK(static_cast<size_t>(loaded.error->column) <= loaded.error->source_line.size() + 1,
               "the column is within its line");
    for (unsigned char c : loaded.error->ToString())
      FUZZ_CHECK(c == '\n' || (c >= 0x20 && c != 0x7f), "no raw control byte is printed");
  }
  return 0;
}
