// See sim/printed_words.h.
#include "sim/printed_words.h"

#include <algorithm>
#include <string_view>

#include "fakes/password_rules.h"
#include "fixer/masked_secret.h"

namespace sim {

void PrintedWordHashes::CatchUp(std::span<const std::string> texts) {
  for (; texts_hashed_ < texts.size(); ++texts_hashed_) {
    const std::string& text = texts[texts_hashed_];
    for (size_t begin = text.find_first_not_of(" \t\r\n"); begin != std::string::npos;) {
      const size_t end = std::min(text.find_first_of(" \t\r\n", begin), text.size());
      std::string_view word(text.data() + begin, end - begin);
      if (word.size() >= 2 && (word.front() == '"' || word.front() == '\'') && word.back() == word.front())
        word = word.substr(1, word.size() - 2);
      if (word.size() >= fixer::kSecretBytesMaskedAnywhere) hashes_.insert(fakes::NtHash(word));
      begin = text.find_first_not_of(" \t\r\n", end);
    }
  }
}

}  // namespace sim
