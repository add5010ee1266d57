// The variables a batch file keeps a password in, and its `set` lines' values masked in the echo
// [M: docs/windows-reference.md#choice-batch-masks-passwords]: cmd shows them, but no output of
// ours shows a password (docs/machine-format.md, "What output never shows").
#include "batch_detail.h"

#include <algorithm>
#include <optional>

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

// "args" of a word that is one variable and nothing else, `%ARGS%`; nullopt for any other word.
std::optional<std::string> OnlyVariable(const std::string& word) {
  if (word.size() < 3 || word.front() != '%' || word.back() != '%') return std::nullopt;
  const std::string name = word.substr(1, word.size() - 2);
  if (name.find_first_of("%:~") != std::string::npos || (name[0] >= '0' && name[0] <= '9')) return std::nullopt;
  return fixer::FoldWindowsName(name);
}

// The words of `value_words` that `words`, with them in place of its word `at`, gives net user as
// its password (unquoted).
std::vector<std::string> PasswordsAt(const std::vector<std::string>& words, size_t at,
                                     const std::vector<std::string>& value_words) {
  std::vector<std::string> expanded(words.begin(), words.begin() + static_cast<ptrdiff_t>(at));
  expanded.insert(expanded.end(), value_words.begin(), value_words.end());
  expanded.insert(expanded.end(), words.begin() + static_cast<ptrdiff_t>(at) + 1, words.end());
  std::vector<std::string> out;
  for (const size_t i : fakes::NetUserPasswordWords(expanded))
    if (i >= at && i < at + value_words.size()) out.push_back(fakes::Unquote(expanded[i]));
  return out;
}

}  // namespace

PasswordVariables::PasswordVariables(const std::vector<std::string>& lines) {
  // What a variable in a word of its own may stand for, to see if it can reach the password.
  static const std::vector<std::string> kProbe = {"user", "name", "password"};
  for (const std::string& line : lines) {
    const size_t start = line.find_first_not_of(" \t@");
    if (start == std::string::npos) continue;
    // A REM or :: line that shows such a `net user` counts too: masking more hides nothing of use.
    const std::vector<std::string> words = fakes::SplitCommandLine(line.substr(start));
    const std::vector<size_t> passwords = fakes::NetUserPasswordWords(words);
    for (const size_t i : passwords) AddVariablesIn(words[i], whole_);
    for (size_t i = 0; i < words.size(); ++i) {
      if (std::find(passwords.begin(), passwords.end(), i) != passwords.end()) continue;
      const std::optional<std::string> name = OnlyVariable(words[i]);
      if (name && !PasswordsAt(words, i, kProbe).empty()) spread_[*name].push_back({words, i});
    }
  }
}

std::set<std::string> PasswordVariables::Names() const {
  std::set<std::string> names = whole_;
  for (const auto& [name, uses] : spread_) names.insert(name);
  return names;
}

std::vector<std::string> PasswordVariables::PasswordsIn(const std::string& name, const std::string& value) const {
  if (whole_.count(name)) return {value};
  const auto it = spread_.find(name);
  if (it == spread_.end() || value.empty()) return {};
  const std::vector<std::string> value_words = fakes::SplitCommandLine(value);
  std::vector<std::string> out;
  for (const Use& use : it->second)
    for (std::string& password : PasswordsAt(use.words, use.at, value_words))
      if (std::find(out.begin(), out.end(), password) == out.end()) out.push_back(std::move(password));
  return out;
}

void PasswordVariables::Remember(fakes::Console& con, const std::string& name, const std::string& value) const {
  const std::vector<std::string> passwords = PasswordsIn(name, value);
  // One place a password of the value (mostly one): the first under the variable's own name, so
  // a value without one lets the one it held before go.
  con.RememberVariableSecret(name, passwords.empty() ? std::string() : passwords.front());
  for (size_t i = 1; i < passwords.size(); ++i)
    con.RememberVariableSecret(name + "#" + std::to_string(i), passwords[i]);
}

std::vector<std::string> PasswordsWrittenIn(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const std::string& line : lines) {
    const size_t start = line.find_first_not_of(" \t@");
    if (start == std::string::npos || line.compare(start, 2, "::") == 0) continue;
    const std::vector<std::string> words = fakes::SplitCommandLine(line.substr(start));
    if (words.empty() || fixer::FoldWindowsName(words.front()) == "rem") continue;
    for (const size_t i : fakes::NetUserPasswordWords(words)) {
      std::string password = fakes::Unquote(words[i]);
      if (password.find('%') != std::string::npos) continue;  // a variable's: PasswordVariables
      if (std::find(out.begin(), out.end(), password) == out.end()) out.push_back(std::move(password));
    }
  }
  return out;
}

std::string MaskedPasswordSets(const std::string& line, const PasswordVariables& variables) {
  if (variables.empty()) return line;
  const std::string folded = fixer::FoldWindowsName(line);
  struct Value {
    size_t begin, end;  // [begin, end) of the value
    std::string name;   // the variable's, folded
  };
  std::vector<Value> values;  // each value to mask, left to right
  for (size_t at = folded.find("set"); at != std::string::npos; at = folded.find("set", at + 3)) {
    if (at > 0 && !IsBlank(line[at - 1]) && line[at - 1] != '(' && line[at - 1] != '&' && line[at - 1] != '|') continue;
    size_t p = at + 3;
    if (p >= line.size() || !IsBlank(line[p])) continue;
    while (p < line.size() && IsBlank(line[p])) ++p;
    const bool quoted = p < line.size() && line[p] == '"';
    if (quoted) ++p;
    const size_t eq = line.find('=', p);
    if (eq == std::string::npos) continue;
    std::string name = fixer::FoldWindowsName(line.substr(p, eq - p));
    if (!variables.Holds(name)) continue;
    const size_t begin = eq + 1;
    if (!values.empty() && begin < values.back().end) continue;  // inside the value before
    // `set "PW=value" rest`: up to the last quote, as the interpreter's set reads it.
    size_t end = quoted ? line.rfind('"') : EndOfValue(line, begin);
    if (end == std::string::npos || end < begin) end = line.size();
    while (end > begin && IsBlank(line[end - 1])) --end;
    if (end > begin) values.push_back({begin, end, std::move(name)});
  }
  std::string out = line;
  for (auto it = values.rbegin(); it != values.rend(); ++it) {
    const std::string value = line.substr(it->begin, it->end - it->begin);
    out.replace(it->begin, it->end - it->begin, fakes::MaskedSecrets(value, variables.PasswordsIn(it->name, value)));
  }
  return out;
}

}  // namespace sim::batch
