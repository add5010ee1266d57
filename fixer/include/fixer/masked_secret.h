// The one rule for hiding a secret in text a reader is shown (a load error's message, a batch
// file's console, a usage error that echoes what was typed): a secret of 4 bytes or more is
// masked wherever it stands, inside a word, a path or a longer value too; a shorter one only where
// it stands as a word of its own (no letter or digit touches it on either side), as its letters
// are those of ordinary words: with the password `e`, `echo hello` stays readable. The secrets
// invariant (sim/invariants.h) looks for the same long ones anywhere in output, so masked text
// always passes it, and what it finds is a secret that reached output by a path that does not mask.
//
//   std::string shown = fixer::MaskedSecret("echo e & echo hello", "e");  // "echo ******** & echo hello"
//   shown = fixer::MaskedSecret("C:\\xS3cret\\log", "S3cret");            // "C:\\x********\\log"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fixer {

// A secret this long (bytes of its UTF-8) or longer is masked wherever it stands, and is what the
// secrets invariant looks for; a shorter one matches too many ordinary words to tell a leak from
// a coincidence.
inline constexpr size_t kSecretBytesMaskedAnywhere = 4;

// `text` with each occurrence of `secret` replaced by kMaskedSecret: every one when the secret is
// kSecretBytesMaskedAnywhere bytes or longer, else those that no letter or digit (nor a byte of a
// UTF-8 character) adjoins, an edge of the secret that is none of these ending it wherever it
// stands (`!` of `ab!`). The text is matched byte for byte, no character of the secret special;
// "" is never masked.
std::string MaskedSecret(std::string text, std::string_view secret);
// The same, with `position` (a byte offset into `text`, a column an error points at) moved with the
// text: past a masked secret by what it grew or lost, inside one to where the mask begins.
std::string MaskedSecret(std::string text, std::string_view secret, size_t& position);

}  // namespace fixer
