// cmd.exe's own echo and cd, over a Console.
//
// echo [S: cmd behaviour, M]: `echo` alone prints "ECHO is on." / "ECHO is off."; `echo on|off`
// switch command echo; `echo.` prints an empty line; otherwise the text after the one separator
// character, quotes and all (fixup.cmd's `echo "text"` prints the quotes), with any password the
// session was given masked [M: docs/windows-reference.md#choice-batch-masks-passwords]. Neither
// changes the errorlevel. cd [M]: `cd` alone prints the current folder; `cd [/d] PATH` changes it
// (one drive here), or prints "The system cannot find the path specified." and sets errorlevel 1
// (a file: "The directory name is invalid."); a folder the fake does not model is not guessed
// (NotModelled: fakes/path_knowledge.h).
#include <algorithm>

#include "cmd_common.h"
#include "fakes/commands.h"
#include "fakes/path_knowledge.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"

namespace fakes {

std::optional<int> RunEcho(Console& con, const std::string& rest) {
  // rest: what follows the word "echo", starting with its separator (" ", ".", ":" ...).
  std::string trimmed = rest;
  const bool all_blank = std::all_of(rest.begin(), rest.end(), [](char c) { return c == ' ' || c == '\t'; });
  if (all_blank) {
    con.WriteLine(con.echo_on ? "ECHO is on." : "ECHO is off.");
    return std::nullopt;
  }
  std::string text = rest.substr(1);
  if (rest[0] == ' ' || rest[0] == '\t') {
    std::string word = text;
    while (!word.empty() && (word.back() == ' ' || word.back() == '\t')) word.pop_back();
    while (!word.empty() && (word.front() == ' ' || word.front() == '\t')) word.erase(0, 1);
    const std::string lower = fixer::FoldWindowsName(word);
    if (lower == "on" || lower == "off") {
      con.echo_on = lower == "on";
      return std::nullopt;
    }
  }
  // [M] cmd prints a password as it is; no output of ours shows one the session was given.
  con.WriteMasked(text + "\n", MaskedSecrets(text, con.typed_secrets) + "\n");
  return std::nullopt;
}

std::optional<int> RunCd(Console& con, const std::vector<std::string>& args) {
  std::string target;
  for (const auto& a : args) {
    if (cmd::IsOption(a, "/d")) continue;
    target += (target.empty() ? "" : " ") + a;  // cd takes the rest of the line as one path
  }
  target = Unquote(target);
  if (target.empty()) {
    con.WriteLine(con.cwd);
    return std::nullopt;
  }
  const std::string path = ResolvePath(con, target);
  switch (KnowPath(con, path)) {
    case PathKnown::kFolder: break;
    case PathKnown::kFile:  // [M] cmd's text for a file named as a folder
      con.WriteLine("The directory name is invalid.", Stream::kErr);
      return 1;
    case PathKnown::kAbsent: con.WriteLine("The system cannot find the path specified.", Stream::kErr); return 1;
    case PathKnown::kNotModelled: throw NotModelled{"whether the folder " + fixer::QuotedValue(target) + " exists"};
  }
  con.cwd = path.size() == 2 ? path + "\\" : path;
  return std::nullopt;
}

}  // namespace fakes
