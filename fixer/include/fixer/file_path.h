// A file path as Win32 normalises it: "C:/a//b\.\c\..\d." -> "C:\a\b\d" (a trailing '\' goes too,
// but a root's). One folder spelled two ways ("C:\Inetpub\wwwroot\shop\", "c:\inetpub\WWWROOT\Shop")
// is one object: the fake's object store keys files by it, and a capture writes each folder once by it.
//
//   std::string normal = fixer::NormalFilePath(R"(C:\Inetpub\wwwroot\shop\)");  // "C:\Inetpub\wwwroot\shop"
//   bool same = fixer::SameFilePath(R"(C:\Inetpub\wwwroot\shop\)", R"(c:\inetpub\WWWROOT\Shop)");  // true
#pragma once

#include <string>
#include <string_view>

namespace fixer {

std::string NormalFilePath(std::string_view path);
// The normal forms compared without case, as Windows compares file names.
bool SameFilePath(std::string_view a, std::string_view b);

}  // namespace fixer
