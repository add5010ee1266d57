// aspnet-fixer: the tool (app/) on a machine state file (fakes/state_file_backend.h).
//
//   aspnet-fixer apply --machine machine.yaml               # saved in place as the fix goes
//   aspnet-fixer apply --machine machine.yaml --out fixed.yaml   # machine.yaml left untouched
//   aspnet-fixer capture --machine machine.yaml --out captured.yaml   # what the ports read of it
#include <csignal>
#include <optional>
#include <string>

#include "app/cli_values.h"
#include "app/command.h"
#include "app/parse_errors.h"
#include "fakes/atomic_file.h"
#include "fakes/state_file_backend.h"
#include "stop_signals_posix.h"

namespace {

class StateFileOpener : public app::BackendOpener {
 public:
  void AddOptions(CLI::App& app) override {
    app::Required(app.add_option("--machine", options_.path,
                                 "machine state file (YAML); rewritten (atomically, as the fix goes) only if the "
                                 "machine changes"),
                  "give --machine FILE: the machine state file (YAML) to work on")
        ->check(app::kFileName);
    app.add_option("--out", options_.out,
                   "write the machine as the verb leaves it to this file instead; the --machine file is never written")
        ->check(app::kFileName);
    app.add_option("--kill-at-mutation", options_.kill_at_mutation, "")->group("");            // crash tests
    app.add_option("--interrupt-at-mutation", options_.interrupt_at_mutation, "")->group("");  // Ctrl-C tests
    app.add_option("--signal-before-changes", options_.signal_before_changes, "")
        ->group("");  // a stop before any change (before the work of a run that changes nothing)
    app.add_option("--signal-before-save", options_.signal_before_save, "")->group("");  // a stop as it saves
    app.add_option("--signal-at-prompt", signal_at_prompt_, "")->group("");  // while --temp-password - waits
  }

  std::vector<std::string> Inputs() const override { return {options_.path}; }
  bool OpenRefusedOut() const override { return refused_out_; }

  std::string JournalFile() const override { return options_.out.empty() ? options_.path : options_.out; }

  std::unique_ptr<fixer::Backend> Open(app::OpenFor purpose, std::string& error) override {
    fakes::StateFileOptions options = options_;
    options.changes = purpose == app::OpenFor::kChanging;
    if (options.changes) {
      // Ctrl-C or SIGTERM stops a changing run at its next journal record (or before its first
      // change), which resume continues, instead of ending the process anywhere (stop_signals_posix.h).
      app::CatchStopSignals();
      options.stop_requested = app::StopSignalReceived;
    }
    auto opened = fakes::StateFileBackend::Open(options);
    if (!opened.ok()) {
      error = opened.error->ToString();
      // An --out that is the --machine file, however spelt, is the machine's own error.
      refused_out_ =
          !options_.out.empty() && opened.error->file == options_.out && !fakes::SameFile(options_.out, options_.path);
      return nullptr;
    }
    opened_ = opened.value->get();
    return std::move(*opened.value);
  }

  // capture --out: the backend opened holds that file (its lock, or the name it may take only
  // where no file has appeared since), so it writes it, as every verb's --out is written. Any
  // other file: the state file's own atomic write (fakes/atomic_file.h). A failure in Windows'
  // words, as the machine's own write says one (aspnet-fixer speaks Windows' words).
  fixer::Status WriteFileDurably(const std::string& path, std::string_view text) override {
    if (options_.signal_before_save != 0) std::raise(options_.signal_before_save);
    if (opened_ != nullptr && !options_.out.empty() && path == options_.out) return opened_->WriteOut(text);
    return fakes::WriteFailureNaming(path, fakes::WriteFileAtomically(path, text));
  }
  fixer::Status CheckCanWrite(const std::string& path) override {
    // capture's work begins here, as a verb's in CheckCanSave (the test hook's signal).
    if (options_.signal_before_changes != 0) std::raise(options_.signal_before_changes);
    return fakes::CheckCanWriteAtomically(path, fixer::ReasonWords::kWindows);
  }
  bool SameFile(const std::string& a, const std::string& b) const override { return fakes::SameFile(a, b); }
  // A run that changes nothing: a stop ends it at once, and removes the temporary file its --out's
  // probe or write may have made (a capture's --out is --out too).
  void EndAtOnceOnStop(const fixer::StopWordsFor& words) override {
    app::EndAtOnceOnStopSignals(words, options_.out.empty() ? std::string() : fakes::TemporaryFileOf(options_.out));
  }
  void FinishDespiteStops() override { app::FinishDespiteStopSignals(); }
  // --temp-password -: the test hook's stop arrives while the line is awaited (it ends the run).
  std::optional<std::string> ReadTypedLine(const fixer::StopWordsFor& words) override {
    if (signal_at_prompt_ != 0) {
      EndAtOnceOnStop(words);
      std::raise(signal_at_prompt_);
    }
    return BackendOpener::ReadTypedLine(words);
  }

 private:
  fakes::StateFileOptions options_;
  int signal_at_prompt_ = 0;                   // test hook: the stop to raise while --temp-password - waits
  bool refused_out_ = false;                   // the last Open's error was the --out file's
  fakes::StateFileBackend* opened_ = nullptr;  // the backend Open returned, which the command keeps to its end
};

}  // namespace

int main(int argc, char** argv) {
  StateFileOpener opener;
  return app::AspnetFixerMain(argc, argv, opener);
}
