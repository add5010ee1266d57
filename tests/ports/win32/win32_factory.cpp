// The contract suite's factory in port_contract_tests.exe: the Win32 backend on the machine the
// test runs on (win32::OpenLocalMachine). Mutating tests run only with FXSIM_CONTRACT_MUTATING=1
// in the environment: in a disposable VM or a fresh WINEPREFIX, never on a real server
// (docs/windows.md, "The port contract suite").
#include "../backend_factory.h"

#include <windows.h>
// windows.h first: shlobj.h needs its types.
#include <shlobj.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>

#include "win32/local_machine.h"

namespace ports_contract {
namespace {

class Win32Factory : public BackendFactory {
 public:
  std::unique_ptr<fixer::Backend> Make() override {
    std::string error;
    std::unique_ptr<fixer::Backend> backend = win32::OpenLocalMachine(error);
    if (!backend) throw std::runtime_error("cannot open the local machine: " + error);
    return backend;
  }
  std::string Kind() const override { return "win32"; }
  bool MutatingAllowed() const override {
    const char* allowed = std::getenv("FXSIM_CONTRACT_MUTATING");
    return allowed != nullptr && std::string(allowed) == "1";
  }
  std::string MakeScratchFolder(fixer::Backend&) override {
    std::random_device rd;
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("fxsim_contract_" + std::to_string(rd() % 1000000));
    std::filesystem::create_directory(dir);
    return dir.string();
  }
  std::string MakeScratchFile(fixer::Backend&, const std::string& folder) override {
    const std::filesystem::path file = std::filesystem::path(folder) / "fxsim_contract_scratch.txt";
    std::ofstream(file).close();
    return file.string();
  }
  std::function<void()> MakeJournalUnreadable(fixer::Backend&) override {
    wchar_t folder[MAX_PATH];
    if (FAILED(SHGetFolderPathW(nullptr, CSIDL_COMMON_APPDATA, nullptr, SHGFP_TYPE_CURRENT, folder))) {
      throw std::runtime_error("SHGetFolderPath(CSIDL_COMMON_APPDATA) failed");
    }
    const std::wstring path = std::wstring(folder) + L"\\aspnet-fixer\\journal.txt";
    // Read access and every sharing mode: the backend still opens the file, only its reads fail.
    HANDLE file = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                              nullptr, OPEN_EXISTING, 0, nullptr);
    if (file == INVALID_HANDLE_VALUE) throw std::runtime_error("cannot open the journal to lock it");
    if (!LockFile(file, 0, 0, MAXDWORD, MAXDWORD)) {
      CloseHandle(file);
      throw std::runtime_error("LockFile of the journal failed");
    }
    return [file] {
      UnlockFile(file, 0, 0, MAXDWORD, MAXDWORD);
      CloseHandle(file);
    };
  }
  void RemoveScratchFolder(fixer::Backend&, const std::string& path) override {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

}  // namespace

BackendFactory& Factory() {
  static Win32Factory factory;
  return factory;
}

}  // namespace ports_contract
