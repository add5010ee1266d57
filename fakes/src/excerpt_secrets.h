// The secrets an error's excerpt never quotes (load_result.cpp, AttachSource), in machine, scenario
// and state files, YAML or JSON, flow or block style:
//  - the value of a secret key: password, temp_password, password_hash, password_history, clear,
//    stored, answer, also when written as a map (`password: {Pa55}`), each entry masked whole
//    (policy's `password: {min_length: 15}` is a map of settings, shown);
//  - the data of every entry of a registry key's `values:` map, whatever its name (aspnet_setreg's
//    `password`, Winlogon's `DefaultPassword`); the names are shown;
//  - the password a scenario's command line gives `net user` (`command: net user bob ********`),
//    as the console masks it (fakes::MaskedCommandLine);
//  - a line that continues such a value or map from the lines above (`values:` then `  Pwd: x`
//    on the next line, a multi-line password), found from the lines above it by indentation;
//  - wherever the document holds them, the secrets its parse finds however they are spelled
//    (SecretSpansOf, excerpt_secret_spans.h: an escaped or quoted key, a value continued inside
//    a flow map), given as `known`; a document that does not parse has its line masked whole
//    where a construct the line continues, or the line itself, could hide one unseen.
//
//   std::vector<std::string> taken;
//   int column = 30;
//   MaskExcerptSecrets("objects:\n  - values:\n      Pwd: s3cret\n", 21, 36, taken, column);
//   // "      Pwd: ********", taken == {"s3cret"}, column 12 (the start of ********)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fakes {

// Key names (any spelling for a secret key, secret_key_names.h) the masking knows: a secret's, a policy setting's
// (shown inside policy's `password:` map), a registry key's `values:` map, a command line's.
bool IsSecretKey(std::string_view key);
bool IsPolicySetting(std::string_view key);
bool IsDataMapKey(std::string_view key);
bool IsCommandKey(std::string_view key);

// A part of the text to mask: bytes [begin, end) of it.
struct TextSpan {
  size_t begin = 0;
  size_t end = 0;
  bool unquoted = false;  // masked, but no message quotes it: kept out of `taken` (an unknown key's value)
};

// The line text[begin, end) with each secret on it replaced by ********; each value taken out is
// added to `taken` (a list's items one by one), so a message quoting it can lose it too. `column`
// (1-based, in bytes of the line) moves with the text: after a value, by what it lost; inside one,
// to its start. `known`: the secrets of text the document's parse found (SecretSpansOf), nullopt
// when it does not parse.
std::string MaskExcerptSecrets(std::string_view text, size_t begin, size_t end, std::vector<std::string>& taken,
                               int& column,
                               const std::optional<std::vector<TextSpan>>& known = std::vector<TextSpan>{});

}  // namespace fakes
