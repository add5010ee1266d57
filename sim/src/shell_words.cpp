// ShellQuote and ShellCommand (shell_words.h).
#include "sim/shell_words.h"

namespace sim {
namespace {

bool LeftAlone(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("@%+=:,./_-").find(c) != std::string_view::npos;
}

}  // namespace

std::string ShellQuote(std::string_view word) {
  bool plain = !word.empty();
  for (char c : word) plain = plain && LeftAlone(c);
  if (plain) return std::string(word);
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

}  // namespace sim
