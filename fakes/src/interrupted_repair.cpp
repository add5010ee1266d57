// InterruptedRepairAt (interrupted_repair.h): the file and its log read as `--machine` reads them,
// and the journal judged by the fixer's own rule (fixer::Fixer::ReadJournalState).
#include "interrupted_repair.h"

#include <sys/stat.h>

#include <utility>

#include "fakes/machine.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_log.h"
#include "fixer/fixer.h"

namespace fakes {
namespace {

LoadError Refusal(const std::string& out, const std::string& why, bool with_log) {
  return LoadError{out, 0, 0, fixer::UnfinishedRepairText(out, why, with_log ? MachineLogPath(out) : "")};
}

}  // namespace

std::optional<LoadError> InterruptedRepairAt(const std::string& out) {
  struct stat st {};
  if (::stat(out.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  const std::string log = MachineLogPath(out);
  Loaded<OpenedMachineFile> opened = OpenMachineFile(out, fixer::ReasonWords::kWindows);
  if (!opened.ok()) {
    // The file reads but its log does not replay: the log is a run's, and only it knows what that run did.
    if (opened.error->file == log) return Refusal(out, log + " cannot be replayed: " + opened.error->ToString(), true);
    return std::nullopt;
  }
  if (const uint64_t records = opened.value->log.records; records > 0) {
    return Refusal(out,
                   log + " holds " + std::to_string(records) + (records == 1 ? " record" : " records") +
                       " of a run that was stopped before it saved the file",
                   true);
  }
  if (opened.value->state.journal.empty()) return std::nullopt;
  Machine machine(std::move(opened.value->state));
  MachineBackend backend(machine);
  fixer::Fixer fixer(backend.ports(), nullptr);
  const fixer::Result<fixer::Fixer::JournalHolds> holds = fixer.ReadJournalState();
  if (holds.ok() && *holds != fixer::Fixer::JournalHolds::kUnfinishedRun) return std::nullopt;
  return Refusal(
      out, holds.ok() ? "its journal holds a run left unfinished" : "its journal: " + holds.status().ToString(), false);
}

}  // namespace fakes
