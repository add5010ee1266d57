// RunBatch: the interpreter loop: command echo, labels and goto, if, set, exit, and the hand-off
// of every other command to the fake programs (fakes/commands.h).
//
// cmd.exe behaviour kept [M]: with ECHO on each command is shown as an empty line, the prompt
// and the %-expanded line; labels and empty lines are not shown; `goto` searches forward from
// the current line and then from the top; a missing label prints "The system cannot find the
// batch label specified - NAME" and ends the batch; a malformed `if` prints "The syntax of the
// command is incorrect." and ends it. Not as cmd: a password the batch gives net user, on its
// line or in a variable, is masked in the echo and in what `echo` and `set` print
// [M: docs/windows-reference.md#choice-batch-masks-passwords].
#include <algorithm>
#include <map>
#include <set>

#include "batch_detail.h"
#include "fakes/commands.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "sim/batch.h"

namespace sim {
namespace {

using batch::NotUnderstood;

// A command line as the echo shows it: the password a `net user` on it sets, the value a `set` on
// it gives a password variable, and any password the session was given before, masked, since the
// console is what every report and `fixup-sim legacy` print and no output shows a password
// (docs/machine-format.md, "What output never shows"); the rest as it is, spacing and all.
std::string EchoedLine(const fakes::Console& con, const std::string& line,
                       const batch::PasswordVariables& password_variables) {
  return fakes::MaskedCommandLine(batch::MaskedPasswordSets(line, password_variables), con.typed_secrets);
}

std::string TrimLeft(const std::string& s) {
  const size_t p = s.find_first_not_of(" \t");
  return p == std::string::npos ? "" : s.substr(p);
}

// The first word (lower case) and the rest after its separator.
std::pair<std::string, std::string> FirstWord(const std::string& s) {
  const std::string t = TrimLeft(s);
  size_t end = 0;
  bool quoted = false;
  while (end < t.size() && (quoted || (t[end] != ' ' && t[end] != '\t'))) {
    if (t[end] == '"') quoted = !quoted;
    ++end;
  }
  return {t.substr(0, end), end < t.size() ? TrimLeft(t.substr(end)) : ""};
}

// Windows programs a script may call that the fake machine does not model: stopping is more
// honest than "not recognized" (9009), which they would not be on XP [M].
bool IsUnmodelledProgram(const std::string& name) {
  static const char* kNames[] = {
      "sc",      "cacls",   "xcacls", "reg",    "regsvr32", "xcopy",    "find",     "findstr",  "more",
      "sort",    "attrib",  "net1",   "ping",   "ipconfig", "shutdown", "taskkill", "tasklist", "cscript",
      "wscript", "msiexec", "subst",  "cmd",    "start",    "call",     "for",      "shift",    "pushd",
      "popd",    "copy",    "del",    "erase",  "dir",      "type",     "md",       "mkdir",    "rd",
      "rmdir",   "move",    "ren",    "rename", "date",     "time",     "prompt",   "path",     "color",
      "ver",     "vol",     "label",  "assoc",  "ftype",    "chcp",     "goto:eof"};
  std::string base = name;
  if (auto dot = base.rfind('.'); dot != std::string::npos) base = base.substr(0, dot);
  return std::find(std::begin(kNames), std::end(kNames), base) != std::end(kNames);
}

// A whole decimal number, optionally negative; nullopt otherwise (cmd: a syntax error).
std::optional<int> Number(const std::string& s) {
  const size_t digits = (!s.empty() && s[0] == '-') ? 1 : 0;
  if (s.size() == digits || s.size() > digits + 9 || s.find_first_not_of("0123456789", digits) != std::string::npos)
    return std::nullopt;
  return std::stoi(s);
}

enum class Flow { kNext, kEnd };

constexpr size_t kMaxSetlocalDepth = 32;

// The longest line cmd runs, after expansion: 8191 characters on XP and later, 2047 on Windows
// 2000 and NT 4 [S: KB 830473]. It also bounds every variable a script can build.
size_t MaxLineLength(const fakes::Console& con) {
  const fixer::OsEdition os = con.machine.state().products.os.edition;
  const bool w2k = os == fixer::OsEdition::kWindows2000Professional || os == fixer::OsEdition::kWindows2000Server;
  return w2k ? 2047 : 8191;
}

struct Interpreter {
  fakes::Console& con;
  std::string file;
  std::vector<std::string> args;
  std::vector<std::string> lines;
  size_t pc = 0;  // index of the next line
  int errorlevel = 0;
  bool window_closed = false;
  std::vector<fakes::Environment> saved_env;  // setlocal
  int current_line = 0;
  std::vector<BatchCommand> commands;
  std::vector<BatchFailure> failures;
  batch::PasswordVariables password_variables{lines};  // those of `lines`

  Flow Goto(const std::string& target) {
    std::string label = fixer::FoldWindowsName(target);
    if (!label.empty() && label[0] == ':') label = label.substr(1);
    label = FirstWord(label).first;
    if (label == "eof") return Flow::kEnd;
    auto matches = [&](size_t i) {
      const std::string t = TrimLeft(lines[i]);
      return !t.empty() && t[0] == ':' && fixer::FoldWindowsName(FirstWord(t.substr(1)).first) == label;
    };
    for (size_t i = pc; i < lines.size(); ++i)
      if (matches(i)) {
        pc = i + 1;
        return Flow::kNext;
      }
    for (size_t i = 0; i < pc && i < lines.size(); ++i)
      if (matches(i)) {
        pc = i + 1;
        return Flow::kNext;
      }
    con.Write("The system cannot find the batch label specified - " + target + "\n", fakes::Stream::kErr);
    errorlevel = 1;
    return Flow::kEnd;
  }

  Flow SyntaxError() {
    con.Write("The syntax of the command is incorrect.\n", fakes::Stream::kErr);
    errorlevel = 1;
    return Flow::kEnd;
  }

  Flow If(const std::string& rest) {
    std::string s = rest;
    bool ignore_case = false, negate = false;
    auto [w, after] = FirstWord(s);
    if (fixer::FoldWindowsName(w) == "/i") {
      ignore_case = true;
      s = after;
      std::tie(w, after) = FirstWord(s);
    }
    if (fixer::FoldWindowsName(w) == "not") {
      negate = true;
      s = after;
      std::tie(w, after) = FirstWord(s);
    }
    bool cond = false;
    std::string command;
    const std::string kw = fixer::FoldWindowsName(w);
    if (kw == "exist") {
      auto [path, cmd] = FirstWord(after);
      if (path.empty() || cmd.empty()) return SyntaxError();
      if (path.find_first_of("*?") != std::string::npos) throw NotUnderstood{"not supported: wildcards in 'if exist'"};
      cond = fakes::PathExists(con, fakes::ResolvePath(con, path));
      command = cmd;
    } else if (kw == "errorlevel") {
      auto [n, cmd] = FirstWord(after);
      const std::optional<int> level = Number(n);
      if (!level || cmd.empty()) return SyntaxError();
      cond = errorlevel >= *level;
      command = cmd;
    } else if (kw == "defined") {
      auto [name, cmd] = FirstWord(after);
      if (name.empty() || cmd.empty()) return SyntaxError();
      cond = con.env.Get(name).has_value();
      command = cmd;
    } else {
      // A==B (either side may be quoted); cmd compares the strings as written.
      const size_t eq = s.find("==");
      if (eq == std::string::npos) {
        if (s.find(" EQU ") != std::string::npos || s.find(" NEQ ") != std::string::npos)
          throw NotUnderstood{"not supported: comparison operators EQU/NEQ/LSS/... in 'if'"};
        return SyntaxError();
      }
      std::string left = s.substr(0, eq);
      while (!left.empty() && (left.back() == ' ' || left.back() == '\t')) left.pop_back();
      auto [right, cmd] = FirstWord(TrimLeft(s.substr(eq + 2)));
      if (left.empty() || right.empty() || cmd.empty()) return SyntaxError();
      cond = ignore_case ? fixer::SameWindowsName(left, right) : left == right;
      command = cmd;
    }
    if (negate) cond = !cond;
    if (fixer::FoldWindowsName(FirstWord(command).first).rfind("else", 0) == 0 ||
        command.find(") else") != std::string::npos)
      throw NotUnderstood{"not supported: 'else'"};
    return cond ? Execute(command) : Flow::kNext;
  }

  Flow Set(const std::string& rest) {
    std::string s = rest;
    if (s.empty()) {
      for (const auto& [name, value] : con.env.All()) con.WriteLine(Listed(name, value));
      return Flow::kNext;
    }
    if (s[0] == '/') throw NotUnderstood{"not supported: 'set " + FirstWord(s).first + "'"};
    if (s.front() == '"') {
      const size_t close = s.rfind('"');
      s = close > 0 ? s.substr(1, close - 1) : s.substr(1);
    }
    const size_t eq = s.find('=');
    if (eq == std::string::npos) {
      bool any = false;
      for (const auto& [name, value] : con.env.All()) {
        if (fixer::FoldWindowsName(name).rfind(fixer::FoldWindowsName(s), 0) == 0) {
          con.WriteLine(Listed(name, value));
          any = true;
        }
      }
      if (!any) {
        con.WriteLine("Environment variable " + s + " not defined", fakes::Stream::kErr);
        errorlevel = 1;
      }
      return Flow::kNext;
    }
    if (eq == 0) return SyntaxError();
    con.env.Set(s.substr(0, eq), s.substr(eq + 1));
    if (const std::string name = fixer::FoldWindowsName(s.substr(0, eq)); password_variables.Holds(name))
      password_variables.Remember(con, name, s.substr(eq + 1));
    return Flow::kNext;
  }

  // A variable as `set` lists it, a password the session was given masked in its value [M].
  std::string Listed(const std::string& name, const std::string& value) const {
    return name + "=" + fakes::MaskedSecrets(value, con.typed_secrets);
  }

  Flow Exit(const std::string& rest) {
    auto [w, after] = FirstWord(rest);
    const bool b = fixer::FoldWindowsName(w) == "/b";
    const std::string code = b ? FirstWord(after).first : w;
    if (!code.empty()) {
      const std::optional<int> level = Number(code);
      if (!level) return SyntaxError();
      errorlevel = *level;
    }
    window_closed = !b;
    return Flow::kEnd;
  }

  // A program's line; real syntax the fake program does not model is not guessed.
  std::optional<int> RunProgram(const std::string& line) {
    try {
      return fakes::RunCommandLine(con, line);
    } catch (const fakes::NotModelled& e) {
      throw NotUnderstood{"not supported: " + e.what + " is not modelled by the simulator"};
    }
  }

  // One command (already expanded, without '@'). Also the command part of an `if`.
  Flow Execute(const std::string& text) {
    auto [word, rest] = FirstWord(text);
    const std::string kw = fixer::FoldWindowsName(word);
    if (kw == "rem") return Flow::kNext;
    std::string line = text;
    const batch::Redirects redirects = batch::TakeRedirects(line);
    batch::RejectOperators(line);
    std::tie(word, rest) = FirstWord(line);
    const std::string k = fixer::FoldWindowsName(word);
    struct Mute {
      fakes::Console& c;
      Mute(fakes::Console& con, batch::Redirects r) : c(con) {
        c.mute_out = r.mute_out;
        c.mute_err = r.mute_err;
      }
      ~Mute() { c.mute_out = c.mute_err = false; }
    } mute(con, redirects);

    if (k == "if") return If(rest);
    if (k == "goto") return rest.empty() ? SyntaxError() : Goto(rest);
    if (k.rfind("goto:", 0) == 0) return Goto(word.substr(4));
    if (k == "set") return Set(rest);
    if (k == "exit") return Exit(rest);
    if (k == "setlocal") {
      // [M] cmd nests setlocal 32 deep in a batch file (SS64 "SETLOCAL"); past that it says so
      // and goes on without a new scope.
      if (saved_env.size() >= kMaxSetlocalDepth) {
        con.Write("Maximum setlocal recursion level reached.\n", fakes::Stream::kErr);
        errorlevel = 1;
        return Flow::kNext;
      }
      saved_env.push_back(con.env);
      return Flow::kNext;
    }
    if (k == "endlocal") {
      if (!saved_env.empty()) {
        con.env = saved_env.back();
        saved_env.pop_back();
      }
      return Flow::kNext;
    }
    if (k == "cls" || k == "title") return Flow::kNext;
    if (k == "pause") {
      con.Write("Press any key to continue . . . ");
      (void)con.input.ReadLine(false);
      con.Write("\n");
      return Flow::kNext;
    }
    if (IsUnmodelledProgram(k))
      throw NotUnderstood{"not supported: " + fixer::QuotedValue(word) + " is not modelled by the simulator"};
    if (auto level = RunProgram(line)) {
      errorlevel = *level;
      // "net user", "net stop": the subcommand too, never further (a password may follow).
      const std::string sub = fixer::FoldWindowsName(FirstWord(rest).first);
      const bool net = k == "net" && (sub == "user" || sub == "stop" || sub == "start");
      commands.push_back({current_line, net ? word + " " + sub : word, *level});
      if (*level != 0) failures.push_back({current_line, commands.back().program, *level});
    }
    return Flow::kNext;
  }
};

}  // namespace

BatchResult RunBatch(fakes::Console& con, const std::string& text, const std::string& file_name,
                     const std::vector<std::string>& args) {
  Interpreter in{con, file_name, args, SplitBatchLines(text)};
  // One already set when the batch starts holds a password too, from the start.
  for (const std::string& name : in.password_variables.Names())
    if (auto value = con.env.Get(name)) in.password_variables.Remember(con, name, *value);
  // A password written on a `net user` line is one from the start: an `echo` of it before that line
  // runs is masked too, as the line itself is.
  for (const std::string& password : batch::PasswordsWrittenIn(in.lines)) con.RememberSecret(password);
  BatchResult result;
  // A script that loops (`:retry ... goto retry` around a runas that keeps failing) would
  // never end here, as no one can press Ctrl+C: it is stopped and reported [I].
  constexpr int kMaxLines = 100000;
  int executed = 0;
  while (in.pc < in.lines.size()) {
    if (++executed > kMaxLines) {
      result.error = BatchDiagnostic{file_name, static_cast<int>(in.pc + 1),
                                     "stopped after " + std::to_string(kMaxLines) + " lines: the script loops"};
      break;
    }
    const size_t index = in.pc++;
    in.current_line = static_cast<int>(index + 1);
    std::string line = TrimLeft(in.lines[index]);
    if (line.empty() || line[0] == ':') continue;  // labels and :: comments
    bool quiet = false;
    while (!line.empty() && line[0] == '@') {
      quiet = true;
      line = TrimLeft(line.substr(1));
    }
    try {
      const std::string expanded = batch::Expand(con, line, file_name, args, in.errorlevel);
      if (expanded.size() > MaxLineLength(con) || line.size() > MaxLineLength(con)) {
        // [M] the line is not run and the script ends there (the text is cmd's).
        con.Write("The input line is too long.\n", fakes::Stream::kErr);
        in.errorlevel = 1;
        break;
      }
      if (TrimLeft(expanded).empty()) continue;
      if (con.echo_on && !quiet)
        con.Write("\n" + con.Prompt() + EchoedLine(con, expanded, in.password_variables) + "\n");
      if (in.Execute(expanded) == Flow::kEnd) break;
    } catch (const NotUnderstood& e) {
      con.mute_out = con.mute_err = false;
      result.error = BatchDiagnostic{file_name, static_cast<int>(index + 1), e.message};
      break;
    }
  }
  result.errorlevel = in.errorlevel;
  result.commands = std::move(in.commands);
  result.failures = std::move(in.failures);
  result.window_closed = in.window_closed;
  return result;
}

}  // namespace sim
