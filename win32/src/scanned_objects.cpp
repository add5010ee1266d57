// scanned_objects.h: the objects the security port scans.
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include "scanned_objects.h"

#include <iiscnfg.h>

#include "metabase.h"
#include "profile_list.h"
#include "win32_util.h"

namespace win32 {

namespace {

bool IsFolder(const std::wstring& path) {
  DWORD attributes = GetFileAttributesW(path.c_str());
  return attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY);
}

void AddFile(std::vector<ScanRoot>& roots, const std::wstring& path, bool recursive) {
  if (IsFolder(path)) roots.push_back({{fixer::ObjectNamespace::kFile, Narrow(path)}, recursive});
}

void AddKey(std::vector<ScanRoot>& roots, const std::wstring& path, bool recursive) {
  if (auto key = OpenLocalMachineKey(path)) {
    RegCloseKey(*key);
    roots.push_back({{fixer::ObjectNamespace::kRegistry, "HKLM\\" + Narrow(path)}, recursive});
  }
}

void CollectNodes(const std::wstring& path, std::vector<std::wstring>& out) {
  out.push_back(path);
  auto children = MetabaseChildren(path);
  if (!children) return;
  for (const std::wstring& child : *children) CollectNodes(path + L"/" + child, out);
}

}  // namespace

std::wstring WindowsDirectory() {
  wchar_t path[MAX_PATH];
  UINT length = GetWindowsDirectoryW(path, MAX_PATH);
  return std::wstring(path, length > 0 && length < MAX_PATH ? length : 0);
}

std::vector<std::wstring> FrameworkDirectories() {
  const std::wstring base = WindowsDirectory() + L"\\Microsoft.NET\\Framework\\";
  std::vector<std::wstring> dirs;
  WIN32_FIND_DATAW found;
  HANDLE search = FindFirstFileW((base + L"v*").c_str(), &found);
  if (search == INVALID_HANDLE_VALUE) return dirs;
  do {
    if (found.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) dirs.push_back(base + found.cFileName);
  } while (FindNextFileW(search, &found));
  FindClose(search);
  return dirs;
}

std::vector<std::wstring> MetabaseApplicationNodes() {
  std::vector<std::wstring> nodes;
  auto sites = MetabaseChildren(L"/LM/W3SVC");
  if (!sites) return nodes;
  for (const std::wstring& site : *sites) {
    if (site.empty() || !iswdigit(site[0])) continue;  // sites are numbered; Filters, Info... are not
    const std::wstring root = L"/LM/W3SVC/" + site + L"/ROOT";
    if (MetabaseChildren(root)) CollectNodes(root, nodes);
  }
  return nodes;
}

std::vector<ScanRoot> ScanRoots() {
  std::vector<ScanRoot> roots;
  const std::wstring windows = WindowsDirectory();
  for (const wchar_t* folder : {L"\\Temp", L"\\assembly", L"\\System32"}) AddFile(roots, windows + folder, false);
  for (const std::wstring& framework : FrameworkDirectories()) {
    AddFile(roots, framework, false);
    AddFile(roots, framework + L"\\Temporary ASP.NET Files", true);
  }
  AddFile(roots, windows.substr(0, 2) + L"\\Inetpub", false);
  for (const std::wstring& node : MetabaseApplicationNodes()) {
    if (auto path = ReadMetabaseString(node, MD_VR_PATH); path && *path) AddFile(roots, **path, true);
  }
  if (auto list = OpenLocalMachineKey(kProfileListKey)) {
    RegKey owner(*list);
    if (auto sids = SubkeyNames(owner.get())) {
      for (const std::wstring& sid : *sids) {
        RegKey entry;
        if (RegOpenKeyExW(owner.get(), sid.c_str(), 0, KEY_READ, entry.out()) != ERROR_SUCCESS) continue;
        if (auto folder = ProfileFolderOf(entry.get())) AddFile(roots, *folder, false);
      }
    }
  }
  AddKey(roots, L"SOFTWARE\\Microsoft\\ASP.NET", true);
  AddKey(roots, L"SYSTEM\\CurrentControlSet\\Services\\ASP.NET", true);
  AddKey(roots, L"SOFTWARE\\Microsoft\\.NETFramework", false);
  if (MetabaseChildren(L"/LM/W3SVC")) roots.push_back({{fixer::ObjectNamespace::kMetabase, "/LM/W3SVC"}, false});
  for (const std::wstring& node : MetabaseApplicationNodes()) {
    roots.push_back({{fixer::ObjectNamespace::kMetabase, Narrow(node)}, false});
  }
  return roots;
}

}  // namespace win32
