// The contract suite's factory in ctest: a fake machine (fakes::MachineBackend) per test, a
// fresh install of XP Professional SP1 with ASP.NET 1.0. Mutating tests are allowed: the
// machine lives only in memory.
#include "../backend_factory.h"

#include <stdexcept>

#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"
#include "fakes/objects.h"
#include "fixer/win_error.h"

namespace ports_contract {
namespace {

// The one file MakeScratchFile puts in a scratch folder, removed with it.
constexpr const char* kScratchFileName = R"(\fxsim_contract_scratch.txt)";

// A MachineBackend that owns its machine.
class OwnedFake : public fixer::Backend {
 public:
  explicit OwnedFake(fakes::MachineState state) : machine_(std::move(state)), inner_(machine_) {}
  fixer::Ports& ports() override { return inner_.ports(); }
  fixer::Status BeginChanges() override { return inner_.BeginChanges(); }
  fixer::Status EndChanges() override { return inner_.EndChanges(); }
  bool Changed() const override { return inner_.Changed(); }
  fakes::Machine& machine() { return machine_; }

 private:
  fakes::Machine machine_;
  fakes::MachineBackend inner_;
};

class FakeFactory : public BackendFactory {
 public:
  std::unique_ptr<fixer::Backend> Make() override {
    auto loaded = fakes::LoadMachineText("frameworks: [1.0]\n", "contract.yaml");
    if (!loaded.ok()) throw std::runtime_error(loaded.error->ToString());
    return std::make_unique<OwnedFake>(std::move(*loaded.value));
  }
  std::unique_ptr<fixer::Backend> MakeIis6() override {
    auto loaded = fakes::LoadMachineText("os: windows-server-2003\nframeworks: [1.1]\n", "contract-iis6.yaml");
    if (!loaded.ok()) throw std::runtime_error(loaded.error->ToString());
    return std::make_unique<OwnedFake>(std::move(*loaded.value));
  }
  std::string Kind() const override { return "fake"; }
  bool MutatingAllowed() const override { return true; }
  std::string MakeScratchFolder(fixer::Backend& backend) override {
    const std::string path = R"(C:\fxsim_contract_scratch)";
    fakes::ObjectStore store(static_cast<OwnedFake&>(backend).machine());
    (void)store.Create(fixer::ObjectNamespace::kFile, path, true, fixer::Sid::Administrators(), {});
    return path;
  }
  std::string MakeScratchFile(fixer::Backend& backend, const std::string& folder) override {
    const std::string path = folder + kScratchFileName;
    fakes::ObjectStore store(static_cast<OwnedFake&>(backend).machine());
    (void)store.Create(fixer::ObjectNamespace::kFile, path, false, fixer::Sid::Administrators(), {});
    return path;
  }
  std::function<void()> MakeJournalUnreadable(fixer::Backend& backend) override {
    fakes::Machine& machine = static_cast<OwnedFake&>(backend).machine();
    machine.faults().Add({.op = "journal.load", .nth = 1, .error = fixer::kErrorLockViolation, .read = true});
    return [&machine] { machine.set_faults(fakes::FaultPlan()); };
  }
  std::function<void()> PlantJournalInAFolderEveryoneCanWrite(fixer::Backend&) override { return {}; }
  void RemoveScratchFolder(fixer::Backend& backend, const std::string& path) override {
    fakes::ObjectStore store(static_cast<OwnedFake&>(backend).machine());
    (void)store.Erase({fixer::ObjectNamespace::kFile, path + kScratchFileName});
    (void)store.Erase({fixer::ObjectNamespace::kFile, path});
  }
};

}  // namespace

BackendFactory& Factory() {
  static FakeFactory factory;
  return factory;
}

}  // namespace ports_contract
