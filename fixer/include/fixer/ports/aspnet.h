// AspNet: installed ASP.NET frameworks, their processModel identity, IIS applications,
// re-registration (aspnet_regiis -i) and one application's script maps (-sn, -kn).
//
// Real backend: reads %windir%\Microsoft.NET\Framework\v<ver>\CONFIG\machine.config and the
// metabase; runs that framework's aspnet_regiis.exe.
//
//   for (const fixer::FrameworkInfo& fw : *aspnet.Frameworks())
//     if (fw.version == fixer::kFramework10) logger->info("1.0 runs as {}", fw.process_model.user_name);  // "machine"
//   fixer::Status st = aspnet.Register("1.0.3705");   // new random ASPNET password, default rights and ACLs
//   st = aspnet.SetScriptMap("/LM/W3SVC/1/ROOT/shop", "");  // the shop's ASP.NET maps removed again
#pragma once

#include <string>
#include <vector>

#include "fixer/result.h"

namespace fixer {

inline constexpr std::string_view kFramework10 = "1.0.3705";
inline constexpr std::string_view kFramework11 = "1.1.4322";

// The local account aspnet_wp.exe runs as under processModel userName="machine" (aspnet_regiis -i
// creates it).
inline constexpr std::string_view kMachineWorkerAccount = "ASPNET";

// The <processModel> attributes as written in machine.config.
struct ProcessModelConfig {
  std::string user_name = "machine";      // "machine", "SYSTEM", "DOMAIN\user", "registry:..."
  std::string password = "AutoGenerate";  // "AutoGenerate", clear text, or "registry:..."
  // enable="false": no aspnet_wp.exe; ASP.NET runs inside inetinfo.exe, as LocalSystem, and
  // userName and password are not used (ProcessModelSection.Enable).
  bool enable = true;
  friend bool operator==(const ProcessModelConfig&, const ProcessModelConfig&) = default;
};

struct FrameworkInfo {
  std::string version;        // "1.0.3705"
  bool tools_present = true;  // aspnet_regiis.exe and mscorlib.dll are on disk
  ProcessModelConfig process_model;
  std::string folder;  // "C:\WINDOWS\Microsoft.NET\Framework\v1.0.3705": where it is installed
  friend bool operator==(const FrameworkInfo&, const FrameworkInfo&) = default;
};

enum class SessionStateMode { kOff, kInProc, kStateServer, kSqlServer };
std::string_view ToString(SessionStateMode m);

struct ApplicationInfo {
  std::string path;               // metabase path "/LM/W3SVC/1/ROOT/app"
  std::string physical_path;      // "C:\Inetpub\wwwroot\app"
  std::string framework_version;  // the version its script maps point to
  SessionStateMode session_state = SessionStateMode::kInProc;
  friend bool operator==(const ApplicationInfo&, const ApplicationInfo&) = default;
};

class AspNet {
 public:
  virtual ~AspNet() = default;
  virtual Result<std::vector<FrameworkInfo>> Frameworks() = 0;
  virtual Result<std::vector<ApplicationInfo>> Applications() = 0;
  // The account name an aspnet_setreg "registry:HKLM\...,Name" reference holds.
  // 2 if the key or value is missing.
  virtual Result<std::string> ResolveRegistryCredential(const std::string& reference) = 0;
  // aspnet_regiis -i of `version`: creates ASPNET if absent, sets a new random password and
  // stores it in the LSA secret, grants the default rights and ACLs, updates script maps that
  // point to an older version. 2 if that framework's tools are missing.
  virtual Status Register(const std::string& version) = 0;
  // Points the script maps of the application at `path` (a metabase path, "/LM/W3SVC/1/ROOT/app"),
  // and not those below it, to `version`: that version's aspnet_regiis -sn; an empty version
  // removes its ASP.NET maps (aspnet_regiis -kn). 2 if that framework's tools are missing,
  // 3 if no application has that path.
  virtual Status SetScriptMap(const std::string& path, const std::string& version) = 0;
};

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class AspNetWrapper : public AspNet {
 public:
  explicit AspNetWrapper(AspNet& target) : target_(target) {}
  AspNet& target() { return target_; }
  Result<std::vector<FrameworkInfo>> Frameworks() override { return target_.Frameworks(); }
  Result<std::vector<ApplicationInfo>> Applications() override { return target_.Applications(); }
  Result<std::string> ResolveRegistryCredential(const std::string& reference) override {
    return target_.ResolveRegistryCredential(reference);
  }
  Status Register(const std::string& version) override { return target_.Register(version); }
  Status SetScriptMap(const std::string& path, const std::string& version) override {
    return target_.SetScriptMap(path, version);
  }

 private:
  AspNet& target_;
};

}  // namespace fixer
