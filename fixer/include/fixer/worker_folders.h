// The folders a started ASP.NET 1.0 worker needs, and the access it needs in each: KB 811320's
// list in the order the worker meets them (Temporary ASP.NET Files, %WINDIR%\Temp, the ASP.NET 1.0
// folder, the global assembly cache %WINDIR%\assembly, %WINDIR%\System32), then each application's
// folder. The fixer's folder precondition checks them; a capture
// reads their DACLs, so the capture gets the verdict the machine gets.
//
//   const std::vector<fixer::ApplicationInfo> apps = {{.path = "/LM/W3SVC/1/ROOT/shop",
//                                                      .physical_path = R"(C:\Inetpub\wwwroot\shop)"}};
//   for (const fixer::WorkerFolder& f :
//        fixer::FoldersTheWorkerNeeds(R"(C:\WINDOWS)", R"(C:\WINDOWS\Microsoft.NET\Framework\v1.0.3705)", apps)) {
//     bool reads_only = f.mask == fixer::kFileGenericRead;  // Temporary ASP.NET Files first: modify
//   }
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/ports/aspnet.h"
#include "fixer/ports/security.h"

namespace fixer {

// One folder the worker needs, the access it needs there, and what register grants it there.
struct WorkerFolder {
  std::string path;
  uint32_t mask;                  // the access the worker needs
  std::string_view access;        // "read", "modify"
  uint32_t register_grants;       // what register (aspnet_regiis -i) grants the worker; 0: nothing
  std::string_view what;          // "the application folder"
  std::string_view precondition;  // the one it fails: "site-folder-access", "aspnet-folder-access"
};

inline constexpr std::string_view kSiteFolderAccess = "site-folder-access";
inline constexpr std::string_view kAspNetFolderAccess = "aspnet-folder-access";

// `windows_folder` (%WINDIR%) and `framework_folder` (ASP.NET 1.0's) may be empty: their folders
// are left out; an application without a physical path is too.
std::vector<WorkerFolder> FoldersTheWorkerNeeds(const std::string& windows_folder, const std::string& framework_folder,
                                                const std::vector<ApplicationInfo>& apps);

}  // namespace fixer
