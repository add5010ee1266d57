// aspnet-fixer.exe: the tool (app/) on the machine it runs on (win32/local_machine.h).
//
//   aspnet-fixer.exe diagnose        # what is wrong, nothing changed
//   aspnet-fixer.exe apply           # repairs this machine (as an administrator)
#include "app/command.h"
#include "win32/files.h"
#include "win32/local_machine.h"

namespace {

class LocalMachineOpener : public app::BackendOpener {
 public:
  void AddOptions(CLI::App&) override {}  // the machine is this one: nothing to choose
  // The machine itself: Windows' own calls serialise what two runs change (no file to hold).
  std::unique_ptr<fixer::Backend> Open(app::OpenFor, std::string& error) override {
    return win32::OpenLocalMachine(error);
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
  Checked checked_;  // the file the last CheckCanWrite asked of, and what its write may replace
};

}  // namespace

int main(int argc, char** argv) {
  LocalMachineOpener opener;
  return app::AspnetFixerMain(argc, argv, opener);
}
