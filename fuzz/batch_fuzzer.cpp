// Fuzz target: the batch interpreter (sim::RunBatch) over the fake commands, on a copy of a
// fresh Windows XP machine with IIS and ASP.NET 1.0 (the state fixup.cmd is run on), with
// runas's prompt answered.
//
// Properties: no crash, no exception escapes, no sanitizer report, no hang (libFuzzer's
// -timeout); a line the interpreter stops at is named by a line number inside the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fakes/console.h"
#include "fakes/fresh_install.h"
#include "fakes/machine.h"
#include "fuzz_check.h"
#include "sim/batch.h"

namespace {

const fakes::MachineState& BaseMachine() {
  static const fakes::MachineState base =
      fakes::FreshInstall({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 7});
  return base;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  fakes::Machine machine(BaseMachine());
  fakes::FixedInput answer("1pass@word");
  fakes::Console con(machine, answer);
  const sim::BatchResult r = sim::RunBatch(con, text, "fuzz.cmd", {"arg1"});
  if (r.error) {
    FUZZ_CHECK(r.error->file == "fuzz.cmd", "diagnostic names the file");
    FUZZ_CHECK(r.error->line >= 1, "diagnostic has a line");
    FUZZ_CHECK(static_cast<size_t>(r.error->line) <= sim::SplitBatchLines(text).size(), "line is in the file");
  }
  return 0;
}
