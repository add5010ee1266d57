// A usage error CLI11 found, said in the tools' own words (README.md, "Using the tools"): the
// option or the word named first, in the order the line gives them, never CLI11's phrases
// ("The following arguments were not expected: y x" listed the words last first, "1 required
// TEXT:FILE missing", "At Most 1 required but received 2", "A subcommand is required"):
//   a word no option or argument takes   'y' was not expected: show takes 1 argument
//                                        'a' and 'b' were not expected: matrix takes no arguments
//   an option the command does not have  --bogus: not an option of fixup-sim run
//   a verb's option before the verb      --json: an option of run, given before it: write it after run
//   a value left off at the end          --junit: has no value: nothing follows it
//   an option given twice                --seed: given 2 times: give it once
//   two options that exclude each other  --format and --json exclude each other: give one of them
//   no command                           give a command: run, matrix, show, sweep, legacy, compare or explore
//   a required argument or option left out   what app::Required was told: give at least one scenario
//                                            file or folder
// Other errors (a validator's) are CLI11's message as it stands, which the tools' validators
// already word. A word after `--` is an argument, never an option, and the
// `--` itself is never listed. Both tools mask typed secrets (app/typed_secrets.h) and cut long
// words (app/long_words.h) after this.
//
//   CLI::App app{"tool"};
//   bool json = false;
//   std::string file;
//   app.add_flag("--json", json, "print JSON");
//   app::Required(app.add_option("file", file, "a file"), "give the file to read");   // said when left out
//   const char* argv[] = {"tool", "x", "--bogus"};
//   try {
//     app.parse(3, argv);
//   } catch (const CLI::ParseError& e) {
//     std::string said = app::InOurWords(e, app, {.tool = "tool", .verb = "", .argc = 3, .argv = argv});
//     // "--bogus: not an option of tool"
//   }
#pragma once

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace app {

struct ParsedLine {
  std::string_view tool;  // "fixup-sim"
  std::string_view verb;  // the command the line names (app/named_command.h), "" for none
  int argc = 0;
  const char* const* argv = nullptr;
};

// The message of `e`, which CLI11 threw parsing `line` with `app` (a usage error, not --help or
// --version). A positional named `command` is the verb itself (aspnet-fixer's), not an argument
// the verb takes; fixup-sim's verbs are subcommands of `app`.
std::string InOurWords(const CLI::ParseError& e, CLI::App& app, const ParsedLine& line);

// Makes `option` (an argument or an option) required, and gives the words InOurWords says when a
// line leaves it out: what is missing and what it is, in the user's terms ("give at least one
// scenario file or folder", never CLI11's "paths is required"). Every required argument and
// option of both tools is made so. Returns `option`.
CLI::Option* Required(CLI::Option* option, const std::string& when_missing);

}  // namespace app
