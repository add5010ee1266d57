// aspnet-fixer.exe: the tool (app/) on the machine it runs on (win32/local_machine.h).
//
//   aspnet-fixer.exe diagnose        # what is wrong, nothing changed
//   aspnet-fixer.exe apply           # repairs this machine (as an administrator)
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include "app/command.h"
#include "app/standard_output.h"
#include "app/typed_line.h"
#include "win32/console_stops.h"
#include "win32/console_text.h"
#include "win32/files.h"
#include "win32/local_machine.h"
#include "win32/utf8_arguments.h"

namespace {

class LocalMachineOpener : public app::BackendOpener {
 public:
  // The machine is this one: nothing to choose. A test hook: a stop (Ctrl-C) raised as the verb's
  // work begins, once the machine is opened (a changing run's: before its first change).
  void AddOptions(CLI::App& app) override {
    app.add_option("--signal-before-changes", signal_before_changes_, "")->group("");
    app.add_option("--signal-at-prompt", signal_at_prompt_, "")->group("");  // while --temp-password - waits
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
  // --temp-password -: Ctrl-C while the line is awaited ends the run at once, exit 3 (nothing has
  // changed); without a handler Windows' default one would end it (0xC000013A; Wine's: 0).
  std::optional<std::string> ReadTypedLine(const fixer::StopWordsFor& words) override {
    win32::EndAtOnceOnConsoleStop(words);
    if (signal_at_prompt_ != 0 && !win32::RaiseConsoleStop(signal_at_prompt_))
      std::cerr << "aspnet-fixer: --signal-at-prompt: the console event was not received\n";
    std::optional<std::string> line = app::ReadTypedLine(std::cin);
    if (!line) win32::AwaitConsoleStopAfterEndOfInput();
    win32::FinishDespiteConsoleStops();
    return line;
  }
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
  int signal_at_prompt_ = 0;       // test hook: the stop to raise while --temp-password - waits
};

}  // namespace

// wmain (linked with -municode): the words as typed, which main would have in the ANSI code page.
int wmain(int argc, wchar_t** argv) {
  win32::Utf8Arguments args(argc, argv);
  app::WriteTerminalsWith(win32::WriteToConsole);  // a console shows the report's characters
  LocalMachineOpener opener;
  return app::AspnetFixerMain(args.argc(), args.argv(), opener);
}
