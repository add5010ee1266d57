// Load results of the YAML readers (machine state files, scenario files): one LoadError, one
// Loaded<T>, and the rules both readers share for what a value may be written as.
//
// An error points at FILE:LINE:COL. AttachSource gives it the text it was read from, so that
// ToString can show a quoted excerpt of the line and can never print a column past the line's
// end; ToString escapes every control byte, so a message stays readable on any input.
//
//   fakes::Loaded<int> loaded;
//   loaded.error = fakes::LoadError{"m.yaml", 2, 40, "seed: expected an integer, got 'x'"};
//   fakes::AttachSource(*loaded.error, "os: windows-xp-professional\nseed: x\n");
//   loaded.error->ToString();   // m.yaml:2:8: seed: expected ... \n    near: "seed: x"
//   std::optional<bool> b = fakes::YamlBool("Yes");   // true
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fakes {

// A load error: where it is and what is wrong. line 0 means "no position" (an unreadable file).
struct LoadError {
  std::string file;
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in characters (code points, as editors count them), not bytes
  std::string message;
  std::string source_line = {};  // the text of `line` as read, when known (AttachSource)
  // The error is at a key whose value is not known to be harmless (an unknown key: a password
  // under a misspelt name, say): AttachSource keeps that value out of the excerpt.
  bool value_hidden = false;
  // "FILE:LINE:COL: message", then, when the line is known, "    near: \"excerpt\"" on a line
  // of its own. Control bytes of the message and the excerpt are shown escaped (\x01, \t).
  std::string ToString() const;
};

// A value read from a file, or why it could not be.
template <class T>
struct Loaded {
  std::optional<T> value;
  std::optional<LoadError> error;
  bool ok() const { return value.has_value(); }
};

// Keeps the line `error.line` of `text` in the error (its secrets masked, and with `value_hidden`
// the value of the key the error is at), and brings the position inside the text:
// a line past the end becomes the last line, a column past the line's end becomes the column
// just after its last character (so "FILE:L:C" always names a place that exists).
void AttachSource(LoadError& error, std::string_view text);

// `text` with every byte a terminal or an XML report cannot show as itself written as an escape
// (\t, \n, \r, \x01 ... \x7f; bytes that are not UTF-8, a C1 control and a noncharacter as \xNN
// each byte: fixer::ShowableLength). `quoted`: also `"` and `\`,
// for text shown between double quotes.
std::string EscapeForMessage(std::string_view text, bool quoted = false);

// What the text of a key or a value may not hold, in either reader: bytes that are not UTF-8,
// and control characters other than tab and line ends, C1 (U+0080-U+009F) included (`"control
// character 0 in text"`, `"control character U+0085 in text"`, `"text is not UTF-8"`), a
// noncharacter (`"noncharacter U+FFFE in text"`: YAML 1.2 prints no U+FFFE or U+FFFF) and a
// bidirectional embedding, override or isolate control (`"bidirectional control character U+202E
// in text"`: docs/machine-format.md#text-values); nullopt when the text is fine.
std::optional<std::string> TextProblem(std::string_view text);

// The one rule both readers apply to a YAML boolean: true / false, or yes / no, in any case.
// Anything else (on, off, 1, 0, y, n) is not a boolean.
std::optional<bool> YamlBool(std::string_view text);
inline constexpr std::string_view kYamlBoolWords = "true or false (yes / no)";

}  // namespace fakes
