// ShortName: the 8.3 name (its "short name") an NTFS folder or file is also reached by, as
// GetShortPathName gives it for one part of a path: `Documents and Settings` is `DOCUME~1`, the
// profile folder `Administrator` is `ADMINI~1`; a name that is already a legal 8.3 name is its
// own (`bob`). Windows counts characters here (UTF-16 code units), never bytes: `Jérôme-Dupont`
// is `JRME-D~1`, and a name with at most two characters an 8.3 name may hold gets the checksum
// of the whole name in four hex digits (`Иван` is `6524~1`). docs/windows-reference.md#short-names.
//
//   std::string temp = "C:\\" + fakes::ShortName("Documents and Settings") + "\\" +
//                      fakes::ShortName("Administrator") + "\\" + fakes::ShortName("Local Settings");
//   // "C:\DOCUME~1\ADMINI~1\LOCALS~1"
//   bool kept = fakes::ShortName("bob") == "bob";   // a legal 8.3 name keeps its case
#pragma once

#include <string>
#include <string_view>

namespace fakes {

// The short name of the UTF-8 name `long_name` (one part of a path, no `\`): the name itself when
// it is a legal 8.3 name (ASCII, at most 8 characters, a dot and at most 3 more, none of
// `"*+,/:;<=>?[\]|` nor a space), else the first name RtlGenerate8dot3Name makes for it (`~1`),
// without extended characters, as NTFS makes it by default.
std::string ShortName(std::string_view long_name);

}  // namespace fakes
