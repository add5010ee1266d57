// FoldersTheWorkerNeeds: KB 811320's list of what the worker account needs, the global assembly
// cache and System32 among them, each judged by the same precondition as the ASP.NET 1.0 folder.
#include "fixer/worker_folders.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace {

constexpr const char* kWindows = R"(C:\WINDOWS)";
constexpr const char* kFramework = R"(C:\WINDOWS\Microsoft.NET\Framework\v1.0.3705)";

const fixer::WorkerFolder* Find(const std::vector<fixer::WorkerFolder>& needs, const std::string& path) {
  auto it = std::find_if(needs.begin(), needs.end(), [&](const fixer::WorkerFolder& f) { return f.path == path; });
  return it == needs.end() ? nullptr : &*it;
}

TEST(WorkerFolders, TheGlobalAssemblyCacheAndSystem32AreReadAsTheFrameworkFolderIs) {
  const auto needs = fixer::FoldersTheWorkerNeeds(kWindows, kFramework, {});
  const fixer::WorkerFolder* framework = Find(needs, kFramework);
  ASSERT_NE(framework, nullptr);
  for (const char* path : {R"(C:\WINDOWS\assembly)", R"(C:\WINDOWS\System32)"}) {
    const fixer::WorkerFolder* folder = Find(needs, path);
    ASSERT_NE(folder, nullptr) << path;
    EXPECT_EQ(folder->mask, fixer::kFileGenericRead) << path;
    EXPECT_EQ(folder->access, "read") << path;
    EXPECT_EQ(folder->precondition, fixer::kAspNetFolderAccess) << path;
    EXPECT_EQ(folder->register_grants, framework->register_grants) << path;  // read and execute, as register grants
  }
  EXPECT_EQ(Find(needs, R"(C:\WINDOWS\assembly)")->what, "the global assembly cache");
  EXPECT_EQ(Find(needs, R"(C:\WINDOWS\System32)")->what, "the System32 folder");
}

TEST(WorkerFolders, NoWindowsFolderLeavesItsFoldersOut) {
  const auto needs = fixer::FoldersTheWorkerNeeds("", kFramework, {});
  EXPECT_EQ(Find(needs, R"(\assembly)"), nullptr);
  EXPECT_EQ(Find(needs, R"(\System32)"), nullptr);
  ASSERT_EQ(needs.size(), 2u);  // Temporary ASP.NET Files and the framework folder
  EXPECT_EQ(needs[1].path, kFramework);
}

}  // namespace
