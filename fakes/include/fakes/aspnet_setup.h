// ASP.NET on a fake machine: framework installation and aspnet_regiis -i.
//
// Register (aspnet_regiis -i) for a version: creates ASPNET ("aspnet_wp account", comment
// "Account used for running the ASP.NET worker process (aspnet_wp.exe)") if absent, in Users
// only; gives it a new random password from the machine's randomness, stored in the LSA secret
// fixer::kAspNetWorkerSecret; flags password-never-expires and cannot-change-password; grants
// SeBatchLogonRight, SeServiceLogonRight, SeDenyInteractiveLogonRight,
// SeDenyRemoteInteractiveLogonRight [docs/windows-reference.md#choice-aspnet-rights]; applies the
// default ACLs of docs/windows-reference.md#fresh-install
// (Temporary ASP.NET Files and %windir%\Temp Full Control; framework folder, GAC, System32 Read;
// its profile folder Read/Write if it has one); maps applications pointing to an older
// version to this one. Does not create a profile. 2 if the framework or its tools are absent.
//
//   fixer::Status installed = fakes::AspNetSetup(machine).InstallFramework("1.0.3705");  // files, service, Register
//   fixer::Status registered = fakes::AspNetSetup(machine).Register("1.0.3705");
#pragma once

#include <string>

#include "fakes/machine.h"

namespace fakes {

class AspNetSetup {
 public:
  explicit AspNetSetup(Machine& machine) : m_(machine) {}

  // Framework folder and files (mscorlib.dll, aspnet_regiis.exe, CONFIG\machine.config,
  // Temporary ASP.NET Files), the aspnet_state service, then Register.
  fixer::Status InstallFramework(const std::string& version);
  // The same, whatever setup would answer on this OS: a framework a capture found on its machine
  // (a v1.0.3705 folder left over or copied to XP x64, where 1.0's setup fails with 1603, and which
  // aspnet-fixer.exe reads as installed: choice-captured-framework-kept).
  fixer::Status PlaceFramework(const std::string& version);
  fixer::Status Register(const std::string& version);
  // aspnet_regiis -sn <path> of `version` (-kn when empty): that application's maps only.
  fixer::Status SetScriptMap(const std::string& path, const std::string& version);
  // %windir%\Microsoft.NET\Framework\v<version>
  std::string FrameworkDir(const std::string& version) const;

 private:
  Machine& m_;
};

// 1603 where the .NET Framework setup of `version` refuses this Windows (1.0 on 64-bit Windows;
// 1.1 installs there under WOW64), Ok elsewhere: the loader's and the installer's one rule.
fixer::Status FrameworkInstallsOn(fixer::OsEdition os, const std::string& version);

}  // namespace fakes
