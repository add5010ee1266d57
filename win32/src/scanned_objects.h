// Which objects the Win32 security port scans for ACEs naming a SID: Windows has no index of
// ACEs by SID, so FindAces reads the objects ASP.NET and the fixer touch (docs/windows.md,
// "Objects scanned"):
//   files:    %windir%\Temp, %windir%\assembly, %windir%\System32 (each folder itself);
//             %windir%\Microsoft.NET\Framework\v* (itself) and its Temporary ASP.NET Files (tree);
//             %SystemDrive%\Inetpub (itself), every IIS application's folder (tree);
//             every profile folder in ProfileList (itself)
//   registry: HKLM\SOFTWARE\Microsoft\ASP.NET (tree), HKLM\SYSTEM\CurrentControlSet\Services\ASP.NET
//             (tree), HKLM\SOFTWARE\Microsoft\.NETFramework (itself)
//   metabase: the AdminACL of /LM/W3SVC and of every node under each site's ROOT
//
//   for (const win32::ScanRoot& root : win32::ScanRoots()) ...   // root.recursive: its whole tree
#pragma once

#include <string>
#include <vector>

#include "fixer/ports/security.h"

namespace win32 {

struct ScanRoot {
  fixer::ObjectRef object;
  bool recursive = false;
};

// The roots above that exist on this machine (a missing folder or key is left out).
std::vector<ScanRoot> ScanRoots();

// The Windows directory ("C:\WINDOWS") and the folders of the installed frameworks.
std::wstring WindowsDirectory();
std::vector<std::wstring> FrameworkDirectories();  // "C:\WINDOWS\Microsoft.NET\Framework\v1.0.3705", ...
// Every metabase node under /LM/W3SVC/<site>/ROOT, the ROOTs included; empty without IIS.
std::vector<std::wstring> MetabaseApplicationNodes();

}  // namespace win32
