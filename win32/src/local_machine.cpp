// win32::OpenLocalMachine: the Win32 ports bundled as a fixer::Backend. Windows keeps every
// change as the call returns, so there is nothing to flush between changes or at the end.
#include <objbase.h>

#include <utility>

#include "fixer/stopping_journal.h"

#include "win32/local_machine.h"
#include "win32_ports.h"

namespace win32 {

namespace {

class LocalMachine : public fixer::Backend {
 public:
  explicit LocalMachine(std::function<const char*()> stop_requested)
      : stopping_journal_(journal_, std::move(stop_requested), [this] { return changes_.changed(); }) {}
  fixer::Ports& ports() override { return ports_; }
  fixer::Status BeginChanges() override { return {}; }  // each change is durable as its call returns
  fixer::Status EndChanges() override { return {}; }
  bool Changed() const override { return changes_.changed(); }

 private:
  ChangeFlag changes_;
  Win32Services services_{changes_};
  Win32Accounts accounts_{changes_};
  Win32Rights rights_{changes_};
  Win32Secrets secrets_{changes_};
  Win32Profiles profiles_{changes_};
  Win32Logon logon_{changes_};
  Win32Security security_{changes_};
  Win32AspNet aspnet_{changes_};
  Win32Inventory inventory_;
  Win32PasswordPolicy policy_;
  Win32Journal journal_{changes_};
  // A stop the user asked for takes effect right after a journal record, or before the first change.
  fixer::StoppingJournal stopping_journal_;
  Win32EventLog events_{changes_};
  Win32Random random_;
  Win32WebProbe web_{events_};
  fixer::Ports ports_{services_, accounts_,  rights_, secrets_,          profiles_, logon_,  security_,
                      aspnet_,   inventory_, policy_, stopping_journal_, events_,   random_, web_};
};

}  // namespace

std::unique_ptr<fixer::Backend> OpenLocalMachine(std::string& error, std::function<const char*()> stop_requested) {
  // COM for the IIS metabase (metabase.h). S_FALSE: this thread had it already.
  if (HRESULT hr = CoInitializeEx(nullptr, COINIT_MULTITHREADED); FAILED(hr)) {
    error = fixer::Status::Explained(HRESULT_CODE(hr), "COM could not start (CoInitializeEx)").ToString();
    return nullptr;
  }
  return std::make_unique<LocalMachine>(std::move(stop_requested));
}

}  // namespace win32

// Windows XP's kernel32 has no GetTickCount64 (Vista and later), but the posix runtime's
// libwinpthread (its timed waits, misc.o) imports it, and a missing import stops the .exe from
// loading at all. Defining the import slot here, in an object every user of OpenLocalMachine
// links, satisfies libwinpthread's reference before kernel32's import library is searched, so
// the .exe imports no GetTickCount64 (scripts/build-windows.sh checks win32/imports-allowed.txt).
// QueryPerformanceCounter (Windows 2000) gives the same monotonic milliseconds.
extern "C" {
static ULONGLONG WINAPI FixupTickCount64() {
  LARGE_INTEGER frequency, now;
  QueryPerformanceFrequency(&frequency);
  QueryPerformanceCounter(&now);
  return static_cast<ULONGLONG>(now.QuadPart / frequency.QuadPart * 1000 +
                                now.QuadPart % frequency.QuadPart * 1000 / frequency.QuadPart);
}
#ifdef _WIN64
ULONGLONG(WINAPI* fixup_tick_count64_slot)() __asm__("__imp_GetTickCount64") = FixupTickCount64;
#else
ULONGLONG(WINAPI* fixup_tick_count64_slot)() __asm__("__imp__GetTickCount64@0") = FixupTickCount64;
#endif
}
