// UTF-8 as RFC 3629 defines it: the one rule for user text in every reader and writer (the
// machine and scenario file readers refuse other bytes; the JSON, JUnit XML and HTML writers show
// them as \xNN).
//
//   size_t e_acute = fixer::Utf8SequenceLength("caf\xc3\xa9", 3);   // 2
//   size_t latin1 = fixer::Utf8SequenceLength("caf\xe9", 3);        // 0: not UTF-8
//   std::string name = fixer::EscapeNonUtf8("caf\xe9.yaml");         // caf\xe9.yaml, 4 characters for the byte
//   std::string shown = fixer::EscapeForReader("\x1b[2Jhi\n");        // \x1b[2Jhi and the line feed
//   size_t csi = fixer::ShowableLength("\xc2\x9b", 0);                  // 0: U+009B, a C1 control
//   size_t rlo = fixer::ShowableLength("\xe2\x80\xae", 0);              // 0: U+202E, a bidi control
//   char32_t c = fixer::CodePointAt("\xef\xbf\xbe", 0);                  // U+FFFE: fixer::IsNoncharacter(c)
//   size_t three = fixer::CharacterCount("\xc3\xa9\xc3\xa9\xc3\xa9");            // 3 characters, 6 bytes
//   std::string u_umlaut; fixer::AppendUtf8(u_umlaut, 0xFC);                   // "\xc3\xbc"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fixer {

// Appends code point `c` (at most U+10FFFF, not a surrogate) encoded in UTF-8.
void AppendUtf8(std::string& out, char32_t c);

// Length of the UTF-8 sequence that starts at text[i] (i < text.size()): 1 to 4, or 0 when the
// bytes there are not one (a stray continuation byte, a sequence cut short, an overlong form, a
// surrogate, a code point past U+10FFFF).
size_t Utf8SequenceLength(std::string_view text, size_t i);
// Length of the character at text[i] when a reader can be shown it as itself (1 to 4), else 0:
// bytes that are not UTF-8, a control character (C0, tab and line feed included, DEL, and the C1
// controls U+0080-U+009F, which a terminal may obey as it obeys ESC: U+009B is CSI), or a
// noncharacter (U+FDD0-U+FDEF, U+FFFE and U+FFFF of every plane: XML 1.0 forbids U+FFFE and
// U+FFFF, and HTML makes each a parse error), or a bidirectional embedding, override or isolate
// control (U+202A-U+202E, U+2066-U+2069), which reorders the text shown after it: "Trojan Source",
// CVE-2021-42574 (docs/machine-format.md#text-values), or a zero-width space a reader cannot see
// (IsZeroWidthSpace: a byte order mark at the start of a batch file's first command).
size_t ShowableLength(std::string_view text, size_t i);
// The code point of the UTF-8 sequence at text[i], which Utf8SequenceLength found `len` (1 to 4) long.
char32_t CodePointAt(std::string_view text, size_t i);
// U+FDD0-U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE ...).
bool IsNoncharacter(char32_t c);
// U+202A-U+202E (LRE, RLE, PDF, LRO, RLO) and U+2066-U+2069 (LRI, RLI, FSI, PDI).
bool IsBidiControl(char32_t c);
// U+200B (zero width space), U+2060 (word joiner) and U+FEFF (zero width no-break space, the byte
// order mark): no width, no mark, nothing to join; shown as \xNN where a reader is shown text.
bool IsZeroWidthSpace(char32_t c);
// Characters in `text`: code points, a byte that is not UTF-8 counting as one. The unit of every
// column a reader reports (FILE:LINE:COL), as editors count: "ééé" is 3, not 6.
size_t CharacterCount(std::string_view text);
// The byte of `line` where its 1-based character column `column` starts (line.size() past its end).
size_t ByteOfCharacterColumn(std::string_view line, int column);
// `text` with each byte that is not part of a UTF-8 sequence written as `\xNN`, the rest as it
// is: for any report that must be UTF-8 (JSON, JUnit XML, HTML) and shows a name the user gave.
std::string EscapeNonUtf8(std::string_view text);
// The same, and each byte of a character ShowableLength refuses but tab and line feed (ESC, a lone
// CR, DEL, a C1 control, a noncharacter) as `\xNN` too: for text a program printed (a batch
// file's console) or a name a user gave, shown in a report or a terminal, where such a character
// would be a parse error (HTML, XML) or a terminal command.
std::string EscapeForReader(std::string_view text);

}  // namespace fixer
