#include "fakes/state_file_backend.h"

#include <csignal>
#include <utility>

namespace fakes {

Loaded<std::unique_ptr<StateFileBackend>> StateFileBackend::Open(const StateFileOptions& options) {
  Loaded<MachineState> loaded = LoadMachineFile(options.path);
  Loaded<std::unique_ptr<StateFileBackend>> out;
  if (!loaded.ok()) {
    out.error = std::move(loaded.error);
    return out;
  }
  StateFileOptions kept = options;
  if (kept.out == kept.path) kept.out.clear();  // --out naming the input: saved in place
  out.value = std::unique_ptr<StateFileBackend>(new StateFileBackend(std::move(*loaded.value), std::move(kept)));
  return out;
}

StateFileBackend::StateFileBackend(MachineState state, StateFileOptions options)
    : options_(std::move(options)), machine_(std::move(state)), memory_(machine_), saved_(machine_.state()) {}

fixer::Status StateFileBackend::SaveIfNew() {
  // The input file already holds the machine as loaded: rewriting it would only reformat it.
  const bool in_place = options_.out.empty();
  if (machine_.state() == saved_ && (in_place || destination_written_)) return {};
  if (fixer::Status st = SaveMachineFile(machine_.state(), Destination()); !st.ok()) return st;
  saved_ = machine_.state();
  destination_written_ = true;
  return {};
}

fixer::Status StateFileBackend::BeginChanges() {
  machine_.set_before_mutation([this] {
    if (fixer::Status st = SaveIfNew(); !st.ok()) {
      throw fixer::Interruption("cannot save " + Destination() + ": " + st.ToString() +
                                "; it holds the machine as it was before this change");
    }
    if (options_.kill_at_mutation != 0 && ++mutations_ == options_.kill_at_mutation) std::raise(SIGKILL);
  });
  return {};
}

fixer::Status StateFileBackend::EndChanges() {
  machine_.set_before_mutation({});
  return SaveIfNew();
}

}  // namespace fakes
