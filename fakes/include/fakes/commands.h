// Fake command-line programs over a fake machine: what fixup.cmd and a support engineer type.
//
// Each prints what the Windows XP program prints (docs/windows-reference.md#net-commands, #runas,
// #aspnet-regiis) on the
// Console and returns the errorlevel it leaves. RunCommandLine finds the program the way
// cmd.exe would: net, runas and iisreset in %SystemRoot%\system32, bare or by their path (iisreset
// only where IIS is installed), aspnet_regiis in a framework folder (the current folder or an
// explicit path); another program of XP's system32 (sc, net1, cacls ...: fakes/path_knowledge.h)
// is NotModelled; a program by its path in a folder the fake does not model, or that may hold it,
// is NotModelled; in a folder that does not exist, "The system cannot find the path specified.";
// anything else is "not recognized" with errorlevel 9009.
//
//   #include "fakes/console.h"
//   fakes::FixedInput answer("1pass@word");
//   fakes::Console con(machine, answer);
//   std::optional<int> level = fakes::RunCommandLine(con, "net user ASPNET /delete");   // 0 or 2
//   level = fakes::RunCommandLine(con, "cd /d %SystemRoot%");  // expand %VAR% first (the batch does)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/console.h"

namespace fakes {

// cmd.exe's word splitting: spaces and tabs separate, double quotes group (and are kept).
std::vector<std::string> SplitCommandLine(const std::string& line);
// A word without its surrounding double quotes.
std::string Unquote(const std::string& word);

// The words of a command line (SplitCommandLine's) that `net user` reads as a password (net or
// net1, in any case, with a path or an extension, options anywhere, wherever on the line it
// starts): every word after the user name, as net refuses a stray one; not a `*`, which asks.
//   NetUserPasswordWords(SplitCommandLine("if errorlevel 1 net user %U% %PW% /add"))   // {6}
std::vector<size_t> NetUserPasswordWords(const std::vector<std::string>& words);

// `text` with each of `secrets` (but "" and "*", which asks) masked by fixer::MaskedSecret's rule:
// `net user` keeps its `e`s when a password is "e"; `xS3cret` is `x********`.
std::string MaskedSecrets(std::string text, const std::vector<std::string>& secrets);

// `line` as a report may show it: the password of `net user NAME PASSWORD` (NetUserPasswordWords)
// is "********" whether or not the command ran (a `*` asks for it and is shown), and so is each
// of `typed_secrets` where fixer::MaskedSecret masks it (`net user x PASSWORD&&echo done`). The rest of the line
// is kept as it is, spacing and all: a line with nothing to hide comes back unchanged. The
// console shows what was typed; a report outlives it.
//   MaskedCommandLine("NET.EXE USER /add dave  S3cret")   // "NET.EXE USER /add dave  ********"
std::string MaskedCommandLine(const std::string& line, const std::vector<std::string>& typed_secrets = {});

// Thrown by a fake program for a command line that is the real program's syntax but that the fake
// does not model (`net accounts`, `net user X /times:all`, `net help user`): what Windows would
// print is not guessed, and the caller reports the line as not supported
// (docs/legacy-replay.md). `what` names the command or option: "'net accounts'".
struct NotModelled {
  std::string what;
};

// A line that starts with one of cmd's internal commands (echo, cd, rem, set, goto, if ...):
// its name (lower case) and what follows it, as cmd splits them. cmd ends the name at a space or
// at the first of `,;=/+([].:\` (`cd/d C:\WINDOWS`, `rem/x`, `echo.`, `cd..`, `goto:eof`: the
// one rule of fakes/src/cmd_internal.cpp); nullopt for any other line (a program's).
//   SplitInternalCommand("cd/d C:\WINDOWS")   // {"cd", "/d C:\WINDOWS"}
struct InternalCommand {
  std::string name;
  std::string rest;  // from the character that ended the name: echo prints what follows it
  // `rest` without the delimiters (spaces, tabs, `,;=`) before its first argument.
  std::string Arguments() const;
};
std::optional<InternalCommand> SplitInternalCommand(const std::string& line);

// One command line (already %-expanded). Returns the new errorlevel, or nullopt when the
// command leaves it unchanged (echo, a successful cd, as cmd's internal commands do).
// Throws NotModelled for real syntax the fake does not model.
std::optional<int> RunCommandLine(Console& con, const std::string& line);

// The programs, for tests and for callers that resolved the program themselves.
// args: the words after the program name.
// Throws NotModelled for a subcommand or option of net.exe the fake does not model.
int RunNet(Console& con, const std::vector<std::string>& args);
int RunRunas(Console& con, const std::vector<std::string>& args);
int RunIisreset(Console& con, const std::vector<std::string>& args);
// `framework_version`: the folder the aspnet_regiis.exe run lives in ("1.0.3705").
int RunAspnetRegiis(Console& con, const std::string& framework_version, const std::vector<std::string>& args);
// cmd.exe internals: `echo ...` (the text after "echo", with its separator) and `cd`.
std::optional<int> RunEcho(Console& con, const std::string& rest);
std::optional<int> RunCd(Console& con, const std::vector<std::string>& args);

// A folder or file path made absolute against the console's current folder.
std::string ResolvePath(const Console& con, const std::string& path);
// Does this file or folder exist on the machine (drive roots always do)?
bool PathExists(const Console& con, const std::string& absolute_path);
// Is the session's caller an administrator (a member of Administrators, or SYSTEM)?
bool CallerIsAdmin(const Machine& machine);

}  // namespace fakes
