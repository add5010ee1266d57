// A file path as Win32 normalises it: "C:/a//b\.\c\..\d." -> "C:\a\b\d" (a trailing '\' goes too,
// but a root's). One folder spelled two ways ("C:\Inetpub\wwwroot\shop\", "c:\inetpub\WWWROOT\Shop")
// is one object: the fake's object store keys files by it, and a capture writes each folder once by it.
//
//   std::string normal = fixer::NormalFilePath(R"(C:\Inetpub\wwwroot\shop\)");  // "C:\Inetpub\wwwroot\shop"
//   bool same = fixer::SameFilePath(R"(C:\Inetpub\wwwroot\shop\)", R"(c:\inetpub\WWWROOT\Shop)");  // true
//   std::string why = fixer::FilePathFault(R"(C:\Data\a|b)");  // "a file name may not hold ..."
#pragma once

#include <string>
#include <string_view>

namespace fixer {

std::string NormalFilePath(std::string_view path);
// The normal forms compared without case, as Windows compares file names.
bool SameFilePath(std::string_view a, std::string_view b);

// Why no Windows file or folder can have `path` as its full path, or "" when one can: it starts
// with a drive letter, a colon and a separator ("C:\", '/' as '\'), and no name in it holds
// < > : " | ? * or a control character ("Naming Files, Paths, and Namespaces"). A name Windows
// refuses so answers 123 ERROR_INVALID_NAME (GetNamedSecurityInfo, SetNamedSecurityInfo).
std::string FilePathFault(std::string_view path);
// Whether a name of `path` (past a drive's "C:") holds one of < > : " | ? * or a control character.
bool HoldsCharacterNoFileNameHolds(std::string_view path);

}  // namespace fixer
