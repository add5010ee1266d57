// WithLongWordsCut (app/long_words.h): a message with each long word of the command line cut.
#include "app/long_words.h"

#include <string_view>

#include "fixer/quoted_value.h"

namespace app {

std::string WithLongWordsCut(std::string message, int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view word = argv[i];
    // `--option=VALUE`: CLI11 quotes the value alone, or the whole word; the longer first.
    for (int part = 0; part < 2; ++part) {
      if (part == 1) {
        const size_t eq = word.find('=');
        if (!word.starts_with("--") || eq == std::string_view::npos) break;
        word.remove_prefix(eq + 1);
      }
      if (word.size() <= fixer::kQuotedValueBytes) continue;
      const std::string cut = fixer::CappedValue(word);
      for (size_t at = message.find(word); at != std::string::npos; at = message.find(word, at + cut.size()))
        message.replace(at, word.size(), cut);
    }
  }
  return message;
}

}  // namespace app
