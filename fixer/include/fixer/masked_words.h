// A secret masked where it stands as a word of its own: no letter or digit touches it on either
// side. A password is hidden wherever it is said (`echo S3cret`, `PW=S3cret`, `"S3cret"`,
// `S3cret&&echo`), and the words that merely hold its letters stay readable: with the password
// `e`, `echo hello there` is shown as it is, not as `********cho h********llo ...`.
//
//   std::string shown = fixer::MaskedWords("net user bob e & echo e", "e");  // "net user bob ******** & echo ********"
//   shown = fixer::MaskedWords("echo hello", "e");                           // "echo hello"
#pragma once

#include <string>
#include <string_view>

namespace fixer {

// `text` with each occurrence of `secret` that no letter or digit (nor a byte of a UTF-8
// character) adjoins replaced by kMaskedSecret; "" is never masked.
std::string MaskedWords(std::string text, std::string_view secret);

}  // namespace fixer
