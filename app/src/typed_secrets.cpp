// WithoutTypedSecrets (app/typed_secrets.h): a message without the words typed as a secret.
#include "app/typed_secrets.h"

#include <algorithm>

#include "fixer/secret.h"

namespace app {

std::string WithoutTypedSecrets(std::string message, int argc, const char* const* argv,
                                std::initializer_list<std::string_view> secret_options) {
  const auto is_secret = [&](std::string_view name) {
    return std::find(secret_options.begin(), secret_options.end(), name) != secret_options.end();
  };
  bool after = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    std::string_view typed = word;
    const size_t eq = word.find('=');
    if (word.starts_with("-") && word != "-") {
      after = is_secret(word);
      if (after) continue;  // the option's name; its value is the next word
      if (!word.starts_with("--") || eq == std::string_view::npos || !is_secret(word.substr(0, eq))) continue;
      typed.remove_prefix(eq + 1);  // --temp-password=VALUE, and the words after it
      after = true;
    } else if (!after) {
      continue;
    }
    if (typed.size() < 2) continue;  // "-" (read from input) or a character said anywhere
    // Past each mask put in: a password of stars ("**") is found in the mask itself.
    for (size_t at = message.find(typed); at != std::string::npos;
         at = message.find(typed, at + fixer::kMaskedSecret.size()))
      message.replace(at, typed.size(), fixer::kMaskedSecret);
  }
  return message;
}

}  // namespace app
