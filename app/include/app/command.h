// aspnet-fixer's command line: `aspnet-fixer VERB [options]`, the verbs of app/verbs.h (and
// `capture`, app/capture.h) on the machine a BackendOpener reaches, the report on standard
// output, and the exit code (fixer/exit_code.h; also in --help and README.md):
//   0 fixed and verified, or nothing to do (diagnose, plan, --dry-run: read) · 1 failed, machine restored (or a read
//   failed: nothing changed) · 2 usage or input error · 3 refused, nothing changed · 4 failed or interrupted and not
//   restored: run resume or rollback · capture: 0 written, 1 nothing readable (no file), 2 usage,
//   3 stopped (Ctrl-C) before it was written
//
//   class StateFile : public app::BackendOpener {   // see app/tools/aspnet_fixer.cpp
//    public:
//     void AddOptions(CLI::App& app) override { app.add_option("--machine", path_)->required(); }
//     std::unique_ptr<fixer::Backend> Open(app::OpenFor, std::string& error) override {
//       error = "not here";
//       return nullptr;
//     }
//     fixer::Status WriteFileDurably(const std::string&, std::string_view) override { return fixer::Status::Win(5); }
//     bool SameFile(const std::string& a, const std::string& b) const override { return a == b; }
//    private:
//     std::string path_;
//   };
//   StateFile opener;
//   int code = app::AspnetFixerMain(argc, argv, opener);
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "fixer/backend.h"
#include "fixer/stop_words.h"

namespace app {

// What the verb will do with the machine it opens: a run that may change it (apply, resume,
// rollback; not a dry run) holds the machine for itself while it runs (a state file: locked).
enum class OpenFor { kReading, kChanging };

// How the command reaches a machine: the backend's own options (e.g. --machine FILE), then
// the backend itself once the command line is parsed; and the platform's file calls the command
// itself needs (capture --out), so app/ holds no platform code. They live here, not on
// fixer::Backend: only the command writes files (the fixer never does), and the --out check
// runs before any machine is opened.
class BackendOpener {
 public:
  virtual ~BackendOpener() = default;
  virtual void AddOptions(CLI::App& app) = 0;
  // Null, with `error` set (e.g. "FILE:LINE:COL: message"), if the machine cannot be opened; for
  // kChanging also when another run holds it ("m.yaml: cannot open machine state file: 32: ...").
  virtual std::unique_ptr<fixer::Backend> Open(OpenFor purpose, std::string& error) = 0;
  // The files the backend reads, which `capture --out` refuses to overwrite.
  virtual std::vector<std::string> Inputs() const { return {}; }
  // Whether the last Open failed on the --out file of its own it writes the machine to (a repair
  // that did not end there, another run holding it): that file not written, not an input error.
  virtual bool OpenRefusedOut() const { return false; }
  // The file a changing run keeps the machine and its journal in (a state file's --out, else its
  // --machine), which the advice after an interruption names; empty for a machine that is no file.
  virtual std::string JournalFile() const { return {}; }
  // Writes `text` to `path` durably, replacing it atomically: flushed to disk in a temporary
  // file beside it, then renamed over it, so `path` is either as it was or whole, and no
  // temporary file is left. The error's message names the file and the step that failed.
  virtual fixer::Status WriteFileDurably(const std::string& path, std::string_view text) = 0;
  // Whether WriteFileDurably could write `path`, asked before the work whose result goes there
  // (capture --out): why not, naming the file ("OUT: cannot be written: 5: Access is denied."),
  // or Ok. By default Ok: the write itself then says it. An opener may keep what it found for that
  // write (aspnet-fixer.exe: whether a file was there, so that one made meanwhile is not replaced).
  virtual fixer::Status CheckCanWrite(const std::string& /*path*/) { return fixer::Status::Ok(); }
  // Whether two paths name one file (POSIX: the same inode; Windows: the same full path, any case).
  virtual bool SameFile(const std::string& a, const std::string& b) const = 0;
  // A run that changes nothing (diagnose, plan, a dry run, capture), from before its machine is
  // opened: a stop the user asks for (Ctrl-C) ends the process at once, exit 3, saying `words`,
  // and leaves no temporary file of its --out (app/stop_words.h). By default the platform's own.
  virtual void EndAtOnceOnStop(const fixer::StopWordsFor& /*words*/) {}
  // From here the run writes its output (its --out, its report), whole: a stop is only recorded.
  // (A changing run's stops are Open(kChanging)'s: recorded, and the backend it opens stops the
  // run at its next journal record, or before its first change.)
  virtual void FinishDespiteStops() {}
  // --temp-password -: the line typed on standard input (nullopt: none), read while a stop ends
  // the run at once saying `words` (nothing has changed yet): EndAtOnceOnStop around the read.
  virtual std::optional<std::string> ReadTypedLine(const fixer::StopWordsFor& words);
};

int AspnetFixerMain(int argc, char** argv, BackendOpener& opener);

}  // namespace app
