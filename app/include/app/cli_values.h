// Option values that are the tool's own option names: a value forgotten, not given. CLI11 hands
// an option taking one value the next word whatever it is, so `--temp-password --machine m.yaml`
// would set the password to "--machine" and then say "--machine is required". After every option
// of a tool (and of its subcommands) is added, RefuseOptionNamesAsValues makes each option that
// takes a value refuse one of those names, naming the option that lacks its value (a usage error).
// CLI11 reads `--out=--json` and `--out --json` alike, so neither form passes such a value; nor
// `--`, which ends the options (`--junit --` wrote a report named `--`).
// A file option given an empty value (`--out "$UNSET"` in a script) names no file: kFileName
// refuses it, so it is never read as the option left out (in place, or standard output). A flag
// takes no value in any form: ParseCommandLine refuses `--dry-run=0` (CLI11 read it as no dry run).
// A value that becomes Windows text must be UTF-8 without a NUL (kWindowsText), said without the value.
//
//   CLI::App app{"tool"};
//   std::string out;
//   bool json = false;
//   app.add_option("--out", out, "write here")->check(app::kFileName);
//   app.add_flag("--json", json, "print JSON");
//   std::string password;
//   app.add_option("--temp-password", password, "a password")->check(app::kWindowsText);
//   app::RefuseOptionNamesAsValues(app, "tool");
//   // `tool --out --json` throws CLI::ValidationError:
//   //   "--out: has no value: the word after it, '--json', is an option of tool"
//   // `tool --out ''`: "--out: the file name is empty"
#pragma once

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace app {

// On `app` and each of its subcommands, at any depth: every non-positional option that takes a
// value refuses any option name (long or short, `--help` and `--version` among them) of the tree;
// `tool` names the program in the message.
void RefuseOptionNamesAsValues(CLI::App& app, const std::string& tool);

// `app.parse(argc, argv)`, but a long option's empty `=` value (`--out=`, `--junit=""`) is an
// empty value: CLI11 alone reads `--out=` as `--out` and takes the word after it as the value
// (a file then overwritten). A flag given a value (`--dry-run=0`, `--json=x`, `-v=1`) throws
// CLI::ArgumentMismatch "--dry-run: takes no value, but was given '0' ...". Words after `--` are kept as they are; the
// app is named after argv[0], as CLI11 names it. Throws what parse throws.
void ParseCommandLine(CLI::App& app, int argc, const char* const* argv);

// Whether the words before any `--` give `flag` ("--json"), alone or with a value (`--json=x`,
// which ParseCommandLine refuses): a usage error is then said in the form the flag asks for.
bool AsksFor(int argc, const char* const* argv, std::string_view flag);

// Why `value` names no text Windows could keep (a password, which Windows keeps as UTF-16): bytes
// that are not UTF-8 name no character, and a NUL ends every Windows string (docs/windows-reference.md
// #windows-text); "" when it can be Windows text. It says no byte of the value: it may be a secret.
std::string WhyNotWindowsText(std::string_view value);

// For an option whose value becomes Windows text (aspnet-fixer --temp-password, fixup-sim --answer):
// a value WhyNotWindowsText refuses is a usage error, "--temp-password: its bytes are not UTF-8 ...".
inline const CLI::Validator kWindowsText([](const std::string& value) { return WhyNotWindowsText(value); }, "TEXT");

// For an option whose value is a file or folder name: an empty value is refused.
inline const CLI::Validator kFileName(
    [](const std::string& value) { return value.empty() ? std::string("the file name is empty") : std::string(); },
    "FILE");

}  // namespace app
