// RefuseOptionNamesAsValues and ParseCommandLine (app/cli_values.h): what an option's value may be.
#include "app/cli_values.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/named_command.h"
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

// Why `value`, given to an option that takes one, is no value: "" when it is one.
std::string WhyNoValue(const std::string& value, const std::set<std::string>& names, const std::string& tool) {
  // `--junit --` wrote the report to a file named `--`: the word ends the options.
  if (value == "--") return "has no value: the word after it, '--', ends the options";
  if (names.count(value) == 0) return "";
  return "has no value: the word after it, '" + value + "', is an option of " + tool;
}

void Refuse(CLI::App& app, const std::shared_ptr<const std::set<std::string>>& names, const std::string& tool) {
  for (CLI::Option* opt : app.get_options()) {
    if (!opt->nonpositional()) continue;  // a positional: a word after `--` is meant
    // `--json --json` is said as `--seed 1 --seed 2` is ("given 2 times: give it once"): CLI11
    // keeps a bool flag's last and says nothing.
    // --help and --version ask for a text and end the run: asked twice, they ask the same.
    if (opt->get_expected_max() == 0 && opt->get_name() != "--help" && opt->get_name() != "--version")
      opt->multi_option_policy(CLI::MultiOptionPolicy::Throw);
    if (opt->get_type_size_max() == 0) continue;  // a flag takes no value
    // A transform goes first: this says what happened before a number check says "not a number".
    opt->transform(CLI::Validator([names, tool](std::string& value) { return WhyNoValue(value, *names, tool); }, ""));
  }
  for (CLI::App* sub : app.get_subcommands({})) Refuse(*sub, names, tool);
}

// The names of the non-positional options of `app` and its subcommands that take a value (--out,
// --seed) when `taking_value`, else of those that take none, the flags (--json, -v, --help).
void CollectOptionNames(const CLI::App& app, bool taking_value, std::set<std::string, std::less<>>& names) {
  for (const CLI::Option* opt : app.get_options()) {
    const bool takes_value = opt->get_expected_max() != 0 && opt->get_type_size_max() != 0;
    const bool flag = opt->get_expected_max() == 0;  // a flag expects no value
    if (!opt->nonpositional() || (taking_value ? !takes_value : !flag)) continue;
    for (const std::string& l : opt->get_lnames()) names.insert("--" + l);
    for (const std::string& s : opt->get_snames()) names.insert("-" + s);
  }
  for (const CLI::App* sub : app.get_subcommands({})) CollectOptionNames(*sub, taking_value, names);
}

struct OptionNames {
  std::set<std::string> all;                         // every option's names, of every command
  std::set<std::string, std::less<>> taking_values;  // those of options that take a value
};

// Throws for an option left without its value (`--out --json`, `--out=--json`, `--junit --`),
// said in the order typed: CLI11 hands such an option the next word whatever it is and validates
// the command's words first, so `aspnet-fixer --temp-password --machine m.yaml apply` said
// "command: m.yaml not in {...}" (and masked `apply`, taken for the password).
void RefuseValueLeftOff(const OptionNames& options, std::string_view word, const char* next, const std::string& tool) {
  const size_t eq = word.find('=');
  const std::string_view name = word.substr(0, eq);
  if (!IsOption(word) || options.taking_values.count(name) == 0) return;
  if (eq == std::string_view::npos && next == nullptr) return;  // "has no value: nothing follows it", CLI11's own
  const std::string value(eq != std::string_view::npos ? word.substr(eq + 1) : std::string_view(next));
  if (const std::string why = WhyNoValue(value, options.all, tool); !why.empty())
    throw CLI::ValidationError(std::string(name), why);
}

// The words after the program's name as CLI11's parse(std::vector&) takes them (last first), an
// empty `=` value a word of its own. A flag given a value (`--dry-run=0`, `--json=x`, `-v=1`) is
// refused: CLI11 alone reads `--dry-run=0` as no dry run, and says "Could not convert" of `--json=x`.
std::vector<std::string> CommandWords(const CLI::App& app, int argc, const char* const* argv) {
  std::set<std::string, std::less<>> flags;
  CollectOptionNames(app, /*taking_value=*/false, flags);
  OptionNames options;
  CollectNames(app, options.all);
  CollectOptionNames(app, /*taking_value=*/true, options.taking_values);
  std::vector<std::string> words;
  bool options_end = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word(argv[i]);
    if (word == "--") options_end = true;
    if (!options_end) RefuseValueLeftOff(options, word, i + 1 < argc ? argv[i + 1] : nullptr, app.get_name());
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
