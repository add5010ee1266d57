// RunBatch: the interpreter loop: command echo, labels and goto, if, set, exit, and the hand-off
// of every other command to the fake programs (fakes/commands.h).
//
// cmd.exe behaviour kept [M]: with ECHO on each command is shown as an empty line, the prompt
// and the %-expanded line; labels and empty lines are not shown; `goto` searches forward from
// the current line and then from the top; a missing label prints "The system cannot find the
// batch label specified - NAME" and ends the batch; a malformed `if` prints "The syntax of the
// command is incorrect." and ends it. setlocal keeps the current folder with the variables, and
// endlocal, or the end of the script, puts both back (Wine's WCMD_setlocal and WCMD_endlocal). In
// a .cmd file a successful `set` leaves ERRORLEVEL 0, in a .bat file as it was; `cd` that succeeds
// leaves 0 in both [S: docs/windows-reference.md#cmd-batch]. Not as cmd: a password the batch
// gives net user, on its line or in a variable, is masked in the echo and in what `echo` and
// `set` print [M: docs/windows-reference.md#choice-batch-masks-passwords].
#include <algorithm>
#include <map>
#include <set>

#include "batch_detail.h"
#include "fakes/commands.h"
#include "fakes/path_knowledge.h"
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
  // What setlocal keeps and endlocal puts back: the variables and the current folder.
  struct Local {
    fakes::Environment env;
    std::string cwd;
  };
  std::vector<Local> saved_locals;
  int current_line = 0;
  std::vector<BatchCommand> commands;
  std::vector<BatchFailure> failures;
  batch::PasswordVariables password_variables{lines};  // those of `lines`

  // A .cmd file, whose `set` leaves ERRORLEVEL 0 when it succeeds (a .bat file's leaves it alone).
  bool IsCmdFile() const { return file.size() >= 4 && fixer::SameWindowsName(file.substr(file.size() - 4), ".cmd"); }

  void EndLocal() {
    con.env = saved_locals.back().env;
    con.cwd = saved_locals.back().cwd;
    saved_locals.pop_back();
  }

  Flow Goto(const std::string& target) {
    std::string label = fixer::FoldWindowsName(FirstWord(target).first);
    // Only `:eof`, with its colon, is the end of the script; `goto eof` searches for a label.
    if (label == ":eof") return Flow::kEnd;
    if (!label.empty() && label[0] == ':') label = label.substr(1);
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

  // An `if` line read, not yet evaluated: `if [/i] [not] KIND OPERAND command` or `if [/i]
  // [not] LEFT==RIGHT command`; nullopt when cmd would call it a syntax error.
  struct IfLine {
    bool ignore_case = false, negate = false;
    std::string kind;  // "exist", "errorlevel", "defined", "==" or a comparison operator (folded)
    std::string left, right;
    std::string command;
  };
  static std::optional<IfLine> ReadIf(const std::string& rest) {
    IfLine line;
    std::string s = rest;
    auto [w, after] = FirstWord(s);
    if (fixer::FoldWindowsName(w) == "/i") {
      line.ignore_case = true;
      s = after;
      std::tie(w, after) = FirstWord(s);
    }
    if (fixer::FoldWindowsName(w) == "not") {
      line.negate = true;
      s = after;
      std::tie(w, after) = FirstWord(s);
    }
    const std::string kw = fixer::FoldWindowsName(w);
    if (kw == "exist" || kw == "errorlevel" || kw == "defined") {
      line.kind = kw;
      std::tie(line.left, line.command) = FirstWord(after);
      if (line.left.empty() || line.command.empty()) return std::nullopt;
    } else if (const auto [op, operands] = FirstWord(after);
               w.find("==") == std::string::npos && batch::IsComparisonOperator(op)) {
      // A OP B, OP in any case (Wine's evaluate_if_condition reads the word after A).
      line.kind = fixer::FoldWindowsName(op);
      line.left = w;
      std::tie(line.right, line.command) = FirstWord(operands);
      if (line.right.empty() || line.command.empty()) return std::nullopt;
    } else {
      // A==B (either side may be quoted); cmd compares the strings as written.
      const size_t eq = s.find("==");
      if (eq == std::string::npos) return std::nullopt;
      line.kind = "==";
      line.left = s.substr(0, eq);
      while (!line.left.empty() && (line.left.back() == ' ' || line.left.back() == '\t')) line.left.pop_back();
      std::tie(line.right, line.command) = FirstWord(TrimLeft(s.substr(eq + 2)));
      if (line.left.empty() || line.right.empty() || line.command.empty()) return std::nullopt;
    }
    return line;
  }

  // cmd reads a whole `if` line, its block included, before it evaluates the condition: a `(`
  // opening the command (`if exist X (`, `if 1==2 (echo a) else (echo b)`), of a nested `if` too,
  // or an `else`, is refused whatever the condition's value, so no line of a block ever runs.
  static void RejectBlockOrElse(const IfLine& line) {
    const std::string command = TrimLeft(line.command);
    const bool unary = line.kind == "exist" || line.kind == "errorlevel" || line.kind == "defined";
    const std::string operand = unary ? line.left : line.right;
    if (command.starts_with('(') || operand.ends_with('(')) throw NotUnderstood{"not supported: parenthesised blocks"};
    const std::string first = fixer::FoldWindowsName(FirstWord(command).first);
    if (first.rfind("else", 0) == 0 || command.find(") else") != std::string::npos)
      throw NotUnderstood{"not supported: 'else'"};
    if (const auto internal = fakes::SplitInternalCommand(command); internal && internal->name == "if")
      if (const std::optional<IfLine> nested = ReadIf(internal->Arguments())) RejectBlockOrElse(*nested);
  }

  // `if exist PATH` as the fake machine knows PATH (fakes::KnowPath): `DIR\nul` is true for an
  // existing folder alone (the idiom that tells a folder from a file); what it does not model stops.
  bool Exists(const std::string& written) const {
    if (written.find_first_of("*?") != std::string::npos) throw NotUnderstood{"not supported: wildcards in 'if exist'"};
    std::string path = fakes::ResolvePath(con, written);
    const bool device = fixer::SameWindowsName(path.substr(path.find_last_of('\\') + 1), "nul");
    if (device) path = path.substr(0, path.find_last_of('\\'));
    switch (fakes::KnowPath(con, path)) {
      case fakes::PathKnown::kFolder: return true;
      case fakes::PathKnown::kFile: return !device;
      case fakes::PathKnown::kAbsent: return false;
      case fakes::PathKnown::kNotModelled: break;
    }
    throw NotUnderstood{"not supported: whether " + fixer::QuotedValue(fakes::Unquote(written)) +
                        " exists is not modelled by the simulator"};
  }

  Flow If(const std::string& rest) {
    const std::optional<IfLine> line = ReadIf(rest);
    if (!line) return SyntaxError();
    RejectBlockOrElse(*line);
    bool cond = false;
    if (line->kind == "exist") {
      cond = Exists(line->left);
    } else if (line->kind == "errorlevel") {
      const std::optional<int> level = Number(line->left);
      if (!level) return SyntaxError();
      cond = errorlevel >= *level;
    } else if (line->kind == "defined") {
      batch::RejectDefinedDynamicVariable(con, line->left);
      cond = con.env.Get(line->left).has_value();
    } else if (line->kind == "==") {
      cond = line->ignore_case ? fixer::SameWindowsName(line->left, line->right) : line->left == line->right;
    } else {
      cond = batch::Compare(line->left, line->kind, line->right, line->ignore_case);
    }
    if (line->negate) cond = !cond;
    return cond ? Execute(line->command) : Flow::kNext;
  }

  Flow Set(const std::string& rest) {
    std::string s = rest;
    if (s.empty()) {
      for (const auto& [name, value] : con.env.All()) List(name, value);
      if (IsCmdFile()) errorlevel = 0;
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
          List(name, value);
          any = true;
        }
      }
      if (!any) {
        con.WriteLine("Environment variable " + s + " not defined", fakes::Stream::kErr);
        errorlevel = 1;
      } else if (IsCmdFile()) {
        errorlevel = 0;
      }
      return Flow::kNext;
    }
    if (eq == 0) return SyntaxError();
    // Clearing a variable that is not set: what cmd leaves in ERRORLEVEL then no source says.
    if (IsCmdFile() && eq + 1 == s.size() && !con.env.Get(s.substr(0, eq)))
      throw NotUnderstood{"not supported: clearing " + fixer::QuotedValue(s.substr(0, eq)) +
                          ", which is not set, in a .cmd file (its ERRORLEVEL is not modelled)"};
    con.env.Set(s.substr(0, eq), s.substr(eq + 1));
    if (IsCmdFile()) errorlevel = 0;
    if (const std::string name = fixer::FoldWindowsName(s.substr(0, eq)); password_variables.Holds(name))
      password_variables.Remember(con, name, s.substr(eq + 1));
    return Flow::kNext;
  }

  // A variable as `set` lists it, a password the session was given masked in its value [M].
  void List(const std::string& name, const std::string& value) const {
    con.WriteMasked(name + "=" + value + "\n", name + "=" + fakes::MaskedSecrets(value, con.typed_secrets) + "\n");
  }

  // setlocal's options [S: docs/windows-reference.md#cmd-batch]: extensions are on in XP's cmd, so
  // EnableExtensions and DisableDelayedExpansion (delayed expansion is off) keep what the
  // interpreter does; DisableExtensions and EnableDelayedExpansion (`!VAR!` expanded when the
  // command runs) would change how every later line reads, which it does not model.
  void RejectUnmodelledSetlocalOptions(const std::string& rest) const {
    for (const std::string& word : fakes::SplitCommandLine(rest)) {
      const std::string option = fixer::FoldWindowsName(word);
      if (option == "enableextensions" || option == "disabledelayedexpansion") continue;
      throw NotUnderstood{"not supported: 'setlocal " + word + "'" +
                          (option == "enabledelayedexpansion" ? " (delayed expansion, !VAR!)"
                           : option == "disableextensions"    ? " (command extensions off)"
                                                              : "")};
    }
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
    const std::optional<fakes::InternalCommand> first = fakes::SplitInternalCommand(text);
    if (first && first->name == "rem") return Flow::kNext;
    std::string line = text;
    const batch::Redirects redirects = batch::TakeRedirects(line);
    batch::RejectOperators(line);
    auto [word, rest] = FirstWord(line);
    const std::optional<fakes::InternalCommand> internal = fakes::SplitInternalCommand(line);
    // An internal command by its name as cmd ends it (`cd/d X`, `goto:eof`), any other by its word.
    const std::string k = internal ? internal->name : fixer::FoldWindowsName(word);
    if (internal) {
      word = internal->name;
      rest = internal->Arguments();
    }
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
    if (k == "set") return Set(rest);
    if (k == "exit") return Exit(rest);
    if (k == "setlocal") {
      RejectUnmodelledSetlocalOptions(rest);
      if (!rest.empty()) errorlevel = 0;  // [S: docs/windows-reference.md#cmd-batch]
      // [M] cmd nests setlocal 32 deep in a batch file (SS64 "SETLOCAL"); past that it says so
      // and goes on without a new scope.
      if (saved_locals.size() >= kMaxSetlocalDepth) {
        con.Write("Maximum setlocal recursion level reached.\n", fakes::Stream::kErr);
        errorlevel = 1;
        return Flow::kNext;
      }
      saved_locals.push_back({con.env, con.cwd});
      return Flow::kNext;
    }
    if (k == "endlocal") {
      if (!saved_locals.empty()) EndLocal();
      return Flow::kNext;
    }
    if (k == "cls" || k == "title") return Flow::kNext;
    if (k == "pause") {
      con.Write("Press any key to continue . . . ");
      (void)con.input.ReadLine(false);
      con.Write("\n");
      return Flow::kNext;
    }
    if (internal && internal->name != "echo" && internal->name != "cd" && internal->name != "chdir")
      throw NotUnderstood{"not supported: " + fixer::QuotedValue(internal->name) + " is not modelled by the simulator"};
    if (auto level = RunProgram(line)) {
      errorlevel = *level;
      commands.push_back({current_line, ProgramName(word, rest), *level});
      if (*level != 0) failures.push_back({current_line, commands.back().program, *level});
    } else if (k == "cd" || k == "chdir") {
      errorlevel = 0;  // cd that succeeds clears ERRORLEVEL, in a .bat file too
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
        con.WriteMasked("\n" + con.Prompt() + expanded + "\n",
                        "\n" + con.Prompt() + EchoedLine(con, expanded, in.password_variables) + "\n");
      if (in.Execute(expanded) == Flow::kEnd) break;
    } catch (const NotUnderstood& e) {
      con.mute_out = con.mute_err = false;
      result.error = BatchDiagnostic{file_name, static_cast<int>(index + 1), e.message};
      break;
    }
  }
  // The end of the script ends every setlocal still open, the folder included; a script stopped
  // at a line the interpreter does not understand did not end as cmd would.
  if (!result.error && !in.window_closed)
    while (!in.saved_locals.empty()) in.EndLocal();
  result.errorlevel = in.errorlevel;
  result.commands = std::move(in.commands);
  result.failures = std::move(in.failures);
  result.window_closed = in.window_closed;
  return result;
}

}  // namespace sim
