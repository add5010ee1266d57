// Command lines a reader pastes into bash (a failed scenario's rerun, a sweep or explore
// violation's replay command, aspnet-fixer's `resume --machine FILE` after an interruption), in
// both tools alike: each word as it is when the shell would leave it alone, else in
// single quotes, a quote inside written '\''; a word holding a character no reader can be shown
// (a tab, a line end, ESC, DEL, a C1 control, a byte that is not UTF-8: fixer::ShowableLength) in
// bash's $'...', that character written as \t, \n, \r or \xNN, which bash reads back as it. So
// the command is one line of characters a terminal shows as themselves, printed as it is, and
// pasted it names the same file: spaces, quotes, `$`, backquotes, `!`, `*` and escapes included.
//
//   app::ShellQuote("tp s.yaml");                                   // "'tp s.yaml'"
//   app::ShellQuote("a\tb\x1b.yaml");                               // "$'a\\tb\\x1b.yaml'"
//   app::ShellCommand({"fixup-sim", "sweep", "it's.yaml", "--step", "3"});
//                                                // "fixup-sim sweep 'it'\''s.yaml' --step 3"
//   app::ShellCommand({"fixup-sim", "run", app::FileArgument("-x.yaml")});  // "fixup-sim run ./-x.yaml"
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace app {

// `word` as one word of bash: unchanged when it holds only letters, digits and `@%+=:,./_-` (and
// is not empty), $'...' when it holds a character a reader cannot be shown, else single-quoted.
std::string ShellQuote(std::string_view word);
// A file name as a command's argument: one that begins with '-', which the command would read as
// an option (`fixup-sim run -x.yaml` is "no paths"), as ./NAME; any other as it is.
std::string FileArgument(std::string_view path);
// The words, each ShellQuote'd, joined by spaces.
std::string ShellCommand(std::initializer_list<std::string_view> words);

}  // namespace app
