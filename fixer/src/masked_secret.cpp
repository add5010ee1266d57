// MaskedSecret (fixer/masked_secret.h): the one rule for hiding a secret in text.
#include "fixer/masked_secret.h"

#include <utility>

#include "fixer/secret.h"

namespace fixer {
namespace {

// A byte that may be part of a word: an ASCII letter or digit, or a byte of a UTF-8 character.
bool WordByte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b >= 0x80;
}

}  // namespace

std::string MaskedSecret(std::string text, std::string_view secret) {
  size_t unused = 0;
  return MaskedSecret(std::move(text), secret, unused);
}

std::string MaskedSecret(std::string text, std::string_view secret, size_t& position) {
  if (secret.empty()) return text;
  const bool anywhere = secret.size() >= kSecretBytesMaskedAnywhere;
  // A secret's own edge that is no word byte (`!` of `Passw0rd!`) ends it wherever it stands.
  const bool open_left = anywhere || !WordByte(secret.front());
  const bool open_right = anywhere || !WordByte(secret.back());
  for (size_t at = text.find(secret); at != std::string::npos;) {
    const size_t end = at + secret.size();
    const bool left = open_left || at == 0 || !WordByte(text[at - 1]);
    const bool right = open_right || end == text.size() || !WordByte(text[end]);
    if (left && right) {
      if (position >= end)
        position = position - secret.size() + kMaskedSecret.size();
      else if (position > at)
        position = at;
      text.replace(at, secret.size(), kMaskedSecret);
      at = text.find(secret, at + kMaskedSecret.size());  // past the mask: a secret of stars
    } else {
      at = text.find(secret, at + 1);
    }
  }
  return text;
}

}  // namespace fixer
