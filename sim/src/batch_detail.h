// The batch interpreter's pieces shared between its files: %-expansion, redirections, and the
// variables that hold a password.
//
//   std::string line = sim::batch::Expand(con, raw, file_name, args, &error);
//   sim::batch::Redirects r = sim::batch::TakeRedirects(line, &error);   // strips ">nul" etc.
//   sim::batch::PasswordVariables pw(lines);                             // PW of `net user ASPNET %PW%`
//   sim::batch::MaskedPasswordSets("set PW=S3cret", pw);                // "set PW=********"
//   pw.PasswordsIn("args", "ASPNET S3cret");                            // {"S3cret"}: `net user %ARGS%`
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fakes/console.h"

namespace sim::batch {

// Thrown by the pieces for a line the interpreter does not understand; RunBatch adds file:line.
struct NotUnderstood {
  std::string message;
};

// %VAR%, %%, %0-%9, %*, %~dp0, and cmd's dynamic variables (DynamicVariable). Undefined variables expand
// to nothing, as in a batch file; one XP has that the fake does not model stops the line.
std::string Expand(const fakes::Console& con, const std::string& line, const std::string& script,
                   const std::vector<std::string>& args, int errorlevel);

// Whether `word` is one of `if`'s comparison operators (EQU NEQ LSS LEQ GTR GEQ, in any case).
bool IsComparisonOperator(const std::string& word);
// `if LEFT OP RIGHT`'s condition as cmd evaluates it (sim/src/batch_compare.cpp); throws
// NotUnderstood for an ordering of text, which cmd does by the locale's collation.
bool Compare(const std::string& left, const std::string& op, const std::string& right, bool ignore_case);

// The value of cmd's dynamic variable `name` (%ERRORLEVEL%, %CD%, %CMDEXTVERSION%, %DATE%,
// %TIME%: sim/src/batch_dynamic.cpp), for a name the environment does not hold; nullopt for another.
std::optional<std::string> DynamicVariable(const fakes::Console& con, const std::string& name, int errorlevel);
// Throws NotUnderstood for a variable every XP cmd session has whose value the fake machine does
// not model (%RANDOM%, %CMDCMDLINE%, %NUMBER_OF_PROCESSORS% ...), when the script has not set it.
void RejectUnmodelledVariable(const fakes::Console& con, const std::string& name);

// The same for `if defined NAME`, and also for every dynamic variable of cmd (%CD%, %ERRORLEVEL%
// ...), which the script has not set: whether `if defined` counts them is not modelled.
void RejectDefinedDynamicVariable(const fakes::Console& con, const std::string& name);

struct Redirects {
  bool mute_out = false;
  bool mute_err = false;
};
// Removes redirections from `line` (outside quotes). Only NUL targets and 2>&1 are modelled.
Redirects TakeRedirects(std::string& line);
// Throws NotUnderstood if the line has a pipe, &, && or || outside quotes, or starts with `(` or `)`
// (a block's first or last line).
void RejectOperators(const std::string& line);

// The variables (folded names) a `net user` line of the batch file takes its password from, read
// before expansion (fakes::NetUserPasswordWords): PW in `net user %U% %PW%`, `net user ASPNET
// "%PW%" /add` and `if errorlevel 1 net user ASPNET x%PW%`, whose whole value is the password; and
// ARGS in `net user %ARGS%` or `net user ASPNET %ARGS%`, a word of its own before the password,
// whose value may hold the name and the password (`set ARGS=ASPNET S3cret`): the words of the
// value that land where net user reads its password once the line is expanded.
class PasswordVariables {
 public:
  explicit PasswordVariables(const std::vector<std::string>& lines);
  bool empty() const { return whole_.empty() && spread_.empty(); }
  // Whether `name` (folded) is one of them.
  bool Holds(const std::string& name) const { return whole_.count(name) > 0 || spread_.count(name) > 0; }
  // The names (folded).
  std::set<std::string> Names() const;
  // What of `value` is a password while `name` (folded) holds it: the whole value, or the words
  // of it a `net user` line takes as its password (unquoted); none for another variable.
  std::vector<std::string> PasswordsIn(const std::string& name, const std::string& value) const;
  // Keeps in `con`'s secrets what of `value` is a password while `name` (folded) holds it
  // (fakes::Console::RememberVariableSecret), letting go what it held before.
  void Remember(fakes::Console& con, const std::string& name, const std::string& value) const;

 private:
  // A `net user` line's words, and where on it the variable's word %NAME% stands.
  struct Use {
    std::vector<std::string> words;
    size_t at;
  };
  std::set<std::string> whole_;
  std::map<std::string, std::vector<Use>> spread_;
};
// The passwords the batch file's `net user` lines give written out (`net user ASPNET S3cret /add`:
// "S3cret"; unquoted), whether or not the line runs: secrets of the batch from its first line, so
// an `echo` of one before its `net user` ran shows it masked too. A word reading a variable is
// PasswordVariables' (its value is known only when set); REM and :: lines give none (their words
// are prose: "the net user line and ..." would make "and" a secret).
std::vector<std::string> PasswordsWrittenIn(const std::vector<std::string>& lines);

// `line` (expanded) with the password in the value masked wherever a `set` on it gives one of
// `variables` one: `set PW=S3cret` -> `set PW=********`, `if x==x set "PW=S3cret"` -> `if x==x set
// "PW=********"`, `set ARGS=ASPNET S3cret` -> `set ARGS=ASPNET ********`; the rest of the line as it is.
std::string MaskedPasswordSets(const std::string& line, const PasswordVariables& variables);

}  // namespace sim::batch
