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
  // KB 811320's "%windir%\assembly: Read" and MSDN's System32 Read; register grants read and
  // execute on both.
  if (!windows_folder.empty()) {
    needs.push_back({windows_folder + "\\assembly", kFileGenericRead, "read", kGenericReadExecute,
                     "the global assembly cache", kAspNetFolderAccess});
    needs.push_back({windows_folder + "\\System32", kFileGenericRead, "read", kGenericReadExecute,
                     "the System32 folder", kAspNetFolderAccess});
  }
  for (const ApplicationInfo& app : apps) {
    if (!app.physical_path.empty()) {
      needs.push_back({app.physical_path, kFileGenericRead, "read", 0, "the application folder", kSiteFolderAccess});
    }
  }
  return needs;
}

}  // namespace fixer
