// The contract suite's factory in port_contract_tests.exe: the Win32 backend on the machine the
// test runs on (win32::OpenLocalMachine). Mutating tests run only with FXSIM_CONTRACT_MUTATING=1
// in the environment: in a disposable VM or a fresh WINEPREFIX, never on a real server
// (docs/windows.md, "The port contract suite").
#include "../backend_factory.h"

#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <aclapi.h>
#include <sddl.h>
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
  std::function<void()> PlantJournalInAFolderEveryoneCanWrite(fixer::Backend&) override {
    wchar_t common[MAX_PATH];
    if (FAILED(SHGetFolderPathW(nullptr, CSIDL_COMMON_APPDATA, nullptr, SHGFP_TYPE_CURRENT, common))) {
      throw std::runtime_error("SHGetFolderPath(CSIDL_COMMON_APPDATA) failed");
    }
    const std::wstring folder = std::wstring(common) + L"\\aspnet-fixer", journal = folder + L"\\journal.txt";
    if (!CreateDirectoryW(folder.c_str(), nullptr) && GetLastError() != ERROR_ALREADY_EXISTS) {
      throw std::runtime_error("cannot create the journal's folder");
    }
    PSECURITY_DESCRIPTOR sd = nullptr;
    if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(L"D:P(A;OICI;FA;;;WD)(A;OICI;FA;;;BA)(A;OICI;FA;;;SY)",
                                                              SDDL_REVISION_1, &sd, nullptr)) {
      throw std::runtime_error("ConvertStringSecurityDescriptorToSecurityDescriptor failed");
    }
    BOOL present = FALSE, defaulted = FALSE;
    PACL dacl = nullptr;
    GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted);
    const DWORD rc = SetNamedSecurityInfoW(const_cast<wchar_t*>(folder.c_str()), SE_FILE_OBJECT,
                                           DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, nullptr,
                                           nullptr, dacl, nullptr);
    LocalFree(sd);
    if (rc != ERROR_SUCCESS) throw std::runtime_error("SetNamedSecurityInfo of the journal's folder failed");
    std::ofstream(std::filesystem::path(journal)) << "1|plan|begin|\n";
    return [folder, journal] {
      DeleteFileW(journal.c_str());
      RemoveDirectoryW(folder.c_str());  // the next Append makes it again, for administrators only
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
