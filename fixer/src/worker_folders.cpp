#include "fixer/worker_folders.h"

#include "fixer/ports/security.h"

namespace fixer {
namespace {

// GENERIC_READ | GENERIC_EXECUTE: what register grants the worker on the framework folder.
constexpr uint32_t kGenericReadExecute = 0xA0000000;

}  // namespace

std::vector<WorkerFolder> FoldersTheWorkerNeeds(const std::string& windows_folder, const std::string& framework_folder,
                                                const std::vector<ApplicationInfo>& apps) {
  std::vector<WorkerFolder> needs;
  if (!framework_folder.empty()) {
    needs.push_back({framework_folder + "\\Temporary ASP.NET Files", kFileModify, "modify", kFileAllAccess,
                     "ASP.NET's temporary folder", kAspNetFolderAccess});
  }
  if (!windows_folder.empty()) {
    needs.push_back({windows_folder + "\\Temp", kFileModify, "modify", kFileAllAccess, "the Windows temporary folder",
                     kAspNetFolderAccess});
  }
  if (!framework_folder.empty()) {
    needs.push_back({framework_folder, kFileGenericRead, "read", kGenericReadExecute, "the ASP.NET 1.0 folder",
                     kAspNetFolderAccess});
  }
  for (const ApplicationInfo& app : apps) {
    if (!app.physical_path.empty()) {
      needs.push_back({app.physical_path, kFileGenericRead, "read", 0, "the application folder", kSiteFolderAccess});
    }
  }
  return needs;
}

}  // namespace fixer
