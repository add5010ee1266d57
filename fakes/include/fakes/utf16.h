// Utf8ToUtf16: the UTF-16 text Windows sees for a UTF-8 string of ours.
//
// Windows counts and hashes passwords and account names as WCHARs (UTF-16 code units), so
// length limits and the NT hash work on this form. Bytes that are not valid UTF-8 are taken
// as Latin-1 (one code unit per byte), so any input maps to something sensible.
//
//   std::u16string w = fakes::Utf8ToUtf16("1pass@word");   // 10 code units
//   bool fits = w.size() <= 20;                             // the account-name limit
#pragma once

#include <string>
#include <string_view>

namespace fakes {

std::u16string Utf8ToUtf16(std::string_view utf8);

}  // namespace fakes
