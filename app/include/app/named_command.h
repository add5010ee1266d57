// The command a tool's command line names, read from its words, one rule for both tools (so a
// usage error found before the parser sets the command still names it: `aspnet-fixer apply:
// --dry-run: takes no value ...`, `fixup-sim run: ...`): the first word that names a command,
// options before it allowed (`fixup-sim --json run`, `aspnet-fixer --json apply`); none when the
// first word is neither an option nor a command (`aspnet-fixer frob apply` names none: frob is
// what is refused, not apply's); and none after `--`, which ends the options and the command: a
// word after it is never a command nor an option.
//
//   const char* argv[] = {"aspnet-fixer", "--json", "apply", "--machine", "m.yaml"};
//   auto is_verb = [](std::string_view word) { return word == "apply" || word == "plan"; };
//   std::string verb = app::NamedCommand(5, argv, is_verb);   // "apply"
//   const char* late[] = {"aspnet-fixer", "--json", "--", "apply"};
//   app::RefuseCommandAfterOptionsEnd(4, late, is_verb);   // throws CLI::ParseError
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace app {

// A word that reads as an option: `-` and one character more at least (`-` alone is a file name).
inline bool IsOption(std::string_view word) { return word.size() > 1 && word.starts_with('-'); }

// The command `argv` (argv[0] the program) names by the rule above; "" for none. A word right
// after an option `takes_value` says takes one is that option's value, never the command
// (`aspnet-fixer --temp-password apply --machine m.yaml` names none: `apply` is the password).
std::string NamedCommand(int argc, const char* const* argv, const std::function<bool(std::string_view)>& is_command,
                         const std::function<bool(std::string_view)>& takes_value = {});

// Whether `name` ("--machine") is an option of `app` itself (not of a subcommand) that takes a value.
bool TakesValue(const CLI::App& app, std::string_view name);

// Throws CLI::ParseError (a usage error) for a command word given only after `--` (`fixup-sim --
// run s.yaml`, `aspnet-fixer --machine m.yaml -- apply`): an operand there, it names no command.
// "command: 'apply' comes after '--', which ends the options and the command: name it first".
// Nothing when the line names its command before `--`, or its first word is no option (that word
// is refused as it stands).
void RefuseCommandAfterOptionsEnd(int argc, const char* const* argv,
                                  const std::function<bool(std::string_view)>& is_command);

}  // namespace app
