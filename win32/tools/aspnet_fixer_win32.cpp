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
  fixer::Status WriteFileDurably(const std::string& path, std::string_view text) override {
    return win32::WriteFileDurably(path, text);
  }
  fixer::Status CheckCanWrite(const std::string& path) const override { return win32::CheckCanWrite(path); }
  bool SameFile(const std::string& a, const std::string& b) const override { return win32::SameFile(a, b); }
};

}  // namespace

int main(int argc, char** argv) {
  LocalMachineOpener opener;
  return app::AspnetFixerMain(argc, argv, opener);
}
