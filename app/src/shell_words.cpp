// ShellQuote, FileArgument and ShellCommand (shell_words.h).
#include "app/shell_words.h"

#include <cstdio>

#include "fixer/utf8.h"

namespace app {
namespace {

bool LeftAlone(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("@%+=:,./_-").find(c) != std::string_view::npos;
}

// Whether `word` holds a character a reader cannot be shown as itself (fixer::ShowableLength: a
// control byte, DEL, a C1 control, a byte that is not UTF-8, a noncharacter, a bidi control).
bool HoldsUnshowable(std::string_view word) {
  for (size_t i = 0; i < word.size();) {
    const size_t len = fixer::ShowableLength(word, i);
    if (len == 0) return true;
    i += len;
  }
  return false;
}

// bash's ANSI-C quoting, $'...': each unshowable byte as an escape bash turns back into that byte
// (\t, \n, \r, else \xNN: at most two hex digits are read, so a digit after it stays a digit), a
// quote and a backslash escaped, the rest as it is.
std::string AnsiCQuoted(std::string_view word) {
  std::string out = "$'";
  for (size_t i = 0; i < word.size();) {
    const size_t len = fixer::ShowableLength(word, i);
    if (len == 0) {
      const auto byte = static_cast<unsigned char>(word[i++]);
      if (byte == '\t') {
        out += "\\t";
      } else if (byte == '\n') {
        out += "\\n";
      } else if (byte == '\r') {
        out += "\\r";
      } else {
        char hex[5];
        std::snprintf(hex, sizeof hex, "\\x%02x", byte);
        out += hex;
      }
      continue;
    }
    if (word[i] == '\'' || word[i] == '\\') out += '\\';
    out.append(word.substr(i, len));
    i += len;
  }
  return out + "'";
}

}  // namespace

std::string ShellQuote(std::string_view word) {
  bool plain = !word.empty();
  for (char c : word) plain = plain && LeftAlone(c);
  if (plain) return std::string(word);
  if (HoldsUnshowable(word)) return AnsiCQuoted(word);
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string FileArgument(std::string_view path) {
  return path.starts_with('-') ? "./" + std::string(path) : std::string(path);
}

std::string ShellCommand(std::initializer_list<std::string_view> words) {
  std::string out;
  for (std::string_view w : words) out += (out.empty() ? "" : " ") + ShellQuote(w);
  return out;
}

}  // namespace app
