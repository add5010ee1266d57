// A value an error message quotes as it was given (a machine or scenario file's scalar or key, a
// journal's field, an option's value): at most kQuotedValueBytes bytes of it, as much as the
// excerpt of a line an error shows, so a 1 MB scalar makes no 1 MB message. A longer value is cut
// at the end of a character (a UTF-8 sequence is never split) and the cut is said.
//
//   std::string short_one = fixer::QuotedValue("x");                  // 'x'
//   std::string long_one = fixer::QuotedValue(std::string(100, 'a'));  // 'aaa...a'... (60 of 100 bytes shown)
//   std::string shown = fixer::CappedValue(std::string(100, 'a'));    // aaa...a... (60 of 100 bytes shown)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fixer {

// How many bytes of a value, or of a line, an error message shows at most.
inline constexpr size_t kQuotedValueBytes = 60;
// How many bytes of a whole line of text a report shows at most, cut as a value is: a line a
// batch file printed (`run -v`'s console), a change's path (`~ objects[file C:\...].acl[...]`).
// Wider than a value, so the paths and console lines of a real run show whole.
inline constexpr size_t kShownLineBytes = 200;

// The first bytes of `value` that a message shows: all of it when it has at most `max_bytes`,
// else as many whole characters as fit in that many bytes.
std::string_view ShownPartOf(std::string_view value, size_t max_bytes = kQuotedValueBytes);

// `value` between single quotes, cut as ShownPartOf cuts it; a cut value is followed by
// `... (N of M bytes shown)`. What would show as nothing is escaped: an invisible character (the
// byte-order mark, a zero-width space, a direction mark) as \uXXXX, a control character as \xNN:
//   fixer::QuotedValue("\xEF\xBB\xBFos")   // '\uFEFFos'
std::string QuotedValue(std::string_view value);

// The same without the quotes: for a value the message marks otherwise (`--case fail@7...`); a
// line of text cut at kShownLineBytes:
//   std::string line = fixer::CappedValue(std::string(300, 'a'), fixer::kShownLineBytes);   // ... (200 of 300 bytes
//   shown)
std::string CappedValue(std::string_view value, size_t max_bytes = kQuotedValueBytes);

}  // namespace fixer
