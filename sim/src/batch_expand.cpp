// Batch lines, %-expansion, redirections and the operators the interpreter refuses.
#include <algorithm>

#include "batch_detail.h"
#include "fakes/state.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "sim/batch.h"

namespace sim {

std::string BatchDiagnostic::ToString() const { return file + ":" + std::to_string(line) + ": " + message; }

std::vector<std::string> SplitBatchLines(const std::string& text) {
  std::vector<std::string> lines;
  std::string cur;
  // cmd reads a line through its LF and drops every CR in it [M: docs/legacy-replay.md]: a lone CR
  // neither ends the line nor stays in it.
  for (const char c : text) {
    if (c == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

namespace batch {
std::string Expand(const fakes::Console& con, const std::string& line, const std::string& script,
                   const std::vector<std::string>& args, int errorlevel) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c != '%') {
      out += c;
      continue;
    }
    if (i + 1 >= line.size()) break;  // a lone trailing % is dropped
    const char n = line[i + 1];
    if (n == '%') {
      out += '%';
      ++i;
      continue;
    }
    if (n >= '0' && n <= '9') {
      const size_t k = static_cast<size_t>(n - '0');
      out += k == 0 ? script : (k <= args.size() ? args[k - 1] : "");
      ++i;
      continue;
    }
    if (n == '*') {
      for (size_t a = 0; a < args.size(); ++a) out += (a ? " " : "") + args[a];
      ++i;
      continue;
    }
    if (n == '~') {
      if (line.compare(i, 5, "%~dp0") == 0) {
        const size_t slash = script.find_last_of('\\');
        out += slash == std::string::npos ? con.cwd : script.substr(0, slash + 1);
        i += 4;
        continue;
      }
      throw NotUnderstood{"not supported: the %~ modifiers other than %~dp0"};
    }
    const size_t close = line.find('%', i + 1);
    if (close == std::string::npos) continue;  // no closing %: the % is dropped
    const std::string name = line.substr(i + 1, close - i - 1);
    RejectUnmodelledVariable(con, name);
    if (auto v = con.env.Get(name)) {
      out += *v;
    } else if (auto dynamic = DynamicVariable(con, name, errorlevel)) {
      out += *dynamic;
    } else if (name.find(':') != std::string::npos) {
      throw NotUnderstood{"not supported: substring or substitution in %" + name + "%"};
    }
    i = close;
  }
  return out;
}

Redirects TakeRedirects(std::string& line) {
  Redirects r;
  std::string out;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') quoted = !quoted;
    if (quoted || (c != '>' && c != '<')) {
      out += c;
      continue;
    }
    if (c == '<') throw NotUnderstood{"not supported: input redirection '<'"};
    int handle = 1;
    if (!out.empty() && (out.back() == '1' || out.back() == '2') &&
        (out.size() == 1 || out[out.size() - 2] == ' ' || out[out.size() - 2] == '\t')) {
      handle = out.back() - '0';
      out.pop_back();
    }
    size_t j = i + 1;
    if (j < line.size() && line[j] == '>') ++j;  // >> appends: the same for NUL
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
    size_t end = j;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '>' && line[end] != '<') ++end;
    const std::string target = line.substr(j, end - j);
    if (target == "&1" && handle == 2) {
      r.mute_err = r.mute_out;
    } else if (fixer::SameWindowsName(target, "nul")) {
      (handle == 1 ? r.mute_out : r.mute_err) = true;
    } else {
      throw NotUnderstood{"not supported: redirection to " + fixer::QuotedValue(target) +
                          " (only NUL and 2>&1 are modelled)"};
    }
    i = end - 1;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  line = out;
  return r;
}

void RejectOperators(const std::string& line) {
  bool quoted = false;
  const size_t first = line.find_first_not_of(" \t");
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '^') throw NotUnderstood{"not supported: the escape character '^'"};
    if (c == '|') throw NotUnderstood{"not supported: pipes and '||'"};
    if (c == '&') throw NotUnderstood{"not supported: '&' and '&&' (one command per line)"};
    // A line opening a block, or closing one (`)`, `) else (`): cmd would run or skip the lines
    // between as one command.
    if ((c == '(' || c == ')') && i == first) throw NotUnderstood{"not supported: parenthesised blocks"};
  }
}

}  // namespace batch
}  // namespace sim
