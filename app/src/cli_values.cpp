// RefuseOptionNamesAsValues and ParseCommandLine (app/cli_values.h): what an option's value may be.
#include "app/cli_values.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/quoted_value.h"
#include "fixer/utf8.h"

namespace app {
namespace {

void CollectNames(const CLI::App& app, std::set<std::string>& names) {
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& l : opt->get_lnames()) names.insert("--" + l);
    for (const std::string& s : opt->get_snames()) names.insert("-" + s);
  }
  for (const CLI::App* sub : app.get_subcommands({})) CollectNames(*sub, names);
}

void Refuse(CLI::App& app, const std::shared_ptr<const std::set<std::string>>& names, const std::string& tool) {
  for (CLI::Option* opt : app.get_options()) {
    if (!opt->nonpositional()) continue;  // a positional: a word after `--` is meant
    // `--json --json` is said as `--seed 1 --seed 2` is ("given 2 times: give it once"): CLI11
    // keeps a bool flag's last and says nothing.
    if (opt->get_expected_max() == 0 && opt->get_name() != "--help")
      opt->multi_option_policy(CLI::MultiOptionPolicy::Throw);
    if (opt->get_type_size_max() == 0) continue;  // a flag takes no value
    // A transform goes first: this says what happened before a number check says "not a number".
    opt->transform(CLI::Validator(
        [names, tool](std::string& value) {
          // `--junit --` wrote the report to a file named `--`: the word ends the options.
          if (value == "--") return std::string("has no value: the word after it, '--', ends the options");
          if (names->count(value) == 0) return std::string();
          return "has no value: the word after it, '" + value + "', is an option of " + tool;
        },
        ""));
  }
  for (CLI::App* sub : app.get_subcommands({})) Refuse(*sub, names, tool);
}

// The names of the options of `app` and its subcommands that take no value (--json, -v, --help).
void CollectFlags(const CLI::App& app, std::set<std::string, std::less<>>& flags) {
  for (const CLI::Option* opt : app.get_options()) {
    if (!opt->nonpositional() || opt->get_expected_max() != 0) continue;  // a flag expects no value
    for (const std::string& l : opt->get_lnames()) flags.insert("--" + l);
    for (const std::string& s : opt->get_snames()) flags.insert("-" + s);
  }
  for (const CLI::App* sub : app.get_subcommands({})) CollectFlags(*sub, flags);
}

// The words after the program's name as CLI11's parse(std::vector&) takes them (last first), an
// empty `=` value a word of its own. A flag given a value (`--dry-run=0`, `--json=x`, `-v=1`) is
// refused: CLI11 alone reads `--dry-run=0` as no dry run, and says "Could not convert" of `--json=x`.
std::vector<std::string> CommandWords(const CLI::App& app, int argc, const char* const* argv) {
  std::set<std::string, std::less<>> flags;
  CollectFlags(app, flags);
  std::vector<std::string> words;
  bool options_end = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word(argv[i]);
    if (word == "--") options_end = true;
    if (const size_t eq = word.find('=');
        !options_end && word.starts_with('-') && eq != std::string_view::npos && flags.count(word.substr(0, eq)) > 0)
      throw CLI::ArgumentMismatch(std::string(word.substr(0, eq)) + ": takes no value, but was given " +
                                  fixer::QuotedValue(word.substr(eq + 1)) + " (" + fixer::CappedValue(word) +
                                  "): write " + std::string(word.substr(0, eq)) + " alone, or leave it out");
    if (!options_end && word.size() > 3 && word.starts_with("--") && word.ends_with('=') &&
        word.find('=') == word.size() - 1) {
      words.emplace_back(word.substr(0, word.size() - 1));
      words.emplace_back();
      continue;
    }
    words.emplace_back(word);
  }
  std::reverse(words.begin(), words.end());
  return words;
}

}  // namespace

void ParseCommandLine(CLI::App& app, int argc, const char* const* argv) {
  if (argc > 0) app.name(std::filesystem::path(argv[0]).filename().string());
  std::vector<std::string> words = CommandWords(app, argc, argv);
  app.parse(words);
}

std::string WhyNotWindowsText(std::string_view value) {
  for (size_t i = 0; i < value.size();) {
    const size_t length = fixer::Utf8SequenceLength(value, i);
    if (length == 0)
      return "its bytes are not UTF-8, so they name no text: Windows keeps it as UTF-16 text (the value is not shown)";
    if (value[i] == '\0')
      return "it holds a NUL character, which ends a Windows string: Windows would keep less than was given (the "
             "value is not shown)";
    i += length;
  }
  return "";
}

bool AsksFor(int argc, const char* const* argv, std::string_view flag) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view word(argv[i]);
    if (word == "--") return false;
    if (word == flag || (word.starts_with(flag) && word.substr(flag.size()).starts_with('='))) return true;
  }
  return false;
}

void RefuseOptionNamesAsValues(CLI::App& app, const std::string& tool) {
  auto names = std::make_shared<std::set<std::string>>();
  CollectNames(app, *names);
  Refuse(app, names, tool);
}

}  // namespace app
