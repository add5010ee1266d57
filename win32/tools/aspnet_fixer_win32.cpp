// aspnet-fixer.exe: the tool (app/) on the machine it runs on (win32/local_machine.h).
//
//   aspnet-fixer.exe diagnose        # what is wrong, nothing changed
//   aspnet-fixer.exe apply           # repairs this machine (as an administrator)
#include <iostream>
#include <string_view>

#include "app/command.h"
#include "win32/console_stops.h"
#include "win32/files.h"
#include "win32/local_machine.h"

namespace {

class LocalMachineOpener : public app::BackendOpener {
 public:
  // The machine is this one: nothing to choose. A test hook: a stop (Ctrl-C) raised as the verb's
  // work begins, once the machine is opened (a changing run's: before its first change).
  void AddOptions(CLI::App& app) override {
    app.add_option("--signal-before-changes", signal_before_changes_, "")->group("");
  }
  // The machine itself: Windows' own calls serialise what two runs change (no file to hold).
  // Ctrl-C (a console event) stops a changing run at its next journal record, or before its first
  // change, as the state-file tool stops at SIGINT (win32/console_stops.h).
  std::unique_ptr<fixer::Backend> Open(app::OpenFor purpose, std::string& error) override {
    std::unique_ptr<fixer::Backend> machine;
    if (purpose == app::OpenFor::kChanging) {
      win32::CatchConsoleStops();
      machine = win32::OpenLocalMachine(error, win32::ConsoleStopReceived);
    } else {
      machine = win32::OpenLocalMachine(error);
    }
    if (machine && signal_before_changes_ != 0 && !win32::RaiseConsoleStop(signal_before_changes_))
      std::cerr << "aspnet-fixer: --signal-before-changes: the console event was not received\n";
    return machine;
  }
  // A run that changes nothing: a stop ends it at once; its --out is written after FinishDespiteStops.
  void EndAtOnceOnStop(const fixer::StopWordsFor& words) override { win32::EndAtOnceOnConsoleStop(words); }
  void FinishDespiteStops() override { win32::FinishDespiteConsoleStops(); }
  // capture --out: a file there when it was checked (an older capture) is replaced; a name free
  // then is taken only while it stays free, so a file another process made meanwhile is kept
  // ("OUT: cannot write: 183: ...", as the Linux tool's capture says it).
  fixer::Status CheckCanWrite(const std::string& path) override {
    const fixer::Result<win32::Replace> checked = win32::CheckCanWrite(path);
    if (!checked.ok()) return checked.status();
    checked_ = {path, *checked};
    return {};
  }
  fixer::Status WriteFileDurably(const std::string& path, std::string_view text) override {
    return win32::WriteFileDurably(path, text, path == checked_.path ? checked_.replace : win32::Replace::kAny);
  }
  bool SameFile(const std::string& a, const std::string& b) const override { return win32::SameFile(a, b); }

 private:
  struct Checked {
    std::string path;
    win32::Replace replace = win32::Replace::kAny;
  };
  Checked checked_;                // the file the last CheckCanWrite asked of, and what its write may replace
  int signal_before_changes_ = 0;  // test hook: the stop to raise once the machine is opened
};

}  // namespace

int main(int argc, char** argv) {
  LocalMachineOpener opener;
  return app::AspnetFixerMain(argc, argv, opener);
}
