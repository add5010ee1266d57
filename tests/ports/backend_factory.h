// BackendFactory: what the port contract suite (tests/ports/) runs against. Each test binary
// links one factory: the fake machine in ctest (fake/fake_factory.cpp), the real machine in
// port_contract_tests.exe (win32/win32_factory.cpp), and every test asks it for a fresh backend.
//
//   ports_contract::BackendFactory& factory = ports_contract::Factory();
//   std::unique_ptr<fixer::Backend> backend = factory.Make();
//   if (!factory.MutatingAllowed()) { /* read-only tests only */ }
//   fixer::Status st = backend->ports().accounts.Lookup("Administrator").status();
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "fixer/backend.h"

namespace ports_contract {

class BackendFactory {
 public:
  virtual ~BackendFactory() = default;
  // A backend over a machine as it is now (the fake: a fresh one for every test).
  virtual std::unique_ptr<fixer::Backend> Make() = 0;
  // A backend over a Windows Server 2003 whose IIS 6.0 is as setup left it (DefaultAppPool alone),
  // for the application pool tests; null where the factory can make none (the real machine is
  // the one the suite runs on: those tests read it, and skip where it has no IIS 6.0).
  virtual std::unique_ptr<fixer::Backend> MakeIis6() { return nullptr; }
  // "fake" or "win32": the first column of the divergence list (divergences.h).
  virtual std::string Kind() const = 0;
  // Whether tests that create and delete their own test user (and touch nothing else) may run.
  virtual bool MutatingAllowed() const = 0;
  // A new empty folder the mutating tests may put ACEs on, and its removal afterwards.
  virtual std::string MakeScratchFolder(fixer::Backend& backend) = 0;
  virtual void RemoveScratchFolder(fixer::Backend& backend, const std::string& path) = 0;
  // A new empty file in a scratch folder, removed with the folder.
  virtual std::string MakeScratchFile(fixer::Backend& backend, const std::string& folder) = 0;
  // Makes the next Journal::Load of `backend` fail in its read of the journal (which exists):
  // Windows: another handle locks the whole file, so ReadFile fails with ERROR_LOCK_VIOLATION
  // (learn.microsoft.com, ReadFile and LockFile). The answer undoes it.
  virtual std::function<void()> MakeJournalUnreadable(fixer::Backend& backend) = 0;
  // Puts a journal (one line) in a journal folder everyone may write: Windows, a DACL granting
  // Everyone full control set on the folder (SetNamedSecurityInfo), as a folder another user made
  // before the tool would have. The answer removes the journal and the folder. An empty answer:
  // the backend keeps its journal in no folder (the fake: in the machine file).
  virtual std::function<void()> PlantJournalInAFolderEveryoneCanWrite(fixer::Backend& backend) = 0;
};

// The factory this binary was linked with.
BackendFactory& Factory();

}  // namespace ports_contract
