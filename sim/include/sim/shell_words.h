// Command lines a reader pastes into a POSIX shell (a sweep or explore violation's replay
// command): each word as it is when the shell would leave it alone, else in single quotes, a
// quote inside written '\''. File names with spaces, quotes, `$` or `*` replay as written.
//
//   sim::ShellQuote("tp s.yaml");                                   // "'tp s.yaml'"
//   sim::ShellCommand({"fixup-sim", "sweep", "it's.yaml", "--step", "3"});
//                                                // "fixup-sim sweep 'it'\''s.yaml' --step 3"
//   sim::ShellCommand({"fixup-sim", "run", sim::FileArgument("-x.yaml")});  // "fixup-sim run ./-x.yaml"
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace sim {

// `word` as one word of a POSIX shell: unchanged when it holds only letters, digits and
// `@%+=:,./_-` (and is not empty), else single-quoted.
std::string ShellQuote(std::string_view word);
// A file name as a command's argument: one that begins with '-', which the command would read as
// an option (`fixup-sim run -x.yaml` is "no paths"), as ./NAME; any other as it is.
std::string FileArgument(std::string_view path);
// The words, each ShellQuote'd, joined by spaces.
std::string ShellCommand(std::initializer_list<std::string_view> words);

}  // namespace sim
