// InOurWords (app/parse_errors.h): CLI11's usage errors in the tools' words.
#include "app/parse_errors.h"

#include <algorithm>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "app/named_command.h"
#include "fixer/quoted_value.h"

namespace app {
namespace {

struct Unexpected {
  std::string word;
  bool option;  // given before `--`, where a word that starts with `-` is an option
};

// The words CLI11 left over, in the order the line gives them (CLI11 lists them last first), each
// marked an option or an argument; the `--` that ends the options is none of them.
std::vector<Unexpected> LeftOver(const CLI::App& app, const ParsedLine& line) {
  std::vector<std::string> left = app.remaining(true);
  int options_end = line.argc;
  for (int i = 1; i < line.argc; ++i) {
    if (std::string_view(line.argv[i]) != "--") continue;
    options_end = i;
    if (auto it = std::find(left.begin(), left.end(), "--"); it != left.end()) left.erase(it);
    break;
  }
  std::vector<Unexpected> ordered;
  for (int i = 1; i < line.argc && !left.empty(); ++i) {
    if (i == options_end) continue;
    const auto it = std::find(left.begin(), left.end(), line.argv[i]);
    if (it == left.end()) continue;
    ordered.push_back({*it, i < options_end && IsOption(*it)});
    left.erase(it);
  }
  for (std::string& word : left) ordered.push_back({word, IsOption(word)});  // `-x` of a cluster `-vx`
  return ordered;
}

// The command the line names: `app`'s subcommand named `verb`, or `app` itself (a tool without
// subcommands, or no verb named).
const CLI::App& CommandOf(const CLI::App& app, std::string_view verb) {
  for (const CLI::App* sub : app.get_subcommands({}))
    if (sub->get_name() == verb) return *sub;
  return app;
}

// Required's words ride on the option as a validator that never runs (inactive: CLI11 neither
// calls it nor shows it in --help), found by this name.
constexpr const char* kWhenMissing = "when-missing";

// The words Required gave the option `name` of the command the line names (or of `app`), if any.
std::optional<std::string> WhenMissing(CLI::App& app, std::string_view verb, const std::string& name) {
  CLI::App* command = &app;
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    if (sub->get_name() == verb) command = sub;
  for (CLI::App* where : {command, &app}) {
    CLI::Option* option = where->get_option_no_throw(name);
    if (option == nullptr) continue;
    try {
      CLI::Validator words = *option->get_validator(kWhenMissing);  // a copy: the option's stays inactive
      return words.active(true).get_description();
    } catch (const CLI::OptionNotFound&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// "a, b or c".
std::string OneOf(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return out;
}

// How many arguments the command takes: its positionals but the one that names the verb.
size_t ArgumentsTaken(const CLI::App& app, std::string_view verb) {
  const CLI::App* command = &CommandOf(app, verb);
  size_t taken = 0;
  for (const CLI::Option* opt : command->get_options()) {
    if (opt->nonpositional() || opt->get_name() == "command") continue;
    taken += static_cast<size_t>(std::max(opt->get_items_expected_max(), 0));
  }
  return taken;
}

// "give a command: run, matrix, ... or explore": a line that names none.
std::string GiveACommand(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return "give a command: " + OneOf(names);
}

// Whether `name` is an option of one of the tool's commands (`--json` of every fixup-sim command).
bool IsACommandsOption(const CLI::App& app, const std::string& name) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->get_option_no_throw(name) != nullptr) return true;
  return false;
}

// The first option the line gives (before `--`) that no command of the tool has, by its name
// alone (a mistyped --temp-password=VALUE's value is never said); a known option's value is skipped.
std::optional<std::string> FirstUnknownOption(const CLI::App& app, const ParsedLine& line) {
  for (int i = 1; i < line.argc; ++i) {
    const std::string_view word(line.argv[i]);
    if (word == "--") break;
    if (!IsOption(word)) continue;
    const std::string name(word.substr(0, word.find('=')));
    const bool number = name.size() > 1 && name[1] >= '0' && name[1] <= '9';  // a value, not an option
    if (number) continue;
    if (app.get_option_no_throw(name) == nullptr && !IsACommandsOption(app, name)) return name;  // never its value
    if (name.size() == word.size() && (TakesValue(app, name) || TakesValue(CommandOf(app, line.verb), name))) ++i;
  }
  return std::nullopt;
}

std::string SayLeftOver(const std::vector<Unexpected>& words, const CLI::App& app, const ParsedLine& line) {
  const std::string command = std::string(line.tool) + (line.verb.empty() ? "" : " " + std::string(line.verb));
  for (const Unexpected& u : words) {
    if (!u.option) continue;
    // `fixup-sim --json run`: run's option, given where only fixup-sim's own options go.
    const std::string name = u.word.substr(0, u.word.find('='));
    const CLI::App& verb = CommandOf(app, line.verb);
    // `fixup-sim --json`: a command's option on a line that names no command.
    if (&verb == &app && IsACommandsOption(app, name)) return GiveACommand(app);
    if (&verb != &app && verb.get_option_no_throw(name) != nullptr)
      return fixer::CappedValue(name) + ": an option of " + std::string(line.verb) +
             ", given before it: write it after " + std::string(line.verb);
    return fixer::CappedValue(u.word) + ": not an option of " + command;
  }
  std::string listed;
  for (size_t i = 0; i < words.size(); ++i)
    listed += (i == 0 ? "" : i + 1 == words.size() ? " and " : ", ") + fixer::QuotedValue(words[i].word);
  const size_t taken = ArgumentsTaken(app, line.verb);
  const std::string who = line.verb.empty() ? std::string(line.tool) : std::string(line.verb);
  return listed + (words.size() == 1 ? " was" : " were") + " not expected: " + who + " takes " +
         (taken == 0   ? "no arguments"
          : taken == 1 ? "1 argument"
                       : std::to_string(taken) + " arguments");
}

// Where the line first gives the option `name` (`--format yaml`, `--format=yaml`), or argc.
int FirstGiven(const ParsedLine& line, std::string_view name) {
  for (int i = 1; i < line.argc; ++i) {
    const std::string_view word(line.argv[i]);
    if (word == "--") break;
    if (word == name || (word.starts_with(name) && word.size() > name.size() && word[name.size()] == '=')) return i;
  }
  return line.argc;
}

// "--format and --json exclude each other: give one of them", the two in the order typed.
std::string SayExcluded(const std::string& one, const std::string& other, const ParsedLine& line) {
  const bool typed_in_order = FirstGiven(line, one) <= FirstGiven(line, other);
  const std::string& first = typed_in_order ? one : other;
  const std::string& second = typed_in_order ? other : one;
  return first + " and " + second + " exclude each other: give one of them";
}

// The names the line typed the option CLI11 calls `name` by, in the order typed: `-v -v` is said
// as `-v`, not as `--verbose`, a word the user did not type; `-v --verbose` as both.
std::string AsTyped(CLI::App& app, const ParsedLine& line, const std::string& name) {
  const CLI::Option* option = app.get_option_no_throw(name);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    if (option == nullptr || sub->get_name() == line.verb)
      if (const CLI::Option* own = sub->get_option_no_throw(name); own != nullptr) option = own;
  if (option == nullptr) return name;
  std::vector<std::string> typed;
  for (int i = 1; i < line.argc; ++i) {
    const std::string_view word(line.argv[i]);
    if (word == "--") break;
    const std::string form(word.substr(0, word.find('=')));
    const bool names_it = (form.starts_with("--") && option->check_lname(form.substr(2))) ||
                          (form.size() == 2 && form[0] == '-' && option->check_sname(form.substr(1)));
    if (names_it && std::find(typed.begin(), typed.end(), form) == typed.end()) typed.push_back(form);
  }
  if (typed.empty()) return name;  // a cluster (`-vv`) names no form alone
  std::string said = typed[0];
  for (size_t i = 1; i < typed.size(); ++i) said += " and " + typed[i];
  return said;
}

}  // namespace

std::string InOurWords(const CLI::ParseError& e, CLI::App& app, const ParsedLine& line) {
  const std::string message = e.what();
  // (CLI11 names an ExtrasError after the app, so its type tells the kind, not get_name.)
  const bool left_over = dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr;
  const bool required = dynamic_cast<const CLI::RequiredError*>(&e) != nullptr;
  // CLI11 checks what is required before it says what was left over: `apply -x` said
  // "--machine is required" of a line whose first mistake is -x.
  if (left_over || required) {
    const std::vector<Unexpected> words = LeftOver(app, line);
    if (!words.empty()) return SayLeftOver(words, app, line);
  }
  // CLI11 validates the words before it says which it left over: `aspnet-fixer --machine m.json
  // diagnose` (a build without --machine) took m.json for the command. The unknown option is the
  // line's first mistake.
  if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) {
    if (std::optional<std::string> unknown = FirstUnknownOption(app, line))
      return fixer::CappedValue(*unknown) + ": not an option of " + std::string(line.tool) +
             (line.verb.empty() ? "" : " " + std::string(line.verb));
  }
  if (required && message == "A subcommand is required") return GiveACommand(app);
  if (std::smatch m; required && std::regex_match(message, m, std::regex(R"(^(\S+) is required$)"))) {
    if (std::optional<std::string> said = WhenMissing(app, line.verb, m[1].str())) return *said;
  }
  if (std::smatch m; dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr &&
                     std::regex_match(message, m, std::regex(R"(^(\S+) excludes (\S+)$)"))) {
    return SayExcluded(m[1].str(), m[2].str(), line);
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    std::smatch m;
    static const std::regex kMissing(R"(^(\S+): \d+ required .* missing$)");
    static const std::regex kTooMany(R"(^(\S+): At Most (\d+) required but received (\d+)$)");
    if (std::regex_match(message, m, kMissing)) return m[1].str() + ": has no value: nothing follows it";
    if (std::regex_match(message, m, kTooMany))
      return AsTyped(app, line, m[1].str()) + ": given " + m[3].str() + " times: give it " +
             (m[2].str() == "1" ? std::string("once") : "at most " + m[2].str() + " times");
  }
  return message;
}

CLI::Option* Required(CLI::Option* option, const std::string& when_missing) {
  CLI::Validator words(when_missing);
  words.name(kWhenMissing).active(false);
  return option->required()->check(words);
}

}  // namespace app
