// LoadError's formatting and the shared value rules of the YAML readers (load_result.h).
#include "fakes/load_result.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "excerpt_secret_spans.h"
#include "excerpt_secrets.h"
#include "fakes/state.h"
#include "fixer/masked_secret.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "fixer/utf8.h"

namespace fakes {
namespace {

std::string Hex(unsigned char c) {
  char buf[5];
  std::snprintf(buf, sizeof buf, "\\x%02x", c);
  return buf;
}

// At most this many bytes of the line around the column are shown, as of a value a message quotes.
constexpr size_t kExcerptWidth = fixer::kQuotedValueBytes;

std::string Excerpt(const std::string& line, int column) {
  const size_t at = fixer::ByteOfCharacterColumn(line, column);  // the column counts characters
  // The whole line when it fits; else a window around the column, full up to the line's end.
  size_t begin = at > kExcerptWidth / 2 ? at - kExcerptWidth / 2 : 0;
  if (line.size() <= kExcerptWidth)
    begin = 0;
  else
    begin = std::min(begin, line.size() - kExcerptWidth);
  size_t end = std::min(line.size(), begin + kExcerptWidth);
  // Do not cut a UTF-8 sequence in two.
  while (begin > 0 && begin < line.size() && (static_cast<unsigned char>(line[begin]) & 0xc0) == 0x80) --begin;
  while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xc0) == 0x80) ++end;
  return std::string(begin > 0 ? "..." : "") + "\"" + EscapeForMessage(line.substr(begin, end - begin), true) + "\"" +
         (end < line.size() ? "..." : "");
}

}  // namespace

std::string EscapeForMessage(std::string_view text, bool quoted) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t')
      out += "\\t";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (quoted && (c == '"' || c == '\\'))
      out += std::string("\\") + static_cast<char>(c);
    else if (c < 0x20 || c == 0x7f)
      out += Hex(c);
    else if (const size_t len = fixer::ShowableLength(text, i); len == 0)  // C1, a noncharacter, not UTF-8
      out += Hex(c);
    else {
      out.append(text.substr(i, len));
      i += len;
      continue;
    }
    ++i;
  }
  return out;
}

// YAML cannot write these back as they were read (found by fuzz/machine_yaml_fuzzer.cpp: a NUL
// in a path did not survive save and load).
std::optional<std::string> TextProblem(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    // C0 and DEL by their code point, as the C1 controls below and every character a message names.
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
      char name[8];
      std::snprintf(name, sizeof name, "U+%04X", c);
      return "control character " + std::string(name) + " in text";
    }
    const size_t len = fixer::Utf8SequenceLength(text, i);
    if (len == 0) return std::string("text is not UTF-8");
    // C1 controls (U+0080-U+009F, UTF-8 C2 80-9F) are control characters too; YAML prints none.
    if (len == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      char name[8];
      std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned char>(text[i + 1]));
      return "control character " + std::string(name) + " in text";
    }
    // YAML 1.2's printable set (section 5.1) has no U+FFFE or U+FFFF; no noncharacter is a name's,
    // and a bidi control reorders what a reader is shown after it (Trojan Source, CVE-2021-42574).
    if (const char32_t cp = fixer::CodePointAt(text, i); fixer::IsNoncharacter(cp) || fixer::IsBidiControl(cp)) {
      char name[12];
      std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
      return (fixer::IsNoncharacter(cp) ? "noncharacter " : "bidirectional control character ") + std::string(name) +
             " in text";
    }
    i += len;
  }
  return std::nullopt;
}

namespace {

// A secret as the excerpt's scan took it, without the quotes it was written in (`'Zebra#42'`).
std::string_view UnquotedSecret(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"')) return value.substr(1, value.size() - 2);
  return value;
}

}  // namespace

void AttachSource(LoadError& error, std::string_view text) {
  if (error.line <= 0) return;  // no position: nothing to show
  // A byte order mark opens the file, not its first line: the readers count columns after it.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // A line ends at LF, CR LF or a lone CR, as the parser counts lines (yaml_parse.cpp, ParseYaml).
  auto line_end = [&](size_t begin) { return std::min(text.find_first_of("\r\n", begin), text.size()); };
  size_t begin = 0;
  int line = 1;
  for (; line < error.line; ++line) {
    const size_t end = line_end(begin);
    if (end == text.size()) break;  // past the end: the last line
    begin = end + (text.substr(end, 2) == "\r\n" ? 2 : 1);
  }
  error.line = line;
  std::vector<std::string> secrets;
  const size_t end = line_end(begin);
  // An unknown key's value is masked with the secrets, as a span of the parse (the key is where
  // the error points); its text stays out of `secrets`, which the message is cleaned of.
  const std::optional<std::vector<TextSpan>> known =
      error.value_hidden ? SecretSpansOf(text, secrets, error.line, error.column) : SecretSpansOf(text, secrets);
  // Columns count characters (fixer::CharacterCount); the masking counts the line's bytes.
  const std::string_view source = text.substr(begin, end - begin);
  int byte_column = static_cast<int>(fixer::ByteOfCharacterColumn(source, std::max(error.column, 1))) + 1;
  error.source_line = MaskExcerptSecrets(text, begin, end, secrets, byte_column, known);
  // The excerpt masks by place what the parse knows as a secret on it, and by the one rule each
  // secret of the document that stands elsewhere on it (bob's password typed as a framework's version).
  size_t position = static_cast<size_t>(byte_column - 1);
  for (const std::string& value : secrets)
    for (const std::string_view shown : {std::string_view(value), UnquotedSecret(value)})
      error.source_line = fixer::MaskedSecret(std::move(error.source_line), shown, position);
  byte_column = static_cast<int>(position) + 1;
  error.column = static_cast<int>(fixer::CharacterCount(
                     std::string_view(error.source_line)
                         .substr(0, std::min(error.source_line.size(), static_cast<size_t>(byte_column - 1))))) +
                 1;
  // A message quoting the value it refused ("got '...'") loses a secret by the one rule (fixer::MaskedSecret).
  for (const std::string& taken : secrets) {
    const std::string_view value = UnquotedSecret(taken);
    // The whole value, then the part of it a message quotes of a long one (fixer::QuotedValue).
    for (const std::string_view quoted : {value, fixer::ShownPartOf(value)})
      error.message = fixer::MaskedSecret(std::move(error.message), quoted);
  }
}

std::string LoadError::ToString() const {
  // A file-level error (unreadable file) has no position. The file's name is shown escaped too:
  // a name may hold an ESC or bytes that are not UTF-8.
  const std::string shown_file = EscapeForMessage(file);
  if (line <= 0) return shown_file + ": " + EscapeForMessage(message);
  std::string out =
      shown_file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + EscapeForMessage(message);
  if (!source_line.empty()) out += "\n    near: " + Excerpt(source_line, column);
  return out;
}

std::optional<bool> YamlBool(std::string_view text) {
  if (fixer::SameWindowsName(text, "true") || fixer::SameWindowsName(text, "yes")) return true;
  if (fixer::SameWindowsName(text, "false") || fixer::SameWindowsName(text, "no")) return false;
  return std::nullopt;
}

}  // namespace fakes
