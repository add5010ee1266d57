// The variables a batch file keeps a password in, and its `set` lines' values masked in the echo
// [M: docs/windows-reference.md#choice-batch-masks-passwords]: cmd shows them, but no output of
// ours shows a password (docs/machine-format.md, "What output never shows").
#include "batch_detail.h"
#include "fakes/commands.h"
#include "fixer/name_case.h"
#include "fixer/secret.h"

namespace sim::batch {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Adds the variables `word` reads (%NAME%, folded) to `out`; %%, %0-%9, %* and %~dp0 are none.
void AddVariablesIn(const std::string& word, std::set<std::string>& out) {
  for (size_t i = 0; i + 1 < word.size(); ++i) {
    if (word[i] != '%') continue;
    const char next = word[i + 1];
    if (next == '%' || next == '*' || next == '~' || (next >= '0' && next <= '9')) {
      ++i;
      continue;
    }
    const size_t close = word.find('%', i + 1);
    if (close == std::string::npos) return;
    const std::string name = word.substr(i + 1, close - i - 1);
    out.insert(fixer::FoldWindowsName(name.substr(0, name.find(':'))));  // %PW:~0,4% reads PW
    i = close;
  }
}

// Where the value of an unquoted `set NAME=value` beginning at `begin` ends: at a redirection or
// an operator outside quotes (cmd takes them off the line), else at the end of the line.
size_t EndOfValue(const std::string& line, size_t begin) {
  bool quoted = false;
  for (size_t i = begin; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') quoted = !quoted;
    if (quoted || (c != '>' && c != '<' && c != '&' && c != '|')) continue;
    // ` 2>nul`: a handle's digit after a blank is the redirection's (as batch::TakeRedirects reads it).
    if (c == '>' && i >= begin + 2 && (line[i - 1] == '1' || line[i - 1] == '2') && IsBlank(line[i - 2])) return i - 1;
    return i;
  }
  return line.size();
}

}  // namespace

std::set<std::string> PasswordVariables(const std::vector<std::string>& lines) {
  std::set<std::string> out;
  for (const std::string& line : lines) {
    const size_t start = line.find_first_not_of(" \t@");
    if (start == std::string::npos) continue;
    // A REM or :: line that shows such a `net user` counts too: masking more hides nothing of use.
    const std::vector<std::string> words = fakes::SplitCommandLine(line.substr(start));
    for (const size_t i : fakes::NetUserPasswordWords(words)) AddVariablesIn(words[i], out);
  }
  return out;
}

std::string MaskedPasswordSets(const std::string& line, const std::set<std::string>& variables) {
  if (variables.empty()) return line;
  const std::string folded = fixer::FoldWindowsName(line);
  std::vector<std::pair<size_t, size_t>> values;  // [begin, end) of each value to mask, left to right
  for (size_t at = folded.find("set"); at != std::string::npos; at = folded.find("set", at + 3)) {
    if (at > 0 && !IsBlank(line[at - 1]) && line[at - 1] != '(' && line[at - 1] != '&' && line[at - 1] != '|') continue;
    size_t p = at + 3;
    if (p >= line.size() || !IsBlank(line[p])) continue;
    while (p < line.size() && IsBlank(line[p])) ++p;
    const bool quoted = p < line.size() && line[p] == '"';
    if (quoted) ++p;
    const size_t eq = line.find('=', p);
    if (eq == std::string::npos || !variables.count(fixer::FoldWindowsName(line.substr(p, eq - p)))) continue;
    const size_t begin = eq + 1;
    if (!values.empty() && begin < values.back().second) continue;  // inside the value before
    // `set "PW=value" rest`: up to the last quote, as the interpreter's set reads it.
    size_t end = quoted ? line.rfind('"') : EndOfValue(line, begin);
    if (end == std::string::npos || end < begin) end = line.size();
    while (end > begin && IsBlank(line[end - 1])) --end;
    if (end > begin) values.emplace_back(begin, end);
  }
  std::string out = line;
  for (auto it = values.rbegin(); it != values.rend(); ++it)
    out.replace(it->first, it->second - it->first, fixer::kMaskedSecret);
  return out;
}

}  // namespace sim::batch
