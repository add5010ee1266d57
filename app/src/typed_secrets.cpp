// WithoutTypedSecrets (app/typed_secrets.h): a message without the words typed as a secret.
#include "app/typed_secrets.h"

#include <algorithm>

#include <CLI/CLI.hpp>

#include "fixer/masked_secret.h"
#include "fixer/secret.h"

namespace app {

namespace {

// Whether `name` (--json, -v) is an option of `app` or of any of its commands.
bool IsOptionOf(const CLI::App& app, const std::string& name) {
  if (app.get_option_no_throw(name) != nullptr) return true;
  const auto commands = app.get_subcommands([](const CLI::App*) { return true; });
  return std::any_of(commands.begin(), commands.end(), [&](const CLI::App* c) { return IsOptionOf(*c, name); });
}

// `message` with `word` masked where it stands quoted as a value (`'apply'`, `"apply"`) only.
std::string MaskedWhereQuoted(std::string message, std::string_view word) {
  for (const char quote : {'\'', '"'}) {
    const std::string quoted = quote + std::string(word) + quote;
    const std::string masked = quote + std::string(fixer::kMaskedSecret) + quote;
    for (size_t at = message.find(quoted); at != std::string::npos; at = message.find(quoted, at + masked.size()))
      message.replace(at, quoted.size(), masked);
  }
  return message;
}

}  // namespace

std::string WithoutTypedSecrets(std::string message, int argc, const char* const* argv,
                                std::initializer_list<std::string_view> secret_options, const CLI::App* app,
                                const std::function<bool(std::string_view)>& is_tool_word) {
  const auto is_secret = [&](std::string_view name) {
    if (std::find(secret_options.begin(), secret_options.end(), name) != secret_options.end()) return true;
    // An option the tool does not know may be a secret one mistyped (--temp_password): its value
    // is never echoed either. A negative number is a value, not an option.
    const bool number = name.size() > 1 && name[1] >= '0' && name[1] <= '9';
    return app != nullptr && !number && !IsOptionOf(*app, std::string(name));
  };
  bool after = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    std::string_view typed = word;
    const size_t eq = word.find('=');
    if (word == "--") {  // the end of the options: what follows is no option's value
      after = false;
      continue;
    }
    if (word.starts_with("-") && word != "-") {
      const bool with_value = word.starts_with("--") && eq != std::string_view::npos;
      after = is_secret(with_value ? word.substr(0, eq) : word);
      if (!after || !with_value) continue;  // the option's name; its value is the next word
      typed.remove_prefix(eq + 1);          // --temp-password=VALUE, and the words after it
    } else if (!after) {
      continue;
    }
    if (typed.empty() || typed == "-") continue;  // "-" reads it from input: nothing typed to hide
    if (is_tool_word && is_tool_word(typed)) {
      message = MaskedWhereQuoted(std::move(message), typed);
      continue;
    }
    message = fixer::MaskedSecret(std::move(message), typed);
  }
  return message;
}

}  // namespace app
