// Utf8ToUtf16: the UTF-16 text Windows sees for a UTF-8 string of ours.
//
// Windows counts and hashes passwords and account names as WCHARs (UTF-16 code units), so
// length limits, the password rules and the NT hash work on this form. A sequence is UTF-8 as
// fixer::Utf8SequenceLength says (fixer/utf8.h); each byte that is not part of one is taken as
// Latin-1 (one code unit per byte), so any input maps to something sensible.
//
//   std::u16string w = fixer::Utf8ToUtf16("1pass@word");   // 10 code units
//   bool fits = w.size() <= 20;                             // the account-name limit
//   bool long_enough = fixer::Utf16Length("1pass@word") >= 7;  // the same count, nothing built
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fixer {

std::u16string Utf8ToUtf16(std::string_view utf8);
// The same units into `out`, which has room for utf8.size() of them (a UTF-8 text never has
// more UTF-16 units than bytes); returns how many were written.
size_t Utf8ToUtf16(std::string_view utf8, char16_t* out);
// How many units Utf8ToUtf16 gives, without building them (a length as Windows counts it).
size_t Utf16Length(std::string_view utf8);

}  // namespace fixer
