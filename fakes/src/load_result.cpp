// LoadError's formatting and the shared value rules of the YAML readers (load_result.h).
#include "fakes/load_result.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/state.h"
#include "fixer/name_case.h"
#include "fixer/utf8.h"

namespace fakes {
namespace {

std::string Hex(unsigned char c) {
  char buf[5];
  std::snprintf(buf, sizeof buf, "\\x%02x", c);
  return buf;
}

// At most this many bytes of the line around the column are shown.
constexpr size_t kExcerptWidth = 60;

std::string Excerpt(const std::string& line, int column) {
  const size_t at = static_cast<size_t>(std::max(column, 1) - 1);
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

// Keys whose values are secrets in machine and scenario files (passwords, LSA secrets, hashes,
// what the user types): an error's excerpt shows the key and `********`, never the value.
constexpr std::string_view kSecretKeys[] = {"password", "temp_password", "password_hash", "password_history",
                                            "clear",    "stored",        "answer"};

bool IsKeyBoundary(std::string_view line, size_t at) {
  return at == 0 || line[at - 1] == ' ' || line[at - 1] == '\t' || line[at - 1] == '{' || line[at - 1] == ',' ||
         line[at - 1] == '"' || line[at - 1] == '\'' || line[at - 1] == '-';
}

// Where the YAML or JSON value starting at `at` ends: a quoted scalar at its closing quote, a flow
// list at its bracket, a plain scalar at `,`, `}`, `]`, ` #` or the line's end.
size_t ValueEnd(std::string_view line, size_t at) {
  if (at >= line.size()) return at;
  const char open = line[at];
  if (open == '\'' || open == '"') {
    for (size_t i = at + 1; i < line.size(); ++i) {
      if (open == '"' && line[i] == '\\') {
        ++i;
      } else if (line[i] == open) {
        if (open == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
          ++i;  // '' is a quote inside a single-quoted scalar
        } else {
          return i + 1;
        }
      }
    }
    return line.size();
  }
  if (open == '[') {
    const size_t close = line.find(']', at);
    return close == std::string_view::npos ? line.size() : close + 1;
  }
  size_t i = at;
  while (i < line.size() && line[i] != ',' && line[i] != '}' && line[i] != ']' &&
         !(line[i] == '#' && i > at && line[i - 1] == ' '))
    ++i;
  while (i > at && line[i - 1] == ' ') --i;
  return i;
}

// `line` with the value of every secret key replaced by ********; each value taken out is added
// to `values`, so the message can lose it too. `column` (1-based) moves with the text: after a
// value, by what it lost; inside one, to its start.
std::string MaskSecrets(std::string_view line, std::vector<std::string>& values, int& column) {
  std::string out(line);
  for (std::string_view key : kSecretKeys) {
    for (size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + 1)) {
      if (!IsKeyBoundary(out, at)) continue;
      size_t i = at + key.size();
      if (i < out.size() && (out[i] == '"' || out[i] == '\'')) ++i;  // a quoted (JSON) key
      while (i < out.size() && out[i] == ' ') ++i;
      if (i >= out.size() || out[i] != ':') continue;
      ++i;
      while (i < out.size() && out[i] == ' ') ++i;
      // A map (policy's `password: {min_length: 15}`) is no secret: its own keys are looked at.
      if (i < out.size() && out[i] == '{') continue;
      const size_t end = ValueEnd(out, i);
      if (end <= i) continue;
      std::string value = out.substr(i, end - i);
      if (value.front() == '[') {  // a list's items, each as a message may quote it
        for (size_t b = 1; b < value.size();) {
          size_t e = value.find_first_of(",]", b);
          if (e == std::string::npos) e = value.size();
          size_t first = value.find_first_not_of(' ', b), last = value.find_last_not_of(' ', e - 1);
          if (first < e && last != std::string::npos && last >= first)
            values.push_back(value.substr(first, last - first + 1));
          b = e + 1;
        }
      } else {
        values.push_back(std::move(value));
      }
      const int first = static_cast<int>(i) + 1, past = static_cast<int>(end) + 1;  // 1-based
      if (column >= past)
        column -= (past - first) - 8;
      else if (column > first)
        column = first;
      out.replace(i, end - i, "********");
    }
  }
  return out;
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
    else if (const size_t len = fixer::Utf8SequenceLength(text, i); len == 0)
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
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return "control character " + std::to_string(c) + " in text";
    if (c == 0x7f) return std::string("control character 127 in text");
    const size_t len = fixer::Utf8SequenceLength(text, i);
    if (len == 0) return std::string("text is not UTF-8");
    // C1 controls (U+0080-U+009F, UTF-8 C2 80-9F) are control characters too; YAML prints none.
    if (len == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      char name[8];
      std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned char>(text[i + 1]));
      return "control character " + std::string(name) + " in text";
    }
    i += len;
  }
  return std::nullopt;
}

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
  const std::string_view raw = text.substr(begin, line_end(begin) - begin);
  error.column = std::clamp(error.column, 1, static_cast<int>(raw.size()) + 1);
  error.source_line = MaskSecrets(raw, secrets, error.column);
  // A message quoting the value it refused ("got '...'") loses a secret the same way.
  for (std::string value : secrets) {
    if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"')) value = value.substr(1, value.size() - 2);
    if (value.size() < 3) continue;
    for (size_t at = error.message.find(value); at != std::string::npos; at = error.message.find(value, at))
      error.message.replace(at, value.size(), "********");
  }
}

std::string LoadError::ToString() const {
  // A file-level error (unreadable file) has no position.
  if (line <= 0) return file + ": " + EscapeForMessage(message);
  std::string out = file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + EscapeForMessage(message);
  if (!source_line.empty()) out += "\n    near: " + Excerpt(source_line, column);
  return out;
}

std::optional<bool> YamlBool(std::string_view text) {
  if (fixer::SameWindowsName(text, "true") || fixer::SameWindowsName(text, "yes")) return true;
  if (fixer::SameWindowsName(text, "false") || fixer::SameWindowsName(text, "no")) return false;
  return std::nullopt;
}

}  // namespace fakes
